import { describe, expect, it } from 'vitest';
import { normalizeUnitName, resolveUnitName, type UnitCandidate } from './unit-names.ts';

const units: UnitCandidate[] = [
  { id: 1, name: 'Tỉnh Lai Châu', kind: 'province', parentId: null },
  { id: 2, name: 'Sở Lao động - Thương binh và Xã hội', kind: 'agency', parentId: 1 },
  { id: 3, name: 'Sở Nội vụ', kind: 'agency', parentId: 1 },
  { id: 4, name: 'Công an tỉnh', kind: 'agency', parentId: 1 },
  { id: 5, name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'agency', parentId: 1 },
  { id: 6, name: 'Hội Liên hiệp Phụ nữ tỉnh', kind: 'mass_organisation', parentId: 1 },
  { id: 7, name: 'Liên đoàn Lao động tỉnh', kind: 'mass_organisation', parentId: 1 },
  { id: 8, name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', kind: 'mass_organisation', parentId: 1 },
  { id: 9, name: 'Ban vì sự tiến bộ của phụ nữ tỉnh', kind: 'advancement_committee', parentId: 1 },
  { id: 10, name: 'Liên đoàn Lao động huyện Tam Đường', kind: 'mass_organisation', parentId: 7 },
  { id: 11, name: 'Xã Bum Tở', kind: 'commune', parentId: 1 },
  { id: 12, name: 'Phường Đoàn Kết', kind: 'ward', parentId: 1 },
  { id: 13, name: 'Báo và Phát thanh, Truyền hình Lai Châu', kind: 'agency', parentId: 1 },
  { id: 14, name: 'Huyện Tam Đường', kind: 'district', parentId: 1 },
];

function resolvedId(text: string) {
  const result = resolveUnitName(text, units);
  return result.kind === 'unit' ? result.id : result;
}

describe('resolveUnitName', () => {
  it('maps full names whatever the tone placement and letter case', () => {
    expect(resolvedId('Sở Lao động - Thương binh và Xã hội')).toBe(2);
    expect(resolvedId('Sở Lao động – Thương binh và Xã hội')).toBe(2);
    expect(resolvedId('Sở Văn hoá, Thể thao và Du lịch')).toBe(5);
    expect(resolvedId('Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh')).toBe(8);
    expect(resolvedId('Công an tỉnh')).toBe(4);
    expect(resolvedId('phường đoàn kết')).toBe(12);
  });

  it('maps names with or without "tỉnh" and the province name', () => {
    expect(resolvedId('Hội Liên hiệp Phụ nữ tỉnh Lai Châu')).toBe(6);
    expect(resolvedId('Liên đoàn Lao động tỉnh')).toBe(7);
    expect(resolvedId('Báo và Phát thanh, truyền hình tỉnh')).toBe(13);
    expect(resolvedId('Ban Vì sự tiến bộ của phụ nữ')).toBe(9);
  });

  it('writes out the usual abbreviations', () => {
    expect(resolvedId('Sở LĐTB&XH')).toBe(2);
    expect(resolvedId('Sở LĐ-TB&XH (B/c)')).toBe(2);
    expect(resolvedId('LĐLĐ tỉnh')).toBe(7);
    expect(resolvedId('Hội LHPN tỉnh')).toBe(6);
    expect(resolvedId('MTTQ')).toBe(8);
    expect(resolvedId('UBMTTQVN tỉnh')).toBe(8);
    expect(normalizeUnitName('Sở VH,TT&DL')).toBe('so van hoa the thao va du lich');
  });

  it('does not read "xã hội" as communes or "địa phương" as wards', () => {
    expect(resolveUnitName('Các tổ chức chính trị - xã hội', units)).toMatchObject({
      kind: 'group',
      unitKinds: ['mass_organisation'],
    });
    const local = resolveUnitName('Các cơ quan, đơn vị, địa phương', units);
    expect(local.kind === 'group' ? local.unitKinds : []).not.toContain('ward');
    expect(resolveUnitName('UBND các xã, phường', units)).toMatchObject({
      kind: 'group',
      unitKinds: ['commune', 'ward'],
    });
  });

  it('takes a People’s Committee for its area', () => {
    expect(resolvedId('UBND tỉnh')).toBe(1);
    expect(resolvedId('Ủy ban nhân dân tỉnh Lai Châu')).toBe(1);
    expect(resolvedId('Chủ tịch UBND tỉnh (B/c)')).toBe(1);
    expect(resolvedId('UBND xã Bum Tở')).toBe(11);
    expect(resolvedId('UBND huyện Tam Đường')).toBe(14);
  });

  it('maps group phrases to unit kinds', () => {
    expect(resolveUnitName('UBND các xã, phường', units)).toEqual({
      kind: 'group',
      unitKinds: ['commune', 'ward'],
      parentId: null,
      text: 'UBND các xã, phường',
    });
    expect(resolveUnitName('các xã, phường, đặc khu', units)).toMatchObject({
      kind: 'group',
      unitKinds: ['commune', 'ward', 'special_zone'],
    });
    expect(resolveUnitName('Các sở, ban, ngành', units)).toMatchObject({
      kind: 'group',
      unitKinds: ['agency'],
    });
    expect(resolveUnitName('Các sở, ban, ngành, đoàn thể tỉnh', units)).toMatchObject({
      kind: 'group',
      unitKinds: ['agency', 'mass_organisation'],
    });
    expect(resolveUnitName('UBND các huyện, thành phố, thị xã', units)).toMatchObject({
      kind: 'group',
      unitKinds: ['district'],
    });
  });

  it('maps "X các huyện" to the units under X', () => {
    expect(resolveUnitName('Liên đoàn Lao động các huyện', units)).toEqual({
      kind: 'group',
      unitKinds: ['mass_organisation'],
      parentId: 7,
      text: 'Liên đoàn Lao động các huyện',
    });
    expect(resolveUnitName('LĐLĐ các huyện, thành phố', units)).toMatchObject({ kind: 'group', parentId: 7 });
  });

  it('keeps the text of names it cannot place', () => {
    expect(resolveUnitName('Ban Tổ chức Tỉnh ủy', units)).toEqual({
      kind: 'unresolved',
      text: 'Ban Tổ chức Tỉnh ủy',
      candidateIds: [],
    });
    expect(resolveUnitName('Sở Văn hóa', units).kind).toBe('unresolved');
    expect(resolveUnitName('', units).kind).toBe('unresolved');
  });

  it('reports a name that fits two units instead of picking one', () => {
    const twoProvinces: UnitCandidate[] = [
      ...units,
      { id: 99, name: 'Tỉnh Điện Biên', kind: 'province', parentId: null },
    ];
    expect(resolveUnitName('UBND tỉnh', twoProvinces)).toEqual({
      kind: 'unresolved',
      text: 'UBND tỉnh',
      candidateIds: [1, 99],
    });
  });
});
