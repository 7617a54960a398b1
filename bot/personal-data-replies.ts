import type { ChoiceOption, Reply } from './types.ts';
import type { ErasureCounts } from './personal-data.ts';

/** The button values of the confirmation question (and what a digit picks on SMS). */
export const ERASE_CONFIRM = 'privacy:erase';
export const ERASE_KEEP = 'privacy:keep';

const OPTIONS: readonly ChoiceOption[] = [
  { value: ERASE_CONFIRM, title: 'Xác nhận xóa', short: 'Xac nhan xoa' },
  { value: ERASE_KEEP, title: 'Không xóa', short: 'Khong xoa' },
];

/** The resident's words about deleting their data, in polite Vietnamese; each has a short form for SMS. */
export const privacyReplies = {
  /** What will be deleted and what stays, then the question: nothing is deleted before the answer. */
  ask: (): Reply[] => [
    {
      kind: 'text',
      text:
        'Bạn muốn xóa dữ liệu cá nhân của mình (theo Nghị định 13/2023/NĐ-CP). Nếu xác nhận, tôi sẽ xóa:\n' +
        '• nội dung các tin nhắn giữa bạn và trợ lý;\n• trạng thái cuộc trò chuyện và các lựa chọn đang dở;\n' +
        '• câu hỏi chưa được trả lời đã lưu cho cán bộ;\n• đăng ký nhận tin về phản ánh.\n' +
        'Phản ánh bạn đã gửi vẫn được giữ để xử lý và công khai kết quả, nhưng được ẩn danh: bỏ liên kết với bạn và ẩn số điện thoại, email trong nội dung. ' +
        'Việc xóa không thể hoàn tác.',
      short:
        'Xoa du lieu (ND 13/2023): xoa tin nhan, trang thai tro chuyen, cau hoi luu cho can bo, dang ky nhan tin. ' +
        'Phan anh da gui duoc giu nhung an danh. Khong hoan tac duoc. Nhan XAC NHAN XOA de xac nhan.',
    },
    { kind: 'choices', text: 'Nhắn XAC NHAN XOA để xác nhận, hoặc chọn:', options: OPTIONS },
  ],
  kept: (): Reply[] => [
    { kind: 'text', text: 'Dạ, tôi không xóa gì cả. Dữ liệu của bạn vẫn giữ nguyên.', short: 'Da khong xoa gi. Du lieu cua ban giu nguyen.' },
  ],
  /** What was done, in numbers the resident can check against what they sent. */
  erased: (counts: ErasureCounts): Reply[] => {
    const parts = [
      `${counts.messages} tin nhắn`,
      `${counts.unanswered} câu hỏi lưu cho cán bộ`,
      `${counts.subscriptions} đăng ký nhận tin`,
    ];
    const reports = counts.reports > 0 ? ` ${counts.reports} phản ánh của bạn vẫn được giữ và đã được ẩn danh.` : '';
    return [
      {
        kind: 'text',
        text: `Đã xóa dữ liệu của bạn: ${parts.join(', ')}, cùng trạng thái cuộc trò chuyện.${reports} ` +
          'Từ nay trợ lý không còn lưu các tin nhắn cũ của bạn. Nếu nhắn tiếp, cuộc trò chuyện sẽ bắt đầu lại từ đầu.',
        short: `Da xoa du lieu: ${counts.messages} tin nhan, ${counts.unanswered} cau hoi, ${counts.subscriptions} dang ky nhan tin.` +
          (counts.reports > 0 ? ` ${counts.reports} phan anh duoc giu, da an danh.` : ''),
      },
    ];
  },
};
