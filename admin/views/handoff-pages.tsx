import { STAFF_LABEL, MAX_STAFF_REPLY, type Reach } from '../../bot/handoff-service.ts';
import type { Handoff } from '../../bot/handoffs.ts';
import { displayVietnam } from '../../bot/reports/vietnam-time.ts';
import { CsrfField } from './csrf-field.tsx';
import { DataTable, Notice } from './page-parts.tsx';

const CHANNEL_TITLES: Readonly<Record<string, string>> = { webchat: 'Web chat', zalo: 'Zalo', telegram: 'Telegram', sms: 'SMS', cli: 'Dòng lệnh (thử nghiệm)' };
const STATUS_TITLES: Readonly<Record<Handoff['status'], string>> = { waiting: 'Đang chờ cán bộ', held: 'Cán bộ đang xử lý', closed: 'Đã trả lại cho trợ lý' };

export const channelTitle = (channel: string): string => CHANNEL_TITLES[channel] ?? channel;

function When(props: { at: string | null }) {
  return props.at ? <time datetime={props.at}>{displayVietnam(props.at)}</time> : <span class="hint">—</span>;
}

function waitText(seconds: number | null): string {
  if (seconds === null) return 'chưa trả lời';
  if (seconds < 60) return `${seconds} giây`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} phút` : `${Math.round(minutes / 60)} giờ`;
}

/** The queue: channel and times only (no message text, no number), so any staff member may see how it stands. */
export function HandoffListPage(props: { open: readonly Handoff[]; closed: readonly Handoff[]; hoursSource: string; takeMinutes: number; canOpen: boolean }) {
  const rows = (list: readonly Handoff[]) => (
    <DataTable card columns={['Yêu cầu lúc', 'Kênh', 'Trạng thái', 'Cán bộ', 'Trả lời đầu tiên sau']}>
      {list.map((h) => (
        <tr>
          <td>
            {props.canOpen ? (
              <a href={`/admin/handoffs/${h.id}`}>
                <When at={h.requestedAt} />
              </a>
            ) : (
              <When at={h.requestedAt} />
            )}
            {h.outOfHours ? <span class="hint"> (ngoài giờ)</span> : null}
          </td>
          <td>{channelTitle(h.channel)}</td>
          <td>{STATUS_TITLES[h.status]}</td>
          <td>{h.takenBy ?? <span class="hint">—</span>}</td>
          <td>{waitText(h.firstReplySeconds)}</td>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <>
      <p class="hint">
        Giờ nhận trả lời: {props.hoursSource} (giờ Việt Nam). Người dân được báo nếu sau {props.takeMinutes} phút trong giờ làm việc chưa có cán bộ nhận.
      </p>
      <h2>Đang mở ({props.open.length})</h2>
      {props.open.length === 0 ? <p role="status">Không có người dân nào đang chờ.</p> : rows(props.open)}
      <h2>Mới trả lại cho trợ lý</h2>
      {props.closed.length === 0 ? <p class="hint">Chưa có.</p> : rows(props.closed)}
    </>
  );
}

export interface TranscriptLine {
  readonly direction: string;
  readonly kind: string;
  readonly text: string;
  readonly label: string | null;
  readonly at: string;
}

function speaker(line: TranscriptLine): string {
  if (line.direction === 'in') return 'Người dân';
  if (line.label === STAFF_LABEL) return 'Cán bộ';
  if (line.label?.startsWith('handoff:')) return 'Thông báo tự động';
  return 'Trợ lý';
}

export interface HandoffPageProps {
  readonly handoff: Handoff;
  readonly transcript: readonly TranscriptLine[];
  readonly reach: Reach;
  readonly csrf: string;
  readonly nonce: string;
  readonly me: string;
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  readonly draft?: string | undefined;
}

/** One hand-off: the whole conversation, whether a reply can reach the resident, and the operator's actions. */
export function HandoffPage(props: HandoffPageProps) {
  const h = props.handoff;
  const open = h.status !== 'closed';
  return (
    <>
      <p>
        <a href="/admin/handoffs">← Danh sách cần cán bộ</a>
      </p>
      <Notice notice={props.notice} error={props.error} />
      <section class="card" aria-label="Thông tin yêu cầu">
        <p>
          <strong>{STATUS_TITLES[h.status]}</strong> · {channelTitle(h.channel)} · yêu cầu lúc <When at={h.requestedAt} />
          {h.outOfHours ? ' (ngoài giờ)' : ''}
        </p>
        <p class="hint">
          {h.takenBy ? `Cán bộ nhận: ${h.takenBy}. ` : ''}Trả lời đầu tiên sau: {waitText(h.firstReplySeconds)}. Số lần trả lời: {h.replies}.
        </p>
        {open && h.takenBy !== props.me ? (
          <form method="post" action={`/admin/handoffs/${h.id}/take`}>
            <CsrfField token={props.csrf} />
            <button type="submit">{h.status === 'held' ? 'Nhận lại để xử lý' : 'Nhận xử lý'}</button>
          </form>
        ) : null}
      </section>

      <h2>Cuộc trò chuyện</h2>
      <ol class="card transcript" aria-label="Cuộc trò chuyện, cũ trước mới sau">
        {props.transcript.map((line) => (
          <li>
            <strong>{speaker(line)}</strong> <span class="hint">· <When at={line.at} /></span>
            {/* What residents typed is text: JSX escapes it, markup included. */}
            <p>
              {line.text.split('\n').map((part, i) => (i === 0 ? part : <><br />{part}</>))}
            </p>
          </li>
        ))}
      </ol>

      {open ? (
        <section class="card" aria-labelledby="reply-title">
          <h2 id="reply-title">Trả lời người dân</h2>
          {props.reach.ok && props.reach.waitsForResident !== undefined ? (
            <p class="alert" role="note">
              Lưu ý: {props.reach.waitsForResident}
            </p>
          ) : null}
          {props.reach.ok ? (
            <form method="post" action={`/admin/handoffs/${h.id}/reply`} class="stack">
              <CsrfField token={props.csrf} />
              <input type="hidden" name="nonce" value={props.nonce} />
              <div class="field">
                <label for="reply-text">Nội dung trả lời</label>
                <textarea id="reply-text" name="text" rows={5} maxlength={MAX_STAFF_REPLY} required aria-describedby="reply-hint">
                  {props.draft ?? ''}
                </textarea>
                <p id="reply-hint" class="hint">
                  Gửi qua {channelTitle(h.channel)}.
                  {h.channel === 'sms' ? ' Tin SMS được chuyển thành chữ không dấu; tin dài được tách thành nhiều tin.' : ''}
                  {h.status === 'waiting' ? ' Gửi trả lời là nhận xử lý: trợ lý ngừng tự trả lời cho tới khi bạn trả lại.' : ''}
                </p>
              </div>
              <button type="submit">Gửi trả lời</button>
            </form>
          ) : (
            <p class="alert" role="alert">
              Không gửi được tin trả lời: {props.reach.reason}
            </p>
          )}
          <form method="post" action={`/admin/handoffs/${h.id}/release`} data-confirm="Trả cuộc trò chuyện lại cho trợ lý tự động?">
            <CsrfField token={props.csrf} />
            <button type="submit" class="secondary">
              Xong, trả lại cho trợ lý
            </button>
          </form>
        </section>
      ) : (
        <p class="hint">
          Đã trả lại cho trợ lý lúc <When at={h.closedAt} /> ({h.closedBy}).
        </p>
      )}
    </>
  );
}
