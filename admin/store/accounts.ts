import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffAccountTable } from '../../adapters/storage/schema.ts';
import { isRole, type Role } from '../roles.ts';

export interface StaffAccount {
  readonly id: string;
  readonly username: string;
  readonly email: string | null;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewStaffAccount {
  readonly username: string;
  readonly email: string | null;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

export interface StaffAccounts {
  count(): Promise<number>;
  list(): Promise<StaffAccount[]>;
  byId(id: string): Promise<StaffAccount | undefined>;
  byUsername(username: string): Promise<StaffAccount | undefined>;
  /** Undefined when the username is taken (also by a concurrent first start on another instance). */
  create(account: NewStaffAccount): Promise<StaffAccount | undefined>;
  update(id: string, change: Partial<Pick<StaffAccount, 'role' | 'disabled' | 'displayName' | 'email'>>): Promise<void>;
  setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void>;
}

/** Usernames are compared lower-cased: "Lan.NT" and "lan.nt" are one person. */
export function normaliseUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

function toAccount(row: Selectable<StaffAccountTable>): StaffAccount {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    displayName: row.display_name,
    // An unknown role in the database (edited by hand) falls to the weakest one rather than failing open.
    role: isRole(row.role) ? row.role : 'viewer',
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createStaffAccounts(db: Kysely<Database>, now: () => Date): StaffAccounts {
  return {
    async count() {
      const row = await db.selectFrom('staff_accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async list() {
      return (await db.selectFrom('staff_accounts').selectAll().orderBy('username').execute()).map(toAccount);
    },
    async byId(id) {
      const row = await db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAccount(row) : undefined;
    },
    async byUsername(username) {
      const row = await db.selectFrom('staff_accounts').selectAll().where('username', '=', normaliseUsername(username)).executeTakeFirst();
      return row ? toAccount(row) : undefined;
    },
    async create(account) {
      const at = now().toISOString();
      const id = crypto.randomUUID();
      const result = await db
        .insertInto('staff_accounts')
        .values({
          id,
          username: normaliseUsername(account.username),
          email: account.email,
          display_name: account.displayName,
          role: account.role,
          disabled: 0,
          must_change_password: account.mustChangePassword ? 1 : 0,
          password_hash: account.passwordHash,
          password_changed_at: at,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? this.byId(id) : undefined;
    },
    async update(id, change) {
      await db
        .updateTable('staff_accounts')
        .set({
          ...(change.role !== undefined ? { role: change.role } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
          ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
          ...(change.email !== undefined ? { email: change.email } : {}),
          updated_at: now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },
    async setPassword(id, passwordHash, mustChange) {
      const at = now().toISOString();
      await db
        .updateTable('staff_accounts')
        .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, password_changed_at: at, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
  };
}
