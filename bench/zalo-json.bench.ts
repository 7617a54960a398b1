/**
 * The Zalo body reader on hostile input: time for runs of whitespace and long digit strings of growing size.
 * Linear means the time per MiB stays flat as the body grows (the old regex reader grew quadratically).
 */
import { parseJsonObject } from '../adapters/channels/zalo/json.ts';

for (const size of [65_536, 262_144, 1_048_576]) {
  const spaces = `{"app_id":"1",${' '.repeat(size)}"x":1234567890123456789}`;
  const digits = `{"app_id":"1","n":[${'1234567890123456789,'.repeat(size / 20)}1]}`;
  for (const [name, body] of [['spaces', spaces], ['long integers', digits]] as const) {
    parseJsonObject(body);
    const started = performance.now();
    parseJsonObject(body);
    const ms = performance.now() - started;
    console.log(`zalo json, ${name}, ${(body.length / 1_048_576).toFixed(2)} MiB: ${ms.toFixed(1)} ms (${(ms / (body.length / 1_048_576)).toFixed(1)} ms per MiB)`);
  }
}
