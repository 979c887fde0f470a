import { createHash } from 'node:crypto';
import {
  type ActivityImportResult,
  type ActivityKind,
  type AgeGroup,
  activityImportRules,
  activityKindLabels,
  activityKinds,
  ageGroupLabels,
  ageGroups,
  foldForSearch,
  normalizeText,
  type Observance,
  observanceDates,
  observances,
  type Participants,
  type TargetGroup,
  targetGroupLabels,
  targetGroups,
} from '@binhdang/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { AppError } from '../app/errors.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { ensureObservances } from './activities.campaigns.ts';
import { linkableTask } from './activities.policy.ts';
import { checkActivity, insertActivities } from './activities.service.ts';

/*
 * Bulk entry from XLSX: a template workbook with Vietnamese headers and a sheet of codes, and an
 * import that takes a whole file or nothing. Every bad cell is reported by its row number (as
 * Excel shows it) and column header ("Dòng 17, cột «Nữ – Kinh»: phải là số nguyên không âm"), and
 * nothing of a file with one bad row is written. The same bytes imported again for the unit are
 * recognised by their SHA-256 and refused until the user confirms (a numbered copy; a unique key
 * keeps two first imports of one file at the same moment from both going through).
 */

const SHEET = 'Hoạt động';

type ColumnKey =
  | 'kind'
  | 'title'
  | 'startsOn'
  | 'endsOn'
  | 'place'
  | 'male.kinh'
  | 'male.minority'
  | 'female.kinh'
  | 'female.minority'
  | 'ageGroup'
  | 'targetGroups'
  | 'costState'
  | 'costNonState'
  | 'minorityLanguage'
  | 'campaign'
  | 'tasks'
  | 'note';

interface ColumnSpec {
  key: ColumnKey;
  header: string;
  width: number;
  required?: boolean;
  help: string;
}

const ageCodes: Record<AgeGroup, string> = {
  age_0_15: 'DUOI16',
  age_16_30: '16-30',
  age_31_59: '31-59',
  age_60_plus: 'TU60',
};

export const importColumns: ColumnSpec[] = [
  {
    key: 'kind',
    header: 'Loại hoạt động',
    width: 14,
    required: true,
    help: 'Mã loại (xem bảng mã bên dưới), ví dụ TT.',
  },
  {
    key: 'title',
    header: 'Tên hoạt động',
    width: 50,
    required: true,
    help: 'Nội dung, hình thức hoạt động.',
  },
  {
    key: 'startsOn',
    header: 'Từ ngày',
    width: 12,
    required: true,
    help: 'Ngày bắt đầu, dạng ngày/tháng/năm (15/11/2026).',
  },
  { key: 'endsOn', header: 'Đến ngày', width: 12, help: 'Để trống nếu hoạt động diễn ra trong một ngày.' },
  {
    key: 'place',
    header: 'Địa điểm (xã, phường)',
    width: 24,
    help: 'Tên hoặc mã xã, phường trong tỉnh; tên khác được giữ nguyên như ghi.',
  },
  {
    key: 'male.kinh',
    header: 'Nam – Kinh',
    width: 10,
    help: 'Số người tham gia là nam, dân tộc Kinh (số nguyên, để trống là 0).',
  },
  {
    key: 'male.minority',
    header: 'Nam – DTTS',
    width: 10,
    help: 'Số người tham gia là nam, dân tộc thiểu số.',
  },
  { key: 'female.kinh', header: 'Nữ – Kinh', width: 10, help: 'Số người tham gia là nữ, dân tộc Kinh.' },
  {
    key: 'female.minority',
    header: 'Nữ – DTTS',
    width: 10,
    help: 'Số người tham gia là nữ, dân tộc thiểu số.',
  },
  {
    key: 'ageGroup',
    header: 'Nhóm tuổi',
    width: 10,
    help: 'Nếu hoạt động dành cho một nhóm tuổi: mã nhóm tuổi (xem bảng mã).',
  },
  {
    key: 'targetGroups',
    header: 'Đối tượng',
    width: 14,
    help: 'Mã đối tượng, nhiều mã cách nhau dấu chấm phẩy (CB;HV).',
  },
  {
    key: 'costState',
    header: 'Kinh phí NSNN (đồng)',
    width: 16,
    help: 'Kinh phí từ ngân sách nhà nước, tính bằng đồng.',
  },
  {
    key: 'costNonState',
    header: 'Kinh phí ngoài NSNN (đồng)',
    width: 16,
    help: 'Kinh phí xã hội hóa, tài trợ, tính bằng đồng.',
  },
  {
    key: 'minorityLanguage',
    header: 'Tiếng DTTS',
    width: 10,
    help: 'Ghi x nếu hoạt động dùng tiếng dân tộc thiểu số.',
  },
  {
    key: 'campaign',
    header: 'Đợt hưởng ứng',
    width: 12,
    help: 'Mã ngày kỷ niệm, tháng hành động (xem bảng mã), nếu có.',
  },
  {
    key: 'tasks',
    header: 'Mã nhiệm vụ',
    width: 12,
    help: 'Số của nhiệm vụ trong kế hoạch (xem trên trang nhiệm vụ), nhiều số cách nhau dấu chấm phẩy.',
  },
  { key: 'note', header: 'Ghi chú', width: 30, help: 'Ghi chú thêm, nếu có.' },
];

