/**
 * What a procedure's name says about the procedure, for searching: the register appends where and how it is carried
 * out ("(thực hiện tại cấp tỉnh)", "thực hiện bằng dịch vụ công trực tuyến một phần hoặc trực tiếp thực hiện tại cấp
 * trung ương, cấp tỉnh, cấp xã"). Residents never say those words, and they lengthen the name, which the ranking
 * reads as a weaker match; the level is kept apart (`levelWeight`). The "Thủ tục" some names start with stays:
 * residents write it too ("thủ tục đăng ký giám hộ"), and without it such a question matched no name well enough.
 */
// Built from strings, which the bundler writes as ASCII escapes (regular expression literals it leaves as they are:
// see tests/one-byte-bundle.test.ts).
const WHERE_CARRIED_OUT = [
  new RegExp('\\(\\s*thực hiện (?:tại|ở) [^()]*\\)', 'giu'),
  new RegExp('\\s(?:bằng|thực hiện bằng) dịch vụ công trực tuyến[^()]*?thực hiện tại cấp[^()]*$', 'giu'),
  new RegExp('\\sthực hiện tại cấp (?:trung ương|tỉnh|xã|huyện)[\\s,]*$', 'giu'),
];
const COMMUNE_LEVEL = new RegExp('cấp xã', 'iu');
const PROVINCE_LEVEL = new RegExp('cấp tỉnh', 'iu');

export function searchableName(name: string): string {
  let text = name;
  for (const pattern of WHERE_CARRIED_OUT) text = text.replace(pattern, ' ');
  return text.trim() || name;
}

/**
 * How likely a resident of the province is to mean a procedure at this level, as a factor on its search score: the
 * register holds the ministries' own procedures too (banking licences, aviation, securities) whose names share
 * words with what residents ask their commune or the province for. Measured on the project's catalogue question
 * sets (bench/scope-*.jsonl): right procedure in the first three 51-94% → 56-94%, none worse.
 */
export function levelWeight(level: string): number {
  if (COMMUNE_LEVEL.test(level)) return 1;
  if (PROVINCE_LEVEL.test(level)) return 0.95;
  return 0.7;
}
