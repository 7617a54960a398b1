import { placeholderValues, renderTemplate } from '../knowledge-base/render.ts';
import { mainMenuOptions } from './menu.ts';
import type { SiteConfig } from './site-config.ts';
import type { ChoiceOption, Reply } from './types.ts';

/**
 * The bot's own words (everything that is not a knowledge-base answer), in polite Vietnamese.
 * Each reply that a feature phone may receive also has a `short` form that fits one or two SMS.
 */
export function createReplies(site: SiteConfig) {
  const values = placeholderValues(site);
  const fill = (template: string): string => renderTemplate(template, values);
  const urgentLine = site.hotline ? ` Việc gấp xin gọi đường dây nóng ${site.hotline}.` : '';
  const menu = (text: string): Reply => ({ kind: 'choices', text, options: mainMenuOptions() });

  return {
    greeting: (): Reply[] => [
      menu(
        fill(`Xin chào! Tôi là ${site.assistantName} của {{province}}. Tôi có thể giải đáp thủ tục hành chính ` +
          '(khai sinh, căn cước, đất đai, kinh doanh, trợ cấp...) và nhận phản ánh hiện trường (đường hư, đèn tắt, rác, ngập...). ' +
          'Bạn cứ nhắn câu hỏi, hoặc chọn một mục dưới đây:'),
      ),
    ],
    help: (): Reply[] => [
      menu('Bạn có thể nhắn câu hỏi bằng lời của mình (có dấu hay không dấu đều được), ví dụ "làm căn cước ở đâu", ' +
        '"đèn đường hẻm 5 bị tắt". Hoặc chọn một mục (trả lời bằng số):'),
    ],
    thanks: (): Reply[] => [{ kind: 'text', text: 'Dạ không có gì ạ. Khi cần, bạn cứ nhắn cho tôi bất cứ lúc nào.' }],
    /** A message the system failed to handle on every attempt (a fault on our side, webhook-pipeline.ts). */
    handlingFailed: (): Reply[] => [
      {
        kind: 'text',
        text: fill('Xin lỗi bạn, hệ thống gặp sự cố nên chưa trả lời được tin nhắn vừa rồi của bạn. Cán bộ đã được báo để kiểm tra. ' +
          'Bạn vui lòng nhắn lại sau ít phút, ' +
          (site.hotline ? 'hoặc gọi đường dây nóng {{hotline}}.' : 'hoặc liên hệ bộ phận một cửa: {{oneStopAddress}}.')),
        short: fill(site.hotline
          ? 'Xin loi, he thong gap su co nen chua tra loi duoc tin nhan cua ban. Vui long nhan lai sau it phut hoac goi duong day nong {{hotline}}.'
          : 'Xin loi, he thong gap su co nen chua tra loi duoc tin nhan cua ban. Vui long nhan lai sau it phut hoac den bo phan mot cua UBND xa/phuong.'),
      },
    ],
    goodbye: (): Reply[] => [{ kind: 'text', text: 'Chào bạn, chúc bạn một ngày tốt lành! Khi cần hỏi thủ tục hay gửi phản ánh, bạn cứ nhắn lại nhé.' }],
    emergency: (): Reply[] => [
      {
        kind: 'text',
        text: 'KHẨN CẤP - xin gọi ngay:\n• 114: cháy, nổ, cứu nạn cứu hộ\n• 113: công an (cướp, đánh nhau, gây rối)\n• 115: cấp cứu y tế\n' +
          'Các số này gọi miễn phí. Tin nhắn với trợ lý không thay được cuộc gọi khẩn cấp.',
        short: 'KHAN CAP: goi ngay 114 (chay, cuu nan), 113 (cong an), 115 (cap cuu). Goi mien phi.',
      },
    ],
    /** The emergency numbers in one line, after an answer to a message that may have been about danger. */
    emergencyLine: (): Reply[] => [
      { kind: 'text', text: 'Nếu có nguy hiểm đến tính mạng, xin gọi ngay 114 (cứu nạn), 113 (công an), 115 (cấp cứu).', short: 'Neu nguy hiem: goi 114, 113, 115.' },
    ],
    /** After the emergency numbers, when the message also reads as one of these reports. */
    reportAfterEmergency: (options: readonly ChoiceOption[]): Reply[] => [
      { kind: 'choices', text: 'Nếu bạn cũng muốn gửi phản ánh để cán bộ xử lý, bạn chọn loại sự việc (trả lời bằng số):', options },
    ],
    /** Where no operator reply can arrive (the terminal chat): how to reach a person, never a promise no one keeps. */
    human: (): Reply[] => [
      {
        kind: 'text',
        text: fill('Hiện cán bộ chưa trả lời trực tiếp được qua kênh nhắn tin này. Để gặp cán bộ, bạn có thể:\n' +
          (site.hotline ? '• Gọi đường dây nóng {{hotline}}.\n' : '') +
          '• Đến bộ phận một cửa: {{oneStopAddress}}.\n• Giờ làm việc: {{officeHours}}.\n' +
          'Trong lúc chờ, bạn cứ nhắn câu hỏi, tôi sẽ cố gắng giải đáp.'),
        short: fill(site.hotline
          ? 'Can bo chua tra loi qua tin nhan nay. Xin goi duong day nong {{hotline}} hoac den bo phan mot cua UBND xa/phuong.'
          : 'Can bo chua tra loi qua tin nhan nay. Xin den bo phan mot cua UBND xa/phuong noi cu tru trong gio hanh chinh.'),
      },
    ],
    /** "thôi khỏi" after asking for a person, before anyone took it: the request is withdrawn. */
    handoffWithdrawn: (): Reply[] => [{
      kind: 'text',
      text: 'Dạ, tôi đã hủy yêu cầu gặp cán bộ. Khi cần hỏi thủ tục hay gửi phản ánh, bạn cứ nhắn cho tôi nhé.',
      short: 'Da huy yeu cau gap can bo. Khi can, ban cu nhan tin.',
    }],
    /**
     * "Gặp cán bộ" where an operator's reply can reach the resident (bot/handoff-service.ts): what happens next
     * and when, plus the hotline. `opening` ("07:00 ngày mai (thứ Ba, 03/03)") only outside the desk's hours.
     */
    handoffQueued: (when: { readonly minutes: number; readonly opening?: string; readonly windowHours?: number }): Reply[] => {
      // Unconfigured values are not put in the sentence (their placeholder text reads badly here): the desk itself.
      const urgent = site.hotline
        ? `Việc gấp xin gọi đường dây nóng ${site.hotline}.`
        : site.oneStopAddress
          ? `Việc gấp xin đến bộ phận một cửa: ${site.oneStopAddress}.`
          : 'Việc gấp xin đến bộ phận một cửa UBND xã/phường nơi cư trú trong giờ hành chính.';
      const urgentShort = site.hotline ? ` Viec gap goi ${site.hotline}.` : '';
      if (when.opening === undefined) {
        return [{
          kind: 'text',
          text: `Tôi đã chuyển yêu cầu của bạn đến cán bộ trực. Cán bộ sẽ trả lời bạn ngay tại đây, thường trong khoảng ${when.minutes} phút. ` +
            `Trong lúc chờ, bạn cứ nhắn thêm điều cần hỏi: cán bộ đọc được cả cuộc trò chuyện. ${urgent}`,
          short: `Da chuyen yeu cau den can bo. Can bo se tra loi tai day, thuong trong ${when.minutes} phut.${urgentShort}`,
        }];
      }
      return [{
        kind: 'text',
        text: `Tôi đã chuyển yêu cầu của bạn đến cán bộ. Hiện đã ngoài giờ làm việc, nên cán bộ sẽ trả lời bạn ngay tại đây khi bộ phận làm việc trở lại, từ ${when.opening}. ` +
          (when.windowHours === undefined ? '' : `Vì kênh này chỉ cho gửi tin trong ${when.windowHours} giờ sau tin nhắn cuối của bạn, sau ${when.opening} bạn nhắn lại một tin bất kỳ (ví dụ "chào") để nhận trả lời của cán bộ. `) +
          `${urgent} Trường hợp khẩn cấp xin gọi 113, 114, 115.`,
        short: `Da chuyen yeu cau den can bo. Ngoai gio lam viec: can bo se tra loi tai day tu ${when.opening}.${urgentShort}`,
      }];
    },
    /** A hand-off no one took within the set time: honest about the wait, and the hotline. */
    handoffNotTaken: (when: { readonly until?: string; readonly opening?: string }): Reply[] => {
      const urgent = site.hotline ? ` Việc gấp xin gọi đường dây nóng ${site.hotline}.` : '';
      const urgentShort = site.hotline ? ` Viec gap goi ${site.hotline}.` : '';
      const next = when.opening === undefined
        ? `Cán bộ sẽ trả lời bạn tại đây sớm nhất có thể${when.until ? `, trong giờ làm việc hôm nay (đến ${when.until})` : ''}.`
        : `Cán bộ sẽ trả lời bạn tại đây khi bộ phận làm việc trở lại, từ ${when.opening}.`;
      return [{
        kind: 'text',
        text: `Xin lỗi bạn, các cán bộ đang bận nên chưa nhận được yêu cầu của bạn. ${next}${urgent}`,
        short: `Xin loi, can bo dang ban. ${when.opening === undefined ? 'Can bo se tra loi tai day som nhat co the.' : `Can bo se tra loi tai day tu ${when.opening}.`}${urgentShort}`,
      }];
    },
    outOfScope: (): Reply[] => [
      menu(fill('Xin lỗi, nội dung này nằm ngoài phạm vi hỗ trợ của tôi. Nếu bạn hỏi về một thủ tục hành chính khác, ' +
        'xin tra cứu mục "Thủ tục hành chính" trên {{nationalPortal}} hoặc hỏi bộ phận một cửa UBND xã/phường nơi cư trú. ' +
        'Những việc tôi giúp được:')),
    ],
    notUnderstood: (): Reply[] => [
      menu(fill('Xin lỗi, tôi chưa hiểu rõ câu hỏi. Bạn thử nhắn ngắn gọn hơn (ví dụ "làm căn cước ở đâu"), ' +
        'hoặc chọn một mục dưới đây. {{contact}}')),
    ],
    /** A place with nothing asked or reported about it ("tôi ở ấp 2 xã Vị Thủy"): what do they need? */
    placeWithoutRequest: (): Reply[] => [
      menu('Bạn cần hỏi thủ tục gì, hay muốn phản ánh sự việc gì? Bạn nhắn rõ hơn giúp tôi (ví dụ "làm căn cước ở đâu", ' +
        '"đèn đường hẻm 5 bị tắt"), hoặc chọn một mục dưới đây:'),
    ],
    /** "cho em hỏi" with no question yet: go ahead. */
    askAway: (): Reply[] => [
      menu('Dạ, bạn cứ hỏi ạ. Bạn nhắn thủ tục cần hỏi hoặc sự việc cần phản ánh (ví dụ "làm căn cước ở đâu", ' +
        '"đèn đường hẻm 5 bị tắt"), hoặc chọn một mục dưới đây:'),
    ],
    /** The options of a question asked before, when what came back was not one of their numbers. */
    pickANumber: (options: readonly ChoiceOption[]): Reply[] => [
      { kind: 'choices', text: `Bạn vui lòng chọn một số từ 1 đến ${options.length}:`, options },
    ],
    clarify: (options: readonly ChoiceOption[]): Reply[] => [
      { kind: 'choices', text: 'Có phải bạn muốn hỏi (trả lời bằng số):', options },
    ],
    sectionMenu: (title: string, options: readonly ChoiceOption[]): Reply[] => [
      { kind: 'choices', text: `${title}. Bạn chọn một thủ tục (trả lời bằng số):`, options },
    ],
    rateLimited: (): Reply[] => [
      {
        kind: 'text',
        text: 'Bạn đã gửi nhiều tin nhắn liên tiếp. Tôi xin tạm dừng trả lời ít phút; sau đó bạn cứ nhắn tiếp nhé.' + urgentLine,
        short: 'Ban gui nhieu tin lien tiep. Xin doi it phut roi nhan tiep.',
      },
    ],
    smsStopped: (): Reply[] => [
      { kind: 'text', text: 'Bạn đã ngừng nhận tin nhắn thông báo từ tổng đài. Nhắn START để nhận lại.', short: 'Ban da ngung nhan tin thong bao. Nhan START de nhan lai.' },
    ],
    smsStarted: (): Reply[] => [
      { kind: 'text', text: 'Bạn đã đăng ký nhận lại tin nhắn thông báo. Nhắn câu hỏi để được giải đáp.', short: 'Ban da nhan lai tin thong bao. Nhan cau hoi de duoc giai dap.' },
    ],
    smsHelp: (): Reply[] => [
      {
        kind: 'text',
        text: fill('Nhắn câu hỏi về thủ tục (ví dụ: LAM CAN CUOC O DAU) hoặc mô tả sự việc cần phản ánh. Câu trả lời dài được gửi từng phần: nhắn THEM để xem tiếp. Nhắn STOP để ngừng nhận tin. {{contact}}'),
      },
    ],
    reportDraftExpired: (): Reply[] => [
      { kind: 'text', text: 'Phản ánh bạn đang soạn dở đã quá lâu nên tôi đã hủy; khi cần bạn cứ bắt đầu lại.' },
    ],
    emptyMessage: (): Reply[] => [{ kind: 'text', text: 'Bạn vui lòng nhắn câu hỏi của mình, ví dụ "làm căn cước ở đâu".' }],
  };
}

export type Replies = ReturnType<typeof createReplies>;
