import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportFormats } from '@binhdang/contracts';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { exportPlan } from './plans.document.ts';
import { listPlans } from './plans.service.ts';

/** Whoever runs the CLI on the server machine reads everything, as a system administrator would. */
const cliActor: Actor = {
  userId: 0,
  username: 'cli',
  sessionId: 'cli',
  grants: [{ id: 0, role: 'system_admin', orgUnitId: null, unitPath: null }],
};

export const planCliUsage = `  npm run cli -- plan list [--json] [--year YYYY]
                                         list plans (JSON on stdout with --json)
  npm run cli -- plan export PLAN_ID --format docx|xlsx|pdf --out FILE
                                         write a plan as an official document`;

/** `plan list` and `plan export`; returns the process exit code. */
export async function runPlanCommand(
  db: Db,
  args: string[],
  log: (message: string) => void,
): Promise<number> {
  const [subcommand, ...rest] = args;
  const clock = () => new Date();
  if (subcommand === 'list') {
    const { values } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, year: { type: 'string' } },
    });
    const { items, total } = await listPlans({
      db,
      clock,
      actor: cliActor,
      filter: { relation: 'all', limit: 200, year: values.year ? Number(values.year) : undefined },
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ items, total }, null, 2)}\n`);
      return 0;
    }
    for (const plan of items) {
      const number = plan.documentNumber || '(chưa có số)';
      process.stdout.write(
        `${plan.id}\t${plan.year}\t${plan.status}\t${number}\t${plan.orgUnit.name}\t${plan.title}\n`,
      );
    }
    log(`${total} kế hoạch.`);
    return 0;
  }
  if (subcommand === 'export') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' } },
    });
    const planId = Number(positionals[0]);
    const format = values.format as (typeof exportFormats)[number];
    if (!Number.isInteger(planId) || planId <= 0 || !exportFormats.includes(format) || !values.out) {
      log(`Cách dùng:\n${planCliUsage}`);
      return 2;
    }
    const file = await exportPlan({ db, clock, actor: cliActor, planId, format });
    await writeFile(values.out, file.bytes);
    log(`Đã ghi ${values.out} (${Math.round(file.bytes.byteLength / 1024)} KB).`);
    return 0;
  }
  log(`Cách dùng:\n${planCliUsage}`);
  return 2;
}