/** The template workbook: the entry sheet with its headers, and a sheet explaining columns and codes. */
export async function buildActivityTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'binhdang';
  workbook.title = 'Mẫu nhập hoạt động';
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  const kindCodes = activityKinds.map((kind) => activityKindLabels[kind].code).join(',');
  // One rule for the whole column of codes (exceljs keeps range validations, its typings omit them).
  (
    sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
  ).dataValidations.add(`A2:A${activityImportRules.maxRows + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${kindCodes}"`],
    showErrorMessage: true,
    errorTitle: 'Loại hoạt động',
    error: 'Chọn một mã loại hoạt động trong danh sách.',
  });
  sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(4).numFmt = 'dd/mm/yyyy';

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [{ width: 30 }, { width: 90 }];
  const add = (values: string[], bold = false) => {
    const row = help.addRow(values);
    if (bold) row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  };
  add(['Nhập hoạt động từ tệp Excel'], true);
  add([
    'Cách dùng',
    `Mỗi dòng của trang «${SHEET}» là một hoạt động, bắt đầu từ dòng 2; không đổi tên các cột. Tối đa ${activityImportRules.maxRows} dòng. Nếu có dòng sai, hệ thống báo từng dòng, từng cột và không nhập dòng nào của tệp; sửa rồi nhập lại cả tệp.`,
  ]);
  add([]);
  add(['Cột', 'Cách ghi'], true);
  for (const column of importColumns)
    add([`${column.header}${column.required ? ' (bắt buộc)' : ''}`, column.help]);
  add([]);
  add(['Mã loại hoạt động', 'Loại'], true);
  for (const kind of activityKinds) add([activityKindLabels[kind].code, activityKindLabels[kind].vi]);
  add([]);
  add(['Mã đối tượng', 'Đối tượng'], true);
  for (const group of targetGroups) add([targetGroupLabels[group].code, targetGroupLabels[group].vi]);
  add([]);
  add(['Mã nhóm tuổi', 'Nhóm tuổi'], true);
  for (const group of ageGroups) add([ageCodes[group], ageGroupLabels[group].vi]);
  add([]);
  add(['Mã đợt hưởng ứng', 'Ngày kỷ niệm, tháng hành động (theo năm của ngày bắt đầu)'], true);
  for (const observance of observances)
    add([
      observanceDates[observance].code,
      `${observanceDates[observance].vi} (${observanceDates[observance].from.split('-').reverse().join('/')}–${observanceDates[observance].to.split('-').reverse().join('/')})`,
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/* ------------------------------------------------------------------------ reading */

type CellValue = ExcelJS.CellValue;

/** The value a person sees in the cell: formulas by their result, rich text as its text. */
function plainValue(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as string | number | boolean | Date;
  if ('result' in value) return plainValue(value.result as CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return null;
  return null;
}

function asText(value: ReturnType<typeof plainValue>): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return normalizeText(String(value));
}

function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDate(value: ReturnType<typeof plainValue>): string | null | 'invalid' {
  if (value === null || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'invalid';
    // Excel dates have no time zone; exceljs reads them as midnight UTC.
    return value.toISOString().slice(0, 10);
  }
  const text = asText(value);
  if (text === '') return null;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValidDate(year, month, day)) return 'invalid';
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) return text;
  return 'invalid';
}

