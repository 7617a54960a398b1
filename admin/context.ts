import type { Context } from 'hono';
import type { Role } from './roles.ts';

/** The person (or machine client) behind a request, as pages and the API see them. */
export interface CurrentStaff {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly mustChangePassword: boolean;
  /** The name written to the audit log and report history: the username, or "api-token". */
  readonly actor: string;
  readonly viaApiToken: boolean;
}

export type AdminEnv = {
  Variables: {
    staff: CurrentStaff | undefined;
    /** The session's CSRF token: put it in forms (CsrfField) and in fetch's x-csrf-token header. */
    csrfToken: string | undefined;
    sessionTokenHash: string | undefined;
  };
};

/** The staff member of a guarded route; the guard has already refused requests without one. */
export function currentStaff(c: Context<AdminEnv>): CurrentStaff {
  const staff = c.get('staff');
  if (!staff) throw new Error('currentStaff() on a route without a signed-in staff member: check admin/route-access.ts');
  return staff;
}

export function csrfToken(c: Context<AdminEnv>): string {
  return c.get('csrfToken') ?? '';
}
