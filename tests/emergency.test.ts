import assert from 'node:assert/strict';
import test from 'node:test';
import { decide, decidedLabel } from '../intents/decide.ts';
import { isEmergency } from '../intents/emergency.ts';
import { analyse } from '../intents/features.ts';
import { buildMatcher } from '../intents/matcher.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { trainingSet } from '../knowledge-base/training-set.ts';

/** As the matcher asks: the folded key as typed and the canonical reading (abbreviations expanded). */
const fires = (text: string): boolean => {
  const reading = analyse(text);
  return isEmergency(reading.typed, reading.tokens);
};

// Kinds of danger, each in several wordings (marked, plain, chat); none of these is a phrase listed in the rules.
const DANGER: ReadonlyArray<readonly [kind: string, texts: readonly string[]]> = [
  ['vehicle hits someone', ['xe tải cán người ở ngã tư Vị Thanh', 'xe container tong nguoi di duong', 'có xe máy tông trúng bé đi học', 'ong cu vua bi xe o to dung nam giua duong', 'xe khách cán chết một người rồi bỏ chạy']],
  ['about to take their life', ['có người định nhảy cầu Cần Thơ', 'ban toi doi tu tu, nhan tin la muon chet', 'một chị đang đứng trên lan can cầu định nhảy sông', 'chong em vua uong thuoc sau', 'em muốn tự tử']],
  ['trapped', ['thang máy chung cư bị kẹt, có người mắc kẹt trong thang máy', 'sap ham, 2 nguoi bi vui lap', 'nhà sập có người bị kẹt bên trong', 'be bi ket trong xe o to khoa cua']],
  ['drowning', ['có đứa nhỏ đuối nước ở mương', 'nuoc lu cuon troi mot nguoi o dap tran', 'thuyền lật giữa sông Hậu']],
  ['electrocution', ['thợ sửa điện bị điện giật trên cột', 'chạm dây điện, giật điện ngã xuống']],
  ['gas leak', ['bếp nhà bên rò rỉ gas mùi nồng lắm', 'xi gas trong phong tro, khong dam bat den', 'ro ri khi ga o quan an']],
  ['child missing now', ['con tôi 5 tuổi đi lạc từ chiều chưa về', 'be nha em mat tich tu sang, tim khong thay', 'có người bắt cóc bé ở cổng trường']],
  ['unconscious', ['ông cụ nằm bất động trước chợ', 'ba em tu nhien hon me, sui bot mep', 'có người ngất xỉu ở trạm xe buýt']],
  ['fire', ['cháy nhà rồi cứu với', 'khói bốc nghi ngút ở kho hàng', 'cháy ghe ngoài bến rồi, cứu với', 'đang cháy chợ Vị Thanh']],
];

// Near-misses: the same words, nothing in danger now.
const HARMLESS: ReadonlyArray<readonly [why: string, texts: readonly string[]]> = [
  ['past events', ['ông tôi chết đuối năm 1990, làm khai tử thế nào', 'năm ngoái nhà tôi bị cháy nhà, có được hỗ trợ không', 'tuần trước xe tải cán người ở ngã tư, giờ đã thông đường chưa']],
  ['roadside assistance adverts', ['dịch vụ cứu hộ giao thông 24/7 giá rẻ, gọi cứu hộ liên hệ 0909', 'nhan cuu ho giao thong uy tin, can cuu ho goi ngay']],
  ['diving as a sport', ['con tôi muốn học nhảy cầu ở bể bơi thành phố', 'lich thi nhay cau cua van dong vien tinh', 'môn nhảy cầu có trong đại hội thể thao không']],
  ['funerals and fire safety', ['tiền ma chay nhà nước hỗ trợ cho người già mất xin ở đâu', 'thẩm định thiết kế phòng cháy chữa cháy cho nhà xưởng', 'nghiem thu phong chay chua chay cho cong trinh']],
  ['procedures about the same things', ['thủ tục tuyên bố một người mất tích', 'ho tro cho nguoi bi tai nan giao thong chet thi lam ho so gi', 'chế độ bảo hiểm khi bị tai nạn lao động']],
  ['a living that folds like a fire', ['tui muốn lấy bằng thuyền trưởng để chạy ghe chở hàng', 'má tui đi chạy chợ mỗi sáng, có được mua bảo hiểm không', 'nghề chạy ghe chở khách qua sông cần giấy phép gì']],
  ['papers burnt long ago', ['giấy kết hôn mất bản chính, sổ ở xã cũng bị cháy rồi, làm lại được không', 'hồi đó nhà bị cháy rồi mất hết giấy tờ, giờ xin cấp lại căn cước sao']],
  ['things hit, not people', ['cột đèn ở ngã ba bị xe tải tông nghiêng', 'rao chan cau bi xe dung gay mot doan']],
  ['words that fold alike', ['đăng ký xe máy có cần người bảo lãnh không', 'dang ky xe dung nguoi khac dung ten duoc khong', 'nhà tôi định treo cờ Tổ quốc dịp lễ', 'muốn từ từ làm hồ sơ cho kỹ', 'rửa bát cốc xong thì đi ngủ', 'kẹt xe ở cầu Cần Thơ quá', 'tổng đài cứu hộ là số mấy', 'em chơi với bạn ở công viên']],
];

for (const [kind, texts] of DANGER) {
  test(`emergency rule: ${kind}`, () => {
    for (const text of texts) assert.equal(fires(text), true, text);
  });
}

for (const [why, texts] of HARMLESS) {
  test(`no emergency: ${why}`, () => {
    for (const text of texts) assert.equal(fires(text), false, text);
  });
}

test('the whole matcher sends the missed emergencies to 114/113/115 and leaves their near-misses alone', () => {
  const seed = readSeed();
  const matcher = buildMatcher(trainingSet(seed.entries, seed.definitions));
  const understood = (text: string): string => decidedLabel(decide(matcher.match(text)));
  for (const text of ['xe tải cán người', 'co nguoi dinh nhay cau', 'bé bị kẹt trong thang máy', 'con tôi đi lạc từ trưa chưa về']) {
    assert.equal(understood(text), 'intent:emergency', text);
  }
  for (const text of ['dịch vụ cứu hộ giao thông 24/7 giá rẻ', 'học nhảy cầu ở đâu', 'ông tôi chết đuối năm 1990 làm khai tử']) {
    assert.notEqual(understood(text), 'intent:emergency', text);
  }
});
