import { Hono } from 'hono';
import { currentStaff, type AdminEnv } from '../context.ts';
import type { AdminDeps } from '../deps.ts';
import { renderPage } from '../render.tsx';

/** GET /admin: the dashboard (a placeholder until the charts arrive). */
export function dashboardRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) =>
    renderPage(
      c,
      deps,
      { title: 'Tổng quan', active: 'dashboard' },
      <section class="card" id="dashboard">
        <p>Xin chào {currentStaff(c).displayName}.</p>
        <p class="hint">Biểu đồ thống kê (tin nhắn theo kênh, câu hỏi chưa trả lời, phản ánh theo trạng thái...) sẽ hiển thị tại đây.</p>
      </section>,
    ),
  );
  return app;
}
