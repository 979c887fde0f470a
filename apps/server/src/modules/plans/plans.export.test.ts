import type { LegalDocument, PlanDetail, PlanItem, PlanTask, TaskAssignee } from '@binhdang/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app/errors.ts';
import {
  appendixColumns,
  assignmentSheetName,
  buildPrintedOutline,
  collectTaskRows,
  convertDocxToPdf,
  findPdfConverter,
  formatBasis,
  formatPlaceDateLine,
  formatRecipients,
  formatTaskTime,
  type PlanExportInput,
  renderAssignmentXlsx,
  renderPlanDocx,
} from './plans.export.ts';
import { assignmentHeaderRow } from './plans.export.xlsx.ts';

/* A Lai Châu 2026 plan shaped like the province's real ones (fixtures/plans/001). */

const unit = (unitName: string): TaskAssignee => ({ orgUnitId: null, unitName, unitKind: null });

function createTask(overrides: Partial<PlanTask>): PlanTask {
  return {
    time: { kind: 'none' },
    timeText: null,
    expectedOutput: null,
    programme: null,
    indicatorCodes: [],
    lead: [],
    support: [],
    sourceTaskId: null,
    ...overrides,
  };
}

function createItem(
  id: number,
  parentId: number | null,
  position: number,
  ref: string,
  title: string,
  extra: Partial<PlanItem> = {},
): PlanItem {
  return { id, parentId, position, ref, title, body: '', task: null, ...extra };
}

const bases: LegalDocument[] = [
  { id: 1, kind: 'Luật', number: null, issuedOn: '2006-11-29', issuer: null, title: 'Bình đẳng giới' },
  {
    id: 2,
    kind: 'Nghị quyết',
    number: '28/NQ-CP',
    issuedOn: '2021-03-03',
    issuer: 'Chính phủ',
    title: 'Ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
  },
  {
    id: 3,
    kind: 'Công văn',
    number: '2855/BNV-CTTN&BDG',
    issuedOn: '2026-03-27',
    issuer: 'Bộ Nội vụ',
    title: 'về việc hướng dẫn triển khai công tác bình đẳng giới năm 2026',
  },
];

const sởNộiVụ = unit('Sở Nội vụ');

/** Listed out of order on purpose: the export must follow parentId and position. */
const items: PlanItem[] = [
  createItem(20, null, 3, 'III.', 'Tổ chức thực hiện'),
  createItem(1, null, 1, 'I.', 'Mục đích, yêu cầu'),
  createItem(2, 1, 1, '1.', 'Mục đích', {
    body: 'Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền trong công tác bình đẳng giới.',
  }),
  createItem(3, 1, 2, '2.', 'Yêu cầu'),
  createItem(5, 3, 2, '-', 'Việc tổ chức các hoạt động phải bảo đảm thiết thực, hiệu quả.'),
  createItem(4, 3, 1, '-', 'Phấn đấu hoàn thành các mục tiêu, chỉ tiêu của Chiến lược trên địa bàn tỉnh.'),
  createItem(10, null, 2, 'II.', 'Nhiệm vụ, giải pháp'),
  createItem(11, 10, 1, '1.', 'Đẩy mạnh thông tin, tuyên truyền về bình đẳng giới'),
  createItem(12, 11, 1, 'a)', 'Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới', {
    task: createTask({
      time: { kind: 'range', from: '2026-11-15', to: '2026-12-15' },
      lead: [sởNộiVụ],
      support: [unit('Sở Văn hóa, Thể thao và Du lịch'), unit('Hội Liên hiệp Phụ nữ tỉnh')],
      expectedOutput: 'Báo cáo kết quả Tháng hành động',
    }),
  }),
  createItem(13, 11, 2, 'b)', 'Tập huấn nâng cao năng lực cho đội ngũ làm công tác bình đẳng giới', {
    body: 'Ưu tiên cán bộ cấp xã ở vùng đồng bào dân tộc thiểu số.',
    task: createTask({
      time: { kind: 'quarter', year: 2026, quarter: 2 },
      lead: [sởNộiVụ],
      support: [unit('Ủy ban nhân dân các xã, phường')],
    }),
  }),
  createItem(14, 13, 1, '-', 'Biên soạn tài liệu tập huấn song ngữ Việt - Thái', {
    task: createTask({
      time: { kind: 'month', year: 2026, month: 6 },
      lead: [unit('Trường Chính trị tỉnh')],
    }),
  }),
  createItem(15, 10, 2, '2.', 'Rà soát văn bản quy phạm pháp luật có nội dung liên quan đến bình đẳng giới', {
    task: createTask({
      time: { kind: 'date', due: '2026-06-30' },
      lead: [unit('Sở Tư pháp')],
      support: [sởNộiVụ],
      expectedOutput: 'Danh mục văn bản cần sửa đổi',
    }),
  }),
  createItem(16, 10, 3, '3.', 'Lồng ghép vấn đề bình đẳng giới trong xây dựng chính sách', {
    task: createTask({ time: { kind: 'ongoing' }, lead: [unit('Các sở, ban, ngành tỉnh')] }),
  }),
  createItem(17, 10, 4, '4.', 'Tổng kết 20 năm thi hành Luật Bình đẳng giới', {
    task: createTask({ timeText: 'Theo hướng dẫn của Bộ Nội vụ', lead: [sởNộiVụ] }),
  }),
  createItem(18, 10, 5, '5.', 'Kiểm tra, giám sát việc thực hiện công tác bình đẳng giới', {
    task: createTask({ lead: [sởNộiVụ], support: [unit('Liên đoàn Lao động tỉnh')] }),
  }),
  createItem(21, 20, 1, '1.', 'Sở Nội vụ', {
    body: 'Chủ trì, phối hợp với các cơ quan, đơn vị liên quan hướng dẫn, theo dõi việc triển khai Kế hoạch.',
  }),
];

