import type { TemplateDefinition } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import {
  draftFromDefinition,
  moveItem,
  type SectionDraft,
  suggestSectionKey,
  suggestTableCode,
  type TableDraft,
  toVersionInput,
} from './reporting.template-draft.ts';

const section = (key: string, level: number): SectionDraft => ({
  id: key,
  key,
  level,
  title: key,
  guidance: '',
});

describe('moveItem', () => {
  it('moves up and down and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('suggestSectionKey', () => {
  const outline = [section('1', 1), section('1.1', 2), section('2', 1), section('2.1', 2), section('2.2', 2)];

  it('gives the next free number at level 1', () => {
    expect(suggestSectionKey(outline, 4, 1)).toBe('3');
  });

  it('numbers a subsection under the section above it', () => {
    expect(suggestSectionKey(outline, 4, 2)).toBe('2.3');
    expect(suggestSectionKey(outline, 0, 2)).toBe('1.2');
  });

  it('never repeats a key in use', () => {
    expect(suggestSectionKey([section('1', 1), section('3', 1), section('2', 1)], 2, 1)).toBe('4');
  });
});

describe('suggestTableCode', () => {
  it('takes the first free PL code, whatever the case typed', () => {
    const tables: TableDraft[] = [
      { id: 'a', kind: 'figures', code: 'pl01', title: '', dataElements: [] },
      { id: 'b', kind: 'kept', code: 'PL03', title: '', source: 'x' },
    ];
    expect(suggestTableCode(tables)).toBe('PL02');
  });
});

describe('toVersionInput', () => {
  it('round-trips a definition and sends kept tables by code only', () => {
    const definition = {
      id: 1,
      code: 'BDG_NAM',
      version: 3,
      isCurrent: true,
      kind: 'annual',
      name: 'Báo cáo năm',
      periodType: 'year',
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: null,
      roundCount: 0,
      sectionCount: 1,
      tableCount: 3,
      outline: [{ key: '1', level: 1, title: 'I. Kết quả', guidance: null }],
      tables: [
        { kind: 'figures', code: 'PL01', title: 'Phụ lục 01', dataElements: ['TT_SO_CUOC'] },
        {
          kind: 'activities',
          code: 'PL02',
          title: 'Hoạt động',
          layout: 'by_kind',
          observance: 'action_month',
        },
        { kind: 'kept', code: 'PL03', title: 'Khác', source: 'cases' },
      ],
    } satisfies TemplateDefinition;
    expect(toVersionInput(draftFromDefinition(definition), 3)).toEqual({
      basedOnVersion: 3,
      name: 'Báo cáo năm',
      kind: 'annual',
      periodType: 'year',
      outline: [{ key: '1', level: 1, title: 'I. Kết quả', guidance: null }],
      tables: [
        { kind: 'figures', code: 'PL01', title: 'Phụ lục 01', dataElements: ['TT_SO_CUOC'] },
        {
          kind: 'activities',
          code: 'PL02',
          title: 'Hoạt động',
          layout: 'by_kind',
          observance: 'action_month',
        },
        { kind: 'kept', code: 'PL03' },
      ],
    });
  });
});
