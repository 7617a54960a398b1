/** The hidden field every state-changing form carries; the guard compares it with the session's token. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}
