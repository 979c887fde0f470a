/**
 * Cited documents: `Kế hoạch số 01/KH-BVSTBPN, ngày 24/4/2024 của Ban vì sự tiến bộ ...`,
 * `Nghị định số 70/2008/NĐ-CP`, `Chỉ thị 21/CT/TW`, `Văn bản số 559/KH-UBND` (a plan, by its
 * symbol). Numbers are found by their shape, so a citation without its kind word still counts.
 */
import type { PlanImportCitation } from '@binhdang/contracts';
import { dayMonthPattern, readDayMonth, resolveDayMonth } from './plan-reader.dates.ts';
import { kindOfSymbol, kindOfWords } from './plan-reader.header.ts';
import { foldAligned, foldSpaces } from './plan-reader.text.ts';

/**
 * Digits, `/` or `-`, an optional year, then a symbol that starts with a capital:
 * `334/KH-LĐLĐ`, `11-NQ/TW`, `70/2008/NĐ-CP`, `38/QĐ-BCH.PCTT`, `2855/BNV-CTTN&BDG`, `73/2006/QH11`.
 */
const documentNumber =
  /(?<![\p{L}\d/.-])(\d{1,5}[a-z]?)\s*([/-])\s*((?:\d{4}\s*\/\s*)?\p{Lu}[\p{L}\d&.]*(?:[-/]\p{Lu}[\p{L}\d&.]*|[-/]\d+[\p{L}&.][\p{L}\d&.]*)*)/gu;

const kindWords =
  /(luat|phap lenh|nghi quyet|nghi dinh|quyet dinh|chi thi|ke hoach|cong van|van ban|thong tu lien tich|thong tu|huong dan|chuong trinh|thong bao|ket luan|bao cao|de an|cong dien|to trinh|quy dinh|quy che)\s*(?:so\s*)?[:.]?\s*$/;

const issuerStop =
  /\s+(?:ve|v\/v|quy dinh|phe duyet|ban hanh|huong dan|trien khai|thuc hien|tiep tuc|sua doi|giao)\b|[,;.(“"”:]|\s-\s|$/;

/** Folds a number for comparison the way the contract does: no spaces, lower case, `21/CT/TW` as `21-ct/tw`. */
export function documentNumberKey(number: string): string {
  return number
    .normalize('NFC')
    .replace(/\s+/g, '')
    .toLocaleLowerCase('vi')
    .replace(/^(\d+)\/(ct|nq|qđ|kl)\/tw$/, '$1-$2/tw');
}

/** Kind words that are not document kinds of Decree 30 (laws and the like). */
const otherKindNames: Record<string, string> = {
  luat: 'Luật',
  'phap lenh': 'Pháp lệnh',
  'thong tu lien tich': 'Thông tư liên tịch',
};

/** The kind from the word before the number; for "Văn bản" or no word, from the symbol. */
function readKind(foldedBefore: string, symbol: string): string | null {
  const word = foldedBefore.slice(-40).match(kindWords)?.[1];
  if (word && word !== 'van ban') return otherKindNames[word] ?? kindOfWords(word)?.name ?? null;
  const fromSymbol = kindOfSymbol(symbol.replace(/^\d{4}\//, ''));
  if (fromSymbol.abbreviation !== 'CV') return fromSymbol.name;
  // `73/2006/QH11` is a law or a resolution: only the word before says which.
  if (/^\d{4}\//.test(symbol)) return null;
  return 'Công văn';
}

function readIssuer(text: string, folded: string, start: number): string | null {
  const after = folded.slice(start);
  const match = after.match(/^\s*,?\s*cua\s+/);
  if (!match) return null;
  const rest = after.slice(match[0].length);
  const stop = rest.search(issuerStop);
  const issuer = text.slice(
    start + match[0].length,
    start + match[0].length + (stop < 0 ? rest.length : stop),
  );
  const cleaned = foldSpaces(issuer);
  return cleaned.length >= 2 && cleaned.length <= 120 ? cleaned : null;
}

/** Every numbered document cited in the paragraphs, each number once, in order of first mention. */
export function findCitations(
  paragraphs: string[],
  options: { year: number | null; excludeNumbers?: (string | null)[] },
): PlanImportCitation[] {
  const seen = new Set(
    (options.excludeNumbers ?? []).filter((value): value is string => !!value).map(documentNumberKey),
  );
  const citations: PlanImportCitation[] = [];
  for (const text of paragraphs) {
    const folded = foldAligned(text);
    for (const match of text.matchAll(documentNumber)) {
      const symbol = match[3]!.replace(/\s+/g, '').replace(/[.&-]+$/, '');
      if ((symbol.match(/\p{L}/gu) ?? []).length < 2) continue;
      // A form or annex number (`Mẫu số 02/BC`, `Phụ lục 01/KH`) is not a document.
      if (
        /\b(?:mau|bieu|phu luc|bieu mau)\s*(?:so\s*)?[:.]?\s*$/.test(
          folded.slice(Math.max(0, match.index - 20), match.index),
        )
      ) {
        continue;
      }
      const number = `${match[1]}${match[2]}${symbol}`;
      const key = documentNumberKey(number);
      if (seen.has(key)) continue;
      seen.add(key);

      const end = match.index + match[0].length;
      const dateMatch = folded
        .slice(end)
        .match(new RegExp(String.raw`^\s*,?\s*\(?\s*(?:ban hanh\s+)?ngay\s+(?:${dayMonthPattern})`));
      const dayMonth = dateMatch ? readDayMonth(dateMatch) : null;
      const issuedOn = dayMonth ? resolveDayMonth(dayMonth, options.year) : null;
      const issuerStart = dateMatch ? end + dateMatch[0].length : end;
      citations.push({
        kind: readKind(folded.slice(0, match.index), symbol),
        number,
        issuedOn,
        issuer: readIssuer(text, folded, issuerStart),
      });
    }
  }
  return citations;
}
