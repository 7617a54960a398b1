import type { ChoiceOption, Reply } from '../types.ts';
import { displayVietnam } from './vietnam-time.ts';
import { STATUS_TITLES, type Report } from './types.ts';

/** The bot's words in the report flow and for report status, polite Vietnamese (SMS folds them). */
export const CONFIRM_VALUE = 'flow:confirm';
export const CANCEL_VALUE = 'flow:cancel';
export const SKIP_PHOTO_VALUE = 'flow:skip-photo';
export const UNKNOWN_COMMUNE_VALUE = 'flow:unknown-commune';

const text = (body: string, short?: string): Reply => ({ kind: 'text', text: body, ...(short ? { short } : {}) });

// Categories where what is reported may be a crime still unfolding: the police number goes with the report.
const POLICE_CATEGORIES = new Set(['an-ninh-trat-tu']);

const lowerFirst = (title: string): string => title.charAt(0).toLowerCase() + title.slice(1);

/**
 * On a channel that lets the bot write only for a while after the resident's last message (Zalo), an update that
 * comes later is held and sent when they next write (outbox-worker.ts): the promise says so, so it is kept.
 */
function windowNote(windowHours: number | undefined): string {
  if (windowHours === undefined) return '';
  return `\nLưu ý: sau ${windowHours} giờ kể từ tin nhắn gần nhất của bạn, kênh này chỉ gửi được thông báo khi bạn nhắn lại; khi đó các cập nhật đang chờ sẽ được gửi ngay cho bạn.`;
}

