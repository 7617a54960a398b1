import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.ts';
import { delivery } from './0002-delivery.ts';
import { reports } from './0003-reports.ts';
import { opaqueConversations } from './0004-opaque-conversations.ts';
import { smsMore } from './0005-sms-more.ts';
import { webchat } from './0006-webchat.ts';
import { staff } from './0007-staff.ts';
import { deliveryLeases } from './0008-delivery-leases.ts';
import { retention } from './0009-retention.ts';
import { catalogue } from './0010-catalogue.ts';
import { postgresDoubles } from './0011-postgres-doubles.ts';
import { conversationVersion } from './0012-conversation-version.ts';
import { handoffs } from './0013-handoffs.ts';
import { kbEditing } from './0013-kb-editing.ts';
import { webchatOrder } from './0014-webchat-order.ts';
import { hotIndexes } from './0016-hot-indexes.ts';
import { sendPace } from './0017-send-pace.ts';
import { webchatDeliveryKey } from './0018-webchat-delivery-key.ts';
import { outboxDueDropped } from './0019-outbox-due-dropped.ts';

/** The static list every dialect runs (no file-system scan, so it also works inside a Worker bundle). */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-delivery': delivery,
  '0003-reports': reports,
  '0004-opaque-conversations': opaqueConversations,
  '0005-sms-more': smsMore,
  '0006-webchat': webchat,
  '0007-staff': staff,
  '0008-delivery-leases': deliveryLeases,
  '0009-retention': retention,
  '0010-catalogue': catalogue,
  '0011-postgres-doubles': postgresDoubles,
  '0012-conversation-version': conversationVersion,
  '0013-handoffs': handoffs,
  '0013-kb-editing': kbEditing,
  '0014-webchat-order': webchatOrder,
  '0016-hot-indexes': hotIndexes,
  '0017-send-pace': sendPace,
  '0018-webchat-delivery-key': webchatDeliveryKey,
  '0019-outbox-due-dropped': outboxDueDropped,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
