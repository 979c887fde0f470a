import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../app/config.ts';
import { AppError } from '../app/errors.ts';
import { buildPageLines, detectDocumentFormat, extractDocumentText } from './document-text.ts';
import { readPlanText } from './plan-reader.ts';

const fixturesDir = path.join(
  process.env.BINHDANG_SHARED_DATA_DIR
    ? path.dirname(process.env.BINHDANG_SHARED_DATA_DIR)
    : path.join(repositoryRoot, '..', 'shared'),
  'fixtures',
  'plans',
);
const fixtures = existsSync(fixturesDir)
  ? readdirSync(fixturesDir).filter((name) => name.endsWith('.txt'))
  : [];

interface PdfText {
  text: string;
  x: number;
  y: number;
}

/**
 * A minimal PDF 1.4 written by hand: one page per entry, Helvetica with WinAnsi encoding,
 * each text drawn at its position. `trailerExtra` adds entries to the trailer (`/Encrypt`).
 */
function buildPdf(pages: PdfText[][], options: { encrypt?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const pageIds = pages.map((_, index) => 4 + index * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (const [index, texts] of pages.entries()) {
    const content = texts
      .map(({ text, x, y }) => `BT /F1 12 Tf ${x} ${y} Td (${text.replace(/([()\\])/g, '\\$1')}) Tj ET`)
      .join('\n');
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageIds[index]! + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
    );
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  let encryptRef = '';
  if (options.encrypt) {
    const hex = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
    add(`<< /Filter /Standard /V 1 /R 2 /O <${hex}> /U <${hex}> /P -4 >>`);
    encryptRef = ` /Encrypt ${objects.length} 0 R`;
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const id = '<0123456789abcdef0123456789abcdef>';
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encryptRef} /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toBeInstanceOf(AppError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe('detectDocumentFormat', () => {
  it('tells formats by their bytes, not their names', async () => {
    expect(detectDocumentFormat(buildPdf([[{ text: 'KE HOACH', x: 72, y: 760 }]]))).toBe('pdf');
    expect(detectDocumentFormat(new TextEncoder().encode('Kế hoạch'))).toBe('txt');
    expect(detectDocumentFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(
      detectDocumentFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    ).toBeNull();
  });
});

describe('extractDocumentText: text', () => {
  it('reads UTF-8 and drops the byte-order mark', async () => {
    const bytes = new TextEncoder().encode('\uFEFFKẾ HOẠCH\nCông tác bình đẳng giới');
    expect(await extractDocumentText(bytes, 'plan.txt')).toBe('KẾ HOẠCH\nCông tác bình đẳng giới');
  });

  it('refuses an empty file', async () => {
    await expectAppError(
      extractDocumentText(new TextEncoder().encode(' \n\n '), 'empty.txt'),
      'imports.empty_document',
    );
  });
});

describe('extractDocumentText: Word', () => {
  it.each(fixtures)('reads %s as a .docx as it reads the text', async (name) => {
    const text = readFileSync(path.join(fixturesDir, name), 'utf8');
    const document = new Document({
      sections: [
        {
          children: text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => new Paragraph({ children: [new TextRun(line.trim())] })),
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const fromWord = readPlanText(await extractDocumentText(bytes, 'ke-hoach.bin'));
    const fromText = readPlanText(text);
    expect(fromWord.number).toBe(fromText.number);
    expect(fromWord.title).toBe(fromText.title);
    expect(fromWord.sections.map((section) => section.title)).toEqual(
      fromText.sections.map((section) => section.title),
    );
  });

  it('calls a damaged .docx unreadable', async () => {
    const bytes = new TextEncoder().encode('PK\u0003\u0004word/document.xml is not really here');
    await expectAppError(extractDocumentText(bytes, 'broken.docx'), 'imports.unreadable');
  });
});

describe('extractDocumentText: PDF', () => {
  it('rebuilds lines from the text layer, page by page', async () => {
    const pdf = buildPdf([
      [
        { text: 'UBND TINH LAI CHAU', x: 60, y: 800 },
        { text: 'CONG HOA XA HOI CHU NGHIA VIET NAM', x: 300, y: 800 },
        { text: 'So: 12/KH-UBND', x: 60, y: 780 },
        { text: 'Lai Chau, ngay 07 thang 4 nam 2025', x: 300, y: 780 },
        { text: 'KE HOACH', x: 250, y: 740 },
        { text: 'Cong tac binh dang gioi nam 2025', x: 180, y: 724 },
        { text: 'I. MUC DICH, YEU CAU', x: 60, y: 690 },
        { text: 'Nang cao nhan thuc', x: 60, y: 674 },
        { text: 've binh dang gioi.', x: 172, y: 674 },
        { text: '1', x: 290, y: 40 },
      ],
      [{ text: 'II. TO CHUC THUC HIEN', x: 60, y: 800 }],
    ]);
    const text = await extractDocumentText(pdf, 'ke-hoach.pdf');
    expect(text.split('\n')).toEqual([
      'UBND TINH LAI CHAU',
      'CONG HOA XA HOI CHU NGHIA VIET NAM',
      'So: 12/KH-UBND',
      'Lai Chau, ngay 07 thang 4 nam 2025',
      'KE HOACH',
      'Cong tac binh dang gioi nam 2025',
      'I. MUC DICH, YEU CAU',
      'Nang cao nhan thuc ve binh dang gioi.',
      '1',
      '',
      'II. TO CHUC THUC HIEN',
    ]);
    const plan = readPlanText(text);
    expect(plan).toMatchObject({
      kind: 'KH',
      number: '12/KH-UBND',
      place: 'Lai Chau',
      issuedOn: '2025-04-07',
      year: 2025,
    });
    expect(plan.sections.map((section) => section.ref)).toEqual(['I', 'II']);
  });

  it('refuses an encrypted PDF', async () => {
    const pdf = buildPdf([[{ text: 'KE HOACH', x: 72, y: 760 }]], { encrypt: true });
    await expectAppError(extractDocumentText(pdf, 'locked.pdf'), 'imports.encrypted_pdf');
  });

  it('refuses a PDF without a text layer (a scan)', async () => {
    await expectAppError(extractDocumentText(buildPdf([[], []]), 'scan.pdf'), 'imports.no_text_layer');
  });

  it('calls a damaged PDF unreadable', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\nthis is not a PDF body');
    await expectAppError(extractDocumentText(bytes, 'broken.pdf'), 'imports.unreadable');
  });
});

describe('extractDocumentText: other files', () => {
  it('refuses bytes that are no document', async () => {
    const noise = Uint8Array.from({ length: 512 }, (_, index) => (index * 7919 + 13) % 256);
    await expectAppError(extractDocumentText(noise, 'noise.bin'), 'imports.unsupported_file');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expectAppError(extractDocumentText(png, 'scan.png'), 'imports.unsupported_file');
  });
});

describe('buildPageLines', () => {
  it('groups items by baseline, reads left to right and splits columns', () => {
    expect(
      buildPageLines([
        { text: 'ngày 07', x: 204, y: 700.5, width: 40, size: 12 },
        { text: 'Lai Châu,', x: 150, y: 700, width: 48, size: 12 },
        { text: 'Số: 12/KH-UBND', x: 40, y: 700, width: 80, size: 12 },
        { text: 'KẾ HOẠCH', x: 120, y: 660, width: 60, size: 12 },
      ]),
    ).toEqual(['Số: 12/KH-UBND Lai Châu, ngày 07', 'KẾ HOẠCH']);
    expect(
      buildPageLines([
        { text: '- Lưu: VT.', x: 40, y: 100, width: 50, size: 12 },
        { text: 'PHÓ CHỦ TỊCH', x: 330, y: 100, width: 80, size: 12 },
      ]),
    ).toEqual(['- Lưu: VT.', 'PHÓ CHỦ TỊCH']);
  });
});
