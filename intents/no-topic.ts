/**
 * Words that name no topic on their own, folded: negation and tense ("chưa", "không", "rồi", "đã"), particles,
 * pronouns, question words, "có", "được", "vậy". A message made of nothing else ("chưa có", "rồi sao", "vậy à")
 * answers something said before or asks nothing yet; a model still leans on one topic whose phrasings hold those
 * words ("chưa có sổ đỏ": "chưa có" alone read as the land certificate at 0.95), which is no evidence of it.
 * Syllables that fold into a content word are left out ("ổ voi" is a pothole: "o", "voi" are not here).
 */
const NO_TOPIC: ReadonlySet<string> = new Set([
  'chua', 'co', 'khong', 'ko', 'kg', 'hong', 'hok', 'roi', 'da', 'dang', 'se', 'van', 'con', 'cung', 'lai', 'nua', 'luon',
  'la', 'thi', 'ma', 'va', 'nay', 'do', 'kia', 'vay', 'the', 'sao', 'gi', 'nao', 'ai', 'dau', 'duoc', 'bi', 'cho', 'di',
  'toi', 'tui', 'em', 'anh', 'chi', 'ban', 'minh', 'a', 'ah', 'ha', 'nhe', 'nha', 'nhi', 'oi', 'u', 'uh', 'vang', 'ok',
  'rat', 'qua', 'lam', 'thoi', 'j', 'k', 'hem',
]);

/** Whether one syllable (canonical, folded) names no topic on its own. */
export const namesNoTopicAlone = (token: string): boolean => NO_TOPIC.has(token);

/** Whether every syllable of a message (canonical, as the matcher read them) is one that names no topic. */
export function namesNoTopic(tokens: readonly string[] | undefined): boolean {
  if (tokens === undefined || tokens.length === 0) return false;
  for (const token of tokens) if (!NO_TOPIC.has(token)) return false;
  return true;
}
