import {
  Document,
  Header,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import {
  createBodyParagraph,
  createCenteredParagraph,
  createLayoutTable,
  createPageNumberHeader,
  createRun,
  createShortRule,
  createTableCell,
  font,
  headerColumns,
  landscapeTextWidth,
  margin,
  pageHeight,
  pageWidth,
  portraitTextWidth,
  type RunStyle,
  signatureColumns,
  size,
} from '../plans/plans.export.docx.ts';
import { splitParagraphs, toUpperVi } from '../plans/plans.export.ts';
import {
  formatAppendixNote,
  formatBasisLine,
  formatFigure,
  type ReportTable,
  type RoundReportInput,
  reportTotalColumn,
} from './reporting.report.ts';

/*
 * The consolidated report as a Decree 30 document of kind BC ("BÁO CÁO"), built from the plan
 * export's blocks (header, short rules, body paragraphs, recipients and signer): the outline with
 * each section's text gathered from the reports unit by unit, then the appendix tables, bordered,
 * in landscape, with the "Tổng" column as the consolidation computed it.
 */

const handwritingBlank = '\u00a0'.repeat(8);

function createHeader(input: RoundReportInput): Table {
  const [leftWidth, rightWidth] = headerColumns;
  const issuingBody: Paragraph[] = [];
  if (input.issuer.superior)
    issuingBody.push(createCenteredParagraph(input.issuer.superior, { size: size.header }));
  issuingBody.push(createCenteredParagraph(input.issuer.name, { size: size.header, bold: true }));
  issuingBody.push(createShortRule(1300, leftWidth));
  const motto = [
    createCenteredParagraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: size.header, bold: true }),
    createCenteredParagraph('Độc lập - Tự do - Hạnh phúc', { size: size.body, bold: true }),
    createShortRule(3500, rightWidth),
  ];
  // Number, day and month are written in when the report is signed; the year is the period's.
  const year = input.consolidation.round.period.slice(0, 4);
  return createLayoutTable(headerColumns, [
    [issuingBody, motto],
    [
      [
        createCenteredParagraph(
          `Số:${handwritingBlank}${input.symbol}`,
          { size: size.header },
          { before: 60, after: 0 },
        ),
      ],
      [
        createCenteredParagraph(
          `${input.place}, ngày${handwritingBlank}tháng${handwritingBlank}năm ${year}`,
          { size: size.body, italics: true },
          { before: 60, after: 0 },
        ),
      ],
    ],
  ]);
}

/** The title under "BÁO CÁO" without the repeated word: `Kết quả thực hiện công tác … (năm 2026)`. */
function formatReportSubject(title: string): string {
  const subject = title.replace(/^báo cáo\s+/i, '');
  return subject.charAt(0).toLocaleUpperCase('vi') + subject.slice(1);
}

function createTitle(input: RoundReportInput): Paragraph[] {
  return [
    createCenteredParagraph('BÁO CÁO', { size: size.body, bold: true }, { before: 480, after: 0 }),
    createCenteredParagraph(formatReportSubject(input.consolidation.round.title), {
      size: size.body,
      bold: true,
    }),
    createShortRule(2200, portraitTextWidth),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

function headingStyle(level: number): RunStyle {
  if (level <= 1) return { bold: true };
  if (level === 2) return { bold: true, italics: true };
  return { italics: true };
}

/** A section: its heading, then each unit's answer led by the unit's name, in the round's unit order. */
function createSection(section: RoundReportInput['consolidation']['sections'][number]): Paragraph[] {
  const title = section.level <= 1 ? toUpperVi(section.title) : section.title;
  const paragraphs = [
    createBodyParagraph([createRun(title, headingStyle(section.level))], { keepNext: true }),
  ];
  for (const answer of section.answers) {
    const [first = '', ...rest] = splitParagraphs(answer.text);
    paragraphs.push(
      createBodyParagraph([createRun(`- ${answer.orgUnit.name}: `, { italics: true }), createRun(first)]),
      ...rest.map((line) => createBodyParagraph([createRun(line)])),
    );
  }
  return paragraphs;
}

function createSignature(input: RoundReportInput): Table {
  const recipients = [
    new Paragraph({
      children: [createRun('Nơi nhận:', { bold: true, italics: true, size: size.recipientsHeading })],
    }),
    ...input.recipients.map(
      (line) => new Paragraph({ children: [createRun(line, { size: size.recipients })] }),
    ),
  ];
  const signature = [
    ...input.signer.map((line) => createCenteredParagraph(line, { size: size.body, bold: true })),
    // Room for the handwritten signature and the seal.
    createCenteredParagraph('', { size: size.body }, { before: 1700, after: 0 }),
  ];
  return createLayoutTable(signatureColumns, [[recipients, signature]]);
}

function createAppendixTable(table: ReportTable): Table {
  const fixed = [700, 4600];
  const figureWidth = Math.floor((landscapeTextWidth - fixed[0]! - fixed[1]!) / (table.columns.length + 1));
  const widths = [...fixed, ...table.columns.map(() => figureWidth), figureWidth];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 500, rule: HeightRule.ATLEAST },
    children: ['STT', 'Chỉ tiêu', ...table.columns.map((column) => column.name), reportTotalColumn].map(
      (title, index) => createTableCell(widths[index]!, [title], { bold: true, align: 'center' }),
    ),
  });
  const body = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          createTableCell(widths[0]!, [String(row.number)], { align: 'center' }),
          createTableCell(widths[1]!, [row.name], { align: 'left' }),
          ...row.cells.map((value, index) =>
            createTableCell(widths[index + 2]!, [formatFigure(value)], { align: 'center' }),
          ),
          createTableCell(widths[widths.length - 1]!, [formatFigure(row.total)], {
            bold: true,
            align: 'center',
          }),
        ],
      }),
  );
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

/** Builds the report; callers use `exportRoundReport`. */
export async function buildRoundReportDocx(input: RoundReportInput): Promise<Buffer> {
  const portrait = { width: pageWidth, height: pageHeight, orientation: PageOrientation.PORTRAIT };
  const landscape = { width: pageWidth, height: pageHeight, orientation: PageOrientation.LANDSCAPE };
  const { consolidation } = input;

  const mainSection = {
    properties: { titlePage: true, page: { size: portrait, margin } },
    headers: { default: createPageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      createHeader(input),
      ...createTitle(input),
      createBodyParagraph([createRun(formatBasisLine(input), { italics: true })]),
      ...consolidation.sections.flatMap(createSection),
      ...(input.tables.length > 0
        ? [
            createBodyParagraph([
              createRun('(Số liệu chi tiết tại các phụ lục kèm theo.)', { italics: true }),
            ]),
          ]
        : []),
      new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
      createSignature(input),
    ],
  };
  const appendixSections = input.tables.map((table) => ({
    properties: { page: { size: landscape, margin } },
    headers: { default: createPageNumberHeader() },
    children: [
      createCenteredParagraph(toUpperVi(table.title), { size: size.body, bold: true }),
      createCenteredParagraph(
        formatAppendixNote(input),
        { size: size.body, italics: true },
        { before: 0, after: 240 },
      ),
      createAppendixTable(table),
    ],
  }));

  const document = new Document({
    creator: 'binhdang',
    title: consolidation.round.title,
    styles: {
      default: {
        document: {
          run: { font, size: size.body, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: [mainSection, ...appendixSections],
  });
  return Packer.toBuffer(document);
}
