import type { UpdateDeliveries } from '../../../bot/reports/service.ts';
import type { Report, ReportEvent } from '../../../bot/reports/types.ts';
import { STATUS_TITLES } from '../../../bot/reports/types.ts';
import type { StatsNames } from '../../stats/charts.ts';
import { ReportForms, type FormErrors } from './detail-forms.tsx';
import { StatusBadge, When } from './status-badge.tsx';
import { Notice } from '../page-parts.tsx';

export interface TranscriptLine {
  readonly direction: string;
  readonly kind: string;
  readonly text: string;
  readonly at: string;
}

export interface DetailProps {
  readonly report: Report;
  readonly events: readonly ReportEvent[];
  readonly duplicates: readonly Report[];
  readonly followers: number;
  /** What became of the update messages sent to followers; undefined where the outbox is not at hand. */
  readonly deliveries?: UpdateDeliveries | undefined;
  /** The reporter's channel as staff may see it ("Zalo"), never the phone number or chat id. */
  readonly channel: string | undefined;
  readonly transcript: readonly TranscriptLine[];
  readonly names: StatsNames;
  readonly canWrite: boolean;
  readonly csrf: string;
  readonly assignees: readonly string[];
  readonly back: string;
  readonly notice?: string | undefined;
  readonly errors?: FormErrors;
  /** What the failed form held, to show it again. */
  readonly values?: Readonly<Record<string, string>>;
}

/** An OpenStreetMap page centred on the point, zoomed to the street. */
export function mapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
}

/**
 * A photo as staff can open it: an http(s) address as a link (opened outside the workspace, so the page's CSP
 * stays 'self' for images); a Telegram file id only says where the photo is (fetching it needs the bot token).
 */
function Photo(props: { url: string; label: string }) {
  if (/^https?:\/\//i.test(props.url)) {
    return (
      <a href={props.url} target="_blank" rel="noopener noreferrer">
        {props.label} (mở trong thẻ mới)
      </a>
    );
  }
  if (props.url.startsWith('tg-file:')) return <span>{props.label}: gửi qua Telegram, xem trong cuộc trò chuyện Telegram của bot.</span>;
  return <span>{props.label}: {props.url}</span>;
}

const WHO: Readonly<Record<string, string>> = { in: 'Người dân', out: 'Trợ lý' };