const taskTexts = [
  'Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới',
  'Tập huấn nâng cao năng lực cho đội ngũ làm công tác bình đẳng giới',
  'Biên soạn tài liệu tập huấn song ngữ Việt - Thái',
  'Rà soát văn bản quy phạm pháp luật có nội dung liên quan đến bình đẳng giới',
  'Lồng ghép vấn đề bình đẳng giới trong xây dựng chính sách',
  'Tổng kết 20 năm thi hành Luật Bình đẳng giới',
  'Kiểm tra, giám sát việc thực hiện công tác bình đẳng giới',
];
const taskLeads = [
  'Sở Nội vụ',
  'Sở Nội vụ',
  'Trường Chính trị tỉnh',
  'Sở Tư pháp',
  'Các sở, ban, ngành tỉnh',
  'Sở Nội vụ',
  'Sở Nội vụ',
];

function createPlan(overrides: Partial<PlanDetail> = {}): PlanDetail {
  const orgUnit = { id: 1, code: 'LCU', name: 'Ủy ban nhân dân tỉnh Lai Châu' };
  return {
    id: 7,
    orgUnit,
    kind: 'KH',
    documentNumber: '/KH-UBND',
    number: null,
    symbol: 'KH-UBND',
    title:
      'Thực hiện công tác bình đẳng giới và Vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Lai Châu năm 2026',
    year: 2026,
    status: 'draft',
    origin: 'written',
    issuerName: null,
    place: 'Lai Châu',
    issuedOn: null,
    version: 1,
    parentPlanId: null,
    supersedesPlanId: null,
    cascadeDueOn: null,
    taskCount: taskTexts.length,
    updatedAt: '2026-04-02T03:00:00.000Z',
    revision: 3,
    bases,
    purpose: '',
    budget: 'Kinh phí thực hiện Kế hoạch được bảo đảm từ nguồn ngân sách nhà nước theo phân cấp hiện hành.',
    implementation: 'Các sở, ban, ngành tỉnh triển khai Kế hoạch này.',
    reportingRegime: 'Các cơ quan, đơn vị gửi báo cáo kết quả về Sở Nội vụ trước ngày 15/11/2026.',
    recipients: [
      'Bộ Nội vụ (b/c);',
      'TT. Tỉnh ủy, TT. HĐND tỉnh (b/c)',
      '- Chủ tịch, các PCT UBND tỉnh;',
      'Các sở, ban, ngành tỉnh',
      'UBND các xã, phường',
      'Lưu: VT, KGVX.',
    ],
    signer: {
      authority: 'TM. Ủy ban nhân dân',
      deputy: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      name: 'Lê Văn Minh',
    },
    items,
    parentPlan: null,
    childPlans: [],
    versions: [],
    can: { edit: true, issue: true, newVersion: false, cascade: false, trace: false },
    cascadeUnits: [],
    ...overrides,
  };
}

