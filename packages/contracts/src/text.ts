/**
 * Vietnamese text helpers shared by the server and the web app (DESIGN.md, "Vietnamese text
 * done right").
 */

/** NFC-normalises and folds runs of white space, so `hoà` typed on two keyboards is one string. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Folds a string for search: no diacritics, no tone marks, `đ` as `d`, lower case.
 * `Hoà Bình`, `Hòa Bình` and `hoa binh` all fold to `hoa binh`, so the old and new tone
 * placements match each other.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts by Vietnamese collation (`Đ` after `D`, tones after the bare letter). */
export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}

/** Formats an ISO date (`2025-07-01`) as `01/07/2025`; null stays empty. */
export function formatDateVi(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

const romanNumerals: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** `4` → `IV`: documents number their parts (I., II.) and quarters (Quý II) in Roman numerals. */
export function toRoman(value: number): string {
  let rest = Math.max(1, Math.floor(value));
  let text = '';
  for (const [amount, letters] of romanNumerals) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}

/** `IV` → `4`; null for anything that is not a well-formed Roman numeral. */
export function fromRoman(text: string): number | null {
  if (!/^[IVXLCDM]+$/.test(text)) return null;
  let value = 0;
  let rest = text;
  for (const [amount, letters] of romanNumerals) {
    while (rest.startsWith(letters)) {
      value += amount;
      rest = rest.slice(letters.length);
    }
  }
  return toRoman(value) === text ? value : null;
}
