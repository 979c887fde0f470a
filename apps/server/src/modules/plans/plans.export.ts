import {
  foldForSearch,
  type LegalDocument,
  normalizeText,
  type PlanDetail,
  type PlanItem,
  type PlanTask,
  type TaskAssignee,
  type TaskTime,
  toRoman,
} from '@binhdang/contracts';

/*
 * Exporting a plan as an official document: the public entry points, and the wording shared by
 * the DOCX and the XLSX so both print the same numbers, dates and task times. The layouts live
 * in plans.export.docx.ts and plans.export.xlsx.ts, the PDF conversion in plans.export.pdf.ts.
 */

export { convertDocxToPdf, findPdfConverter } from './plans.export.pdf.ts';

const peoplesCommitteeKinds = new Set(['province', 'commune', 'ward', 'special_zone', 'district']);

/**
 * The body that issues a unit's documents, as a citation names it: a province, commune or
 * ward issues as its People's Committee ("Ủy ban nhân dân tỉnh Lai Châu"), anyone else as itself.
 */
export function issuingBodyName(unit: { name: string; kind: string }): string {
  if (!peoplesCommitteeKinds.has(unit.kind)) return unit.name;
  return `Ủy ban nhân dân ${unit.name.charAt(0).toLocaleLowerCase('vi')}${unit.name.slice(1)}`;
}

export interface PlanExportInput {
  plan: PlanDetail;
  /** The issuing body as the header prints it: `superior` null for a top body (a province's UBND). */
  issuer: { superior: string | null; name: string };
}

/*
 * The renderers are loaded on first use: `docx` and `exceljs` are large and only exports need
 * them, and loading them late also keeps them free to import the wording below.
 */

/** The plan as a DOCX in the Decree 30/2020/NĐ-CP layout, with the task appendix in landscape. */
export async function renderPlanDocx(input: PlanExportInput): Promise<Buffer> {
  const { buildPlanDocx } = await import('./plans.export.docx.ts');
  return buildPlanDocx(input);
}

/** The task appendix as an XLSX sheet "Phân công". */
export async function renderAssignmentXlsx(input: PlanExportInput): Promise<Buffer> {
  const { buildAssignmentXlsx } = await import('./plans.export.xlsx.ts');
  return buildAssignmentXlsx(input);
}

/** One node of the printed outline; `item.ref` may be renumbered when sections are added. */
export interface OutlineNode {
  item: PlanItem;
  depth: number;
  children: OutlineNode[];
}

/** A row of the assignment appendix. */
export interface TaskRow {
  number: number;
  text: string;
  lead: string[];
  support: string[];
  time: string;
  expectedOutput: string;
}

/** Upper case with the Vietnamese locale, so `đ` becomes `Đ` and tone marks stay. */
export function toUpperVi(value: string): string {
  return value.toLocaleUpperCase('vi');
}

function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = isoDate.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}

/** Decree 30 writes days below 10 and the months January and February with a leading zero. */
function formatDay(day: number): string {
  return String(day).padStart(2, '0');
}

function formatMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/** `2022-04-07` → `07/4/2022`, `2018-01-20` → `20/01/2018`, as dates are cited in the text. */
export function formatCitedDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${formatDay(day)}/${formatMonth(month)}/${year}`;
}

function formatDayMonth(isoDate: string): string {
  const { month, day } = parseIsoDate(isoDate);
  return `${formatDay(day)}/${formatMonth(month)}`;
}

/** Blanks wide enough to write a number or a date by hand on the printed draft. */
const handwritingBlank = '\u00a0'.repeat(8);

/** `Số: 334/KH-LĐLĐ`; a draft's number (`/KH-UBND`) is left blank to be written in when issued. */
export function formatNumberLine(plan: PlanDetail): string {
  const documentNumber = plan.documentNumber.trim();
  if (documentNumber.startsWith('/')) return `Số:${handwritingBlank}${documentNumber}`;
  return `Số: ${documentNumber}`;
}

/**
 * `Lai Châu, ngày 07 tháng 4 năm 2022`. A draft leaves day and month blank and takes the year of
 * its last edit: plans for a year are often issued late in the year before.
 */
export function formatPlaceDateLine(plan: PlanDetail): string {
  const place = plan.place ? `${normalizeText(plan.place)}, ngày` : 'Ngày';
  if (plan.issuedOn) {
    const { year, month, day } = parseIsoDate(plan.issuedOn);
    return `${place} ${formatDay(day)} tháng ${formatMonth(month)} năm ${year}`;
  }
  const draftYear = Number(plan.updatedAt.slice(0, 4)) || plan.year;
  return `${place}${handwritingBlank} tháng${handwritingBlank} năm ${draftYear}`;
}

/** `Kế hoạch số 334/KH-LĐLĐ ngày 07/4/2022`, with blanks for a draft. */
export function formatPlanReference(plan: PlanDetail): string {
  const documentNumber = plan.documentNumber.trim();
  const number = documentNumber.startsWith('/') ? `${handwritingBlank}${documentNumber}` : documentNumber;
  const date = plan.issuedOn
    ? formatCitedDate(plan.issuedOn)
    : `${handwritingBlank}/${handwritingBlank}/${Number(plan.updatedAt.slice(0, 4)) || plan.year}`;
  return `Kế hoạch số ${number} ngày ${date}`;
}

const quarterNames = ['I', 'II', 'III', 'IV'];

/** The time as the plan words it: the document's own text when it has one, else from the structured time. */
export function formatTaskTime(task: Pick<PlanTask, 'time' | 'timeText'>): string {
  const wording = task.timeText?.trim();
  if (wording) return wording;
  return formatTime(task.time);
}

function formatTime(time: TaskTime): string {
  switch (time.kind) {
    case 'none':
      return '';
    case 'ongoing':
      return 'Thường xuyên';
    case 'date':
      return `Trước ngày ${formatCitedDate(time.due)}`;
    case 'range':
      return formatRange(time.from, time.to);
    case 'month':
      return `Tháng ${formatMonth(time.month)}/${time.year}`;
    case 'quarter':
      return `Quý ${quarterNames[time.quarter - 1]}/${time.year}`;
  }
}

/** `Từ 15/11 đến 15/12/2026`; the first year is written only when the range crosses a year. */
function formatRange(from: string, to: string): string {
  const start = from.slice(0, 4) === to.slice(0, 4) ? formatDayMonth(from) : formatCitedDate(from);
  return `Từ ${start} đến ${formatCitedDate(to)}`;
}

/** Lower-cases the first letter of a title that follows "về", unless the first word is an acronym. */
function lowerFirstWord(title: string): string {
  const firstWord = title.split(' ')[0] ?? '';
  const isAcronym = firstWord.length > 1 && firstWord === toUpperVi(firstWord);
  if (isAcronym) return title;
  return title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);
}

/** `Căn cứ Kế hoạch số 8416/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân tỉnh Lai Châu về ...` */
export function formatBasis(document: LegalDocument): string {
  const parts = [`Căn cứ ${normalizeText(document.kind)}`];
  if (document.number) parts.push(`số ${normalizeText(document.number)}`);
  const title = document.title ? normalizeText(document.title) : '';

  // An unnumbered document (a law) is cited by name: "Luật Bình đẳng giới ngày 29/11/2006".
  if (!document.number && title) parts.push(title);
  if (document.issuedOn) parts.push(`ngày ${formatCitedDate(document.issuedOn)}`);
  if (document.issuer) parts.push(`của ${normalizeText(document.issuer)}`);
  if (document.number && title) {
    parts.push(/^(về|v\/v)\s/iu.test(title) ? lowerFirstWord(title) : `về ${lowerFirstWord(title)}`);
  }
  return parts.join(' ');
}

/** The parent plan, cited first when a unit's plan carries out a higher plan (cascade). */
export function formatParentPlanBasis(plan: PlanDetail): string | null {
  const parent = plan.parentPlan;
  if (!parent?.number) return null;
  const isAlreadyCited = plan.bases.some((basis) => basis.number?.trim() === parent.documentNumber.trim());
  if (isAlreadyCited) return null;
  const date = parent.issuedOn ? ` ngày ${formatCitedDate(parent.issuedOn)}` : '';
  return `Thực hiện Kế hoạch số ${parent.documentNumber}${date} của ${parent.orgUnit.name} về ${lowerFirstWord(normalizeText(parent.title))}`;
}

/** `- Như trên;` … `- Lưu: VT.`: a dash before each recipient, a semicolon after all but the last. */
export function formatRecipients(recipients: string[]): string[] {
  const names = recipients.map((recipient) =>
    normalizeText(recipient)
      .replace(/^[-–•+]\s*/, '')
      .replace(/[;.,]+$/, ''),
  );
  const printed = names.filter((name) => name.length > 0);
  return printed.map((name, index) => `- ${name}${index === printed.length - 1 ? '.' : ';'}`);
}

/** Body text as paragraphs: one per non-empty line, white space folded. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => normalizeText(line))
    .filter((line) => line.length > 0);
}

export function formatUnitNames(assignees: TaskAssignee[]): string[] {
  return assignees.map((assignee) => normalizeText(assignee.unitName)).filter((name) => name.length > 0);
}

/** What a task asks for, as one line: its title, or the first paragraph of its body when untitled. */
export function describeTask(item: PlanItem): string {
  const text = normalizeText(item.title) || splitParagraphs(item.body)[0] || '';
  return text.replace(/^[-–•+]\s*/, '');
}

/** `Chủ trì: Sở Nội vụ; phối hợp: Sở Y tế, Công an tỉnh; thời gian: Quý II/2026.` */
export function formatAssignmentLine(task: PlanTask): string | null {
  const lead = formatUnitNames(task.lead);
  const support = formatUnitNames(task.support);
  const time = formatTaskTime(task);
  const parts: string[] = [];
  if (lead.length > 0) parts.push(`Chủ trì: ${lead.join(', ')}`);
  if (support.length > 0) parts.push(`phối hợp: ${support.join(', ')}`);
  if (time) parts.push(`thời gian: ${time}`);
  if (parts.length === 0) return null;
  const line = parts.join('; ');
  return `${line.charAt(0).toLocaleUpperCase('vi')}${line.slice(1)}.`;
}

function buildOutline(items: PlanItem[]): OutlineNode[] {
  const childrenOf = new Map<number | null, PlanItem[]>();
  const ids = new Set(items.map((item) => item.id));
  for (const item of items) {
    // An item whose parent is missing is printed at the top rather than lost.
    const parentId = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), item]);
  }
  const toNodes = (parentId: number | null, depth: number): OutlineNode[] =>
    (childrenOf.get(parentId) ?? [])
      .toSorted((a, b) => a.position - b.position || a.id - b.id)
      .map((item) => ({ item, depth, children: toNodes(item.id, depth + 1) }));
  return toNodes(null, 0);
}

/** The plan's text fields, each printed as a section of its own unless an item already is that section. */
const textSections = [
  { field: 'purpose', title: 'Mục đích, yêu cầu', marker: 'muc dich', placement: 'before' },
  { field: 'budget', title: 'Kinh phí thực hiện', marker: 'kinh phi', placement: 'after' },
  { field: 'implementation', title: 'Tổ chức thực hiện', marker: 'to chuc thuc hien', placement: 'after' },
  { field: 'reportingRegime', title: 'Chế độ báo cáo', marker: 'bao cao', placement: 'after' },
] as const;

const romanRef = /^[IVXLCDM]+\.?$/;

function createSectionNode(
  id: number,
  title: string,
  body: string,
  children: OutlineNode[] = [],
): OutlineNode {
  const item: PlanItem = { id, parentId: null, position: 0, ref: '', title, body, task: null };
  return { item, depth: 0, children: children.map(deepen) };
}

function deepen(node: OutlineNode): OutlineNode {
  return { ...node, depth: node.depth + 1, children: node.children.map(deepen) };
}

/**
 * The outline as printed: the items' tree, plus the plan's purpose, budget, implementation and
 * reporting text as sections of their own when the items do not already hold them. Sections
 * are then numbered I., II., … in order; items whose top level is not a section (`1.`, `2.`)
 * are grouped under "Nội dung" so the numbering stays one outline.
 */
export function buildPrintedOutline(plan: PlanDetail): OutlineNode[] {
  const outline = buildOutline(plan.items);
  const topTitles = outline.map((node) => foldForSearch(node.item.title));
  const missing = textSections.filter(
    (section) =>
      plan[section.field].trim().length > 0 && !topTitles.some((title) => title.includes(section.marker)),
  );
  if (missing.length === 0) return outline;

  const isSectioned = outline.every((node) => node.item.ref === '' || romanRef.test(node.item.ref.trim()));
  const content =
    isSectioned || outline.length === 0 ? outline : [createSectionNode(-1, 'Nội dung', '', outline)];
  const sections = [
    ...missing
      .filter((section) => section.placement === 'before')
      .map((section, index) => createSectionNode(-10 - index, section.title, plan[section.field])),
    ...content,
    ...missing
      .filter((section) => section.placement === 'after')
      .map((section, index) => createSectionNode(-20 - index, section.title, plan[section.field])),
  ];
  return sections.map((node, index) => ({ ...node, item: { ...node.item, ref: `${toRoman(index + 1)}.` } }));
}

/** Every task in outline order, numbered for the appendix. */
export function collectTaskRows(plan: PlanDetail): TaskRow[] {
  const rows: TaskRow[] = [];
  const visit = (nodes: OutlineNode[]) => {
    for (const node of nodes) {
      const task = node.item.task;
      if (task) {
        rows.push({
          number: rows.length + 1,
          text: describeTask(node.item),
          lead: formatUnitNames(task.lead),
          support: formatUnitNames(task.support),
          time: formatTaskTime(task),
          expectedOutput: task.expectedOutput ? normalizeText(task.expectedOutput) : '',
        });
      }
      visit(node.children);
    }
  };
  visit(buildOutline(plan.items));
  return rows;
}

export const appendixTitle = 'PHỤ LỤC PHÂN CÔNG NHIỆM VỤ';

/** `(Kèm theo Kế hoạch số 334/KH-LĐLĐ ngày 07/4/2022 của Liên đoàn Lao động tỉnh Lai Châu)` */
export function formatAppendixSubtitle(plan: PlanDetail): string {
  return `(Kèm theo ${formatPlanReference(plan)} của ${normalizeText(plan.orgUnit.name)})`;
}

export const assignmentSheetName = 'Phân công';

export const appendixColumns = [
  'STT',
  'Nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời gian thực hiện',
  'Sản phẩm dự kiến',
] as const;

/** A file name without characters that break downloads: `Ke-hoach-334-KH-LDLD.docx`. */
export function createExportFileName(plan: PlanDetail, extension: 'docx' | 'xlsx' | 'pdf'): string {
  const number = foldForSearch(plan.documentNumber)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `Ke-hoach-${number || plan.id}-${plan.year}.${extension}`;
}
