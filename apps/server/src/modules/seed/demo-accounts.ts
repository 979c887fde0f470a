import type { Db } from '../app/database.ts';
import { hashPassword } from '../auth/passwords.ts';
import { insertUserWithGrants } from '../users/users.queries.ts';
import { demoAccounts } from './demo.ts';

/** Creates the missing demo accounts with their one role each; existing ones are left as they are. */
export async function ensureDemoAccounts(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const account of demoAccounts) {
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', account.username)
      .executeTakeFirst();
    if (exists) {
      // A demo database made before addresses existed gets them; an address changed since is kept.
      await db
        .updateTable('users')
        .set({ email: account.email })
        .where('id', '=', exists.id)
        .where('email', 'is', null)
        .execute();
      continue;
    }
    const unit = account.unitCode
      ? await db.selectFrom('org_units').select('id').where('code', '=', account.unitCode).executeTakeFirst()
      : null;
    if (account.unitCode && !unit)
      throw new Error(`Demo unit ${account.unitCode} is missing; seed the registry first.`);
    const passwordHash = await hashPassword(account.password);
    await db.transaction().execute((trx) =>
      insertUserWithGrants(trx, {
        username: account.username,
        displayName: account.description.split(' — ')[0]!,
        passwordHash,
        email: account.email,
        grants: [{ role: account.role, orgUnitId: unit?.id ?? null }],
        createdBy: null,
      }),
    );
    created.push(account.username);
  }
  return created;
}
