/**
 * Chat abbreviations residents type, keyed by their folded form (see ../shared/kb/abbreviations.md for sources).
 * Unambiguous ones are rewritten; the clashing ones (hk, dk, hs, bn, k, hong...) are settled by context in
 * expand.ts, and where context says nothing both readings are kept as extra features for the classifier.
 */

/** Folded token → folded expansion (one or more syllables). Safe anywhere in a message. */
export const UNAMBIGUOUS: Readonly<Record<string, string>> = {
  // không
  ko: 'khong', kh: 'khong', kg: 'khong', k0: 'khong', khg: 'khong', khog: 'khong', hok: 'khong', hoq: 'khong',
  hog: 'khong', hokk: 'khong', khum: 'khong',
  // được
  dc: 'duoc', dx: 'duoc', duk: 'duoc', trx: 'duoc', dk0: 'duoc khong', dko: 'duoc khong', dcko: 'duoc khong',
  // gì, như thế nào, bao nhiêu, bao giờ
  j: 'gi', gj: 'gi', ji: 'gi', iz: 'gi', cgi: 'cai gi', lgi: 'lam gi', lmj: 'lam gi', lmgi: 'lam gi',
  ntn: 'nhu the nao', nnao: 'nhu nao', tnao: 'the nao', bnh: 'bao nhieu', bnhiu: 'bao nhieu',
  bnhieu: 'bao nhieu', bnhju: 'bao nhieu', baonh: 'bao nhieu', bjo: 'bao gio', bgio: 'bao gio', baoh: 'bao gio',
  bjio: 'bay gio', bayh: 'bay gio', lsao: 'lam sao', lms: 'lam sao', tsao: 'tai sao',
  pk: 'phai khong', fk: 'phai khong', phk: 'phai khong', pko: 'phai khong',
  kp: 'khong phai', kphai: 'khong phai', kph: 'khong phai', kbiet: 'khong biet', kbt: 'khong biet',
  bik: 'biet', pik: 'biet', bic: 'biet', bjet: 'biet',
  // people and particles
  chj: 'chi', cj: 'chi', mik: 'minh', mjh: 'minh', mih: 'minh', mn: 'moi nguoi', mng: 'moi nguoi',
  ngta: 'nguoi ta', nta: 'nguoi ta', ngt: 'nguoi ta', ng: 'nguoi', rui: 'roi', roy: 'roi', oy: 'roi',
  zay: 'vay', zi: 'vay', dzay: 'vay', zai: 'vay', tui: 'toi', ad: 'admin', add: 'admin',
  // verbs and nouns
  lm: 'lam', ms: 'moi', cx: 'cung', cg: 'cung', cug: 'cung', vs: 'voi', ws: 'voi', vz: 'voi', trc: 'truoc',
  trk: 'truoc', nx: 'nua', jup: 'giup', zup: 'giup', dum: 'dum', zum: 'dum', yum: 'dum', dzum: 'dum',
  hqua: 'hom qua', hq: 'hom qua', hnay: 'hom nay', ngmai: 'ngay mai', tg: 'thoi gian', tgian: 'thoi gian',
  thgian: 'thoi gian', ktra: 'kiem tra', ktr: 'kiem tra', kt: 'kiem tra', tl: 'tra loi', trl: 'tra loi',
  lh: 'lien he', ttin: 'thong tin', tb: 'thong bao', kqua: 'ket qua', kq: 'ket qua', dkien: 'dieu kien',
  cbi: 'chuan bi', xl: 'xin loi', xloi: 'xin loi', dv: 'dich vu', nv: 'nhan vien', vde: 'van de',
  sdt: 'so dien thoai', std: 'so dien thoai', dt: 'dien thoai', dthoai: 'dien thoai', stk: 'so tai khoan',
  tk: 'tai khoan', ckhoan: 'chuyen khoan', ckh: 'chuyen khoan', dchi: 'dia chi', bv: 'benh vien',
  bdien: 'buu dien', cty: 'cong ty', cm: 'chung minh', gd: 'gia dinh', gdinh: 'gia dinh',
  dki: 'dang ky', dky: 'dang ky', dkkd: 'dang ky kinh doanh', dh: 'dai hoc',
  tnhh: 'trach nhiem huu han', cmnd: 'chung minh nhan dan', cmt: 'chung minh thu',
  cccd: 'can cuoc cong dan', cc: 'can cuoc', gplx: 'giay phep lai xe', blx: 'bang lai xe',
  gtvt: 'giao thong van tai', ubnd: 'uy ban nhan dan', ub: 'uy ban', hdnd: 'hoi dong nhan dan',
  bhxh: 'bao hiem xa hoi', bhyt: 'bao hiem y te', bhtn: 'bao hiem that nghiep', tthc: 'thu tuc hanh chinh',
  lltp: 'ly lich tu phap', htx: 'hop tac xa', shcn: 'so huu cong nghiep',
  ttpvhcc: 'trung tam phuc vu hanh chinh cong', pccc: 'phong chay chua chay', cax: 'cong an xa',
  csgt: 'canh sat giao thong', mst: 'ma so thue', tncn: 'thu nhap ca nhan', hkd: 'ho kinh doanh',
  gks: 'giay khai sinh', qsdd: 'quyen su dung dat', gcn: 'giay chung nhan', xn: 'xac nhan',
  thpt: 'trung hoc pho thong', thcs: 'trung hoc co so', dvc: 'dich vu cong', vneid: 'vneid',
  // i / y spellings that residents mix ("đăng kí", "lí lịch")
  ki: 'ky', li: 'ly', qui: 'quy',
  // Chat spellings of whole words: w for qu (wá, wên), u for uô (mún), dropped vowels (nhìu, trg, đg).
  wa: 'qua', wen: 'quen', wan: 'quan', wy: 'quy', wyen: 'quyen', mun: 'muon', nhiu: 'nhieu', bk: 'biet',
  mh: 'minh', kb: 'khong biet', trg: 'truong', nhg: 'nhung', dg: 'duong', vk: 'vo', bme: 'bo me', ak: 'a',
  dzo: 'vo', zo: 'vo', onl: 'online', kdoanh: 'kinh doanh',
  // Acronyms of domain phrases, and the letter swaps residents make in them (llpt for lltp).
  kd: 'kinh doanh', llpt: 'ly lich tu phap', ltlp: 'ly lich tu phap', gp: 'giay phep', xd: 'xay dung',
  gpxd: 'giay phep xay dung', gpkd: 'giay phep kinh doanh', dn: 'doanh nghiep', tldn: 'thanh lap doanh nghiep',
  ks: 'khai sinh', gxn: 'giay xac nhan', shk: 'so ho khau', attp: 'an toan thuc pham',
  vsattp: 've sinh an toan thuc pham', atvstp: 'an toan ve sinh thuc pham', tctn: 'tro cap that nghiep',
  btxh: 'bao tro xa hoi', tcxh: 'tro cap xa hoi', hdld: 'hop dong lao dong', xkld: 'xuat khau lao dong',
  nvqs: 'nghia vu quan su', sv: 'sinh vien', gv: 'giao vien', tp: 'thanh pho', tphcm: 'thanh pho ho chi minh',
  hcm: 'ho chi minh', kcn: 'khu cong nghiep', ktx: 'ky tuc xa', xm: 'xe may', oto: 'o to', vp: 'van phong',
  cq: 'co quan', dvcqg: 'dich vu cong quoc gia', bhxhtn: 'bao hiem xa hoi tu nguyen',
};

/** Tokens whose reading needs context: the readings, most likely first for this domain. */
export const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  hk: ['ho khau', 'khong'],
  dk: ['dang ky', 'duoc'],
  hs: ['ho so', 'hoc sinh'],
  bn: ['bao nhieu', 'ban'],
  k: ['khong', 'nghin'],
  hong: ['hong', 'khong'],
  bh: ['bao hiem', 'bay gio'],
  hd: ['huong dan', 'hop dong'],
  ck: ['chuyen khoan', 'chong'],
  tt: ['thu tuc', 'thong tin'],
  ct: ['cong ty'],
  nh: ['ngan hang', 'nhieu'],
  mk: ['minh', 'mat khau'],
  nc: ['nuoc', 'noi chuyen'],
  cb: ['can bo', 'chuan bi'],
  q: ['quan'],
  tr: ['trieu'],
  d: ['dong'],
  h: ['gio'],
  e: ['em'],
  a: ['anh'],
  c: ['chi'],
  b: ['ban'],
  r: ['roi'],
  v: ['vay'],
  z: ['vay'],
};
