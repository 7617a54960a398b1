import type { Child } from 'hono/jsx';

/** What the last action did (`notice`, read out politely) and what went wrong (`error`, read out at once); either may be absent. */
export function Notice(props: { notice?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/**
 * A list table in its sideways-scrolling wrapper (a card when `card`): a caption for screen readers when given,
 * a header row of column titles, and `children` as the body rows.
 */
export function DataTable(props: { columns: readonly string[]; caption?: string; card?: boolean; class?: string; children?: Child }) {
  return (
    <div class={props.card ? 'table-wrap card' : 'table-wrap'}>
      <table class={props.class}>
        {props.caption ? <caption class="visually-hidden">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** The "from" and "to" date fields of a filter form (ids f-from and f-to, names from and to). */
export function DateRangeFields(props: { from: string; to: string; fromLabel: string }) {
  return (
    <>
      <div class="field">
        <label for="f-from">{props.fromLabel}</label>
        <input id="f-from" name="from" type="date" value={props.from} />
      </div>
      <div class="field">
        <label for="f-to">Đến ngày</label>
        <input id="f-to" name="to" type="date" value={props.to} />
      </div>
    </>
  );
}
