/**
 * The text of a received document, whatever it came as: UTF-8 text, Word (.docx) or a PDF with
 * a text layer. The format is told by the bytes, not the file name (a PDF saved as `.doc`
 * still reads). Failures are `AppError`s with a code the user can act on.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../app/errors.ts';

export type DocumentFormat = 'txt' | 'docx' | 'pdf';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((value, index) => bytes[offset + index] === value);
}

function containsAscii(bytes: Uint8Array, text: string, limit = bytes.length): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).includes(
    text,
    0,
    'latin1',
  );
}

/** UTF-8 without control characters other than white space; null when the bytes are not text. */
function decodeText(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Binary data decodes as UTF-8 now and then; it still holds control characters text never has.
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) {
      return null;
    }
  }
  return text.replace(/^\uFEFF/, '');
}

/** The format by content: `%PDF-` near the start; a zip holding `word/document.xml`; else readable text. */
export function detectDocumentFormat(bytes: Uint8Array): DocumentFormat | null {
  if (containsAscii(bytes, '%PDF-', 1024)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return containsAscii(bytes, 'word/document.xml') ? 'docx' : null;
  if (bytes.length === 0) return 'txt';
  return decodeText(bytes) === null ? null : 'txt';
}

async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch {
    throw new AppError('imports.unreadable');
  }
}

interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/**
 * Rebuilds the lines of a page from positioned text: items on the same baseline (within
 * 40 % of the font size) form a line, read left to right; a wide gap between two items
 * (another column, as in the heading and signature blocks) starts a new line.
 */
export function buildPageLines(items: PositionedText[]): string[] {
  const sorted = items.filter((item) => item.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedText[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const tolerance = Math.max(2, 0.4 * Math.max(item.size, row?.[0]?.size ?? 0));
    if (row && Math.abs(row[0]!.y - item.y) <= tolerance) row.push(item);
    else rows.push([item]);
  }

  const lines: string[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end = Number.NEGATIVE_INFINITY;
    let spaced = false;
    for (const item of row) {
      // pdf.js fills gaps with white-space items; they only say "a space here", not where text ends.
      if (item.text.trim() === '') {
        spaced = line !== '';
        continue;
      }
      const gap = item.x - end;
      const size = item.size || 10;
      if (line !== '' && gap > 4 * size) {
        lines.push(line);
        line = '';
      } else if (line !== '' && (spaced || gap > 0.2 * size)) {
        line += ' ';
      }
      line += item.text;
      end = Math.max(end, item.x + item.width);
      spaced = false;
    }
    lines.push(line);
  }
  return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
}

function resolveStandardFonts(): string | undefined {
  try {
    const packageFile = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return `${path.join(path.dirname(packageFile), 'standard_fonts')}${path.sep}`;
  } catch {
    return undefined;
  }
}

async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    useSystemFonts: false,
    standardFontDataUrl: resolveStandardFonts(),
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    // A user password, or an encryption dictionary pdf.js cannot open.
    if ((error as Error)?.name === 'PasswordException' || containsAscii(bytes, '/Encrypt')) {
      throw new AppError('imports.encrypted_pdf');
    }
    throw new AppError('imports.unreadable');
  }

  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        items.push({ text: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height });
      }
      pages.push(buildPageLines(items).join('\n'));
      page.cleanup();
    }
    const text = pages.join('\n\n');
    if (text.replace(/\s+/g, '') === '') throw new AppError('imports.no_text_layer');
    return text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('imports.unreadable');
  } finally {
    await document.destroy();
  }
}

/**
 * The text of a .txt (UTF-8, BOM removed), .docx or .pdf document. Throws `AppError` with
 * `imports.unsupported_file`, `imports.encrypted_pdf`, `imports.no_text_layer`,
 * `imports.unreadable` or `imports.empty_document`.
 */
export async function extractDocumentText(bytes: Uint8Array, fileName: string): Promise<string> {
  const format = detectDocumentFormat(bytes);
  if (format === null) {
    // Named as a document we read but not one inside: damaged rather than of another kind.
    const extension = path.extname(fileName).toLowerCase();
    throw new AppError(
      extension === '.pdf' || extension === '.docx' ? 'imports.unreadable' : 'imports.unsupported_file',
    );
  }
  let text: string;
  if (format === 'pdf') text = await extractPdfText(bytes);
  else if (format === 'docx') text = await extractDocxText(bytes);
  else text = decodeText(bytes) ?? '';
  if (text.trim() === '') {
    throw new AppError(format === 'pdf' ? 'imports.no_text_layer' : 'imports.empty_document');
  }
  return text;
}
