/** Staff roles. Not a ladder: editors and operators do different work; admins may do everything. */
export const ROLES = ['admin', 'editor', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TITLES: Readonly<Record<Role, string>> = {
  admin: 'Quản trị',
  editor: 'Biên tập kiến thức',
  operator: 'Xử lý phản ánh, hội thoại',
  viewer: 'Chỉ xem',
};

/**
 * What a route needs:
 * - `public`: nobody signed in (log-in page, stylesheet);
 * - `signed-in`: any staff member with a live session, even one who must still change the password
 *   (the password page, log-out);
 * - a role: that role or admin; `viewer` means any staff member who has set their own password.
 */
export type Access = 'public' | 'signed-in' | Role;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a staff member with `role` may use a route that needs `access`. */
export function allows(access: Access, role: Role): boolean {
  if (access === 'public' || access === 'signed-in' || access === 'viewer') return true;
  return role === 'admin' || role === access;
}
