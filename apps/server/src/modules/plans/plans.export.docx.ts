import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  appendixColumns,
  appendixTitle,
  buildPrintedOutline,
  collectTaskRows,
  formatAppendixSubtitle,
  formatAssignmentLine,
  formatBasis,
  formatNumberLine,
  formatParentPlanBasis,
  formatPlaceDateLine,
  formatRecipients,
  type OutlineNode,
  type PlanExportInput,
  splitParagraphs,
  type TaskRow,
  toUpperVi,
} from './plans.export.ts';

/*
 * The plan as an administrative document in the layout of Decree 30/2020/NĐ-CP (Appendix I):
 * A4, Times New Roman, the two-column header (issuing body | national motto), title, bases,
 * numbered content, recipients beside the signature, and the assignment table as a landscape
 * appendix. Sizes are half-points, lengths twips (1 mm ≈ 56.7 twips).
 */

export const font = 'Times New Roman';
export const pageWidth = 11906;
export const pageHeight = 16838;
export const margin = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } as const;
export const portraitTextWidth = pageWidth - margin.left - margin.right;
export const landscapeTextWidth = pageHeight - margin.left - margin.right;

export const size = { body: 28, header: 26, table: 24, recipientsHeading: 24, recipients: 22 } as const;

/** 1.15 lines: Decree 30 asks for single to 1.5; this keeps a long plan readable and compact. */
export const bodyLineSpacing = 276;
const firstLineIndent = 567;

/** Header and signature columns: the motto needs about 10 cm at 13 pt bold to stay on one line. */
export const headerColumns = [3600, portraitTextWidth - 3600] as const;
export const signatureColumns = [4300, portraitTextWidth - 4300] as const;

/** Appendix columns: STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian | Sản phẩm. */
const appendixWidths = [700, 5000, 2300, 2900, 1700, landscapeTextWidth - 12600] as const;

export type RunStyle = Omit<IRunOptions, 'text' | 'children'>;

export function createRun(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font, ...style });
}

export function createCenteredParagraph(
  text: string,
  style: RunStyle = {},
  spacing = { before: 0, after: 0 },
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...spacing, line: 240, lineRule: LineRuleType.AUTO },
    children: [createRun(text, style)],
  });
}

/** A body paragraph: justified, first line indented 1 cm. */
export function createBodyParagraph(
  children: ParagraphChild[],
  options: { keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: firstLineIndent },
    spacing: { before: 0, after: 120, line: bodyLineSpacing, lineRule: LineRuleType.AUTO },
    keepNext: options.keepNext ?? false,
    children,
  });
}

/**
 * The short line under the issuing body, the motto and the title: an empty paragraph of tiny
 * height whose bottom border is shortened by equal indents, as Word has no simpler centred rule.
 */
export function createShortRule(lineWidth: number, containerWidth: number): Paragraph {
  const indent = Math.max(0, Math.round((containerWidth - lineWidth) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 40, after: 60, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** A cell of a borderless layout table; cell padding is trimmed so the columns get the width. */
function createLayoutCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

export function createLayoutTable(
  widths: readonly [number, number],
  rows: [Paragraph[], Paragraph[]][],
): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([left, right]) =>
        new TableRow({ children: [createLayoutCell(widths[0], left), createLayoutCell(widths[1], right)] }),
    ),
  });
}

function createDocumentHeader({ plan, issuer }: PlanExportInput): Table {
  const [leftWidth, rightWidth] = headerColumns;
  const issuingBody: Paragraph[] = [];
  if (issuer.superior)
    issuingBody.push(createCenteredParagraph(toUpperVi(issuer.superior), { size: size.header }));
  issuingBody.push(createCenteredParagraph(toUpperVi(issuer.name), { size: size.header, bold: true }));
  issuingBody.push(createShortRule(1300, leftWidth));

  const motto = [
    createCenteredParagraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: size.header, bold: true }),
    createCenteredParagraph('Độc lập - Tự do - Hạnh phúc', { size: size.body, bold: true }),
    createShortRule(3500, rightWidth),
  ];

  const numberLine = [
    createCenteredParagraph(formatNumberLine(plan), { size: size.header }, { before: 60, after: 0 }),
  ];
  const dateLine = [
    createCenteredParagraph(
      formatPlaceDateLine(plan),
      { size: size.body, italics: true },
      { before: 60, after: 0 },
    ),
  ];
  return createLayoutTable(headerColumns, [
    [issuingBody, motto],
    [numberLine, dateLine],
  ]);
}

