import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldForSearch, formatDateVi, fromRoman, normalizeText, toRoman } from './text.ts';

describe('foldForSearch', () => {
  it('ignores diacritics, tone placement and đ', () => {
    expect(foldForSearch('Lai Châu')).toBe('lai chau');
    expect(foldForSearch('Hoà Bình')).toBe(foldForSearch('Hòa Bình'));
    expect(foldForSearch('Hoà Bình')).toBe('hoa binh');
    expect(foldForSearch('Đoàn Kết')).toBe('doan ket');
    expect(foldForSearch('  Mường   Tè ')).toBe('muong te');
  });

  it('folds decomposed input the same as composed input', () => {
    expect(foldForSearch('Lai Cha\u0302u')).toBe('lai chau');
  });
});

describe('normalizeText', () => {
  it('composes to NFC and folds white space', () => {
    expect(normalizeText(' Lai  Cha\u0302u ')).toBe('Lai Châu');
  });
});

describe('compareVietnamese', () => {
  it('sorts Đ after D and before E', () => {
    expect(['Đông', 'Em', 'Dân'].sort(compareVietnamese)).toEqual(['Dân', 'Đông', 'Em']);
  });
});

describe('formatDateVi', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
    expect(formatDateVi(null)).toBe('');
  });
});

describe('Roman numerals', () => {
  it('writes and reads them, and refuses malformed ones', () => {
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
    expect(fromRoman('XIV')).toBe(14);
    expect(fromRoman('IIII')).toBeNull();
    expect(fromRoman('ABC')).toBeNull();
  });
});