export const reportReplies = {
  /** Said when free text opens a report, so nobody files one without knowing; with 113 where it may be a crime. */
  opening: (categoryTitle: string, category: string): Reply[] => [
    text(
      `Tôi sẽ ghi nhận phản ánh của bạn về: ${lowerFirst(categoryTitle)}. Nếu không muốn gửi, bạn nhắn "hủy" bất cứ lúc nào.`,
      'Toi se ghi nhan phan anh cua ban. Nhan HUY neu khong muon gui.',
    ),
    ...reportReplies.police(category),
  ],
  police: (category: string): Reply[] =>
    POLICE_CATEGORIES.has(category)
      ? [
          text(
            'Nếu vụ trộm cắp, cướp giật, đánh nhau hay gây rối đang xảy ra hoặc vừa phát hiện, xin gọi ngay 113 (công an, miễn phí) để được xử lý kịp thời; phản ánh ở đây không thay được cuộc gọi đó.',
            'Trom cap, cuop, danh nhau dang/vua xay ra: goi ngay 113 (cong an, mien phi).',
          ),
        ]
      : [],
  askCategory: (options: readonly ChoiceOption[]): Reply[] => [
    { kind: 'choices', text: 'Bạn muốn phản ánh về việc gì? (trả lời bằng số, nhắn "hủy" để thôi)', options },
  ],
  askWhat: (categoryTitle: string): Reply[] => [text(`Phản ánh: ${categoryTitle}. Bạn mô tả ngắn sự việc giúp tôi (cái gì, từ khi nào)?`)],
  askWhere: (canShareLocation: boolean): Reply[] => [
    canShareLocation
      ? { kind: 'ask-location', text: 'Sự việc ở đâu? Bạn gửi vị trí (nút "Gửi vị trí") hoặc nhắn địa chỉ: số nhà, đường/hẻm, ấp/khu vực, xã/phường.' }
      : text('Sự việc ở đâu? Bạn nhắn địa chỉ: số nhà, đường/hẻm, ấp/khu vực, xã/phường.', 'Su viec o dau? Nhan dia chi: so nha, duong/hem, ap/khu vuc, xa/phuong.'),
  ],
  askCommune: (): Reply[] => [text('Sự việc thuộc xã/phường nào? Bạn nhắn tên xã/phường (ví dụ: phường Vị Tân, xã Hỏa Lựu).')],
  chooseCommune: (options: readonly ChoiceOption[]): Reply[] => [
    { kind: 'choices', text: 'Bạn chọn xã/phường (trả lời bằng số):', options: [...options, { value: UNKNOWN_COMMUNE_VALUE, title: 'Không rõ / nơi khác' }] },
  ],
  communeNotFound: (): Reply[] => [text('Tôi chưa tìm thấy xã/phường này. Bạn nhắn lại tên xã/phường, hoặc nhắn "không rõ".')],
  outsideArea: (province: string): Reply[] => [
    text(`Vị trí bạn gửi nằm ngoài địa bàn ${province}. Bạn gửi lại vị trí nơi xảy ra sự việc, hoặc nhắn địa chỉ.`),
  ],
  askPhoto: (): Reply[] => [
    { kind: 'choices', text: 'Bạn có thể gửi 1 ảnh chụp sự việc (không bắt buộc).', options: [{ value: SKIP_PHOTO_VALUE, title: 'Bỏ qua, không gửi ảnh' }] },
  ],
  confirm: (summary: string): Reply[] => [
    { kind: 'choices', text: `Gửi phản ánh: ${summary}`, options: [{ value: CONFIRM_VALUE, title: 'Gửi phản ánh' }, { value: CANCEL_VALUE, title: 'Hủy' }] },
  ],
  detailAdded: (detail: string): Reply[] => [
    text(`Đã thêm vào nội dung phản ánh: "${detail.length > 120 ? `${detail.slice(0, 117)}...` : detail}".`, 'Da them vao noi dung phan anh.'),
  ],
  kept: (): Reply[] => [text('Phản ánh bạn đang soạn vẫn được giữ; khi an toàn, bạn trả lời tiếp giúp tôi.', 'Phan anh dang soan van duoc giu.')],
  keptAfterQuestion: (): Reply[] => [text('Phản ánh bạn đang soạn vẫn được giữ; bạn trả lời tiếp câu hỏi dưới đây, hoặc nhắn "hủy" nếu không gửi nữa.', 'Phan anh dang soan van duoc giu. Tra loi tiep, hoac nhan HUY.')],
  cancelled: (): Reply[] => [text('Đã hủy phản ánh. Khi cần, bạn cứ nhắn lại.')],
  filed: (code: string, windowHours?: number): Reply[] => [
    text(
      `Đã nhận phản ánh, mã ${code}. Cán bộ sẽ xử lý và báo kết quả cho bạn tại đây. Để tra cứu, nhắn: tra cứu ${code}${windowNote(windowHours)}`,
      `Da nhan phan anh, ma ${code}. Can bo se xu ly va bao ket qua qua tin nhan. Tra cuu: nhan TRA CUU ${code}`,
    ),
  ],
  linked: (code: string, windowHours?: number): Reply[] => [
    text(
      `Sự việc này đã có người phản ánh (mã ${code}) và đang được xử lý. Tôi đã ghi nhận thêm thông tin của bạn; bạn sẽ nhận các cập nhật của phản ánh ${code}.${windowNote(windowHours)}`,
      `Su viec nay da duoc phan anh (ma ${code}) va dang duoc xu ly. Ban se nhan cap nhat cua phan anh ${code}.`,
    ),
  ],
  photoWithoutReport: (): Reply[] => [
    text('Tôi đã nhận ảnh. Nếu bạn muốn phản ánh sự việc, hãy nhắn mô tả ngắn (ví dụ: "đèn đường hẻm 5 bị tắt"); ảnh sẽ được gửi kèm.'),
  ],
  locationWithoutReport: (): Reply[] => [
    text('Tôi đã nhận vị trí. Nếu bạn muốn phản ánh sự việc tại đây, hãy nhắn mô tả ngắn (ví dụ: "cây ngã chắn đường").'),
  ],
  /** After the status, to "bao lâu thì sửa": no date is promised that nobody set; the updates are. */
  whenDone: (): Reply[] => [
    text('Thời gian xử lý tùy từng việc và đơn vị phụ trách; khi phản ánh được cập nhật, bạn sẽ nhận thông báo tại đây.', 'Thoi gian xu ly tuy tung viec; co cap nhat se bao ban tai day.'),
  ],
  notFound: (code: string): Reply[] => [text(`Không tìm thấy phản ánh ${code}. Bạn kiểm tra lại mã (dạng PA1234) giúp tôi.`)],
  noReports: (): Reply[] => [text('Bạn chưa gửi phản ánh nào từ tài khoản này. Nếu có mã phản ánh, bạn nhắn: tra cứu PA1234.')],
  /** `place` only for the reporter and followers; anyone else with the code sees the status alone. */
  status: (report: Report, categoryTitle: string, place: string | undefined): Reply[] => {
    const lines = [`Phản ánh ${report.code} (${categoryTitle.toLowerCase()}): ${STATUS_TITLES[report.status]}, cập nhật ${displayVietnam(report.updatedAt)}.`];
    if (report.publicNote) lines.push(`${report.status === 'rejected' ? 'Lý do' : 'Ghi chú'}: ${report.publicNote}`);
    if (report.duplicateOf) lines.push(`Phản ánh này được gộp vào ${report.duplicateOf}.`);
    if (place) lines.push(`Địa điểm: ${place}`);
    return [text(lines.join('\n'))];
  },
  list: (lines: readonly string[]): Reply[] => [text(['Các phản ánh của bạn:', ...lines].join('\n'))],
};