/** A whole number ≥ 0; `1.200` and `1 200` read as twelve hundred, as Vietnamese write it. */
function parseCount(value: ReturnType<typeof plainValue>): number | null | 'invalid' {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : 'invalid';
  const text = asText(value);
  if (text === '') return null;
  if (/^\d+$/.test(text) || /^\d{1,3}([. ]\d{3})+$/.test(text)) return Number(text.replace(/[. ]/g, ''));
  return 'invalid';
}

const yes = new Set(['x', 'co', 'có', '1', 'yes', 'true']);
const no = new Set(['', 'khong', 'không', '0', 'no', 'false']);

export interface RowIssue {
  row: number;
  column: string;
  message: string;
}

interface ParsedRow {
  row: number;
  kind: ActivityKind;
  title: string;
  startsOn: string;
  endsOn: string | null;
  place: string;
  participants: Participants;
  ageGroup: AgeGroup | null;
  targetGroups: TargetGroup[];
  costState: number;
  costNonState: number;
  minorityLanguage: boolean;
  observance: Observance | null;
  taskIds: number[];
  note: string | null;
}

const kindByCode = new Map<string, ActivityKind>(
  activityKinds.flatMap((kind) => [
    [foldForSearch(activityKindLabels[kind].code), kind],
    [foldForSearch(activityKindLabels[kind].vi), kind],
  ]),
);
const targetByCode = new Map<string, TargetGroup>(
  targetGroups.flatMap((group) => [
    [foldForSearch(targetGroupLabels[group].code), group],
    [foldForSearch(targetGroupLabels[group].vi), group],
  ]),
);
const ageByCode = new Map<string, AgeGroup>(
  ageGroups.flatMap((group) => [
    [foldForSearch(ageCodes[group]), group],
    [foldForSearch(ageGroupLabels[group].vi), group],
  ]),
);
const observanceByCode = new Map<string, Observance>(
  observances.flatMap((observance) => [
    [foldForSearch(observanceDates[observance].code), observance],
    [foldForSearch(observanceDates[observance].vi), observance],
  ]),
);

