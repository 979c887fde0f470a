import { compareVietnamese, type PlanTrace } from '@binhdang/contracts';

export type TraceRow = PlanTrace['rows'][number];

export interface TraceGroup {
  taskId: number;
  ref: string;
  text: string;
  rows: TraceRow[];
  doneCount: number;
  overdueCount: number;
}

/**
 * The trace's rows grouped by task, tasks in the plan's order (the server's), and within a
 * task the lead units first, then the supporting ones, each by Vietnamese name.
 */
export function groupTraceRows(rows: readonly TraceRow[]): TraceGroup[] {
  const groups = new Map<number, TraceGroup>();
  for (const row of rows) {
    let group = groups.get(row.taskId);
    if (!group) {
      group = { taskId: row.taskId, ref: row.ref, text: row.text, rows: [], doneCount: 0, overdueCount: 0 };
      groups.set(row.taskId, group);
    }
    group.rows.push(row);
    if (row.status === 'done') group.doneCount++;
    if (row.status === 'overdue') group.overdueCount++;
  }
  for (const group of groups.values()) {
    group.rows.sort(
      (a, b) =>
        Number(a.role !== 'lead') - Number(b.role !== 'lead') ||
        compareVietnamese(a.orgUnit?.name ?? a.unitName, b.orgUnit?.name ?? b.unitName),
    );
  }
  return [...groups.values()];
}

export interface TraceTotals {
  assignments: number;
  done: number;
  overdue: number;
  planned: number;
}

export function traceTotals(rows: readonly TraceRow[]): TraceTotals {
  return {
    assignments: rows.length,
    done: rows.filter((row) => row.status === 'done').length,
    overdue: rows.filter((row) => row.status === 'overdue').length,
    planned: rows.filter((row) => row.childPlan !== null).length,
  };
}

/** Only the rows still needing work (not done), and the tasks that keep some. */
export function openGroups(groups: readonly TraceGroup[]): TraceGroup[] {
  return groups
    .map((group) => ({ ...group, rows: group.rows.filter((row) => row.status !== 'done') }))
    .filter((group) => group.rows.length > 0);
}
