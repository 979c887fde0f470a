import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { findGrantsOfUser } from '../auth/auth.queries.ts';
import { importValuesCsv } from './indicators.service.ts';

export const valuesCliUsage = `  npm run cli -- values import FILE.csv [--as USERNAME] [--dry-run]
                                         import figures (data_element,org_unit,period,disaggregation,value,comment);
                                         written as USERNAME (default: the first system administrator), all or nothing`;

/** `values import`; returns the process exit code. */
export async function runValuesCommand(
  db: Db,
  args: string[],
  log: (message: string) => void,
): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'import') {
    log(valuesCliUsage);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { as: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) {
    log(valuesCliUsage);
    return 2;
  }
  let query = db.selectFrom('users as u').select(['u.id', 'u.username']).where('u.is_active', '=', true);
  query = values.as
    ? query.where('u.username', '=', values.as)
    : query
        .innerJoin('role_grants as g', 'g.user_id', 'u.id')
        .where('g.role', '=', 'system_admin')
        .orderBy('u.id');
  const user = await query.executeTakeFirst();
  if (!user) {
    log(
      values.as
        ? `Không tìm thấy tài khoản ${values.as}.`
        : 'Chưa có quản trị hệ thống; hãy dùng --as USERNAME.',
    );
    return 1;
  }
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    sessionId: 'cli',
    grants: await findGrantsOfUser(db, user.id),
  };
  const text = await readFile(file, 'utf8');
  const result = await importValuesCsv({
    db,
    actor,
    clock: () => new Date(),
    meta: { ip: null, userAgent: 'cli' },
    text,
    dryRun: values['dry-run'] ?? false,
  });
  for (const error of result.errors) {
    log(`Dòng ${error.row}${error.column ? `, cột ${error.column}` : ''}: ${error.message}`);
  }
  for (const message of result.validation.filter((m) => m.importance === 'warning' && result.imported)) {
    log(`Cảnh báo (đã giải trình): ${message.message}`);
  }
  if (!result.imported) {
    log(
      values['dry-run'] && result.errors.length === 0
        ? `Kiểm tra xong: ${result.rowsAccepted}/${result.rowsTotal} dòng hợp lệ; chưa ghi (--dry-run).`
        : `Không nhập: ${result.errors.length} lỗi trong ${result.rowsTotal} dòng; chưa có số liệu nào được ghi.`,
    );
    return values['dry-run'] && result.errors.length === 0 ? 0 : 1;
  }
  const counts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const item of result.result?.items ?? []) counts[item.status] += 1;
  log(
    `Đã nhập ${result.rowsAccepted} dòng (mới ${counts.created}, sửa ${counts.updated}, xoá ${counts.deleted}, không đổi ${counts.unchanged}) với tài khoản ${user.username}.`,
  );
  return 0;
}
