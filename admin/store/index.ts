import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/storage/schema.ts';
import { createStaffAccounts, type StaffAccounts } from './accounts.ts';
import { createAuditLog, type AuditLog } from './audit-log.ts';
import { createLoginAttempts, type LoginAttempts } from './login-attempts.ts';
import { createStaffSessions, type SessionLimits, type StaffSessions } from './sessions.ts';

export interface StaffStores {
  readonly accounts: StaffAccounts;
  readonly sessions: StaffSessions;
  readonly attempts: LoginAttempts;
  readonly auditLog: AuditLog;
}

export function createStaffStores(db: Kysely<Database>, limits: SessionLimits, now: () => Date = () => new Date()): StaffStores {
  return {
    accounts: createStaffAccounts(db, now),
    sessions: createStaffSessions(db, limits, now),
    attempts: createLoginAttempts(db, now),
    auditLog: createAuditLog(db, now),
  };
}
