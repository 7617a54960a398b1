/**
 * The workspace's one script, served at /admin/assets/admin.js. Pages work without it; it adds:
 * `adminFetch(url, init)`, fetch with the session's CSRF header, for pages that post JSON; and a confirmation
 * for forms marked data-confirm="question" (CSP forbids inline handlers, so this listens here).
 */
export const ADMIN_JS = `(() => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  window.adminFetch = (url, init = {}) => {
    const headers = new Headers(init.headers || {});
    if (meta) headers.set('x-csrf-token', meta.getAttribute('content') || '');
    return fetch(url, { ...init, headers, credentials: 'same-origin' });
  };
  document.addEventListener('submit', (event) => {
    const form = event.target;
    const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
    if (question && !window.confirm(question)) event.preventDefault();
  });
})();
`;
