/**
 * The seed content as JSON modules, so a bundle (the Worker) carries it and nothing reads files at run time.
 * One import per file in seed/: add a line here with a new seed file (tests/worker-seed.test.ts compares this
 * list with the directory and fails when they differ).
 */
import entry01 from './seed/entries/an-toan-thuc-pham.json' with { type: 'json' };
import entry02 from './seed/entries/ban-sao-van-bang.json' with { type: 'json' };
import entry03 from './seed/entries/bhyt-bhxh-tu-nguyen.json' with { type: 'json' };
import entry04 from './seed/entries/can-cuoc.json' with { type: 'json' };
import entry05 from './seed/entries/cap-so-do.json' with { type: 'json' };
import entry06 from './seed/entries/chung-thuc-ban-sao.json' with { type: 'json' };
import entry07 from './seed/entries/chung-thuc-chu-ky.json' with { type: 'json' };
import entry08 from './seed/entries/chung-thuc-hop-dong.json' with { type: 'json' };
import entry09 from './seed/entries/chuyen-muc-dich-dat.json' with { type: 'json' };
import entry10 from './seed/entries/chuyen-truong.json' with { type: 'json' };
import entry11 from './seed/entries/dang-ky-xe.json' with { type: 'json' };
import entry12 from './seed/entries/dia-chi-mot-cua.json' with { type: 'json' };
import entry13 from './seed/entries/dinh-danh-dien-tu.json' with { type: 'json' };
import entry14 from './seed/entries/doi-gplx.json' with { type: 'json' };
import entry15 from './seed/entries/duong-day-nong.json' with { type: 'json' };
import entry16 from './seed/entries/giay-phep-xay-dung.json' with { type: 'json' };
import entry17 from './seed/entries/gio-lam-viec.json' with { type: 'json' };
import entry18 from './seed/entries/ho-chieu.json' with { type: 'json' };
import entry19 from './seed/entries/ho-kinh-doanh.json' with { type: 'json' };
import entry20 from './seed/entries/ho-ngheo.json' with { type: 'json' };
import entry21 from './seed/entries/ho-tro-thien-tai.json' with { type: 'json' };
import entry22 from './seed/entries/ket-hon.json' with { type: 'json' };
import entry23 from './seed/entries/khai-sinh.json' with { type: 'json' };
import entry24 from './seed/entries/khai-tu.json' with { type: 'json' };
import entry25 from './seed/entries/ly-lich-tu-phap.json' with { type: 'json' };
import entry26 from './seed/entries/mai-tang-phi.json' with { type: 'json' };
import entry27 from './seed/entries/nhan-cha-me-con.json' with { type: 'json' };
import entry28 from './seed/entries/nop-truc-tuyen.json' with { type: 'json' };
import entry29 from './seed/entries/sang-ten-so-do.json' with { type: 'json' };
import entry30 from './seed/entries/tam-tru.json' with { type: 'json' };
import entry31 from './seed/entries/tam-vang.json' with { type: 'json' };
import entry32 from './seed/entries/thanh-lap-doanh-nghiep.json' with { type: 'json' };
import entry33 from './seed/entries/thanh-toan-le-phi.json' with { type: 'json' };
import entry34 from './seed/entries/thay-doi-ho-tich.json' with { type: 'json' };
import entry35 from './seed/entries/thuong-tru.json' with { type: 'json' };
import entry36 from './seed/entries/tra-cuu-ho-so.json' with { type: 'json' };
import entry37 from './seed/entries/trich-luc-ho-tich.json' with { type: 'json' };
import entry38 from './seed/entries/tro-cap-that-nghiep.json' with { type: 'json' };
import entry39 from './seed/entries/tro-cap-xa-hoi.json' with { type: 'json' };
import entry40 from './seed/entries/xac-dinh-khuyet-tat.json' with { type: 'json' };
import entry41 from './seed/entries/xac-nhan-hon-nhan.json' with { type: 'json' };
import label01 from './seed/labels/intent-emergency.json' with { type: 'json' };
import label02 from './seed/labels/intent-goodbye.json' with { type: 'json' };
import label03 from './seed/labels/intent-greeting.json' with { type: 'json' };
import label04 from './seed/labels/intent-help.json' with { type: 'json' };
import label05 from './seed/labels/intent-human.json' with { type: 'json' };
import label06 from './seed/labels/intent-out-of-scope.json' with { type: 'json' };
import label07 from './seed/labels/intent-report-status.json' with { type: 'json' };
import label08 from './seed/labels/intent-thanks.json' with { type: 'json' };
import label09 from './seed/labels/report-an-ninh-trat-tu.json' with { type: 'json' };
import label10 from './seed/labels/report-cap-thoat-nuoc.json' with { type: 'json' };
import label11 from './seed/labels/report-cay-xanh.json' with { type: 'json' };
import label12 from './seed/labels/report-chieu-sang.json' with { type: 'json' };
import label13 from './seed/labels/report-dich-vu-cong.json' with { type: 'json' };
import label14 from './seed/labels/report-giao-thong.json' with { type: 'json' };
import label15 from './seed/labels/report-khac.json' with { type: 'json' };
import label16 from './seed/labels/report-moi-truong.json' with { type: 'json' };
import label17 from './seed/labels/report-sat-lo-thien-tai.json' with { type: 'json' };
import label18 from './seed/labels/report-trat-tu-do-thi.json' with { type: 'json' };
import communes from './seed/communes.json' with { type: 'json' };
import site from './seed/site.json' with { type: 'json' };

