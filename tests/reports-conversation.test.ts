import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startRig, type Rig } from './channel-rig.ts';

/** What residents hit in issue 7: reports that forgot what was typed, opened silently, or were swallowed by an emergency. */
let rig: Rig;
before(async () => {
  rig = await startRig();
});
after(async () => rig.close());

const codeIn = (text: string): string | undefined => /PA\d{4,6}/.exec(text)?.[0];

async function telegramSay(chatId: number, text: string): Promise<string[]> {
  const before = rig.telegram.sentTo(chatId).length;
  assert.equal((await rig.telegram.send(rig.telegram.text(chatId, text))).status, 200);
  await rig.drain();
  return rig.telegram.sentTo(chatId).slice(before).map((m) => m.text);
}

test('a report picked from a clarification starts with the words that led to it: no second ask for what or where', async () => {
  const phone = '0911333001';
  const offered = await rig.sms(phone, 'duong bi ngap nang o hem 9 phuong Hung Phu');
  const line = /(\d)\. Ngap ung/.exec(offered);
  assert.ok(line, `flooding is offered: ${offered}`);
  const picked = await rig.sms(phone, line[1] as string);
  assert.match(picked, /Gui phan anh:.*hem 9, phuong Hung Phu/s, 'straight to the confirmation');
  const code = codeIn(await rig.sms(phone, '1'));
  assert.ok(code);
  const report = await rig.product.reports.get(code);
  assert.equal(report?.category, 'cap-thoat-nuoc');
  assert.equal(report?.description, 'duong bi ngap nang o hem 9 phuong Hung Phu');
  assert.equal(report?.address, 'hem 9');
  assert.equal(report?.commune, 'phuong-hung-phu');
});

test('places: the typed address is kept, an unclear commune is offered, a place typed at the confirmation is used', async () => {
  const chat = 8201;
  await telegramSay(chat, 'đèn đường tắt hẻm 7 đường Trần Hưng Đạo');
  let sent = await telegramSay(chat, 'ở ấp 3 xã Vị Thủy');
  assert.match(sent.at(-1)!, /ảnh/, 'the commune answered in a whole address is found');
  sent = await telegramSay(chat, 'bỏ qua');
  assert.match(sent.at(-1)!, /hẻm 7 đường Trần Hưng Đạo, ấp 3, xã Vị Thủy/);
  sent = await telegramSay(chat, 'à không, ở ấp Thạnh Lợi, xã Vị Thanh');
  assert.match(sent.at(-1)!, /chọn xã\/phường/, '"xã Vị Thanh" could be phường Vị Thanh or xã Vị Thanh 1');
  const options = rig.telegram.sentTo(chat).at(-1)!.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
  const titles = options.inline_keyboard.flat().map((b) => b.text);
  assert.ok(titles.some((t) => t.endsWith('xã Vị Thanh 1')) && titles.some((t) => t.endsWith('phường Vị Thanh')), titles.join(' | '));
  const before = rig.telegram.sentTo(chat).length;
  await rig.telegram.send(rig.telegram.tap(chat, options.inline_keyboard.flat().find((b) => b.text.endsWith('xã Vị Thanh 1'))!.callback_data));
  await rig.drain();
  assert.match(rig.telegram.sentTo(chat).slice(before).at(-1)!.text, /Gửi phản ánh:.*ấp Thạnh Lợi, xã Vị Thanh 1/s, 'the correction replaced the place');
  const filed = await telegramSay(chat, '1');
  const report = await rig.product.reports.get(codeIn(filed.at(-1)!) as string);
  assert.equal(report?.address, 'ấp Thạnh Lợi');
  assert.equal(report?.commune, 'xa-vi-thanh-1');
});

test('a report opened from free text says so and how to cancel; a theft gets 113 beside the report', async () => {
  let noisy = await telegramSay(8202, 'chó nhà bên sủa suốt đêm không ai ngủ được');
  // Noise may be read as a close call between report categories; picking one must still say a report opens.
  const asked = /Có phải bạn muốn hỏi/.test(noisy.join('\n'));
  if (asked) {
    const lines = noisy.join('\n').split('\n');
    const pick = lines.find((line) => /tiếng ồn/.test(line))?.match(/^(\d+)\./)?.[1];
    assert.ok(pick, 'the noise category is among the options');
    noisy = await telegramSay(8202, pick);
  }
  assert.match(noisy.join('\n'), /Tôi sẽ ghi nhận phản ánh/);
  assert.match(noisy.join('\n'), /"hủy"/);
  assert.match(noisy.at(-1)!, /ở đâu/);

  const theft = await telegramSay(8203, 'bị trộm xe ngay trước nhà');
  assert.match(theft.join('\n'), /113/);
  assert.match(theft.join('\n'), /Tôi sẽ ghi nhận phản ánh/);
  assert.match(theft.at(-1)!, /ở đâu/, 'the report goes on');
});

