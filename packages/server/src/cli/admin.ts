import { randomBytes } from 'node:crypto';
import { emailSchema } from '@hipwise/core';
import type { Database } from '../db/database.js';
import { appendAudit } from '../repositories/audit-log.js';
import { findUserByEmail, listStaff, setRole } from '../repositories/user-roles.js';
import { insertUser } from '../repositories/users.js';
import type { PasswordHasher } from '../services/password-hasher.js';

export class AdminCommandError extends Error {
  override readonly name = 'AdminCommandError';
}

export const ADMIN_USAGE =
  'usage: npm run admin -- create EMAIL   |   npm run admin -- list   |   npm run admin -- demote EMAIL';

/** 18 random bytes as base64url: 24 characters, 144 bits. */
const newPassword = () => randomBytes(18).toString('base64url');

/** The audit line of a role change made on the server's own command line. */
const commandLine = { email: 'command line (npm run admin)', role: 'admin' as const };

function parseEmail(arg: string | undefined): string {
  const parsed = emailSchema.safeParse(arg ?? '');
  if (!parsed.success) throw new AdminCommandError(`"${arg ?? ''}" is not an email address. ${ADMIN_USAGE}`);
  return parsed.data;
}

/**
 * HIPWISE_ADMIN_EMAIL at start: the account with this email becomes admin. It is never created
 * here: on an open instance, whoever signed up first with the address would get the role.
 */
export async function promoteAtStart(
  db: Database,
  email: string,
  now: Date,
): Promise<'promoted' | 'already' | 'missing'> {
  return db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return 'missing';
    if (user.role === 'admin') return 'already';
    await setRole(tx, user.id, 'admin');
    await appendAudit(tx, {
      memberId: null,
      actor: { id: user.id, email: 'HIPWISE_ADMIN_EMAIL at start', role: 'admin' },
      action: 'role.change',
      detail: { email, from: user.role, to: 'admin' },
      clientAddress: null,
      at: now,
    });
    return 'promoted';
  });
}

/**
 * `create EMAIL` makes an admin account with a generated password, printed this once, or makes an
 * existing account an admin (its password unchanged, never printed). `list` names the admins and
 * clinicians; `demote EMAIL` makes an account a member again. Returns the lines to print.
 */
export async function adminCommand(
  db: Database,
  hasher: PasswordHasher,
  args: readonly string[],
  now: Date,
): Promise<string[]> {
  const [command, arg] = args;
  switch (command ?? '') {
    case 'create': {
      const email = parseEmail(arg);
      const password = newPassword();
      const passwordHash = await hasher.hash(password);
      return db.transaction(async (tx) => {
        const existing = await findUserByEmail(tx, email);
        const user = existing ?? (await insertUser(tx, { email, passwordHash, timeZone: 'UTC', now }));
        if (!user) throw new AdminCommandError(`Could not create ${email}; try again.`);
        if (existing?.role === 'admin') return [`${email} is an admin already; nothing changed.`];
        await setRole(tx, user.id, 'admin');
        await appendAudit(tx, {
          memberId: null,
          actor: { id: user.id, ...commandLine },
          action: 'role.change',
          detail: { email, from: existing?.role ?? 'member', to: 'admin' },
          clientAddress: null,
          at: now,
        });
        return existing
          ? [`${email} is now an admin; the account keeps its password.`]
          : [
              `Created the admin account ${email}. Its password, shown this once:`,
              '',
              `  ${password}`,
              '',
              'Log in with it and change it in Settings.',
            ];
      });
    }
    case 'demote': {
      const email = parseEmail(arg);
      return db.transaction(async (tx) => {
        const user = await findUserByEmail(tx, email);
        if (!user) throw new AdminCommandError(`There is no account ${email}.`);
        if (user.role === 'member') return [`${email} is a member already; nothing changed.`];
        await setRole(tx, user.id, 'member');
        await appendAudit(tx, {
          memberId: null,
          actor: { id: user.id, ...commandLine },
          action: 'role.change',
          detail: { email, from: user.role, to: 'member' },
          clientAddress: null,
          at: now,
        });
        return [`${email} is now a member (was ${user.role}).`];
      });
    }
    case 'list': {
      const staff = await listStaff(db);
      return staff.length === 0
        ? ['No admins or clinicians yet. Create an admin with: npm run admin -- create EMAIL']
        : staff.map((u) => `${u.role.padEnd(9)} ${u.email}`);
    }
    default:
      throw new AdminCommandError(ADMIN_USAGE);
  }
}
