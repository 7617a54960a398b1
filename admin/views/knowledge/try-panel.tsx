import type { TryOutcome } from '../../routes/knowledge-try.ts';

const DECISION_TITLES = { answer: 'Trả lời', clarify: 'Hỏi lại (đưa lựa chọn)', 'not-understood': 'Không hiểu' } as const;

const percent = (score: number): string => `${Math.round(score * 100)}%`;

function Buttons(props: { titles: readonly string[] }) {
  return props.titles.length === 0 ? null : (
    <ul class="buttons" aria-label="Nút bấm">
      {props.titles.map((t) => (
        <li>{t}</li>
      ))}
    </ul>
  );
}

/** The decision and the reply per channel; everything here is text (escaped), a staff draft included. */
export function TryResult(props: { outcome: TryOutcome; buildMs: number }) {
  const { outcome } = props;
  const { decision, result } = outcome;
  const label = decision.kind === 'answer' ? decision.label : decision.kind === 'clarify' ? (decision.options[0]?.label ?? result.label) : decision.guess.label;
  return (
    <div>
      <p>
        <strong>Quyết định: {DECISION_TITLES[decision.kind]}</strong> · nhãn <code>{label}</code> ({outcome.titleOf(label)}) · điểm {percent(result.score)}
      </p>
      {decision.kind === 'clarify' ? (
        <p>Các lựa chọn đưa ra: {decision.options.map((o) => `${outcome.titleOf(o.label)} (${percent(o.score)})`).join('; ')}</p>
      ) : null}
      <details>
        <summary>Các nhãn gần nhất</summary>
        <ol class="scores">
          <li>
            {outcome.titleOf(result.label)} <code>{result.label}</code>: {percent(result.score)}
          </li>
          {result.alternatives.slice(0, 5).map((a) => (
            <li>
              {outcome.titleOf(a.label)} <code>{a.label}</code>: {percent(a.score)}
            </li>
          ))}
        </ol>
      </details>
      {outcome.note ? <p class="hint">{outcome.note}</p> : null}
      <section class="channel" aria-label="Trò chuyện trên web">
        <h4>Trò chuyện trên web</h4>
        {outcome.preview.webchat.map((m) => (
          <div>
            <div class="bubble">{m.text}</div>
            <Buttons titles={m.options} />
          </div>
        ))}
      </section>
      <section class="channel" aria-label="Zalo">
        <h4>Zalo</h4>
        {outcome.preview.zalo.map((m) => (
          <div>
            <div class="bubble">{m.text}</div>
            <Buttons titles={m.buttons} />
          </div>
        ))}
      </section>
      <section class="channel" aria-label="Telegram">
        <h4>Telegram</h4>
        {outcome.preview.telegram.map((m) => (
          <div>
            <div class="bubble">{m.text}</div>
            <Buttons titles={m.buttons} />
          </div>
        ))}
      </section>
      <section class="channel" aria-label="SMS">
        <h4>SMS</h4>
        {outcome.preview.sms.map((text) => (
          <div class="bubble" data-channel="sms">
            {text}
          </div>
        ))}
      </section>
      <p class="hint">Bộ nhận diện dựng từ bản nháp (mất {Math.round(props.buildMs)} ms, dùng lại cho đến lần lưu sau).</p>
    </div>
  );
}

export function TryBox(props: { entryId: string; question: string; outcome?: TryOutcome | undefined; buildMs?: number }) {
  return (
    <section class="card" id="try" aria-labelledby="try-heading">
      <h2 id="try-heading">Thử câu hỏi</h2>
      <p class="hint">Trợ lý trả lời theo các bản nháp đã lưu (chưa xuất bản), như người dân sẽ nhận.</p>
      <form method="get" action={`/admin/knowledge/${props.entryId}/try#try`} id="try-form" class="stack">
        <div class="field">
          <label for="try-q">Câu hỏi của người dân</label>
          <input id="try-q" name="q" value={props.question} required maxlength={500} />
        </div>
        <button type="submit" class="secondary">
          Thử
        </button>
      </form>
      <div id="try-result" tabindex={-1} aria-live="polite">
        {props.outcome ? <TryResult outcome={props.outcome} buildMs={props.buildMs ?? 0} /> : null}
      </div>
    </section>
  );
}