/** File name → parsed JSON, in the order readSeed() reads the directory. */
export const SEED_ENTRY_FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['an-toan-thuc-pham.json', entry01],
  ['ban-sao-van-bang.json', entry02],
  ['bhyt-bhxh-tu-nguyen.json', entry03],
  ['can-cuoc.json', entry04],
  ['cap-so-do.json', entry05],
  ['chung-thuc-ban-sao.json', entry06],
  ['chung-thuc-chu-ky.json', entry07],
  ['chung-thuc-hop-dong.json', entry08],
  ['chuyen-muc-dich-dat.json', entry09],
  ['chuyen-truong.json', entry10],
  ['dang-ky-xe.json', entry11],
  ['dia-chi-mot-cua.json', entry12],
  ['dinh-danh-dien-tu.json', entry13],
  ['doi-gplx.json', entry14],
  ['duong-day-nong.json', entry15],
  ['giay-phep-xay-dung.json', entry16],
  ['gio-lam-viec.json', entry17],
  ['ho-chieu.json', entry18],
  ['ho-kinh-doanh.json', entry19],
  ['ho-ngheo.json', entry20],
  ['ho-tro-thien-tai.json', entry21],
  ['ket-hon.json', entry22],
  ['khai-sinh.json', entry23],
  ['khai-tu.json', entry24],
  ['ly-lich-tu-phap.json', entry25],
  ['mai-tang-phi.json', entry26],
  ['nhan-cha-me-con.json', entry27],
  ['nop-truc-tuyen.json', entry28],
  ['sang-ten-so-do.json', entry29],
  ['tam-tru.json', entry30],
  ['tam-vang.json', entry31],
  ['thanh-lap-doanh-nghiep.json', entry32],
  ['thanh-toan-le-phi.json', entry33],
  ['thay-doi-ho-tich.json', entry34],
  ['thuong-tru.json', entry35],
  ['tra-cuu-ho-so.json', entry36],
  ['trich-luc-ho-tich.json', entry37],
  ['tro-cap-that-nghiep.json', entry38],
  ['tro-cap-xa-hoi.json', entry39],
  ['xac-dinh-khuyet-tat.json', entry40],
  ['xac-nhan-hon-nhan.json', entry41],
];

export const SEED_LABEL_FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['intent-emergency.json', label01],
  ['intent-goodbye.json', label02],
  ['intent-greeting.json', label03],
  ['intent-help.json', label04],
  ['intent-human.json', label05],
  ['intent-out-of-scope.json', label06],
  ['intent-report-status.json', label07],
  ['intent-thanks.json', label08],
  ['report-an-ninh-trat-tu.json', label09],
  ['report-cap-thoat-nuoc.json', label10],
  ['report-cay-xanh.json', label11],
  ['report-chieu-sang.json', label12],
  ['report-dich-vu-cong.json', label13],
  ['report-giao-thong.json', label14],
  ['report-khac.json', label15],
  ['report-moi-truong.json', label16],
  ['report-sat-lo-thien-tai.json', label17],
  ['report-trat-tu-do-thi.json', label18],
];

export const SEED_COMMUNES: unknown = communes;
export const SEED_SITE: unknown = site;
