import { afterPendingIo } from '../../bot/after-pending-io.ts';

interface Call<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * One call of `runBatch` for all the calls made while the event loop serves the I/O already waiting, instead of
 * one each: the accept step of ten concurrent webhooks becomes one multi-row statement, not ten. `runBatch`
 * answers with one output per input, in order. When it fails, each call of the batch is run again alone with
 * `runOne`, so a call that cannot succeed fails by itself and never takes the others with it.
 */
export function coalesceCalls<I, O>(runBatch: (inputs: readonly I[]) => Promise<readonly O[]>, runOne: (input: I) => Promise<O>): (input: I) => Promise<O> {
  let waiting: Array<Call<I, O>> = [];

  async function flush(): Promise<void> {
    const batch = waiting;
    waiting = [];
    if (batch.length === 1) {
      const [call] = batch as [Call<I, O>];
      await runOne(call.input).then(call.resolve, call.reject);
      return;
    }
    let outputs: readonly O[];
    try {
      outputs = await runBatch(batch.map((call) => call.input));
      if (outputs.length !== batch.length) throw new Error(`coalesceCalls: ${outputs.length} outputs for ${batch.length} inputs`);
    } catch {
      await Promise.all(batch.map((call) => runOne(call.input).then(call.resolve, call.reject)));
      return;
    }
    batch.forEach((call, index) => call.resolve(outputs[index] as O));
  }

  return (input) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      // Every webhook read in this turn of the event loop joins the batch.
      if (waiting.length === 1) afterPendingIo(() => void flush());
    });
}