test('an emergency that says only where it happens gets the numbers and no report; the next question is answered', async () => {
  // "ở ấp 3" left once the danger words were cut out had been read as a road report: the resident who had just been
  // given 114 was asked for the commune of a pothole, and the next question was taken for a commune's name.
  const fire = await telegramSay(8204, 'co chay nha o ap 3, cuu voi');
  assert.match(fire.join('\n'), /114/);
  assert.doesNotMatch(fire.join('\n'), /ghi nhận phản ánh|xã\/phường nào/);
  const next = await telegramSay(8204, 'đăng ký kết hôn cần giấy tờ gì');
  assert.match(next.join('\n'), /Đăng ký kết hôn/);
  assert.doesNotMatch(next.join('\n'), /chưa tìm thấy xã\/phường|Gửi phản ánh/);
  // A danger with what else happened still opens that report ("cây đổ" with the place).
  const tree = await telegramSay(8205, 'cây đổ đè lên người ở đường 3/2, cứu với');
  assert.match(tree.join('\n'), /114|115/);
  assert.match(tree.join('\n'), /cây xanh|Cây xanh|ghi nhận phản ánh|Có phải bạn muốn/);
});

test('a question of ours sent where the report asks for the commune is answered; the report then goes on', async () => {
  const chat = 8206;
  let sent = await telegramSay(chat, 'đèn đường tắt hẻm 7 đường Trần Hưng Đạo');
  assert.match(sent.at(-1)!, /xã\/phường nào/);
  // It had been searched for as a commune's name: "Tôi chưa tìm thấy xã/phường này".
  sent = await telegramSay(chat, 'đăng ký kết hôn cần giấy tờ gì');
  assert.match(sent.join('\n'), /Đăng ký kết hôn/);
  assert.doesNotMatch(sent.join('\n'), /chưa tìm thấy xã\/phường/);
  assert.match(sent.join('\n'), /vẫn được giữ/);
  assert.match(sent.at(-1)!, /xã\/phường nào/, 'the step is asked again');
  sent = await telegramSay(chat, 'phường Vị Tân');
  assert.match(sent.at(-1)!, /ảnh/);
  sent = await telegramSay(chat, 'bỏ qua');
  assert.match(sent.at(-1)!, /Gửi phản ánh:.*hẻm 7 đường Trần Hưng Đạo, phường Vị Tân/s);
  const filed = await telegramSay(chat, '1');
  const report = await rig.product.reports.get(codeIn(filed.at(-1)!) as string);
  assert.equal(report?.commune, 'phuong-vi-tan');
  assert.equal(report?.description, 'đèn đường tắt hẻm 7 đường Trần Hưng Đạo', 'the question is not part of the report');
});

test('SMS: an emergency inside a long report sends the numbers and opens the report; "1" confirms it', async () => {
  const phone = '0911333002';
  const reply = await rig.sms(phone, 'cay dau to ben duong nghieng han ra rat nguy hiem, hom qua gio lon gay mot nhanh de len nguoi di duong, xin cho nguoi cat tia o hem 3 phuong Vi Tan');
  assert.match(reply, /114/);
  assert.match(reply, /Gui phan anh/, 'the report is not swallowed');
  const filed = await rig.sms(phone, '1');
  const code = codeIn(filed);
  assert.ok(code, filed);
  const report = await rig.product.reports.get(code);
  assert.equal(report?.category, 'cay-xanh');
  assert.equal(report?.commune, 'phuong-vi-tan');
});

test('a question about an official procedure we hold no entry for, sent at a report step, lists the closest ones; a number then still answers the step', async () => {
  const chat = 8207;
  let sent = await telegramSay(chat, 'đèn đường tắt hẻm 7 đường Trần Hưng Đạo');
  assert.match(sent.at(-1)!, /xã\/phường nào/);
  // It had been searched for as a commune's name: "Tôi chưa tìm thấy xã/phường này".
  sent = await telegramSay(chat, 'thủ tục đăng ký tàu cá');
  const listing = sent.join('\n');
  assert.doesNotMatch(listing, /chưa tìm thấy xã\/phường/);
  assert.match(listing, /chưa có hướng dẫn chi tiết/);
  assert.match(listing, /• .*tàu cá.* - mã [\d.]+;/i, 'the procedures are listed with their codes');
  assert.doesNotMatch(listing, /Bạn chọn số để xem thông tin thủ tục/, 'no numbered choice that the step would take');
  assert.match(listing, /vẫn được giữ/);
  assert.match(sent.at(-1)!, /xã\/phường nào/, 'the step is asked again');
  sent = await telegramSay(chat, 'phường Vị Tân');
  assert.match(sent.at(-1)!, /ảnh/);
  sent = await telegramSay(chat, 'bỏ qua');
  assert.match(sent.at(-1)!, /Gửi phản ánh:/);
  // At the confirmation the same kind of question, then "1": the report is sent, not a procedure's details.
  sent = await telegramSay(chat, 'cấp giấy phép khai thác thủy sản');
  assert.match(sent.join('\n'), /mã [\d.]+;/);
  assert.match(sent.at(-1)!, /Gửi phản ánh:/, 'the confirmation is asked again');
  const filed = await telegramSay(chat, '1');
  const report = await rig.product.reports.get(codeIn(filed.at(-1)!) as string);
  assert.equal(report?.commune, 'phuong-vi-tan');
  assert.equal(report?.description, 'đèn đường tắt hẻm 7 đường Trần Hưng Đạo');
});

