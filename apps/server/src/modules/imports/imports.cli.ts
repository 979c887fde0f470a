import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorCatalogue } from '@binhdang/contracts';
import { AppError } from '../app/errors.ts';
import { extractDocumentText } from './document-text.ts';
import { readPlanText } from './plan-reader.ts';

export const importCliUsage = `  npm run cli -- parse-plan FILE [--json]
                                         read a plan or report (.docx, .pdf, .txt) without the database;
                                         --json: only the import contract JSON on stdout`;

/** `parse-plan FILE [--json]`: the reader on one file. Returns the exit code; needs no database. */
export async function runParsePlanCommand(args: string[], log: (message: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) {
    log('Cách dùng: parse-plan TỆP [--json]');
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    log(code === 'ENOENT' ? `Không tìm thấy tệp ${file}.` : `Không mở được tệp ${file} (${code ?? 'lỗi'}).`);
    return 1;
  }

  let text: string;
  try {
    text = await extractDocumentText(bytes, path.basename(file));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    log(`${path.basename(file)}: ${errorCatalogue[error.code].vi}`);
    return 1;
  }

  const plan = readPlanText(text);
  for (const warning of plan.warnings) log(`Cảnh báo: ${warning}`);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Loại: ${plan.kind ?? '?'}   Số: ${plan.number ?? '(trống)'}   Ngày: ${plan.issuedOn ?? '?'}   Năm: ${plan.year ?? '?'}`,
    `Trích yếu: ${plan.title ?? '?'}`,
    `Căn cứ: ${plan.bases.map((base) => base.number).join(', ') || '—'}`,
    `Mục: ${plan.sections.map((section) => `${section.ref}. ${section.title}`).join(' | ') || '—'}`,
    `Nhiệm vụ: ${plan.tasks.length}   Báo cáo: ${plan.reporting.length}   Sự kiện: ${plan.events.length}   Nơi nhận: ${plan.recipients.length}`,
    `Người ký: ${plan.signer.name ?? '?'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
