import type { LegalDocument, PlanDetail, PlanItem, SavePlanInput, TaskAssignee } from '@binhdang/contracts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { buildOutlineTree, flattenOutlineTree } from './plans.outline.ts';
import { fromTimeDraft, type TimeDraft, timeProblemKeys, toTimeDraft } from './plans.time.ts';

/*
 * A plan as the editor holds it: plain strings for every input, the outline as a flat list in
 * document order with keys. Saving turns it back into the contract's `savePlanInput` whole.
 */

export interface AssigneeDraft {
  /** Null for a name an import could not match to a unit: kept, shown highlighted, mapped by hand. */
  orgUnitId: number | null;
  unitName: string;
}

export interface TaskDraft {
  time: TimeDraft;
  timeText: string;
  expectedOutput: string;
  programme: string;
  indicatorCodes: string[];
  lead: AssigneeDraft[];
  support: AssigneeDraft[];
  sourceTaskId: number | null;
}

export interface ItemDraft {
  key: string;
  id?: number;
  parentKey: string | null;
  ref: string;
  title: string;
  body: string;
  task: TaskDraft | null;
}

export interface SignerDraft {
  authority: string;
  deputy: string;
  position: string;
  name: string;
}

export interface PlanDraft {
  revision: number;
  title: string;
  year: string;
  symbol: string;
  place: string;
  bases: LegalDocument[];
  purpose: string;
  budget: string;
  implementation: string;
  reportingRegime: string;
  recipients: string[];
  signer: SignerDraft;
  cascadeDueOn: string;
  items: ItemDraft[];
}

/** A problem found before sending: the path the server would use, so one display serves both. */
export interface DraftIssue {
  path: string;
  messageKey: MessageKey;
}

export function itemKeyFor(id: number): string {
  return `item-${id}`;
}

let newKeyCounter = 0;

/** A key for an item that has no id yet; unique within the page's life. */
export function newItemKey(): string {
  newKeyCounter += 1;
  return `new-${Date.now().toString(36)}-${newKeyCounter}`;
}

function toAssigneeDraft(assignee: TaskAssignee): AssigneeDraft {
  return { orgUnitId: assignee.orgUnitId, unitName: assignee.unitName };
}

export function emptyTaskDraft(planYear: number): TaskDraft {
  return {
    time: toTimeDraft({ kind: 'none' }, planYear),
    timeText: '',
    expectedOutput: '',
    programme: '',
    indicatorCodes: [],
    lead: [],
    support: [],
    sourceTaskId: null,
  };
}

function toItemDraft(item: PlanItem, planYear: number): ItemDraft {
  const task = item.task;
  return {
    key: itemKeyFor(item.id),
    id: item.id,
    parentKey: item.parentId === null ? null : itemKeyFor(item.parentId),
    ref: item.ref,
    title: item.title,
    body: item.body,
    task: task && {
      time: toTimeDraft(task.time, planYear),
      timeText: task.timeText ?? '',
      expectedOutput: task.expectedOutput ?? '',
      programme: task.programme ?? '',
      indicatorCodes: task.indicatorCodes,
      lead: task.lead.map(toAssigneeDraft),
      support: task.support.map(toAssigneeDraft),
      sourceTaskId: task.sourceTaskId,
    },
  };
}

export function draftFromPlan(plan: PlanDetail): PlanDraft {
  const ordered = flattenOutlineTree(buildOutlineTree(plan.items));
  return {
    revision: plan.revision,
    title: plan.title,
    year: String(plan.year),
    symbol: plan.symbol ?? '',
    place: plan.place ?? '',
    bases: plan.bases,
    purpose: plan.purpose,
    budget: plan.budget,
    implementation: plan.implementation,
    reportingRegime: plan.reportingRegime,
    recipients: plan.recipients,
    signer: {
      authority: plan.signer.authority ?? '',
      deputy: plan.signer.deputy ?? '',
      position: plan.signer.position ?? '',
      name: plan.signer.name ?? '',
    },
    cascadeDueOn: plan.cascadeDueOn ?? '',
    items: ordered.map(({ item }) => toItemDraft(item, plan.year)),
  };
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

function toAssigneeInput(assignee: AssigneeDraft) {
  return assignee.orgUnitId === null ? { unitName: assignee.unitName } : { orgUnitId: assignee.orgUnitId };
}

/** The whole draft as the save call wants it, or the problems to fix first. */
export function toSavePlanInput(draft: PlanDraft): { input: SavePlanInput } | { issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const year = Number(draft.year);
  if (draft.title.trim().length < 5)
    issues.push({ path: 'title', messageKey: 'plans.editor.problems.title' });
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    issues.push({ path: 'year', messageKey: 'plans.editor.problems.year' });
  }

  const items = draft.items.map((item, index) => {
    if (!item.task) return { ...itemBase(item), task: null };
    const time = fromTimeDraft(item.task.time);
    if ('problem' in time) {
      issues.push({ path: `items.${index}.task.time`, messageKey: timeProblemKeys[time.problem] });
    }
    return {
      ...itemBase(item),
      task: {
        time: 'time' in time ? time.time : { kind: 'none' as const },
        timeText: orNull(item.task.timeText),
        expectedOutput: orNull(item.task.expectedOutput),
        programme: orNull(item.task.programme),
        indicatorCodes: item.task.indicatorCodes,
        lead: item.task.lead.map(toAssigneeInput),
        support: item.task.support.map(toAssigneeInput),
        sourceTaskId: item.task.sourceTaskId,
      },
    };
  });
  if (issues.length > 0) return { issues };

  return {
    input: {
      revision: draft.revision,
      title: draft.title,
      year,
      symbol: orNull(draft.symbol),
      place: orNull(draft.place),
      basisIds: draft.bases.map((basis) => basis.id),
      purpose: draft.purpose,
      budget: draft.budget,
      implementation: draft.implementation,
      reportingRegime: draft.reportingRegime,
      recipients: draft.recipients.map((recipient) => recipient.trim()).filter(Boolean),
      signer: {
        authority: orNull(draft.signer.authority),
        deputy: orNull(draft.signer.deputy),
        position: orNull(draft.signer.position),
        name: orNull(draft.signer.name),
      },
      cascadeDueOn: orNull(draft.cascadeDueOn),
      items,
    },
  };
}

function itemBase(item: ItemDraft) {
  return {
    ...(item.id === undefined ? {} : { id: item.id }),
    key: item.key,
    parentKey: item.parentKey,
    ref: item.ref,
    title: item.title,
    body: item.body,
  };
}

/**
 * The key of the outline item an issue path points at (`items.3.task.time.due` → the fourth
 * item's key), so the editor can open that item and show the message there.
 */
export function itemKeyOfPath(draft: PlanDraft, path: string): string | null {
  const match = /^items\.(\d+)(\.|$)/.exec(path);
  if (!match) return null;
  return draft.items[Number(match[1])]?.key ?? null;
}

/** Names of assigned units an import could not match, for the banner that asks to map them. */
export function unresolvedAssigneeCount(draft: PlanDraft): number {
  let count = 0;
  for (const item of draft.items) {
    if (!item.task) continue;
    for (const assignee of [...item.task.lead, ...item.task.support]) {
      if (assignee.orgUnitId === null) count++;
    }
  }
  return count;
}

/** Messages of the issue paths under `prefix` (`items.3.`), with the prefix cut off. */
export function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  const inner: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(prefix)) inner[path.slice(prefix.length)] = message;
  }
  return inner;
}
