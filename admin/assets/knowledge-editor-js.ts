/**
 * The knowledge pages' script (/admin/knowledge/assets/editor.js); every page works without it. It adds:
 * - the live SMS count under the SMS answer, with window.kbSmsCount (knowledge-sms-js.ts, the server's own rules);
 * - "Thử câu hỏi" answered in place (the same GET the form makes, asking for the result panel only);
 * - import in chunks with a progress bar (processed / total), instead of one long request.
 */
export const KNOWLEDGE_EDITOR_JS = `(() => {
  const sms = document.getElementById('f-shortAnswer');
  const count = document.getElementById('sms-count');
  const folded = document.getElementById('sms-folded');
  if (sms && count && window.kbSmsCount) {
    let values = {};
    try { values = JSON.parse(count.dataset.placeholders || '{}'); } catch (e) { values = {}; }
    const limit = Number(count.dataset.limit || '300');
    const update = () => {
      const c = window.kbSmsCount.countSms(sms.value, values);
      count.textContent = c.units + ' ký tự khi bỏ dấu · ' + c.segments + ' tin SMS' + (c.encoding === 'GSM-7' ? '' : ' (Unicode)') + (c.units > limit ? ' · vượt ' + limit + ' ký tự' : '');
      count.classList.toggle('over', c.units > limit);
      if (folded) folded.textContent = c.folded;
    };
    sms.addEventListener('input', update);
    update();
  }

  const tryForm = document.getElementById('try-form');
  const tryResult = document.getElementById('try-result');
  if (tryForm && tryResult) {
    tryForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const params = new URLSearchParams(new FormData(tryForm));
      params.set('partial', '1');
      tryResult.setAttribute('aria-busy', 'true');
      tryResult.textContent = 'Đang thử…';
      try {
        const response = await fetch(tryForm.action.split('#')[0] + '?' + params.toString(), { credentials: 'same-origin' });
        // The server renders and escapes the panel; it is our own markup.
        tryResult.innerHTML = await response.text();
      } catch (e) {
        tryResult.textContent = 'Không thử được (mất kết nối?). Hãy thử lại.';
      }
      tryResult.removeAttribute('aria-busy');
      tryResult.focus();
    });
  }

  const confirmForm = document.getElementById('import-confirm');
  const bar = document.getElementById('import-progress');
  const status = document.getElementById('import-status');
  if (confirmForm && bar && status && window.adminFetch) {
    confirmForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const payload = confirmForm.querySelector('[name="payload"]');
      let entries = [];
      try { entries = JSON.parse(payload.value); } catch (e) { confirmForm.submit(); return; }
      const total = entries.length;
      const size = 20;
      let done = 0, saved = 0, unchanged = 0, failed = 0;
      bar.max = total; bar.value = 0; bar.hidden = false;
      confirmForm.querySelector('button').disabled = true;
      for (let i = 0; i < total; i += size) {
        const response = await window.adminFetch('/admin/knowledge/import/chunk', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entries: entries.slice(i, i + size) }) });
        if (!response.ok) { status.textContent = 'Dừng ở mục ' + (done + 1) + ': máy chủ báo lỗi ' + response.status + '. Các mục trước đó đã được lưu thành bản nháp.'; return; }
        const result = await response.json();
        saved += result.saved; unchanged += result.unchanged; failed += result.failed.length;
        done = Math.min(total, i + size);
        bar.value = done;
        status.textContent = 'Đã xử lý ' + done + '/' + total + ' mục.';
      }
      window.location.assign('/admin/knowledge?done=imported&saved=' + saved + '&unchanged=' + unchanged + '&failed=' + failed);
    });
  }
})();
`;
