import type { AppendixTable } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../indicators/indicators.number.ts';
import {
  appendixRowTotal,
  changedAnswers,
  changedFigures,
  createFigureDrafts,
  markFiguresSaved,
  unreadableCells,
} from './reporting.figures.ts';

const column = (key: string, computed = false) => ({ key, options: [key], name: key, computed });
const table: AppendixTable = {
  code: 'PL01',
  title: 'Phụ lục 01',
  rows: [
    {
      dataElement: 'TRE_SINH_SONG',
      name: 'Trẻ sinh sống',
      columns: [column('male'), column('female'), column('total', true)],
      cells: [
        { key: 'male', value: 1200, computed: false, comment: null },
        { key: 'female', value: null, computed: false, comment: null },
        { key: 'total', value: 1200, computed: true, comment: null },
      ],
    },
  ],
};
const format = (value: number | null) => formatFigure(value, 4);

describe('appendix drafts', () => {
  it('sends only the figures changed since the last save, a cleared cell as null', () => {
    const drafts = createFigureDrafts([table], format);
    expect(drafts.get('TRE_SINH_SONG/male')?.text).toBe('1.200');
    expect(drafts.has('TRE_SINH_SONG/total')).toBe(false);
    expect(changedFigures(drafts)).toEqual([]);

    drafts.set('TRE_SINH_SONG/female', { ...drafts.get('TRE_SINH_SONG/female')!, text: '1.100' });
    drafts.set('TRE_SINH_SONG/male', { ...drafts.get('TRE_SINH_SONG/male')!, text: '' });
    const changed = changedFigures(drafts);
    expect(changed).toEqual([
      { dataElement: 'TRE_SINH_SONG', disaggregation: 'male', value: null },
      { dataElement: 'TRE_SINH_SONG', disaggregation: 'female', value: 1100 },
    ]);
    expect(changedFigures(markFiguresSaved(drafts, changed))).toEqual([]);
  });

  it('totals a row as typed and holds back text that is not a number', () => {
    const drafts = createFigureDrafts([table], format);
    drafts.set('TRE_SINH_SONG/female', { ...drafts.get('TRE_SINH_SONG/female')!, text: '1.000,5' });
    expect(appendixRowTotal(table.rows[0]!, drafts)).toBe(2200.5);
    drafts.set('TRE_SINH_SONG/female', { ...drafts.get('TRE_SINH_SONG/female')!, text: 'mười' });
    expect(changedFigures(drafts)).toEqual([]);
    expect(unreadableCells(drafts).map((draft) => draft.disaggregation)).toEqual(['female']);
    expect(appendixRowTotal(table.rows[0]!, drafts)).toBe(1200);
  });
});

describe('changedAnswers', () => {
  it('lists the sections whose text changed', () => {
    expect(changedAnswers({ '1': 'a', '2': 'b', '3': '' }, { '1': 'a', '2': 'c' })).toEqual({ '2': 'b' });
  });
});
