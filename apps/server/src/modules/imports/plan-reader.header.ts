/**
 * The heading block of a document per Decree 30/2020/NĐ-CP: issuing body, `Số: 334/KH-LĐLĐ`,
 * `Lai Châu, ngày 07 tháng 4 năm 2022`, the kind word (`KẾ HOẠCH`) and the title (trích yếu).
 * Any of these may be missing or blank in a received copy.
 */
import { toIsoDate } from './plan-reader.dates.ts';
import { foldAligned, foldSpaces, isAllCaps, partHeading, romanHeading } from './plan-reader.text.ts';

/** Kind words of Decree 30/2020/NĐ-CP (Appendix III) and their abbreviations in symbols. */
const documentKinds: { words: string; abbreviation: string; name: string }[] = [
  { words: 'ke hoach', abbreviation: 'KH', name: 'Kế hoạch' },
  { words: 'bao cao', abbreviation: 'BC', name: 'Báo cáo' },
  { words: 'quyet dinh', abbreviation: 'QĐ', name: 'Quyết định' },
  { words: 'nghi quyet', abbreviation: 'NQ', name: 'Nghị quyết' },
  { words: 'nghi dinh', abbreviation: 'NĐ', name: 'Nghị định' },
  { words: 'chi thi', abbreviation: 'CT', name: 'Chỉ thị' },
  { words: 'chuong trinh', abbreviation: 'CTr', name: 'Chương trình' },
  { words: 'thong bao', abbreviation: 'TB', name: 'Thông báo' },
  { words: 'thong tu', abbreviation: 'TT', name: 'Thông tư' },
  { words: 'huong dan', abbreviation: 'HD', name: 'Hướng dẫn' },
  { words: 'to trinh', abbreviation: 'TTr', name: 'Tờ trình' },
  { words: 'de an', abbreviation: 'ĐA', name: 'Đề án' },
  { words: 'phuong an', abbreviation: 'PA', name: 'Phương án' },
  { words: 'ket luan', abbreviation: 'KL', name: 'Kết luận' },
  { words: 'quy che', abbreviation: 'QC', name: 'Quy chế' },
  { words: 'quy dinh', abbreviation: 'QyĐ', name: 'Quy định' },
  { words: 'cong dien', abbreviation: 'CĐ', name: 'Công điện' },
  { words: 'giay moi', abbreviation: 'GM', name: 'Giấy mời' },
  { words: 'bien ban', abbreviation: 'BB', name: 'Biên bản' },
  { words: 'cong van', abbreviation: 'CV', name: 'Công văn' },
];

const kindByAbbreviation = new Map(
  documentKinds.map((kind) => [foldAligned(kind.abbreviation), kind] as const),
);

/** `KH` for a symbol `KH-UBND` or `KH/TU`; `CV` when the symbol starts with the issuer (`UBND-VX`). */
export function kindOfSymbol(symbol: string): { abbreviation: string; name: string } {
  const first = foldAligned(symbol.split(/[-/]/)[0] ?? '');
  const kind = kindByAbbreviation.get(first);
  if (kind) return kind;
  return { abbreviation: 'CV', name: 'Công văn' };
}

/** The abbreviation and name for a kind word (`Kế hoạch`, `Nghị đinh`), or null. */
export function kindOfWords(words: string): { abbreviation: string; name: string } | null {
  const folded = foldSpaces(foldAligned(words));
  return documentKinds.find((kind) => kind.words === folded) ?? null;
}

export interface DocumentNumber {
  number: string | null;
  symbol: string | null;
}

/**
 * Splits a printed number: `334/KH-LĐLĐ` → symbol `KH-LĐLĐ`; `12/2024/NQ-HĐND` → `NQ-HĐND`;
 * `15-KH/TU` (party style) → `KH/TU`; `/KH-UBND` (blank number) → number null.
 */
export function splitDocumentNumber(printed: string): DocumentNumber {
  const compact = printed.replace(/\s+/g, '').replace(/^[.…_]+/, '');
  const match = compact.match(/^(\d+[a-zA-Z]?)?(?:[/-](?:\d{4}\/)?)(.+)$/);
  if (!match) return { number: null, symbol: null };
  const symbol = match[2]!.replace(/[.,;:]+$/, '');
  if (!/\p{L}/u.test(symbol)) return { number: null, symbol: null };
  return { number: match[1] ? `${compact.replace(/[.,;:]+$/, '')}` : null, symbol };
}

