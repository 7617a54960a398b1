/**
 * The store contract: the same assertions against every dialect the stores run on, SQLite and PostgreSQL (Node)
 * and D1 (the Worker; a local D1 in workerd through Miniflare, offline), each test on a freshly migrated database
 * of its own. PostgreSQL comes from TEST_DATABASE_URL
 * (.ci/run starts a cluster) or a throwaway cluster this file starts and stops; without either a developer's
 * run skips the PostgreSQL half with the reason, and a CI run fails.
 */
import { after, before, describe } from 'node:test';
import { conversationContract } from './contract/conversations.ts';
import { deliveryContract } from './contract/delivery.ts';
import { d1Harness, sqliteHarness, type StoreHarness } from './contract/harness.ts';
import { reportContract } from './contract/reports.ts';
import { sendPaceContract } from './contract/send-pace.ts';
import { smallStoresContract } from './contract/small-stores.ts';
import { contentStoresContract } from './contract/content-stores.ts';
import { auditFilterContract } from './contract/audit-filter.ts';
import { handoffsAndPublishingContract } from './contract/handoffs-publishing.ts';
import { webchatMailboxContract } from './contract/webchat-mailbox.ts';
import { wideStatementsContract } from './contract/wide-statements.ts';
import { requirePostgres } from './pg/cluster.ts';
import { describeOnPostgres } from './pg/describe-stores.ts';

const postgres = await requirePostgres();

function contract(harness: () => StoreHarness, dialect: StoreHarness['dialect']): void {
  describe('conversations and unanswered questions', () => conversationContract(harness));
  describe('inbox and outbox', () => deliveryContract(harness));
  describe('reports', () => reportContract(harness));
  describe('opt-outs, rate windows, channel tokens, continuation pages, web chat mailbox, retention', () => smallStoresContract(harness));
  describe('knowledge base, catalogue and staff stores', () => contentStoresContract(harness));
  describe('web chat mailbox order across instances', () => webchatMailboxContract(harness, dialect));
  describe('hand-offs and knowledge-base publishing', () => handoffsAndPublishingContract(harness));
  describe('audit log filter', () => auditFilterContract(harness));
  describe('statements past D1\'s 100 bound parameters', () => wideStatementsContract(harness));
  describe('send pace shared by instances', () => sendPaceContract(harness));
}

describe('store contract on SQLite', () => {
  let harness: StoreHarness;
  before(() => {
    harness = sqliteHarness();
  });
  after(() => harness.close());
  contract(() => harness, 'sqlite');
});

describeOnPostgres('store contract on PostgreSQL', postgres, (harness) => contract(harness, 'postgres'));

describe('store contract on D1', () => {
  let harness: StoreHarness;
  before(() => {
    harness = d1Harness();
  });
  after(() => harness.close());
  contract(() => harness, 'd1');
});