const provinceIssuer: PlanExportInput['issuer'] = { superior: null, name: 'Ủy ban nhân dân tỉnh Lai Châu' };

const issuedPlan = (): PlanDetail =>
  createPlan({ documentNumber: '125/KH-UBND', number: '125', status: 'issued', issuedOn: '2026-02-05' });

interface DocxParts {
  document: string;
  styles: string;
}

async function unzipDocx(docx: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(docx);
  const read = (path: string) => zip.file(path)?.async('string') ?? Promise.reject(new Error(`no ${path}`));
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml') };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of each paragraph, in document order. */
function readParagraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((paragraph) =>
    decodeXml(
      (paragraph.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''),
    ),
  );
}

function readAttribute(element: string, name: string): number {
  const match = element.match(new RegExp(`w:${name}="(-?\\d+)"`));
  return match ? Number(match[1]) : Number.NaN;
}

function readSections(xml: string): { pageSize: string; margins: string; body: string }[] {
  const parts = xml.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/);
  const properties = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
  return properties.map((sectPr, index) => ({
    pageSize: sectPr.match(/<w:pgSz[^>]*>/)?.[0] ?? '',
    margins: sectPr.match(/<w:pgMar[^>]*>/)?.[0] ?? '',
    body: parts[index] ?? '',
  }));
}

function readTableRows(xml: string): string[][] {
  return (xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
    (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => readParagraphs(cell).join('\n')),
  );
}

