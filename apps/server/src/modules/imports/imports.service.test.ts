import { importTaskInput } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import {
  buildOutlineRows,
  findIssuerHeading,
  hashDocumentText,
  splitDocumentNumber,
  toTaskTime,
} from './imports.service.ts';

const task = (ref: string, text = `Nhiệm vụ ${ref}`) => importTaskInput.parse({ ref, text });

describe('findIssuerHeading', () => {
  it('reads the issuing body left of the national motto', () => {
    const text = [
      'UBND TỈNH LAI CHÂU\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ NỘI VỤ          Độc lập - Tự do - Hạnh phúc',
      '---------',
      'Số: 12/KH-SNV      Lai Châu, ngày 3 tháng 4 năm 2026',
      'KẾ HOẠCH',
    ].join('\n');
    expect(findIssuerHeading(text)).toBe('SỞ NỘI VỤ');
  });

  it('joins a People’s Committee printed on two lines', () => {
    expect(findIssuerHeading('ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: /KH-UBND\nKẾ HOẠCH')).toBe(
      'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
    );
  });

  it('gives null when the heading block is missing', () => {
    expect(findIssuerHeading('\n\nSố: /KH-UBND\n\nLai Châu, ngày tháng 4 năm 2026\n\nKẾ HOẠCH\n')).toBeNull();
    expect(
      findIssuerHeading(' CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH'),
    ).toBeNull();
  });
});

describe('hashDocumentText', () => {
  it('ignores line breaks and spacing, and tone-mark encoding', () => {
    const typed = 'KẾ HOẠCH\nThực hiện công tác bình đẳng giới\n\nnăm 2026';
    const extracted = `KẾ HOẠCH Thực hiện công tác bình đẳng giới năm\n2026  `.normalize('NFD');
    expect(hashDocumentText(extracted)).toBe(hashDocumentText(typed));
    expect(hashDocumentText('năm 2025')).not.toBe(hashDocumentText('năm 2026'));
  });
});

describe('splitDocumentNumber', () => {
  it('keeps the number before the first slash and the rest as the symbol', () => {
    expect(splitDocumentNumber('334/KH-LĐLĐ', 'KH-LĐLĐ')).toEqual({ number: '334', symbol: 'KH-LĐLĐ' });
    expect(splitDocumentNumber('51/2025/QĐ-TTg', 'QĐ-TTg')).toEqual({ number: '51', symbol: '2025/QĐ-TTg' });
    expect(splitDocumentNumber(null, 'KH-UBND')).toEqual({ number: null, symbol: 'KH-UBND' });
    expect(splitDocumentNumber('45', 'KH-UBND')).toEqual({ number: '45', symbol: 'KH-UBND' });
  });
});

describe('toTaskTime', () => {
  const time = (value: { due?: string; from?: string; to?: string; ongoing?: boolean }) =>
    toTaskTime({ due: null, from: null, to: null, ...value });

  it('maps the reader’s times to the plan’s', () => {
    expect(time({ due: '2026-12-01' })).toEqual({ kind: 'date', due: '2026-12-01' });
    expect(time({ due: '2026-06' })).toEqual({ kind: 'month', year: 2026, month: 6 });
    expect(time({ from: '2026-11-15', to: '2026-12-15' })).toEqual({
      kind: 'range',
      from: '2026-11-15',
      to: '2026-12-15',
    });
    expect(time({ from: '2026-02', to: '2026-04' })).toEqual({
      kind: 'range',
      from: '2026-02-01',
      to: '2026-04-30',
    });
    expect(time({ ongoing: true, due: '2026-12-01' })).toEqual({ kind: 'ongoing' });
    expect(time({})).toEqual({ kind: 'none' });
  });
});

describe('buildOutlineRows', () => {
  const sections = [
    { ref: 'I', title: 'MỤC ĐÍCH, YÊU CẦU', children: [] },
    {
      ref: 'II',
      title: 'NHIỆM VỤ',
      children: [
        {
          ref: '6',
          title: 'Truyền thông',
          children: [{ ref: '6.5', title: 'Tháng hành động', children: [] }],
        },
        { ref: '7', title: 'Kiểm tra', children: [{ ref: 'a', title: 'Sở Nội vụ chủ trì', children: [] }] },
      ],
    },
  ];

  it('puts each task where its ref points, in reading order', () => {
    const rows = buildOutlineRows(sections, [
      task('II.6.5', 'Tháng hành động'),
      task('II.6.5-1'),
      task('II.7-1'),
      task('II.7.a', 'Sở Nội vụ chủ trì, phối hợp với các sở'),
      task('II.6.9'),
      task('V.2'),
    ]);
    expect(rows.map((row) => [row.ref, row.title, row.task !== null, row.parentKey])).toEqual([
      ['I.', 'MỤC ĐÍCH, YÊU CẦU', false, null],
      ['II.', 'NHIỆM VỤ', false, null],
      ['6.', 'Truyền thông', false, 'II'],
      // II.6.5 is a section and the task itself; its dash item goes under it
      ['6.5.', 'Tháng hành động', true, 'II.6'],
      ['-', 'Nhiệm vụ II.6.5-1', true, 'II.6.5'],
      // the task II.6.9 has no section of its own: it goes under II.6, after 6.5
      ['9.', 'Nhiệm vụ II.6.9', true, 'II.6'],
      ['7.', 'Kiểm tra', false, 'II'],
      ['-', 'Nhiệm vụ II.7-1', true, 'II.7'],
      ['a)', 'Sở Nội vụ chủ trì', true, 'II.7'],
      ['2.', 'Nhiệm vụ V.2', true, null],
    ]);
    const section = rows.find((row) => row.key === 'II.7.a')!;
    expect(section.body).toBe('Sở Nội vụ chủ trì, phối hợp với các sở');
    expect(rows.find((row) => row.key === 'II.6.5')!.body).toBe('');
  });

  it('keeps a heading longer than a title as the body', () => {
    const long = 'Nội dung rất dài '.repeat(80).trim();
    const [row] = buildOutlineRows([], [task('II.1-1', long)]);
    expect([row!.title, row!.body]).toEqual(['', long]);
  });
});