export interface Header {
  kind: string | null;
  number: string | null;
  symbol: string | null;
  place: string | null;
  issuedOn: string | null;
  /** Year of the issue date even when day or month is blank. */
  issuedYear: number | null;
  title: string | null;
  /** Index of the first line after the heading block and title. */
  bodyStart: number;
  warnings: string[];
}

// `\b` is ASCII-only in JavaScript, so Vietnamese words end at white space or punctuation instead.
const titleStop = /^(?:Căn cứ|Thực hiện|Thi hành|Kính gửi|Để|Nhằm|Trên cơ sở)(?=[\s,:]|$)/u;
const separator = /^[-–—_=*.…\s]{3,}$/;

/** The line that carries the kind word in capitals (`KẾ HOẠCH`, `BÁO CÁO KẾT QUẢ ...`). */
function findKindLine(lines: string[]): { index: number; kind: string; rest: string } | null {
  const limit = Math.min(lines.length, 40);
  for (let index = 0; index < limit; index++) {
    const line = lines[index]!;
    if (!isAllCaps(line.split(/\s+/).slice(0, 2).join(' '))) continue;
    const folded = foldAligned(line);
    for (const kind of documentKinds) {
      const match = folded.match(new RegExp(`^${kind.words}(?:\\s+lien tich)?\\b`));
      if (!match) continue;
      const rest = line.slice(match[0].length).trim();
      // `KẾ HOẠCH` alone, or with the title in capitals on the same line; not `Kế hoạch số ...`.
      if (rest === '' || isAllCaps(rest)) return { index, kind: kind.abbreviation, rest };
    }
  }
  return null;
}

function readNumber(lines: string[], limit: number): DocumentNumber & { index: number } {
  for (let index = 0; index < limit; index++) {
    const line = lines[index]!;
    // Found in folded text, so `Số:`, `SỐ:` and `So:` all count; the number is sliced from the original.
    const match = foldAligned(line).match(/(?:^|\s)so\s*[:.]?\s*([^\s,;]*(?:\s+\/\s*[^\s,;]+)?)/);
    const start = match ? (match.index ?? 0) + match[0].length - match[1]!.length : 0;
    let printed = match ? line.slice(start, start + match[1]!.length) : '';
    if (!/[/-]/.test(printed)) continue;
    // A number cut at the line end: `Số: 262/KH-` + `LĐLĐ` on the next line, or a line or two
    // later when the place and date column was printed between.
    if (/[-/]$/.test(printed)) {
      const following = lines.slice(index + 1, index + 3);
      const alone = following.find((next) => /^\p{Lu}[\p{Lu}\d.&\-/]*$/u.test(next));
      const next = alone ?? following[0]?.match(/^\p{Lu}[\p{Lu}\d.&\-/]*(?=\s|$)/u)?.[0];
      if (next) printed += next;
    }
    return { ...splitDocumentNumber(printed), index };
  }
  return { number: null, symbol: null, index: -1 };
}

/** The run of capitalised words a date line starts with: `Lai Châu`, `Thành phố Hồ Chí Minh`, `TP. Điện Biên Phủ`. */
const placeName =
  /(?<![\p{L}\d./-])(?:(?:Thành phố|Thị xã|Thị trấn|TP\.?)\s+)?(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s+){0,4}\p{Lu}[\p{Ll}\p{M}]*$/u;

function readPlaceAndDate(lines: string[], limit: number) {
  for (let index = 0; index < limit; index++) {
    const line = lines[index]!;
    const folded = foldAligned(line);
    // `Lai Châu, ngày 07 tháng 4 năm 2022` (blank day or month allowed), or `..., ngày 07/4/2022`.
    const match =
      folded.match(/(,?)\s*\bngay\s*([\d.…_\s]*?)\s*thang\s*([\d.…_\s]*?)\s*nam\s*(\d{4})/) ??
      folded.match(/(,)\s*ngay\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/);
    if (!match) continue;
    const before = line.slice(0, match.index).trimEnd();
    const place = before.match(placeName)?.[0] ?? null;
    // Without the comma, only a line that is nothing but place and date: not "... ban hành ngày 7 tháng 4 năm 2022".
    if (match[1] !== ',' && before !== '' && place !== before) continue;
    const day = Number.parseInt(match[2] ?? '', 10);
    const month = Number.parseInt(match[3] ?? '', 10);
    const year = Number(match[4]);
    let issuedOn: string | null = null;
    if (month >= 1 && month <= 12) {
      issuedOn = day >= 1 ? toIsoDate(year, month, day) : `${year}-${String(month).padStart(2, '0')}`;
    }
    return { place, issuedOn, year, dayBlank: !(day >= 1), monthBlank: !(month >= 1), index };
  }
  return null;
}

