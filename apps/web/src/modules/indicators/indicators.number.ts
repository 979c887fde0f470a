/*
 * Figures as Vietnamese officers write them: `1.234,5` (dot groups thousands, comma marks the
 * decimals). Phones with `inputmode="decimal"` may offer only a dot, so a lone dot that cannot be
 * a thousands separator (`2.5`, `0.75`) is read as the decimal mark.
 */

export type ParsedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const PLAIN = /^\d+$/;

function parseUnsigned(text: string): number | null {
  const commaParts = text.split(',');
  if (commaParts.length > 2) return null;
  const [whole = '', fraction] = commaParts;
  if (fraction !== undefined) {
    if (!/^\d+$/.test(fraction)) return null;
    if (whole === '') return Number(`0.${fraction}`);
    if (!PLAIN.test(whole) && !GROUPED.test(whole)) return null;
    return Number(`${whole.replaceAll('.', '')}.${fraction}`);
  }
  if (PLAIN.test(whole)) return Number(whole);
  if (GROUPED.test(whole)) return Number(whole.replaceAll('.', ''));
  // One dot that is not a thousands group: the decimal mark of an English keyboard.
  if (/^\d*\.\d+$/.test(whole)) return Number(whole);
  return null;
}

export function parseFigure(input: string): ParsedNumber {
  // Spaces (also the narrow no-break space some keyboards insert) may group thousands too.
  const text = input.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return { kind: 'empty' };
  const isNegative = text.startsWith('-') || text.startsWith('\u2212');
  const value = parseUnsigned(isNegative ? text.slice(1) : text);
  if (value === null || !Number.isFinite(value)) return { kind: 'invalid' };
  return { kind: 'number', value: isNegative ? -value : value };
}

const formatters = new Map<number, Intl.NumberFormat>();

/** `1234.5` → `1.234,5`, whatever the interface language (the documents' convention). */
export function formatFigure(value: number | null | undefined, maximumFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  let formatter = formatters.get(maximumFractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('vi-VN', { maximumFractionDigits });
    formatters.set(maximumFractionDigits, formatter);
  }
  // `-0` would print as `-0`.
  return formatter.format(value === 0 ? 0 : value);
}

/** A share as `45,5%`; `value` is already a percentage (45.5), as indicators compute it. */
export function formatPercent(value: number | null | undefined, maximumFractionDigits = 1): string {
  const text = formatFigure(value, maximumFractionDigits);
  return text === '' ? '' : `${text}%`;
}
