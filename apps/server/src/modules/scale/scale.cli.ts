import { parseArgs } from 'node:util';
import type { Db } from '../app/database.ts';
import { generateCountry } from './scale.generator.ts';
import { type ScaleName, scaleNames } from './scale.specs.ts';

export const scaleCliUsage = `  npm run cli -- demo generate --scale national|province|tiny [--seed N] [--province CODE] [--password P] [--today YYYY-MM-DD]
                                         fill an empty database with a synthetic country for the benchmarks
                                         (national: 34 provinces, 3,321 communes; province: the largest province,
                                         or CODE; tiny: a few units, for CI)`;

/** `demo generate …`: prints progress on stderr and a summary; returns the exit code. */
export async function runDemoGenerateCommand(
  db: Db,
  args: string[],
  context: { sharedDataDir: string; log: (message: string) => void },
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: 'province' },
      seed: { type: 'string', default: '1' },
      province: { type: 'string' },
      password: { type: 'string', default: 'demo' },
      today: { type: 'string' },
    },
  });
  if (!(scaleNames as readonly string[]).includes(values.scale)) {
    context.log(`--scale phải là một trong: ${scaleNames.join(', ')}.\n${scaleCliUsage}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    context.log('--seed phải là số nguyên.');
    return 2;
  }
  const today = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
  if (Number.isNaN(today.getTime())) {
    context.log('--today phải là ngày dạng YYYY-MM-DD.');
    return 2;
  }
  const result = await generateCountry(db, {
    scale: values.scale as ScaleName,
    seed,
    provinceCode: values.province,
    password: values.password,
    sharedDataDir: context.sharedDataDir,
    today,
    log: context.log,
  });
  context.log(
    `Đã sinh dữ liệu (${values.scale}, seed ${seed}): ${result.provinces} tỉnh, ${result.reportingUnits} đơn vị báo cáo, ` +
      `${result.users} tài khoản, ${result.dataElements} chỉ tiêu, ${result.rounds} đợt báo cáo (${result.periods.join(', ')}), ` +
      `${result.submissions} báo cáo, ${result.values.toLocaleString('vi-VN')} số liệu, ${result.plans} kế hoạch, ${result.tasks} nhiệm vụ` +
      (result.activities === null ? '' : `, ${result.activities} hoạt động`) +
      `. Đợt toàn quốc gần nhất đã duyệt: ${result.nationalRoundId}; đợt đang mở: ${result.currentNationalRoundId}.`,
  );
  return 0;
}
