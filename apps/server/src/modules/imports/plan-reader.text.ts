/**
 * Text clean-up for the plan reader: the same document arrives as typed text, Word paragraphs
 * or PDF lines (hard breaks mid-sentence, blank lines between lines, page numbers, numbers
 * broken at the line end), and every later step reads the logical paragraphs made here.
 */

const foldedChars = new Map<string, string>();

/** One character without diacritics or tone marks, `đ` as `d`, lower case. */
function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = char
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    // Keep positions aligned with the original so a match in folded text slices the original.
    if (folded.length !== char.length) folded = char;
    foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * Folds like `foldForSearch` (contracts/text.ts) but keeps every character in place, so that
 * regexes written without diacritics (`nghi dinh`, matching `Nghị định` and `Nghị đinh`) give
 * positions valid in the original NFC text. White space is not collapsed here.
 */
/** Several steps fold the same long paragraphs; a few recent ones are kept while one document is read. */
const recentLongFolds = new Map<string, string>();
const LONG_TEXT = 4096;
/** A–Z and everything outside ASCII: the only characters folding can change. */
const asciiCapitalOrBeyond = /[A-Z\u0080-\uffff]/g;

/** Lets go of the kept folds once a document has been read. */
export function forgetLongFolds(): void {
  recentLongFolds.clear();
}

export function foldAligned(text: string): string {
  const cached = text.length >= LONG_TEXT ? recentLongFolds.get(text) : undefined;
  if (cached !== undefined) return cached;
  // Only capitals and non-ASCII characters change; one replace keeps megabyte inputs cheap.
  const folded = text.replace(asciiCapitalOrBeyond, foldChar);
  if (text.length >= LONG_TEXT) {
    if (recentLongFolds.size >= 8) recentLongFolds.delete(recentLongFolds.keys().next().value!);
    recentLongFolds.set(text, folded);
  }
  return folded;
}

const allLetters = /\p{L}/gu;

/** A line with letters, all of them capitals: `KẾ HOẠCH`, `TM. ỦY BAN NHÂN DÂN`. */
export function isAllCaps(line: string): boolean {
  // Most lines have a lower-case letter or no capital at all: refuse those without a regex.
  if (line.toLowerCase() === line || line.toLocaleUpperCase('vi') !== line) return false;
  let letterCount = 0;
  for (const [char] of line.matchAll(allLetters)) {
    if (char !== char.toLocaleUpperCase('vi') || char === char.toLowerCase()) return false;
    letterCount++;
  }
  return letterCount >= 2;
}