test('a question of ours that also names a neighbouring procedure, sent at a report step, is answered as ours without a numbered question', async () => {
  // Elsewhere it is asked about ("Có phải bạn muốn hỏi: 1) … 2) …"); at the step a number would answer the step instead.
  const chat = 8208;
  await telegramSay(chat, 'đèn đường tắt hẻm 9 đường Trần Hưng Đạo');
  const sent = await telegramSay(chat, 'đăng ký khai sinh cho con nuôi');
  assert.match(sent.join('\n'), /khai sinh/i);
  assert.doesNotMatch(sent.join('\n'), /Có phải bạn muốn hỏi|chưa tìm thấy xã\/phường/);
  assert.match(sent.at(-1)!, /xã\/phường nào/, 'the step is asked again');
});

test('SMS: a catalogue question at a report step lists codes, unnumbered, in plain text; the report goes on', async () => {
  const phone = '0911333003';
  await rig.sms(phone, 'den duong tat o hem 7 duong Tran Hung Dao');
  const listing = await rig.sms(phone, 'thu tuc dang ky tau ca');
  assert.match(listing, /Thu tuc chinh thuc gan nhat: ma [\d.]+/);
  assert.doesNotMatch(listing, /chua tim thay/i);
  assert.doesNotMatch(listing, /[^\x00-\x7f]/, 'folded to plain characters');
  assert.match(await rig.sms(phone, 'phuong Vi Tan'), /anh/i);
});

test('"no photo" in chat or southern words skips the photo step, and is neither a question nor part of the description', async () => {
  for (const [chat, noPhoto] of [[8209, 'ko co anh'], [8210, 'hông có ảnh'], [8211, 'k co hinh'], [8212, 'chưa có']] as const) {
    await telegramSay(chat, 'đèn đường tắt hẻm 7 đường Trần Hưng Đạo');
    assert.match((await telegramSay(chat, 'phường Vị Tân')).at(-1)!, /ảnh/);
    const sent = await telegramSay(chat, noPhoto);
    assert.doesNotMatch(sent.join('\n'), /chưa có hướng dẫn chi tiết|sổ đỏ|Giấy chứng nhận quyền sử dụng đất/i, noPhoto);
    assert.match(sent.at(-1)!, /Gửi phản ánh:.*: "đèn đường tắt hẻm 7 đường Trần Hưng Đạo"\./s, `${noPhoto}: ${sent.at(-1)}`);
  }
});

test('a question that is neither ours nor an official procedure, sent at the confirmation, is told so; words that ask nothing are still detail', async () => {
  const chat = 8213;
  await telegramSay(chat, 'đèn đường tắt hẻm 5 đường Trần Hưng Đạo');
  await telegramSay(chat, 'xã Hỏa Lựu');
  // Words instead of a photo, asking nothing: more detail for the description, as before.
  let sent = await telegramSay(chat, 'gần trường tiểu học');
  assert.doesNotMatch(sent.join('\n'), /ngoài những gì tôi có thể trả lời/);
  assert.match(sent.at(-1)!, /Gửi phản ánh:.*gần trường tiểu học/is);
  // It had the summary shown again with no word about the question.
  sent = await telegramSay(chat, 'xin giấy phép karaoke ở đâu?');
  assert.match(sent.join('\n'), /ngoài những gì tôi có thể trả lời chính xác/);
  assert.match(sent.join('\n'), /một cửa/);
  assert.match(sent.at(-1)!, /Gửi phản ánh:/, 'the confirmation is asked again');
  const filed = await telegramSay(chat, '1');
  const report = await rig.product.reports.get(codeIn(filed.at(-1)!) as string);
  assert.equal(report?.description, 'đèn đường tắt hẻm 5 đường Trần Hưng Đạo. Gần trường tiểu học');
});