function readTitle(lines: string[], start: number, firstPart: string): { title: string | null; end: number } {
  const parts = firstPart ? [firstPart] : [];
  let index = start;
  for (; index < lines.length && index < start + 6; index++) {
    const line = lines[index]!;
    if (parts.length > 0 && (titleStop.test(line) || romanHeading.test(line) || partHeading.test(line)))
      break;
    // A capitals line after a title in ordinary case is the first heading of the body.
    if (parts.length > 0 && isAllCaps(line) && !isAllCaps(parts.join(' ')) && line.split(' ').length >= 2)
      break;
    if (separator.test(line)) {
      if (parts.length > 0) {
        index++;
        break;
      }
      continue;
    }
    if (/^Số\s*[:.]/u.test(line) || /,\s*ngày\s.*năm\s*\d{4}/u.test(line)) break;
    parts.push(line);
    if (/[.;:]$/.test(line)) {
      index++;
      break;
    }
  }
  const title = foldSpaces(parts.join(' ')).replace(/^[“"]|[”"]$/g, '');
  return { title: title || null, end: index };
}

/** Reads the heading block from the prepared lines. */
export function readHeader(lines: string[]): Header {
  const warnings: string[] = [];
  const kindLine = findKindLine(lines);
  const headerLimit = Math.min(lines.length, kindLine ? kindLine.index + 1 : 15);

  const number = readNumber(lines, headerLimit);
  // PDF extraction may put the date line just after the kind word (two-column heading).
  const dated =
    readPlaceAndDate(lines, headerLimit) ??
    readPlaceAndDate(lines, Math.min(lines.length, (kindLine?.index ?? 0) + 8));

  let title: string | null = null;
  let bodyStart = Math.max(number.index, dated?.index ?? -1) + 1;
  // A letter (công văn) has no kind word; its subject follows `V/v`.
  const subject = kindLine ? -1 : lines.slice(0, 15).findIndex((line) => /^V\/v\b/i.test(line));
  if (kindLine || subject >= 0) {
    const read = kindLine
      ? readTitle(lines, kindLine.index + 1, kindLine.rest)
      : readTitle(lines, subject + 1, lines[subject]!.replace(/^V\/v\s*:?\s*/i, ''));
    title = read.title;
    bodyStart = Math.max(bodyStart, read.end);
  }

  let kind = kindLine?.kind ?? (subject >= 0 ? 'CV' : null);
  if (number.symbol) {
    const fromSymbol = kindOfSymbol(number.symbol).abbreviation;
    if (!kind) kind = fromSymbol;
    else if (fromSymbol !== kind && fromSymbol !== 'CV') {
      warnings.push(`Loại văn bản theo tên (${kind}) khác với ký hiệu (${number.symbol}).`);
    }
  }

  if (!kind) warnings.push('Không xác định được loại văn bản (kế hoạch, báo cáo, ...).');
  if (number.index < 0) warnings.push('Không tìm thấy dòng “Số:” (số, ký hiệu văn bản).');
  else if (!number.number && number.symbol) {
    warnings.push(`Số văn bản để trống (chỉ có ký hiệu ${number.symbol}).`);
  } else if (!number.number) warnings.push('Không đọc được số, ký hiệu văn bản.');
  if (!dated) warnings.push('Không tìm thấy địa danh và ngày ban hành.');
  else if (dated.monthBlank) warnings.push('Ngày, tháng ban hành để trống; chỉ có năm.');
  else if (dated.dayBlank) warnings.push('Ngày ban hành để trống; ghi nhận tháng và năm.');
  if (dated && !dated.place) warnings.push('Không đọc được địa danh trước ngày ban hành.');
  if (!title) warnings.push('Không tìm thấy trích yếu (tên) văn bản.');

  return {
    kind,
    number: number.number,
    symbol: number.symbol,
    place: dated?.place ?? null,
    issuedOn: dated?.issuedOn ?? null,
    issuedYear: dated?.year ?? null,
    title,
    bodyStart,
    warnings,
  };
}

/** The year a plan is for: `năm 2024` in the title (not `đến năm 2030`), else the issue year. */
export function readPlanYear(title: string | null, issuedYear: number | null): number | null {
  if (title) {
    const folded = foldAligned(title);
    const years = [...folded.matchAll(/(?<!\b(?:den|toi)\s)\bnam\s+(\d{4})\b/g)].map((match) =>
      Number(match[1]),
    );
    const year = years.at(-1);
    if (year && year > 1900 && year < 2100) return year;
  }
  return issuedYear;
}