export function startsWithUpper(text: string): boolean {
  const first = text.match(/\p{L}/u)?.[0];
  if (!first) return false;
  const index = text.indexOf(first);
  // Only opening quotes/brackets may come before the letter ("“Tăng cường...", "(Phụ lục...").
  if (!/^[\s“"'‘(«[]*$/.test(text.slice(0, index))) return false;
  return first !== first.toLowerCase();
}

function startsWithLower(text: string): boolean {
  // `- xã hội` after `chính trị` is the rest of `chính trị - xã hội`, not a list item.
  const first = text.match(/^(?:[-–]\s)?[\s“"'‘(]*(\p{L})/u)?.[1];
  return first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase();
}

/** A page number alone on its line: `2`, `- 3 -`, `Trang 4`, `Trang 4/12`. */
function isPageNumber(line: string): boolean {
  return /^[-–—]?\s*\d{1,3}\s*[-–—]?$/.test(line) || /^trang\s+\d{1,3}(\s*\/\s*\d{1,3})?$/i.test(line);
}

/** The text of a digital-signature stamp (`Ký bởi: ...`, `Thời gian ký: 07.04.2022 ...`), printed on the page. */
function isSignatureStamp(line: string): boolean {
  return /^(?:Ký bởi|Email|Cơ quan|Thời gian ký|Người ký|Chức vụ|Ngày ký)\s*:/iu.test(line);
}

/**
 * NFC, no BOM, no control or zero-width characters, one space between words, no empty lines,
 * no page numbers or signature stamps. Returns the lines in order.
 */
export function prepareLines(raw: string): string[] {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u2028\u2029]/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .split('\n')
    .map((line) => line.replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000 ]+/g, ' ').trim())
    .filter((line) => line !== '' && !isPageNumber(line) && !isSignatureStamp(line));
}

/** `I.`, `II)`, `III-`: a top-level heading. */
export const romanHeading = /^(?:[IVX]{1,5})\s*(?:[.):]|\s?[-–])\s*\S/;
const numberedHeading = /^\d{1,2}(?:\s*[.)]\s*|(?:\.\d{1,2}){1,3}\.?\s+)[“"(]?\p{Lu}/u;
const letteredItem = /^[a-zđ]\s*\)\s*\S/;
const bulletItem = /^[-–+•*]\s*[“"(]?[\p{Lu}\d]/u;
const closingLine = /^(?:Nơi nhận|NƠI NHẬN|TM\.|T\/M|KT\.|K\/T|TL\.|T\/L|TUQ\.|Q\.\s)/;
// Case matters: `thực hiện` in lower case is the middle of a wrapped sentence.
const preambleStart = /^(?:Căn cứ|Thực hiện|Trên đây|Kính gửi)(?=[\s,:]|$)/u;
/** `PHẦN I`, `Phần thứ hai`: a part of a long report. */
export const partHeading = /^(?:PHẦN|Phần)\s+(?:[IVX]+\b|THỨ|thứ)/u;

/** Whether the line opens a new paragraph whatever came before it (a heading, list item, closing). */
export function opensBlock(line: string): boolean {
  return (
    romanHeading.test(line) ||
    numberedHeading.test(line) ||
    letteredItem.test(line) ||
    bulletItem.test(line) ||
    closingLine.test(line) ||
    partHeading.test(line) ||
    preambleStart.test(line)
  );
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The length of a full line of this document: lines followed by a lower-case continuation
 * were certainly wrapped by the page width. Shorter lines without final punctuation then end a
 * heading or a paragraph. Text with one paragraph per line has no width (0).
 */
function measureFullLine(lines: string[]): number {
  const wrapped: number[] = [];
  for (let index = 0; index + 1 < lines.length; index++) {
    if (startsWithLower(lines[index + 1]!) && !opensBlock(lines[index + 1]!))
      wrapped.push(lines[index]!.length);
  }
  return wrapped.length >= 3 ? median(wrapped) : 0;
}

/**
 * A capitalised verb that opens a sentence (`Tham mưu xây dựng ...`): after a heading without
 * final punctuation it starts the body. Followed by a capital (`Tổ chức Tỉnh ủy`), it is a name.
 */
const sentenceVerb =
  /^(?:tham muu|phoi hop|tang cuong|xay dung|to chuc|trien khai|day manh|tiep tuc|thuc hien|chu dong|ra soat|kiem tra|huong dan|chi dao|nang cao|bao dam|dam bao|quan tam|uu tien|khuyen khich|duy tri|nhan rong|tuyen truyen|ban hanh|theo doi|tong hop|de xuat|kien toan|bo tri|tap trung|phat huy|huy dong|giao|de nghi)[\s,]+/;

/** Whether `next` continues the paragraph whose last line is `previous`. */
function hasSeveralWords(line: string): boolean {
  return /\S\s+\S/.test(line);
}

function continuesParagraph(previous: string, next: string, fullLine: number): boolean {
  // A number or word cut at the line end (`262/KH-` + `LĐLĐ`, `2021-` + `2025`) always continues.
  if (/[\p{L}\d][/\-–]$/u.test(previous)) return true;
  // ... or cut before the slash: `8416` + `/KH-UBND`.
  if (/\d$/.test(previous) && /^\/\s*\p{Lu}/u.test(next)) return true;
  if (opensBlock(next)) return false;
  // A capitals line of one word (`VSTBPN.`) ends a sentence; of several, it is a heading.
  const isPreviousCaps = isAllCaps(previous);
  const isNextCaps = isAllCaps(next);
  if (isNextCaps && hasSeveralWords(next) && !isPreviousCaps) return false;
  if (isPreviousCaps && hasSeveralWords(previous) && !isNextCaps) return false;
  if (isPreviousCaps && isNextCaps) return romanHeading.test(previous) || /[,-]$/.test(previous);
  if (startsWithLower(next)) return true;
  if (/[.!?:;…]["”’)]*$/.test(previous)) return false;
  if (/^[\d“"(]/.test(next) && !startsWithUpper(next)) return true;
  // Upper-case start after a line without final punctuation: a wrapped line only if it was full.
  const verb = sentenceVerb.exec(foldAligned(next));
  if (verb && /^\p{Lu}/u.test(next) && /\p{Ll}/u.test(next.charAt(verb[0].length))) return false;
  return fullLine > 0 ? previous.length >= fullLine * 0.8 : false;
}

/** Joins the prepared lines into logical paragraphs (headings, list items, body paragraphs). */
export function joinParagraphs(lines: string[]): string[] {
  const fullLine = measureFullLine(lines);
  const paragraphs: string[] = [];
  // The paragraph being read, as parts joined once at its end: growing one string and looking
  // at its end on every line made a long paragraph quadratic.
  let parts: string[] = [];
  let lastLine = '';
  for (const line of lines) {
    const hasText = parts.length > 1 || (parts.length === 1 && parts[0] !== '');
    if (hasText && continuesParagraph(lastLine, line, fullLine)) {
      // A line ending in a broken number or word (`262/KH-`) continues without a space.
      const joinsWithoutSpace = /[\p{L}\d][/\-–]$/u.test(lastLine.slice(-4));
      parts.push(joinsWithoutSpace ? line : ` ${line}`);
    } else {
      if (hasText) paragraphs.push(parts.join(''));
      parts = [line];
    }
    lastLine = line;
  }
  if (parts.length > 1 || (parts.length === 1 && parts[0] !== '')) paragraphs.push(parts.join(''));
  return paragraphs;
}

/** Collapses white space; for titles and names read over several lines. */
export function foldSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