/** Reads the entry sheet into rows and the problems of each cell; nothing touches the database. */
export async function readActivityWorkbook(
  bytes: Uint8Array,
): Promise<{ rows: ParsedRow[]; issues: RowIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('activities.import_unreadable');
  }
  const sheet =
    workbook.worksheets.find((candidate) => foldForSearch(candidate.name) === foldForSearch(SHEET)) ??
    workbook.worksheets[0];
  if (!sheet) throw new AppError('activities.import_unreadable');

  const issues: RowIssue[] = [];
  const positions = new Map<ColumnKey, number>();
  const headerRow = sheet.getRow(1);
  headerRow.eachCell((cell, column) => {
    const text = foldForSearch(asText(plainValue(cell.value)));
    const spec = importColumns.find((candidate) => foldForSearch(candidate.header) === text);
    if (spec && !positions.has(spec.key)) positions.set(spec.key, column);
  });
  for (const spec of importColumns)
    if (spec.required && !positions.has(spec.key))
      issues.push({
        row: 1,
        column: spec.header,
        message: `Dòng 1: thiếu cột «${spec.header}» (hãy dùng tệp mẫu).`,
      });
  if (issues.length > 0) return { rows: [], issues };

  const rows: ParsedRow[] = [];
  const lastRow = sheet.actualRowCount === 0 ? 1 : sheet.rowCount;
  for (let number = 2; number <= lastRow; number += 1) {
    const excelRow = sheet.getRow(number);
    const raw = (key: ColumnKey) => {
      const position = positions.get(key);
      return position ? plainValue(excelRow.getCell(position).value) : null;
    };
    const isEmpty = importColumns.every((spec) => asText(raw(spec.key)) === '');
    if (isEmpty) continue;
    if (rows.length + 1 > activityImportRules.maxRows) {
      issues.push({
        row: number,
        column: '',
        message: `Tệp có quá ${activityImportRules.maxRows} hoạt động; hãy chia thành nhiều tệp.`,
      });
      break;
    }
    const problem = (key: ColumnKey, message: string) => {
      const header = importColumns.find((spec) => spec.key === key)!.header;
      issues.push({ row: number, column: header, message: `Dòng ${number}, cột «${header}»: ${message}` });
    };

    const kindText = foldForSearch(asText(raw('kind')));
    const kind = kindByCode.get(kindText);
    if (!kindText) problem('kind', 'chưa ghi loại hoạt động.');
    else if (!kind) problem('kind', `mã «${asText(raw('kind'))}» không có trong bảng mã loại hoạt động.`);

    const title = asText(raw('title'));
    if (title.length < 3) problem('title', 'chưa ghi tên hoạt động (ít nhất 3 ký tự).');
    else if (title.length > 500) problem('title', 'tên hoạt động dài quá 500 ký tự.');

    const startsOn = parseDate(raw('startsOn'));
    if (startsOn === null) problem('startsOn', 'chưa ghi ngày bắt đầu.');
    else if (startsOn === 'invalid') problem('startsOn', 'không phải ngày hợp lệ (ghi dạng 15/11/2026).');
    else if (startsOn < '2000-01-01' || startsOn > '2100-12-31') problem('startsOn', 'năm không hợp lệ.');
    const endsOn = parseDate(raw('endsOn'));
    if (endsOn === 'invalid') problem('endsOn', 'không phải ngày hợp lệ (ghi dạng 15/11/2026).');
    else if (endsOn && typeof startsOn === 'string' && startsOn !== 'invalid' && endsOn < startsOn)
      problem('endsOn', 'phải sau hoặc bằng ngày bắt đầu.');

    const participants = { 'male.kinh': 0, 'male.minority': 0, 'female.kinh': 0, 'female.minority': 0 };
    for (const key of ['male.kinh', 'male.minority', 'female.kinh', 'female.minority'] as const) {
      const value = parseCount(raw(key));
      if (value === 'invalid') problem(key, 'phải là số nguyên không âm.');
      else if (value !== null && value > 1_000_000) problem(key, 'số người quá lớn.');
      else participants[key] = value ?? 0;
    }
    const costs = { costState: 0, costNonState: 0 };
    for (const key of ['costState', 'costNonState'] as const) {
      const value = parseCount(raw(key));
      if (value === 'invalid') problem(key, 'phải là số tiền bằng đồng, số nguyên không âm.');
      else costs[key] = value ?? 0;
    }

    const ageText = foldForSearch(asText(raw('ageGroup')));
    const ageGroup = ageText ? (ageByCode.get(ageText) ?? null) : null;
    if (ageText && !ageGroup)
      problem('ageGroup', `mã «${asText(raw('ageGroup'))}» không có trong bảng mã nhóm tuổi.`);

    const groups: TargetGroup[] = [];
    for (const part of asText(raw('targetGroups')).split(/[;,]/)) {
      const code = foldForSearch(part);
      if (!code) continue;
      const group = targetByCode.get(code);
      if (group) {
        if (!groups.includes(group)) groups.push(group);
      } else problem('targetGroups', `mã «${part.trim()}» không có trong bảng mã đối tượng.`);
    }

    const languageText = foldForSearch(asText(raw('minorityLanguage')));
    const minorityLanguage = yes.has(languageText);
    if (!yes.has(languageText) && !no.has(languageText))
      problem('minorityLanguage', 'ghi x nếu có, để trống nếu không.');

    const campaignText = foldForSearch(asText(raw('campaign')));
    const observance = campaignText ? (observanceByCode.get(campaignText) ?? null) : null;
    if (campaignText && !observance)
      problem('campaign', `mã «${asText(raw('campaign'))}» không có trong bảng mã đợt hưởng ứng.`);

    const taskIds: number[] = [];
    for (const part of asText(raw('tasks')).split(/[;,]/)) {
      const text = part.trim().replace(/^#/, '');
      if (!text) continue;
      if (/^\d{1,9}$/.test(text)) taskIds.push(Number(text));
      else problem('tasks', `«${part.trim()}» không phải số nhiệm vụ.`);
    }

    const note = asText(raw('note'));
    if (note.length > 4000) problem('note', 'ghi chú dài quá 4000 ký tự.');
    const place = asText(raw('place'));
    if (place.length > 300) problem('place', 'địa điểm dài quá 300 ký tự.');

    rows.push({
      row: number,
      kind: kind ?? 'other',
      title,
      startsOn: typeof startsOn === 'string' && startsOn !== 'invalid' ? startsOn : '2000-01-01',
      endsOn: typeof endsOn === 'string' && endsOn !== 'invalid' ? endsOn : null,
      place,
      participants,
      ageGroup,
      targetGroups: groups,
      ...costs,
      minorityLanguage,
      observance,
      taskIds,
      note: note || null,
    });
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({
      row: 2,
      column: '',
      message: `Trang «${sheet.name}» chưa có hoạt động nào (bắt đầu từ dòng 2).`,
    });
  return { rows, issues };
}

/* ------------------------------------------------------------------------ import */

function uniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** Imports every row of the file for the unit, in one transaction, or none. */
export async function importActivities({
  db,
  clock,
  actor,
  meta,
  orgUnitId,
  fileName,
  bytes,
  confirmDuplicate,
}: {
  db: Db;
  clock: () => Date;
  actor: Actor;
  meta: RequestMeta;
  orgUnitId: number;
  fileName: string;
  bytes: Uint8Array;
  confirmDuplicate: boolean;
}): Promise<ActivityImportResult> {
  const unit = await loadUnitInScope(db, actor, 'activities.write', orgUnitId);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const previous = await db
    .selectFrom('activity_imports')
    .select((eb) => eb.fn.max('copy').as('copy'))
    .where('org_unit_id', '=', unit.id)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  const previousCopy = Number(previous?.copy ?? 0);
  if (previousCopy > 0 && !confirmDuplicate) throw new AppError('activities.import_duplicate');

  const { rows, issues } = await readActivityWorkbook(bytes);

  // What needs the database, checked for the whole file at once.
  const rootPath = `/${unit.path.split('/').filter(Boolean)[0]}/`;
  const places = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name'])
    .where('path', 'like', `${rootPath}%`)
    .where('kind', 'in', ['commune', 'ward', 'special_zone'])
    .where('valid_to', 'is', null)
    .execute();
  const placeByName = new Map<string, number>();
  for (const place of places) {
    placeByName.set(foldForSearch(place.name), place.id);
    placeByName.set(foldForSearch(place.code), place.id);
    placeByName.set(foldForSearch(place.name.replace(/^(xã|phường|đặc khu)\s+/i, '')), place.id);
  }
  const years = [...new Set(rows.map((row) => Number(row.startsOn.slice(0, 4))))].filter(
    (year) => year >= 2000,
  );
  for (const year of years) await ensureObservances(db, year);
  const campaigns = years.length
    ? await db
        .selectFrom('campaigns')
        .select(['id', 'observance', 'year'])
        .where('observance', 'is not', null)
        .where('year', 'in', years)
        .execute()
    : [];
  const campaignOf = (observance: Observance | null, startsOn: string) =>
    observance
      ? (campaigns.find((row) => row.observance === observance && row.year === Number(startsOn.slice(0, 4)))
          ?.id ?? null)
      : null;
  const taskIds = [...new Set(rows.flatMap((row) => row.taskIds))];
  const linkable = new Set(
    taskIds.length
      ? (
          await db
            .selectFrom('plan_items as i')
            .innerJoin('plans as p', 'p.id', 'i.plan_id')
            .innerJoin('org_units as po', 'po.id', 'p.org_unit_id')
            .select('i.id')
            .where('i.id', 'in', taskIds)
            .where(linkableTask(unit.id, unit.path))
            .execute()
        ).map((row) => row.id)
      : [],
  );
  const tasksHeader = importColumns.find((spec) => spec.key === 'tasks')!.header;
  for (const row of rows)
    for (const id of row.taskIds)
      if (!linkable.has(id))
        issues.push({
          row: row.row,
          column: tasksHeader,
          message: `Dòng ${row.row}, cột «${tasksHeader}»: nhiệm vụ số ${id} không thuộc kế hoạch đã ban hành mà đơn vị được giao hoặc thực hiện.`,
        });

  const inputs = rows.map((row) => {
    const placeUnitId = row.place ? (placeByName.get(foldForSearch(row.place)) ?? null) : null;
    return {
      row: row.row,
      input: {
        kind: row.kind,
        title: row.title,
        startsOn: row.startsOn,
        endsOn: row.endsOn ?? row.startsOn,
        placeUnitId,
        placeText: placeUnitId === null && row.place ? row.place : null,
        taskIds: row.taskIds,
        campaignId: campaignOf(row.observance, row.startsOn),
        participants: row.participants,
        ageGroup: row.ageGroup,
        targetGroups: row.targetGroups,
        costState: row.costState,
        costNonState: row.costNonState,
        minorityLanguage: row.minorityLanguage,
        note: row.note,
      },
    };
  });
  // The rules a single entry is held to (span of dates), without the lookups done above.
  for (const entry of inputs) {
    const problems = await checkActivity(db, unit, {
      ...entry.input,
      taskIds: [],
      placeUnitId: null,
      campaignId: null,
    });
    for (const problem of problems) {
      const header = importColumns.find((spec) => spec.key === problem.path)?.header ?? problem.path;
      issues.push({
        row: entry.row,
        column: header,
        message: `Dòng ${entry.row}, cột «${header}»: ${problem.message}`,
      });
    }
  }
  if (issues.length > 0) {
    issues.sort((a, b) => a.row - b.row);
    throw new AppError('activities.import_invalid', {
      issues: issues
        .slice(0, 500)
        .map((issue) => ({ path: `rows.${issue.row}.${issue.column}`, message: issue.message })),
    });
  }

  try {
    return await db.transaction().execute(async (trx) => {
      const now = clock();
      const copy = previousCopy + 1;
      const record = await trx
        .insertInto('activity_imports')
        .values({
          org_unit_id: unit.id,
          file_name: fileName,
          sha256,
          copy,
          row_count: inputs.length,
          created_by: actor.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids = await insertActivities(
        trx,
        inputs.map((entry) => ({ orgUnitId: unit.id, input: entry.input })),
        { userId: actor.userId, now, importId: record.id },
      );
      await insertAuditRecord(trx, {
        actorUserId: actor.userId,
        action: 'activity.import',
        entityType: 'activity_import',
        entityId: record.id,
        orgUnitId: unit.id,
        after: { fileName, sha256, copy, rows: inputs.length, firstId: ids[0], lastId: ids.at(-1) },
        ip: meta.ip,
      });
      return {
        importId: record.id,
        imported: ids.length,
        fileName,
        orgUnit: { id: unit.id, code: unit.code, name: unit.name },
        copy,
      };
    });
  } catch (error) {
    // Another import of the same file for the unit committed first.
    if (uniqueViolation(error)) throw new AppError('activities.import_duplicate');
    throw error;
  }
}
