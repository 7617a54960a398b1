import type { Context } from 'hono';

/** A form's text fields (files and repeated fields ignored), trimmed only where the caller asks. */
export async function readForm(c: Context): Promise<(name: string) => string> {
  const type = c.req.header('content-type') ?? '';
  const body = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data') ? await c.req.parseBody() : {};
  return (name) => {
    const value = body[name];
    return typeof value === 'string' ? value : '';
  };
}
