/**
 * A short question right after an answer ("phí bao nhiêu", "ở đâu làm") is about that answer's topic: found
 * trying the terminal chat, where each got a clarification between unrelated topics or "ngoài phạm vi".
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assemble, type Assembly } from '../adapters/runtime/assemble.ts';
import { paginateSms } from '../adapters/channels/sms/pages.ts';
import { askedAspect, namesNothingElse, partsAbout } from '../bot/follow-up.ts';
import { nothingAskedYet } from '../bot/nothing-asked.ts';
import type { Reply } from '../bot/types.ts';
import { canonicalTokens } from '../intents/retrieval.ts';
import { readSeed } from '../knowledge-base/seed-files.ts';
import { TEST_SITE, temporaryDatabase, textMessage } from './helpers.ts';

const tokens = (text: string): readonly string[] => canonicalTokens(text);

test('what a short question asks about, in residents\' words; a longer message or a report is no such question', () => {
  const cases: Array<[string, ReturnType<typeof askedAspect>]> = [
    ['phí bao nhiêu', 'fee'],
    ['le phi bn', 'fee'],
    ['mất bao lâu', 'time'],
    ['bao lâu thì có', 'time'],
    ['ở đâu làm', 'where'],
    ['nop o dau vay', 'where'],
    ['cần giấy tờ gì', 'documents'],
    ['can giay gi', 'documents'],
    ['con mấy tuổi thì phải làm', 'who'],
    ['làm online được không', 'online'],
    ['làm sao', 'how'],
    ['trễ hạn có bị phạt không', 'late'],
    ['qua han co sao khong', 'late'],
    ['đèn đường tắt ba đêm rồi', undefined],
    ['cho hỏi tui ở ấp 3 xã Hỏa Lựu có con nhỏ 5 tuổi muốn làm giấy tờ đất thì phải đi đâu trước', undefined],
  ];
  for (const [text, aspect] of cases) assert.equal(askedAspect(tokens(text)), aspect, text);
  assert.equal(namesNothingElse(tokens('phí bao nhiêu')), true);
  assert.equal(namesNothingElse(tokens('con mấy tuổi thì phải làm')), true);
  assert.equal(namesNothingElse(tokens('cảm ơn, cho em hỏi phí bao nhiêu ạ')), true);
  assert.equal(namesNothingElse(tokens('còn hộ chiếu thì làm ở đâu')), false, '"hộ chiếu" names a topic');
});

test('the parts of a real entry that answer an aspect: a headed line, a heading with its list, or the lines that say it', () => {
  const entries = new Map(readSeed().entries.map((e) => [e.id, e.answer]));
  const fee = partsAbout(entries.get('can-cuoc') as string, 'fee');
  assert.equal(fee.length, 1);
  assert.match(fee[0] as string, /^Lệ phí: cấp lần đầu không thu lệ phí/);
  const documents = partsAbout(entries.get('tam-tru') as string, 'documents');
  assert.equal(documents.length, 1);
  assert.match(documents[0] as string, /^Hồ sơ gồm:\n• Tờ khai thay đổi thông tin cư trú/);
  assert.equal((documents[0] as string).split('\n').length, 4, 'the heading and its three bullets, nothing after');
  const where = partsAbout(entries.get('khai-sinh') as string, 'where');
  assert.deepEqual(where.map((p) => p.slice(0, 30)), ['Nơi làm: UBND xã/phường nơi cư'], 'a bullet heading, its bullet mark left out');
  // Both the deadline and the processing time answer "how long".
  assert.deepEqual(partsAbout(entries.get('khai-sinh') as string, 'time').map((p) => p.split(':')[0]), ['Thời hạn', 'Thời gian']);
  assert.deepEqual(partsAbout(entries.get('khai-sinh') as string, 'how'), [], '"how" is the whole answer');
  // Late: the deadline, and the line that says what happens past it.
  const late = partsAbout(entries.get('khai-sinh') as string, 'late');
  assert.deepEqual(late.map((p) => p.split(':')[0]), ['Thời hạn', 'Lệ phí']);
  assert.match(late[1] as string, /Quá 60 ngày vẫn đăng ký được/);
});

let assembly: Assembly;
let clock = new Date('2026-12-04T09:00:00+07:00');
let cleanup: () => Promise<void>;
before(async () => {
  const database = temporaryDatabase();
  cleanup = database.cleanup;
  assembly = await assemble(database.db, TEST_SITE, { now: () => clock });
});
after(async () => cleanup());

const say = async (text: string, user: string): Promise<Reply[]> => assembly.bot.handle(textMessage(text, user));
const textOf = (replies: readonly Reply[]): string => replies.map((r) => r.text).join('\n');

test('in a conversation, a follow-up gets the part of the answer just given; another topic named is answered as itself; half an hour on, it is read alone again', async () => {
  const user = 'follow-up-1';
  assert.match(textOf(await say('làm căn cước ở đâu', user)), /Luật Căn cước/);
  // It had been "Có phải bạn muốn hỏi: 1. Thanh toán phí, lệ phí trực tuyến 2. Hỗ trợ chi phí mai táng".
  const fee = await say('phí bao nhiêu', user);
  assert.equal(fee.length, 1);
  assert.equal(fee[0]?.kind, 'text');
  assert.match(textOf(fee), /^Về .*căn cước.*:\nLệ phí: cấp lần đầu không thu lệ phí/s);
  assert.doesNotMatch(textOf(fee), /Nơi làm:/, 'only the part asked about');
  assert.match(textOf(fee), /Nguồn: mã thủ tục/, 'with its source');
  // On SMS too the first page is the part asked about, not the entry's short answer again.
  assert.match(paginateSms(fee).now[0] as string, /Le phi: cap lan dau khong thu le phi/);
  // It had been "ngoài phạm vi".
  const who = await say('con mấy tuổi thì phải làm', user);
  assert.match(textOf(who), /Ai phải làm: công dân từ đủ 14 tuổi/);
  assert.match(paginateSms(who).now.join('\n'), /Ai phai lam: cong dan tu du 14 tuoi/, 'a short part is the SMS itself');
  // Another topic, named: answered as itself, and the next follow-up is about it.
  assert.match(textOf(await say('còn hộ chiếu thì làm ở đâu', user)), /^Hộ chiếu phổ thông làm tại/);
  assert.match(textOf(await say('lệ phí bao nhiêu', user)), /^Về Cấp hộ chiếu phổ thông:\nLệ phí: .*200\.000 đồng/s);
  clock = new Date(clock.getTime() + 31 * 60_000);
  assert.doesNotMatch(textOf(await say('lệ phí bao nhiêu', user)), /^Về Cấp hộ chiếu/, 'too long after: not taken for a follow-up');
  // Another resident, with no answer before: the question is read alone.
  assert.doesNotMatch(textOf(await say('phí bao nhiêu', 'follow-up-2')), /^Về /);
});

test('after a report is filed, "bao lâu thì sửa" gets its status and that updates will follow, no promised date', async () => {
  const user = 'follow-up-3';
  assert.match(textOf(await say('đèn đường hư ở hẻm 5 phường Vị Tân', user)), /Gửi phản ánh:/);
  const filed = textOf(await say('1', user));
  const code = /PA\d{4,6}/.exec(filed)?.[0];
  assert.ok(code, filed);
  // It had been "Có phải bạn muốn hỏi" between civil-status corrections and building permits.
  const when = textOf(await say('bao lâu thì sửa', user));
  assert.match(when, new RegExp(`${code}: .*Đã tiếp nhận`));
  assert.match(when, /Thời gian xử lý tùy từng việc.*bạn sẽ nhận thông báo tại đây/s);
  assert.doesNotMatch(when, /\d+ ngày/, 'no number of days promised');
  // Naming the thing reported, asking when: the same report, not a new one.
  const again = textOf(await say('đèn đường chừng nào sửa vậy', user));
  assert.match(again, new RegExp(`${code}: `));
  assert.doesNotMatch(again, /Tôi sẽ ghi nhận phản ánh|Gửi phản ánh:/);
  // With nothing filed, the same words are read alone.
  assert.doesNotMatch(textOf(await say('bao lâu thì sửa', 'follow-up-4')), /Thời gian xử lý tùy từng việc/);
});

test('"khi nào có người xuống" after a report: its status with the emergency numbers in a line, not the emergency alarm; danger named still is one', async () => {
  const user = 'follow-up-5';
  await say('đèn đường hư ở hẻm 5 phường Vị Tân', user);
  const code = /PA\d{4,6}/.exec(textOf(await say('1', user)))?.[0];
  assert.ok(code);
  // It had been "KHẨN CẤP - xin gọi ngay: 114 ... 113 ... 115" (the model reads "có người xuống" as someone falling).
  const when = textOf(await say('khi nào có người xuống', user));
  assert.match(when, new RegExp(`${code}: .*Đã tiếp nhận`));
  assert.doesNotMatch(when, /KHẨN CẤP/);
  assert.match(when, /Nếu có nguy hiểm đến tính mạng, xin gọi ngay 114/);
  // Danger named outright, even asking when: the emergency answer.
  assert.match(textOf(await say('có người bị điện giật bất tỉnh rồi, khi nào có người tới', user)), /^KHẨN CẤP/);
  assert.match(textOf(await say('em bé rớt xuống ao rồi', user)), /^KHẨN CẤP/);
  // With no report filed, the same words still get the emergency numbers first.
  assert.match(textOf(await say('khi nào có người xuống', 'follow-up-6')), /^KHẨN CẤP/);
});

test('a message that only says where someone lives is no street report: after an answer, where to do it; alone, what is needed', async () => {
  const user = 'follow-up-7';
  assert.match(textOf(await say('cho hỏi làm căn cước cho con 15 tuổi cần gì', user)), /Luật Căn cước/);
  // It had opened a road-damage report: "Gửi phản ánh: Hư hỏng đường ... tại ấp 2, xã Hỏa Lựu: "con tôi ở ấp 2 ..."".
  const where = textOf(await say('con tôi ở ấp 2 xã Hỏa Lựu', user));
  assert.match(where, /^Về .*căn cước.*:\nNơi làm: Công an xã\/phường/s);
  assert.doesNotMatch(where, /phản ánh/);
  // Unaccented, with no answer before: asked what is needed, no draft opened.
  const alone = await say('tui o hem 5 phuong vi tan', 'follow-up-8');
  assert.match(textOf(alone), /^Bạn cần hỏi thủ tục gì, hay muốn phản ánh sự việc gì\?/);
  assert.doesNotMatch(textOf(alone), /Gửi phản ánh|Tôi sẽ ghi nhận/);
  // A problem named at the same place is a report, as before.
  assert.match(textOf(await say('ổ gà ở ấp 2 xã Hỏa Lựu', 'follow-up-9')), /Gửi phản ánh: Hư hỏng đường/);
  assert.match(textOf(await say('nhà tui ở hẻm 5 phường Vị Tân, đèn đường tắt mấy đêm rồi', 'follow-up-10')), /Gửi phản ánh|Tôi sẽ ghi nhận phản ánh/);
  // Typed without marks or capitals, a named hamlet ran on over "bi ngap" as if part of its name, and the flooding
  // report was taken for a place alone ("Bạn cần hỏi thủ tục gì...").
  const flooded = await say('ap thanh loi xa vinh vien bi ngap', 'follow-up-26');
  assert.doesNotMatch(textOf(flooded), /^Bạn cần hỏi thủ tục gì/);
  const offered = flooded.flatMap((r) => (r.kind === 'choices' ? r.options.map((o) => o.value) : []));
  assert.ok(textOf(flooded).includes('Ngập úng') || offered.includes('report:cap-thoat-nuoc'), JSON.stringify(flooded));
});

test('a short message after an answer that names nothing alone is read with the topic: the procedures next to it; another subject keeps its own reading', async () => {
  const user = 'follow-up-11';
  assert.match(textOf(await say('đăng ký kết hôn cần giấy tờ gì', user)), /^Đăng ký kết hôn/);
  // Alone it had been offered guardianship, death and birth registration "with a foreign element".
  const foreign = textOf(await say('vợ em người Campuchia', user));
  assert.match(foreign, /1\) Thủ tục đăng ký kết hôn có yếu tố nước ngoài - mã 2\.000806/);
  assert.doesNotMatch(foreign, /giám hộ|khai tử/);
  // A question about something else, however short, is read alone.
  assert.match(textOf(await say('thủ tục nhận con nuôi', user)), /1\) Đăng ký việc nuôi con nuôi trong nước - mã 2\.001263/);
  // Nobody asked about marriage before: the same words keep their own reading.
  assert.doesNotMatch(textOf(await say('vợ em người Campuchia', 'follow-up-12')), /kết hôn/);
  // A short question naming another procedure keeps it first, though the topic's title brings a procedure that also
  // carries the topic's name: after the birth answer, a procedure joining birth registration and a health card for
  // children had come first for the fishing-vessel registration.
  const vessel = 'follow-up-28';
  assert.match(textOf(await say('cho hoi thu tuc dang ky khai sinh cho con', vessel)), /^Đăng ký khai sinh/);
  const asked = textOf(await say('toi muon hoi ve dang ky tau ca', vessel));
  assert.match(asked, /1\) Cấp giấy chứng nhận đăng ký tàu cá/);
  assert.doesNotMatch(asked, /khai sinh/);
  // A sure "not ours" with a price in it is no question about the topic's fee.
  const other = 'follow-up-13';
  await say('đăng ký kết hôn cần giấy tờ gì', other);
  assert.doesNotMatch(textOf(await say('giá vàng hôm nay', other)), /^Về Đăng ký kết hôn/);
  assert.match(textOf(await say('lệ phí bao nhiêu', other)), /^Về Đăng ký kết hôn:\nLệ phí: miễn lệ phí/);
  // Something seen in the street, read alone as a guess among street reports, is no question about the copy of a
  // record just answered (with the title before it, it had been that answer again).
  const street = 'follow-up-27';
  assert.match(textOf(await say('trích lục khai sinh', street)), /^Cấp bản sao trích lục hộ tịch/);
  assert.doesNotMatch(textOf(await say('cot dien nghieng sap do', street)), /trích lục/);
});

test('"Có phải bạn muốn hỏi" answered in words, not a number: read together with the question; a clear question of its own is read alone', async () => {
  const user = 'follow-up-14';
  assert.match(textOf(await say('trợ cấp', user)), /^Có phải bạn muốn hỏi/);
  // Alone it had been a choice between the social allowance, a public-order report and a complaint about a desk.
  const elderly = await say('bà nội tôi 82 tuổi', user);
  assert.match(textOf(elderly), /^Trợ cấp xã hội hằng tháng/);
  const attest = 'follow-up-15';
  await say('chứng thực', attest);
  // Alone: "ngoài phạm vi".
  const english = await say('giấy tờ tiếng Anh', attest);
  assert.equal(english[0]?.kind, 'choices');
  assert.deepEqual(english[0]?.kind === 'choices' ? english[0].options.map((o) => o.value) : [], ['kb:chung-thuc-ban-sao', 'kb:chung-thuc-chu-ky']);
  // A question of its own after the choice is answered as itself.
  const other = 'follow-up-16';
  await say('đăng ký', other);
  assert.match(textOf(await say('giờ làm việc mấy giờ', other)), /^Giờ làm việc/);
  // Told where one lives instead of choosing: the question again, and a number still picks from it.
  const place = 'follow-up-17';
  const asked = await say('trợ cấp', place);
  assert.deepEqual(await say('tôi ở ấp 2 xã Hỏa Lựu', place), asked);
  assert.match(textOf(await say('1', place)), /^Trợ cấp xã hội hằng tháng/);
});

test('after "Có phải bạn muốn hỏi", a place with a street report among the options files that report; "ừ" is asked for a number', async () => {
  const user = 'follow-up-18';
  const asked = await say('nhà em bị ngập', user);
  assert.ok(asked[0]?.kind === 'choices' && asked[0].options.some((o) => o.value === 'report:cap-thoat-nuoc'), textOf(asked));
  // It had been read alone as a road-damage report (before: a place only asked the question again).
  const draft = textOf(await say('ấp 3 xã Hỏa Lựu', user));
  assert.match(draft, /^Gửi phản ánh: Ngập úng.* tại ấp 3, xã Hỏa Lựu: "nhà em bị ngập, ấp 3 xã Hỏa Lựu"/);
  assert.match(textOf(await say('gửi', user)), /^Đã nhận phản ánh, mã PA\d+/);
  // A yes to "which of these?" says nothing of which: the options again, asked for a number; then a number picks.
  const yes = 'follow-up-19';
  await say('trợ cấp', yes);
  const again = await say('ừ', yes);
  assert.match(textOf(again), /^Bạn vui lòng chọn một số từ 1 đến 2:/);
  assert.match(textOf(await say('1', yes)), /^Trợ cấp xã hội hằng tháng/);
});

test('context kept through a place and a yes-or-no question: the entry answered stays what the resident asks about', async () => {
  const user = 'follow-up-20';
  assert.match(textOf(await say('đăng ký tạm trú', user)), /^Đăng ký tạm trú/);
  // It had been a choice between disaster support and the social allowance, and every question after it followed that.
  assert.match(textOf(await say('nhà trọ ở phường Vị Tân', user)), /^Đăng ký tạm trú/);
  assert.match(textOf(await say('cần giấy gì', user)), /^Về Đăng ký tạm trú.*:\nHồ sơ gồm:/);
  // "có cần bản vẽ không" alone had been offered an unrelated office licence from the catalogue: with the topic, the
  // building permit's answer again (its papers listed), not procedures that have nothing to do with it.
  const permit = 'follow-up-21';
  const first = textOf(await say('xin giấy phép xây dựng nhà', permit));
  assert.match(first, /^Giấy phép xây dựng nhà ở riêng lẻ/);
  assert.equal(textOf(await say('có cần bản vẽ không', permit)), first);
  // "cho con 3 tuổi" after the passport answer had been "ngoài phạm vi".
  const passport = 'follow-up-22';
  const answer = textOf(await say('làm hộ chiếu', passport));
  assert.match(answer, /^Hộ chiếu phổ thông/);
  assert.equal(textOf(await say('cho con 3 tuổi', passport)), answer);
});

test('a place typed at the confirmation that names a commune among other words is the place as the resident puts it', async () => {
  const user = 'follow-up-23';
  assert.match(textOf(await say('rac o cho vi thanh ko ai don', user)), /^Gửi phản ánh: Rác thải.* tại phường Vị Thanh:/);
  // Typed without capitals, "chợ" opens no address: the correction had changed nothing, unread.
  assert.match(textOf(await say('cho vi thanh phuong 1', user)), /^Gửi phản ánh: Rác thải.* tại cho vi thanh phuong 1, phường Vị Thanh:/);
});

test('nothing asked yet: "cho em hỏi" is invited to ask and "không biết" shown how, each with the menu; a question after them is answered', async () => {
  const words: Array<[string, ReturnType<typeof nothingAskedYet>]> = [
    ['cho em hỏi', 'wants-to-ask'],
    ['ad oi cho minh hoi chut', 'wants-to-ask'],
    ['dạ cho con hỏi với ạ', 'wants-to-ask'],
    ['không biết', 'does-not-know'],
    ['tui hổng biết gì hết', 'does-not-know'],
    ['ko bit', 'does-not-know'],
    ['không nhớ', 'does-not-know'],
    ['cho em hỏi làm căn cước', undefined],
    ['không biết đăng ký ở đâu', undefined],
    ['tạm biệt', undefined],
    ['không', undefined],
    ['cho em phản ánh ạ', 'wants-to-report'],
    ['phản ánh đèn đường', undefined],
  ];
  for (const [text, said] of words) assert.equal(nothingAskedYet(tokens(text)), said, text);

  const user = 'follow-up-24';
  // It had been "ngoài phạm vi" with the out-of-scope menu.
  const invited = await say('cho em hỏi', user);
  assert.match(textOf(invited), /^Dạ, bạn cứ hỏi ạ\./);
  assert.equal(invited[0]?.kind, 'choices', 'the menu comes with it');
  assert.match(textOf(await say('làm căn cước ở đâu', user)), /^Thẻ căn cước/);
  // It had been a goodbye ("Chào bạn, chúc bạn một ngày tốt lành!"): "tạm biệt" folds like it but for a syllable.
  const unsure = textOf(await say('khong biet', 'follow-up-25'));
  assert.match(unsure, /^Bạn có thể nhắn câu hỏi bằng lời của mình/);
  assert.match(textOf(await say('tạm biệt', 'follow-up-25')), /^Chào bạn, chúc bạn một ngày tốt lành/);
  // "tui muốn phản ánh" had opened a report of "vấn đề khác" with those words as what happened: now the categories.
  const reporting = await say('tui muốn phản ánh', 'follow-up-29');
  assert.match(textOf(reporting), /^Bạn muốn phản ánh về việc gì\?/);
  assert.ok(reporting.some((r) => r.kind === 'choices' && r.options.some((o) => o.value === 'report:moi-truong')));
  // Taking back with nothing to take back: a goodbye ("hủy" alone had been offered "Tiêu hủy biên lai", "bỏ" a complaint).
  for (const text of ['hủy', 'bỏ', 'không cần nữa ạ']) assert.match(textOf(await say(text, 'follow-up-28')), /^Chào bạn, chúc bạn một ngày tốt lành/, text);
});