/** The update messages' fate in words: did the residents get them? */
export function deliveriesText(d: UpdateDeliveries): string {
  const parts = [
    d.sent > 0 ? `đã gửi ${d.sent} tin` : '',
    d.sending > 0 ? `${d.sending} tin đang gửi` : '',
    d.waiting > 0 ? `${d.waiting} tin chờ người dân nhắn lại (Zalo chỉ cho gửi tin trong một thời hạn sau tin nhắn cuối của họ; tin được gửi ngay khi họ nhắn)` : '',
    d.failed > 0 ? `${d.failed} tin không gửi được${d.lastFailure ? ` (lần gần nhất: ${d.lastFailure.slice(0, 160)})` : ''}` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? 'Chưa gửi tin thông báo nào.' : `${parts.join('; ')}.`;
}

/** GET /admin/reports/:code: everything about a report, and (for operators) the forms that change it. */
export function ReportDetailPage(props: DetailProps) {
  const { report, names } = props;
  const place = [report.address, report.commune ? names.commune(report.commune) : undefined].filter(Boolean).join(', ');
  const photos = props.events.filter((e) => e.photoUrl);
  return (
    <>
      <link rel="stylesheet" href="/admin/assets/reports.css" />
      <p>
        <a href={props.back}>← Danh sách phản ánh</a>
      </p>
      <Notice notice={props.notice} />
      <div class="detail">
        <div>
          <section class="card" aria-labelledby="about">
            <h2 id="about">
              {report.code} · <StatusBadge status={report.status} />
            </h2>
            <dl class="facts">
              <dt>Chuyên mục</dt>
              <dd>{names.category(report.category)}</dd>
              <dt>Nội dung</dt>
              <dd class="text">{report.description}</dd>
              <dt>Địa điểm</dt>
              <dd>{place || 'Chưa rõ'}</dd>
              <dt>Bản đồ</dt>
              <dd>
                {report.location ? (
                  <a href={mapLink(report.location.latitude, report.location.longitude)} target="_blank" rel="noopener noreferrer">
                    Xem trên OpenStreetMap ({report.location.latitude}, {report.location.longitude})
                  </a>
                ) : (
                  'Người dân không gửi vị trí'
                )}
              </dd>
              <dt>Ảnh</dt>
              <dd>
                {report.photoUrl ? <Photo url={report.photoUrl} label="Ảnh người dân gửi" /> : 'Không có ảnh'}
                {photos.map((e) => (
                  <div>
                    <Photo url={e.photoUrl as string} label={`Ảnh kết quả (${STATUS_TITLES[e.status]})`} />
                  </div>
                ))}
              </dd>
              <dt>Gửi qua</dt>
              <dd>{report.source === 'open311' ? 'Open311 (ứng dụng bên ngoài)' : props.channel ?? 'Trò chuyện (kênh không còn rõ)'}</dd>
              <dt>Gửi lúc</dt>
              <dd>
                <When iso={report.createdAt} />
              </dd>
              <dt>Xử lý</dt>
              <dd>{report.assignee ?? 'Chưa giao'}</dd>
              <dt>Ghi chú công khai</dt>
              <dd class="text">{report.publicNote ?? '—'}</dd>
              <dt>Người theo dõi</dt>
              <dd>{props.followers} người dân nhận thông báo khi trạng thái thay đổi</dd>
              {props.deliveries ? (
                <>
                  <dt>Tin thông báo</dt>
                  <dd>{deliveriesText(props.deliveries)}</dd>
                </>
              ) : null}
              <dt>Liên kết</dt>
              <dd>
                {report.duplicateOf ? (
                  <div>
                    Trùng với <a href={`/admin/reports/${report.duplicateOf}`}>{report.duplicateOf}</a>
                  </div>
                ) : null}
                {props.duplicates.length > 0 ? (
                  <div>
                    Phản ánh trùng gộp vào đây:{' '}
                    {props.duplicates.map((d, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={`/admin/reports/${d.code}`}>{d.code}</a>
                      </>
                    ))}
                  </div>
                ) : null}
                {!report.duplicateOf && props.duplicates.length === 0 ? 'Không có' : null}
              </dd>
            </dl>
          </section>

          <section class="card" aria-labelledby="history">
            <h2 id="history">Lịch sử xử lý</h2>
            <ol class="history">
              {props.events.map((e) => (
                <li>
                  <When iso={e.createdAt} /> · <StatusBadge status={e.status} /> · <span class="hint">{e.actor}</span>
                  {e.note ? <div class="text">{e.note}</div> : null}
                </li>
              ))}
            </ol>
          </section>

          <section class="card" aria-labelledby="conversation">
            <h2 id="conversation">Cuộc trò chuyện của người gửi</h2>
            {props.transcript.length === 0 ? (
              <p class="hint">Không có cuộc trò chuyện (phản ánh gửi qua Open311, hoặc tin nhắn đã quá hạn lưu).</p>
            ) : (
              <ol class="transcript">
                {props.transcript.map((line) => (
                  <li class={line.direction === 'in' ? 'in' : 'out'}>
                    <span class="meta">
                      {WHO[line.direction] ?? line.direction} · <When iso={line.at} />
                    </span>
                    <span class="text">{line.text}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div>
          {props.canWrite ? (
            <ReportForms report={report} csrf={props.csrf} assignees={props.assignees} errors={props.errors ?? {}} values={props.values ?? {}} />
          ) : (
            <p class="card hint">Bạn có quyền xem; cán bộ điều hành (operator) mới đổi được trạng thái, giao việc và gộp phản ánh.</p>
          )}
        </div>
      </div>
    </>
  );
}