describe('plan export wording', () => {
  it('words each kind of task time as plans do', () => {
    const time = (value: PlanTask['time']) => formatTaskTime({ time: value, timeText: null });
    expect(time({ kind: 'ongoing' })).toBe('Thường xuyên');
    expect(time({ kind: 'date', due: '2026-06-30' })).toBe('Trước ngày 30/6/2026');
    expect(time({ kind: 'date', due: '2026-02-05' })).toBe('Trước ngày 05/02/2026');
    expect(time({ kind: 'range', from: '2026-11-15', to: '2026-12-15' })).toBe('Từ 15/11 đến 15/12/2026');
    expect(time({ kind: 'range', from: '2025-12-15', to: '2026-01-15' })).toBe(
      'Từ 15/12/2025 đến 15/01/2026',
    );
    expect(time({ kind: 'month', year: 2026, month: 6 })).toBe('Tháng 6/2026');
    expect(time({ kind: 'quarter', year: 2026, quarter: 2 })).toBe('Quý II/2026');
    expect(time({ kind: 'none' })).toBe('');
    expect(formatTaskTime({ time: { kind: 'ongoing' }, timeText: 'Hằng năm' })).toBe('Hằng năm');
  });

  it('writes the place and date with the leading zeros of Decree 30, and blanks for a draft', () => {
    expect(formatPlaceDateLine(createPlan({ issuedOn: '2022-04-07' }))).toBe(
      'Lai Châu, ngày 07 tháng 4 năm 2022',
    );
    expect(formatPlaceDateLine(createPlan({ issuedOn: '2026-01-20' }))).toBe(
      'Lai Châu, ngày 20 tháng 01 năm 2026',
    );
    expect(formatPlaceDateLine(createPlan({ issuedOn: '2026-12-31' }))).toBe(
      'Lai Châu, ngày 31 tháng 12 năm 2026',
    );
    expect(formatPlaceDateLine(createPlan()).replace(/\u00a0+/g, '_')).toBe(
      'Lai Châu, ngày_ tháng_ năm 2026',
    );
  });

  it('cites bases by kind, number, date, issuer and title', () => {
    expect(bases.map(formatBasis)).toEqual([
      'Căn cứ Luật Bình đẳng giới ngày 29/11/2006',
      'Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ về ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030',
      'Căn cứ Công văn số 2855/BNV-CTTN&BDG ngày 27/3/2026 của Bộ Nội vụ về việc hướng dẫn triển khai công tác bình đẳng giới năm 2026',
    ]);
  });

  it('puts a dash before each recipient and a full stop after the last', () => {
    expect(formatRecipients(['Bộ Nội vụ (b/c);', '- Như trên', 'Lưu: VT.'])).toEqual([
      '- Bộ Nội vụ (b/c);',
      '- Như trên;',
      '- Lưu: VT.',
    ]);
  });

  it('adds the text fields the items lack as numbered sections', () => {
    const outline = buildPrintedOutline(createPlan());
    expect(outline.map((node) => `${node.item.ref} ${node.item.title}`)).toEqual([
      'I. Mục đích, yêu cầu',
      'II. Nhiệm vụ, giải pháp',
      'III. Tổ chức thực hiện',
      'IV. Kinh phí thực hiện',
      'V. Chế độ báo cáo',
    ]);

    // A flat list of tasks goes under "Nội dung" so the purpose can stand before it as I.
    const flat = createPlan({
      purpose: 'Triển khai hiệu quả Luật Bình đẳng giới.',
      budget: '',
      implementation: '',
      reportingRegime: '',
      items: [createItem(1, null, 1, '1.', 'Tuyên truyền'), createItem(2, null, 2, '2.', 'Tập huấn')],
    });
    const grouped = buildPrintedOutline(flat);
    expect(grouped.map((node) => `${node.item.ref} ${node.item.title}`)).toEqual([
      'I. Mục đích, yêu cầu',
      'II. Nội dung',
    ]);
    expect(grouped[1]?.children.map((node) => [node.item.ref, node.depth])).toEqual([
      ['1.', 1],
      ['2.', 1],
    ]);
  });

  it('lists every task in outline order', () => {
    const rows = collectTaskRows(createPlan());
    expect(rows.map((row) => row.text)).toEqual(taskTexts);
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toMatchObject({
      lead: ['Sở Nội vụ'],
      support: ['Sở Văn hóa, Thể thao và Du lịch', 'Hội Liên hiệp Phụ nữ tỉnh'],
      time: 'Từ 15/11 đến 15/12/2026',
      expectedOutput: 'Báo cáo kết quả Tháng hành động',
    });
  });
});

