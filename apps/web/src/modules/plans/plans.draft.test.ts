import type { PlanDetail, PlanItem } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import { draftFromPlan, itemKeyOfPath, toSavePlanInput, unresolvedAssigneeCount } from './plans.draft.ts';

const unit = { id: 7, code: 'LC', name: 'UBND tỉnh Lai Châu' };

function item(overrides: Partial<PlanItem> & Pick<PlanItem, 'id'>): PlanItem {
  return { parentId: null, position: 0, ref: '', title: '', body: '', task: null, ...overrides };
}

function plan(items: PlanItem[]): PlanDetail {
  const summary = {
    id: 1,
    orgUnit: unit,
    kind: 'KH',
    documentNumber: '/KH-UBND',
    number: null,
    symbol: 'KH-UBND',
    title: 'Thực hiện công tác bình đẳng giới năm 2026',
    year: 2026,
    status: 'draft' as const,
    origin: 'written' as const,
    issuerName: null,
    place: 'Lai Châu',
    issuedOn: null,
    version: 1,
    parentPlanId: null,
    supersedesPlanId: null,
    cascadeDueOn: null,
    taskCount: 1,
    updatedAt: '2026-01-05T02:00:00Z',
  };
  return {
    ...summary,
    revision: 4,
    bases: [
      { id: 11, kind: 'Nghị quyết', number: '28/NQ-CP', issuedOn: '2021-03-03', issuer: null, title: null },
    ],
    purpose: '',
    budget: '',
    implementation: '',
    reportingRegime: '',
    recipients: ['Như trên', ' '],
    signer: {
      authority: 'TM. ỦY BAN NHÂN DÂN',
      deputy: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      name: null,
    },
    items,
    parentPlan: null,
    childPlans: [],
    versions: [],
    can: { edit: true, issue: true, newVersion: false, cascade: false, trace: true },
    cascadeUnits: [],
  };
}

const task = {
  time: { kind: 'quarter' as const, year: 2026, quarter: 2 },
  timeText: null,
  expectedOutput: 'Báo cáo',
  programme: null,
  indicatorCodes: [],
  lead: [{ orgUnitId: 9, unitName: 'Sở Nội vụ', unitKind: null }],
  support: [{ orgUnitId: null, unitName: 'Các huyện', unitKind: null }],
  sourceTaskId: null,
};

describe('plan draft', () => {
  it('orders the outline as the document reads and saves it back whole', () => {
    const detail = plan([
      item({ id: 3, parentId: 1, position: 0, ref: '1.', title: 'Tuyên truyền', task }),
      item({ id: 1, position: 0, ref: 'II.', title: 'NỘI DUNG' }),
    ]);
    const draft = draftFromPlan(detail);
    expect(draft.items.map((entry) => entry.ref)).toEqual(['II.', '1.']);

    const result = toSavePlanInput(draft);
    if (!('input' in result)) throw new Error('expected a valid draft');
    expect(result.input.revision).toBe(4);
    expect(result.input.basisIds).toEqual([11]);
    expect(result.input.recipients).toEqual(['Như trên']);
    expect(result.input.signer.name).toBeNull();
    expect(result.input.items).toEqual([
      { id: 1, key: 'item-1', parentKey: null, ref: 'II.', title: 'NỘI DUNG', body: '', task: null },
      {
        id: 3,
        key: 'item-3',
        parentKey: 'item-1',
        ref: '1.',
        title: 'Tuyên truyền',
        body: '',
        task: {
          time: { kind: 'quarter', year: 2026, quarter: 2 },
          timeText: null,
          expectedOutput: 'Báo cáo',
          programme: null,
          indicatorCodes: [],
          lead: [{ orgUnitId: 9 }],
          support: [{ unitName: 'Các huyện' }],
          sourceTaskId: null,
        },
      },
    ]);
    expect(unresolvedAssigneeCount(draft)).toBe(1);
  });

  it('refuses to send a task whose time is half filled, pointing at the item', () => {
    const draft = draftFromPlan(plan([item({ id: 1, ref: '1.', title: 'Hội nghị', task })]));
    const first = draft.items[0];
    if (!first?.task) throw new Error('expected a task');
    first.task.time = { ...first.task.time, kind: 'date', due: '' };
    const result = toSavePlanInput(draft);
    expect(result).toEqual({
      issues: [{ path: 'items.0.task.time', messageKey: 'plans.time.problems.dueRequired' }],
    });
    expect(itemKeyOfPath(draft, 'items.0.task.time')).toBe('item-1');
    expect(itemKeyOfPath(draft, 'title')).toBeNull();
  });
});
