import type { Child } from 'hono/jsx';
import type { CurrentStaff } from '../context.ts';
import type { NavBadges } from '../deps.ts';
import { accessFor } from '../route-access.ts';
import { allows, ROLE_TITLES } from '../roles.ts';
import { CsrfField } from './csrf-field.tsx';

export type NavKey = 'dashboard' | 'knowledge' | 'unanswered' | 'handoffs' | 'reports' | 'audit' | 'accounts' | 'none';

interface NavItem {
  readonly key: NavKey;
  readonly href: string;
  readonly label: string;
  readonly badge?: keyof NavBadges;
}

/** The workspace's sections; a page registered at `href` lights up its item (pass its key as `active`). */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', href: '/admin', label: 'Tổng quan' },
  { key: 'knowledge', href: '/admin/knowledge', label: 'Kiến thức' },
  { key: 'unanswered', href: '/admin/unanswered', label: 'Câu hỏi chưa trả lời' },
  { key: 'handoffs', href: '/admin/handoffs', label: 'Cần cán bộ', badge: 'handoffs' },
  { key: 'reports', href: '/admin/reports', label: 'Phản ánh' },
  { key: 'audit', href: '/admin/audit', label: 'Nhật ký' },
  { key: 'accounts', href: '/admin/accounts', label: 'Tài khoản' },
];

export interface LayoutProps {
  readonly title: string;
  readonly staff?: CurrentStaff | undefined;
  readonly csrfToken?: string | undefined;
  readonly active?: NavKey;
  readonly badges?: NavBadges;
  readonly children?: Child;
}

function visible(item: NavItem, staff: CurrentStaff): boolean {
  const access = accessFor('GET', item.href);
  // A section not built yet has no line in the table: show it, it answers 404 until someone builds it.
  return access === undefined || allows(access, staff.role);
}

function Navigation(props: { staff: CurrentStaff; csrfToken: string; active: NavKey; badges: NavBadges }) {
  const items = NAV_ITEMS.map((item) =>
    // Staff who may not manage accounts still manage their own password under "Tài khoản".
    item.key === 'accounts' && !visible(item, props.staff) ? { ...item, href: '/admin/password' } : item,
  ).filter((item) => item.href === '/admin/password' || visible(item, props.staff));
  return (
    <nav class="nav" aria-label="Điều hướng chính">
      <ul>
        {items.map((item) => {
          const count = item.badge ? props.badges[item.badge] : undefined;
          return (
            <li>
              <a href={item.href} aria-current={item.key === props.active ? 'page' : undefined}>
                {item.label}
                {item.badge ? (
                  <span class="badge" data-badge={item.badge} hidden={!count}>
                    <span class="visually-hidden">: </span>
                    {count ?? 0}
                    <span class="visually-hidden"> đang chờ</span>
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
        <li>
          <form method="post" action="/admin/logout" class="logout">
            <CsrfField token={props.csrfToken} />
            <button type="submit">Đăng xuất</button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

/** Every staff page: Vietnamese, phone-first, keyboard-usable (skip link, visible focus), no inline script or style. */
export function Layout(props: LayoutProps) {
  const staff = props.staff;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {staff && props.csrfToken ? <meta name="csrf-token" content={props.csrfToken} /> : null}
        <title>{`${props.title} · Không gian cán bộ`}</title>
        <link rel="stylesheet" href="/admin/assets/admin.css" />
        <script src="/admin/assets/admin.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Bỏ qua điều hướng
        </a>
        <header class="top">
          <span class="brand">Không gian cán bộ</span>
          {staff && !staff.viaApiToken ? (
            <span class="who">
              {staff.displayName} · {ROLE_TITLES[staff.role]}
            </span>
          ) : null}
        </header>
        {staff && !staff.mustChangePassword ? <Navigation staff={staff} csrfToken={props.csrfToken ?? ''} active={props.active ?? 'none'} badges={props.badges ?? {}} /> : null}
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