describe('renderPlanDocx', () => {
  it('lays out A4 portrait pages with Decree 30 margins and a landscape appendix', async () => {
    const { document } = await unzipDocx(
      await renderPlanDocx({ plan: createPlan(), issuer: provinceIssuer }),
    );
    const [main, appendix] = readSections(document);

    expect(main?.pageSize).toContain('w:w="11906"');
    expect(main?.pageSize).toContain('w:h="16838"');
    expect(main?.pageSize).not.toContain('landscape');
    const margins = main?.margins ?? '';
    expect(Math.abs(readAttribute(margins, 'top') - 1134)).toBeLessThanOrEqual(2);
    expect(Math.abs(readAttribute(margins, 'bottom') - 1134)).toBeLessThanOrEqual(2);
    expect(Math.abs(readAttribute(margins, 'left') - 1701)).toBeLessThanOrEqual(2);
    expect(Math.abs(readAttribute(margins, 'right') - 850)).toBeLessThanOrEqual(2);

    expect(appendix?.pageSize).toContain('w:w="16838"');
    expect(appendix?.pageSize).toContain('w:h="11906"');
    expect(appendix?.pageSize).toContain('w:orient="landscape"');
  });

  it('sets Times New Roman 14 pt as the document default', async () => {
    const { styles, document } = await unzipDocx(
      await renderPlanDocx({ plan: createPlan(), issuer: provinceIssuer }),
    );
    const defaults = styles.match(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/)?.[0] ?? '';
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('w:hAnsi="Times New Roman"');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    // No run switches to another font.
    const fonts = new Set([...document.matchAll(/w:ascii="([^"]+)"/g)].map((match) => match[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  it('prints the header, title, bases, content and signature of a draft', async () => {
    const { document } = await unzipDocx(
      await renderPlanDocx({ plan: createPlan(), issuer: provinceIssuer }),
    );
    const [main] = readSections(document);
    const paragraphs = readParagraphs(main?.body ?? '');
    const text = paragraphs.join('\n');

    expect(paragraphs).toContain('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU');
    expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(paragraphs).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(paragraphs.map((line) => line.replace(/\u00a0+/g, '_'))).toEqual(
      expect.arrayContaining(['Số:_/KH-UBND', 'Lai Châu, ngày_ tháng_ năm 2026']),
    );
    expect(paragraphs).toContain('KẾ HOẠCH');
    expect(paragraphs).toContain(createPlan().title);

    expect(paragraphs).toContain('Căn cứ Luật Bình đẳng giới ngày 29/11/2006;');
    expect(paragraphs.filter((line) => line.startsWith('Căn cứ')).at(-1)).toMatch(/năm 2026\.$/);

    const headings = ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. TỔ CHỨC THỰC HIỆN'];
    const positions = [...headings, 'IV. KINH PHÍ THỰC HIỆN', 'V. CHẾ ĐỘ BÁO CÁO'].map((line) =>
      paragraphs.indexOf(line),
    );
    expect(positions.every((position, index) => position > (positions[index - 1] ?? 0))).toBe(true);
    expect(paragraphs.filter((line) => line.includes('TỔ CHỨC THỰC HIỆN'))).toHaveLength(1);
    expect(paragraphs).toContain('1. Đẩy mạnh thông tin, tuyên truyền về bình đẳng giới');
    expect(paragraphs).toContain(
      '- Phấn đấu hoàn thành các mục tiêu, chỉ tiêu của Chiến lược trên địa bàn tỉnh.',
    );
    expect(
      paragraphs.indexOf('- Phấn đấu hoàn thành các mục tiêu, chỉ tiêu của Chiến lược trên địa bàn tỉnh.'),
    ).toBeLessThan(paragraphs.indexOf('- Việc tổ chức các hoạt động phải bảo đảm thiết thực, hiệu quả.'));
    expect(paragraphs).toContain(
      'Chủ trì: Sở Nội vụ; phối hợp: Sở Văn hóa, Thể thao và Du lịch, Hội Liên hiệp Phụ nữ tỉnh; thời gian: Từ 15/11 đến 15/12/2026.',
    );
    expect(paragraphs).toContain(
      'Chủ trì: Sở Tư pháp; phối hợp: Sở Nội vụ; thời gian: Trước ngày 30/6/2026.',
    );
    expect(paragraphs).toContain('Chủ trì: Các sở, ban, ngành tỉnh; thời gian: Thường xuyên.');

    expect(paragraphs).toContain('Nơi nhận:');
    expect(paragraphs).toContain('- Bộ Nội vụ (b/c);');
    expect(paragraphs).toContain('- Lưu: VT, KGVX.');
    expect(paragraphs).toEqual(
      expect.arrayContaining(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']),
    );
    expect(paragraphs.at(-1)).toBe('Lê Văn Minh');
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('null');
  });

  it('prints the number and date of an issued plan and the superior body', async () => {
    const issuer = { superior: 'UBND tỉnh Lai Châu', name: 'Sở Nội vụ' };
    const { document } = await unzipDocx(await renderPlanDocx({ plan: issuedPlan(), issuer }));
    const paragraphs = readParagraphs(document);
    expect(paragraphs.slice(0, 2)).toEqual(['UBND TỈNH LAI CHÂU', 'SỞ NỘI VỤ']);
    expect(paragraphs).toContain('Số: 125/KH-UBND');
    expect(paragraphs).toContain('Lai Châu, ngày 05 tháng 02 năm 2026');
    expect(paragraphs).toContain(
      '(Kèm theo Kế hoạch số 125/KH-UBND ngày 05/02/2026 của Ủy ban nhân dân tỉnh Lai Châu)',
    );
  });

  it('lists every task with its lead unit in the appendix table, header repeated on each page', async () => {
    const { document } = await unzipDocx(
      await renderPlanDocx({ plan: createPlan(), issuer: provinceIssuer }),
    );
    const [, appendix] = readSections(document);
    const body = appendix?.body ?? '';
    expect(readParagraphs(body)[0]).toBe('PHỤ LỤC PHÂN CÔNG NHIỆM VỤ');

    const rows = readTableRows(body);
    expect(rows[0]).toEqual([...appendixColumns]);
    expect(rows).toHaveLength(taskTexts.length + 1);
    taskTexts.forEach((task, index) => {
      const row = rows[index + 1] ?? [];
      expect(row[0]).toBe(String(index + 1));
      expect(row[1]).toBe(task);
      expect(row[2]).toBe(taskLeads[index]);
    });
    expect(rows[1]?.[3]).toBe('Sở Văn hóa, Thể thao và Du lịch\nHội Liên hiệp Phụ nữ tỉnh');
    expect(rows.slice(1).map((row) => row[4])).toEqual([
      'Từ 15/11 đến 15/12/2026',
      'Quý II/2026',
      'Tháng 6/2026',
      'Trước ngày 30/6/2026',
      'Thường xuyên',
      'Theo hướng dẫn của Bộ Nội vụ',
      '',
    ]);

    const headerRow = body.match(/<w:tr[ >][\s\S]*?<\/w:tr>/)?.[0] ?? '';
    expect(headerRow).toContain('<w:tblHeader/>');
    expect(headerRow).toContain('<w:b/>');
  });

  it('leaves the appendix out of a plan without tasks', async () => {
    const plan = createPlan({ items: items.map((item) => ({ ...item, task: null })) });
    const { document } = await unzipDocx(await renderPlanDocx({ plan, issuer: provinceIssuer }));
    expect(readSections(document)).toHaveLength(1);
    expect(document).not.toContain('PHỤ LỤC');
  });
});

describe('renderAssignmentXlsx', () => {
  it('writes the tasks to the "Phân công" sheet under a bold, frozen header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderAssignmentXlsx({ plan: issuedPlan(), issuer: provinceIssuer })) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet(assignmentSheetName);
    expect(sheet).toBeDefined();
    if (!sheet) return;

    expect(sheet.getCell('A1').value).toBe('PHỤ LỤC PHÂN CÔNG NHIỆM VỤ');
    const header = sheet.getRow(assignmentHeaderRow);
    expect(appendixColumns.map((_, index) => header.getCell(index + 1).value)).toEqual([...appendixColumns]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).font?.name).toBe('Times New Roman');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: assignmentHeaderRow });

    expect(sheet.rowCount - assignmentHeaderRow).toBe(taskTexts.length);
    const first = sheet.getRow(assignmentHeaderRow + 1);
    expect([1, 2, 3, 4, 5, 6].map((column) => first.getCell(column).value)).toEqual([
      1,
      taskTexts[0],
      'Sở Nội vụ',
      'Sở Văn hóa, Thể thao và Du lịch\nHội Liên hiệp Phụ nữ tỉnh',
      'Từ 15/11 đến 15/12/2026',
      'Báo cáo kết quả Tháng hành động',
    ]);
    expect(first.getCell(2).alignment?.wrapText).toBe(true);
  });
});

describe('convertDocxToPdf', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses with plans.pdf_unavailable when LibreOffice is not on PATH', async () => {
    vi.stubEnv('PATH', '');
    expect(findPdfConverter()).toBeNull();
    const conversion = convertDocxToPdf(Buffer.from('not used'));
    await expect(conversion).rejects.toBeInstanceOf(AppError);
    await expect(conversion).rejects.toMatchObject({ code: 'plans.pdf_unavailable' });
  });

  it.runIf(findPdfConverter() !== null)(
    'converts the DOCX with LibreOffice when it is installed',
    async () => {
      const docx = await renderPlanDocx({ plan: createPlan(), issuer: provinceIssuer });
      const pdf = await convertDocxToPdf(docx);
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    },
  );
});
