/**
 * Who writes and whom they address, folded: words that go with a short answer or request without changing what it
 * says ("dạ cho con hỏi", "gửi đi anh", "thôi khỏi nha chị", "ad ơi"). Shared by the readings of such short messages
 * (nothing-asked.ts, withdraw-words.ts, reports/confirm-words.ts), each adding the particles of its own kind.
 */
export const SPEAKERS: readonly string[] = ['em', 'toi', 'tui', 'minh', 'con', 'chau'];
export const ADDRESSEES: readonly string[] = ['anh', 'chi', 'chu', 'bac', 'ad', 'admin', 'ban', 'ong', 'ba', 'oi'];