function createTitleBlock({ plan }: PlanExportInput): Paragraph[] {
  return [
    createCenteredParagraph('KẾ HOẠCH', { size: size.body, bold: true }, { before: 480, after: 0 }),
    ...splitParagraphs(plan.title).map((line) =>
      createCenteredParagraph(line, { size: size.body, bold: true }),
    ),
    createShortRule(2200, portraitTextWidth),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

function createBases({ plan }: PlanExportInput): Paragraph[] {
  const parentBasis = formatParentPlanBasis(plan);
  const lines = [...(parentBasis ? [parentBasis] : []), ...plan.bases.map(formatBasis)];
  return lines.map((line, index) =>
    createBodyParagraph([createRun(`${line}${index === lines.length - 1 ? '.' : ';'}`)]),
  );
}

/** Section heading styles: I. bold upper case, 1. bold, a) italic, deeper plain. */
function styleHeading(depth: number): RunStyle {
  if (depth <= 1) return { bold: true };
  if (depth === 2) return { italics: true };
  return {};
}

function isDashRef(ref: string): boolean {
  return /^[-–+•]$/.test(ref.trim());
}

function renderOutlineNode(node: OutlineNode): Paragraph[] {
  const { item, depth } = node;
  const ref = item.ref.trim();
  const title = depth === 0 ? toUpperVi(item.title.trim()) : item.title.trim();
  const body = splitParagraphs(item.body);
  const paragraphs: Paragraph[] = [];

  if (isDashRef(ref)) {
    // A dash item reads as running text: "- Tiếp tục thực hiện ..."
    const text = title || body.shift() || '';
    paragraphs.push(createBodyParagraph([createRun(`- ${text}`)]));
  } else if (title) {
    const heading = ref ? `${ref} ${title}` : title;
    paragraphs.push(createBodyParagraph([createRun(heading, styleHeading(depth))], { keepNext: true }));
  } else if (ref) {
    // An untitled numbered item starts its first paragraph with the number.
    const first = body.shift();
    const runs = [createRun(ref, styleHeading(depth))];
    if (first) runs.push(createRun(` ${first}`));
    paragraphs.push(createBodyParagraph(runs));
  }

  paragraphs.push(...body.map((line) => createBodyParagraph([createRun(line)])));
  const assignment = item.task ? formatAssignmentLine(item.task) : null;
  if (assignment) paragraphs.push(createBodyParagraph([createRun(assignment, { italics: true })]));
  return [...paragraphs, ...node.children.flatMap(renderOutlineNode)];
}

function createSignatureBlock({ plan }: PlanExportInput): Table {
  const recipients = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [createRun('Nơi nhận:', { bold: true, italics: true, size: size.recipientsHeading })],
    }),
    ...formatRecipients(plan.recipients).map(
      (line) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: [createRun(line, { size: size.recipients })],
        }),
    ),
  ];

  const { authority, deputy, position, name } = plan.signer;
  const titles = [authority, deputy, position].filter((line): line is string => Boolean(line?.trim()));
  const signature = titles.map((line) =>
    createCenteredParagraph(toUpperVi(line.trim()), { size: size.body, bold: true }),
  );
  if (name?.trim()) {
    // Room for the handwritten signature and the seal.
    signature.push(
      createCenteredParagraph(name.trim(), { size: size.body, bold: true }, { before: 1700, after: 0 }),
    );
  }
  return createLayoutTable(signatureColumns, [[recipients, signature]]);
}

export function createPageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font, size: size.body, children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

export function createTableCell(
  width: number,
  lines: string[],
  style: { bold?: boolean; align?: 'left' | 'center' },
) {
  const alignment = style.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 85, right: 85, top: 40, bottom: 40 },
    children: (lines.length > 0 ? lines : ['']).map(
      (line) =>
        new Paragraph({
          alignment,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [createRun(line, { size: size.table, bold: style.bold ?? false })],
        }),
    ),
  });
}

function createAppendixTable(rows: TaskRow[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 500, rule: HeightRule.ATLEAST },
    children: appendixColumns.map((title, index) =>
      createTableCell(appendixWidths[index] ?? 0, [title], { bold: true, align: 'center' }),
    ),
  });
  const body = rows.map((row) => {
    const cells: [string[], 'left' | 'center'][] = [
      [[String(row.number)], 'center'],
      [[row.text], 'left'],
      [row.lead, 'left'],
      [row.support, 'left'],
      [row.time ? [row.time] : [], 'center'],
      [row.expectedOutput ? [row.expectedOutput] : [], 'left'],
    ];
    return new TableRow({
      cantSplit: true,
      children: cells.map(([lines, align], index) =>
        createTableCell(appendixWidths[index] ?? 0, lines, { align }),
      ),
    });
  });
  return new Table({
    width: { size: landscapeTextWidth, type: WidthType.DXA },
    columnWidths: [...appendixWidths],
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

function createAppendix({ plan }: PlanExportInput, rows: TaskRow[]): (Paragraph | Table)[] {
  return [
    createCenteredParagraph(appendixTitle, { size: size.body, bold: true }),
    createCenteredParagraph(
      formatAppendixSubtitle(plan),
      { size: size.body, italics: true },
      { before: 0, after: 240 },
    ),
    createAppendixTable(rows),
  ];
}

/** Builds the plan as a DOCX file in the Decree 30 layout; callers use `renderPlanDocx`. */
export async function buildPlanDocx(input: PlanExportInput): Promise<Buffer> {
  const portrait = { width: pageWidth, height: pageHeight, orientation: PageOrientation.PORTRAIT };
  const landscape = { width: pageWidth, height: pageHeight, orientation: PageOrientation.LANDSCAPE };
  const taskRows = collectTaskRows(input.plan);

  const mainSection = {
    // Decree 30 numbers pages from the second one, at the top centre.
    properties: { titlePage: true, page: { size: portrait, margin } },
    headers: { default: createPageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      createDocumentHeader(input),
      ...createTitleBlock(input),
      ...createBases(input),
      ...buildPrintedOutline(input.plan).flatMap(renderOutlineNode),
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
      createSignatureBlock(input),
    ],
  };
  const appendixSection = {
    properties: { page: { size: landscape, margin } },
    headers: { default: createPageNumberHeader() },
    children: createAppendix(input, taskRows),
  };

  const document = new Document({
    creator: 'binhdang',
    title: input.plan.title,
    styles: {
      default: {
        document: {
          run: { font, size: size.body, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: taskRows.length > 0 ? [mainSection, appendixSection] : [mainSection],
  });
  return Packer.toBuffer(document);
}
