import type { MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../context.ts';
import type { Role } from '../roles.ts';

/**
 * An extra check on top of the guard, for a route whose table line is looser than one of its uses (e.g. a
 * viewer may open a page but only admins may see one part of it). Admins always pass. Routes do not need it for
 * their main rule: admin/route-access.ts is applied to every route before any handler runs.
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const staff = c.get('staff');
    if (!staff) return c.text('Cần đăng nhập.', 401);
    if (staff.role !== 'admin' && !roles.includes(staff.role)) return c.text('Tài khoản của bạn không có quyền dùng chức năng này.', 403);
    await next();
  };
}
