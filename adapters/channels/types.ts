/**
 * The channel port now lives in the core: bot/ports/channel.ts. This thin re-export is only for the delivery files
 * being changed right now (bot/outbox.ts, bot/outbox-worker.ts, bot/webhook-pipeline.ts); to be removed once the
 * delivery files import from bot/ports. Import bot/ports/channel.ts in new code.
 */
export * from '../../bot/ports/channel.ts';