test('at the confirmation, words that add to what happened join the description and are acknowledged; a yes or no in the resident\'s own words is understood', async () => {
  const chat = 8214;
  await telegramSay(chat, 'ổ gà lớn giữa đường hẻm 7 đường Trần Hưng Đạo');
  await telegramSay(chat, 'phường Vị Tân');
  let sent = await telegramSay(chat, 'không có ảnh');
  assert.match(sent.at(-1)!, /Gửi phản ánh:/);
  // It had been dropped, the same summary shown again as if unread.
  sent = await telegramSay(chat, 'sâu cả tấc, tối xe máy té hoài');
  assert.match(sent.join('\n'), /Đã thêm vào nội dung phản ánh: "sâu cả tấc, tối xe máy té hoài"/);
  assert.match(sent.at(-1)!, /Gửi phản ánh:.*Sâu cả tấc/s);
  // "Nothing more" adds nothing and sends nothing.
  sent = await telegramSay(chat, 'hết rồi');
  assert.doesNotMatch(sent.join('\n'), /Đã thêm|Đã nhận phản ánh/);
  assert.match(sent.at(-1)!, /Gửi phản ánh:/);
  const filed = await telegramSay(chat, 'ok gửi giúp em nha');
  assert.match(filed.at(-1)!, /Đã nhận phản ánh, mã PA/);
  const report = await rig.product.reports.get(codeIn(filed.at(-1)!) as string);
  assert.equal(report?.description, 'ổ gà lớn giữa đường hẻm 7 đường Trần Hưng Đạo. Sâu cả tấc, tối xe máy té hoài');

  // At the photo step, "dạ được" is no detail: on to the confirmation, the description as it was.
  const third = 8216;
  await telegramSay(third, 'cây đổ chắn ngang hẻm 4 đường Nguyễn Huệ');
  await telegramSay(third, 'phường Vị Tân');
  const confirming = await telegramSay(third, 'dạ được');
  assert.match(confirming.at(-1)!, /Gửi phản ánh:.*"cây đổ chắn ngang hẻm 4 đường Nguyễn Huệ"\./s);

  const other = 8215;
  await telegramSay(other, 'rác đổ bậy ở chợ Hỏa Lựu');
  await telegramSay(other, 'không có ảnh');
  const dropped = await telegramSay(other, 'thôi không gửi nữa');
  assert.match(dropped.at(-1)!, /Đã hủy phản ánh/);
});

test('"không biết" where the address is asked is no address: the commune is asked, and a report without either says the place is unknown', async () => {
  const chat = 8291;
  await telegramSay(chat, 'đèn đường tắt mấy đêm rồi');
  let sent = await telegramSay(chat, 'không biết');
  assert.match(sent.join('\n'), /xã\/phường nào/, `the commune is asked: ${sent.join(' | ')}`);
  assert.match((await telegramSay(chat, 'phường Vị Tân')).join('\n'), /ảnh/, 'then the photo, as on any rich channel');
  sent = await telegramSay(chat, 'không có ảnh');
  const summary = sent.join('\n');
  assert.match(summary, /tại phường Vị Tân: "đèn đường tắt mấy đêm rồi"/, summary);
  assert.doesNotMatch(summary, /không biết/, 'the words "không biết" are not the address');

  const other = 8292;
  await telegramSay(other, 'rác đổ bậy đầy đường');
  await telegramSay(other, 'tui hổng biết nữa');
  await telegramSay(other, 'không rõ');
  sent = await telegramSay(other, 'bỏ qua');
  assert.match(sent.join('\n'), /tại địa điểm chưa rõ: "rác đổ bậy đầy đường"/, sent.join(' | '));
});

test('"không có ảnh" to "which of these?" asks for a number; "gửi đi" again once the report is filed shows it with its code', async () => {
  const chat = 8293;
  assert.match((await telegramSay(chat, 'mưa to ngập đường hẻm 7 xã Hỏa Lựu')).join('\n'), /^Có phải bạn muốn hỏi/);
  // "không có ảnh" says nothing to "which of these?": read with the question it had joined the report's description.
  assert.match((await telegramSay(chat, 'không có ảnh')).join('\n'), /^Bạn vui lòng chọn một số từ 1 đến 2/);
  await telegramSay(chat, '1');
  const summary = (await telegramSay(chat, 'không có ảnh')).join('\n');
  assert.match(summary, /: "mưa to ngập đường hẻm 7 xã Hỏa Lựu"\./, summary);
  const filed = (await telegramSay(chat, 'gửi')).join('\n');
  const code = codeIn(filed);
  assert.ok(code, filed);
  // It had been "Có phải bạn muốn hỏi: Vấn đề khác / Đường dây nóng ...".
  const again = (await telegramSay(chat, 'gửi đi')).join('\n');
  assert.match(again, new RegExp(`^Các phản ánh của bạn:\n${code}: Ngập úng`));
});
