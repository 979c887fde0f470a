import { describe, expect, it } from 'vitest';
import { groupTraceRows, openGroups, type TraceRow, traceTotals } from './plans.trace.ts';

function row(taskId: number, unitName: string, overrides: Partial<TraceRow> = {}): TraceRow {
  return {
    taskId,
    ref: `${taskId}.`,
    text: `Nhiệm vụ ${taskId}`,
    orgUnit: { id: unitName.length, code: unitName, name: unitName },
    unitName,
    role: 'support',
    status: 'not_started',
    percent: null,
    note: null,
    attachmentCount: 0,
    updatedAt: null,
    childPlan: null,
    childTaskCount: 0,
    childTasksDone: 0,
    ...overrides,
  };
}

const rows = [
  row(2, 'Sở Y tế', { status: 'done' }),
  row(1, 'Đoàn Thanh niên'),
  row(1, 'Sở Nội vụ', { role: 'lead', status: 'overdue' }),
  row(1, 'Công an tỉnh', {
    status: 'done',
    childPlan: { id: 9, documentNumber: '12/KH-CA', title: 'x', status: 'issued' },
  }),
  row(2, 'Hội LHPN tỉnh', { role: 'lead' }),
];

describe('groupTraceRows', () => {
  it('keeps the plan’s task order, lead units first, then by Vietnamese name', () => {
    const groups = groupTraceRows(rows);
    expect(groups.map((group) => group.taskId)).toEqual([2, 1]);
    expect(groups[1]?.rows.map((entry) => entry.unitName)).toEqual([
      'Sở Nội vụ',
      'Công an tỉnh',
      'Đoàn Thanh niên',
    ]);
    expect(groups[1]).toMatchObject({ doneCount: 1, overdueCount: 1 });
  });

  it('counts what a leader asks first', () => {
    expect(traceTotals(rows)).toEqual({ assignments: 5, done: 2, overdue: 1, planned: 1 });
  });

  it('can hide finished work', () => {
    const open = openGroups(groupTraceRows(rows));
    expect(open.map((group) => [group.taskId, group.rows.length])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });
});
