import {
  type AcceptImportInput,
  draftAcceptInput,
  type ImportAssigneeInput,
  type ImportDetail,
  type ImportSectionInput,
  type PlanImportReportingKind,
  type UnitGroup,
} from '@binhdang/contracts';
import type { MessageKey } from '../../i18n/i18n.ts';

/*
 * The review of an uploaded plan, as one value changed by one reducer: it starts from what the
 * server read (`draftAcceptInput`), every field is a string as typed, and `toAcceptInput` turns
 * it back into the accept body, or into the problems to fix first. Issue paths (the server's
 * and ours) are turned into field ids that follow rows by key, so an error stays on its row
 * when an earlier row is removed.
 */

/** What a unit name printed in the document stands for. */
export type NameResolution =
  /** The registry matched it when the document was read. */
  | { status: 'matched'; orgUnitId: number; unitName: string }
  /** The reviewer chose the unit. */
  | { status: 'mapped'; orgUnitId: number; unitName: string }
  /** "UBND các xã, phường": every open unit of some kinds. */
  | { status: 'group'; group: UnitGroup }
  | { status: 'unresolved' }
  /** The reviewer keeps the name as printed, for reference. */
  | { status: 'kept' };

/** A lead or supporting unit of a task: a printed name (resolved through `names`), or a unit added in review. */
export type AssigneeRef = { name: string } | { orgUnitId: number; unitName: string };

export type AssigneeRole = 'lead' | 'support';

export interface TaskTimeReview {
  ongoing: boolean;
  /** Days as typed: `30/5/2024`, `11/2024`, or blank. */
  due: string;
  from: string;
  to: string;
  timeText: string;
}

export interface TaskReview {
  key: string;
  ref: string;
  text: string;
  lead: AssigneeRef[];
  support: AssigneeRef[];
  time: TaskTimeReview;
}

export interface SectionReview {
  /** The section's place in the outline (`1.4`: the fifth child of the second section); sections are never added or removed. */
  key: string;
  ref: string;
  title: string;
  children: SectionReview[];
}

export interface BasisReview {
  key: string;
  kind: string;
  number: string;
  issuedOn: string;
  issuer: string;
}

export interface EventReview {
  key: string;
  name: string;
  from: string;
  to: string;
}

export interface ReportingReview {
  key: string;
  what: PlanImportReportingKind;
  due: string;
  to: string;
}

export interface RecipientReview {
  key: string;
  text: string;
}

export interface SignerReview {
  authority: string;
  deputy: string;
  position: string;
  name: string;
}

export interface HeaderReview {
  kind: string;
  number: string;
  symbol: string;
  place: string;
  issuedOn: string;
  year: string;
  title: string;
  issuerName: string;
}

export interface ReviewLists {
  bases: BasisReview;
  events: EventReview;
  reporting: ReportingReview;
  recipients: RecipientReview;
}
export type ReviewListName = keyof ReviewLists;

export interface ReviewState {
  header: HeaderReview;
  signer: SignerReview;
  bases: BasisReview[];
  sections: SectionReview[];
  tasks: TaskReview[];
  events: EventReview[];
  reporting: ReportingReview[];
  recipients: RecipientReview[];
  /** Every unit name the tasks print, in order of first mention, and what it stands for. */
  names: string[];
  resolutions: Record<string, NameResolution>;
  /** What each name stood for when the document was read, for "undo". */
  initialResolutions: Record<string, NameResolution>;
  /** For keys of rows added in review. */
  nextKey: number;
}

export type ReviewAction =
  | { type: 'setHeader'; changes: Partial<HeaderReview> }
  | { type: 'setSigner'; changes: Partial<SignerReview> }
  | { type: 'setSectionTitle'; key: string; title: string }
  | { type: 'updateTask'; key: string; changes: Partial<Pick<TaskReview, 'text'>> }
  | { type: 'updateTaskTime'; key: string; changes: Partial<TaskTimeReview> }
  | { type: 'removeTask'; key: string }
  | { type: 'addAssignee'; key: string; role: AssigneeRole; unit: { orgUnitId: number; unitName: string } }
  | { type: 'removeAssignee'; key: string; role: AssigneeRole; index: number }
  | { type: 'mapName'; name: string; unit: { orgUnitId: number; unitName: string } }
  | { type: 'keepName'; name: string }
  | { type: 'resetName'; name: string }
  | { type: 'addCitationAsBasis'; citation: { kind: string | null; number: string; issuedOn: string | null } }
  | ListAction;

type ListAction = {
  [L in ReviewListName]:
    | { type: 'addRow'; list: L }
    | { type: 'updateRow'; list: L; key: string; changes: Partial<Omit<ReviewLists[L], 'key'>> }
    | { type: 'removeRow'; list: L; key: string };
}[ReviewListName];

/* Days. */

const ISO_DAY = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** `2024-11-15` → `15/11/2024`, `2024-11` (day left blank) → `11/2024`, as officers write them. */
export function formatDay(day: string | null | undefined): string {
  const match = day ? ISO_DAY.exec(day) : null;
  if (!match) return day ?? '';
  const [, year, month, date] = match;
  return date ? `${date}/${month}/${year}` : `${month}/${year}`;
}

export type DayParse = { ok: true; day: string | null } | { ok: false };

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoOf(year: number, month: number, day?: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return yearMonth;
  return isRealDay(year, month, day) ? `${yearMonth}-${String(day).padStart(2, '0')}` : null;
}

/**
 * A day as typed: `15/11/2024` (any of `/ . - ,` or spaces between), `11/2024` when the document
 * leaves the day blank, or ISO; blank is no day.
 */
export function parseDay(value: string): DayParse {
  const text = value.trim();
  if (text === '') return { ok: true, day: null };
  const iso = ISO_DAY.exec(text);
  if (iso) {
    const day = isoOf(Number(iso[1]), Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3]));
    return day ? { ok: true, day } : { ok: false };
  }
  const parts = text.split(/\s*[/.,\-\s]\s*/);
  if (!parts.every((part) => /^\d+$/.test(part))) return { ok: false };
  const numbers = parts.map(Number);
  const year = parts.at(-1)?.length === 4 ? numbers.at(-1) : undefined;
  if (year === undefined) return { ok: false };
  const day =
    numbers.length === 3
      ? isoOf(year, numbers[1]!, numbers[0]!)
      : numbers.length === 2
        ? isoOf(year, numbers[0]!)
        : null;
  return day ? { ok: true, day } : { ok: false };
}

/** The typed day written the usual way (`5/6/2024` → `05/06/2024`); left as typed when it is not a day. */
export function tidyDay(value: string): string {
  const parsed = parseDay(value);
  return parsed.ok ? formatDay(parsed.day) : value;
}

/* From the document as read. */

function sectionsOf(sections: readonly ImportSectionInput[], parentKey: string | null): SectionReview[] {
  return sections.map((section, index) => {
    const key = parentKey === null ? String(index) : `${parentKey}.${index}`;
    return { key, ref: section.ref, title: section.title, children: sectionsOf(section.children, key) };
  });
}

function resolutionsOf(detail: Pick<ImportDetail, 'unitMatches'>): Record<string, NameResolution> {
  const resolutions: Record<string, NameResolution> = {};
  for (const match of detail.unitMatches) {
    resolutions[match.text] =
      match.orgUnitId !== null
        ? { status: 'matched', orgUnitId: match.orgUnitId, unitName: match.unitName ?? match.text }
        : match.group
          ? { status: 'group', group: match.group }
          : { status: 'unresolved' };
  }
  return resolutions;
}

export function initialReview(
  detail: Pick<ImportDetail, 'result' | 'unitMatches' | 'issuerName'>,
): ReviewState {
  const draft = draftAcceptInput(detail);
  const resolutions = resolutionsOf(detail);
  const names: string[] = [];
  const addName = (name: string) => {
    if (!names.includes(name)) names.push(name);
    resolutions[name] ??= { status: 'unresolved' };
    return { name };
  };
  const tasks = draft.tasks.map((task, index): TaskReview => {
    const printed = detail.result.tasks[index];
    return {
      key: `t${index}`,
      ref: task.ref,
      text: task.text,
      lead: (printed?.lead ?? []).map(addName),
      support: (printed?.support ?? []).map(addName),
      time: {
        ongoing: task.ongoing ?? false,
        due: formatDay(task.due),
        from: formatDay(task.from),
        to: formatDay(task.to),
        timeText: task.timeText ?? '',
      },
    };
  });
  return {
    header: {
      kind: draft.kind,
      number: draft.number ?? '',
      symbol: draft.symbol ?? '',
      place: draft.place ?? '',
      issuedOn: formatDay(draft.issuedOn),
      year: String(draft.year),
      title: draft.title,
      issuerName: draft.issuerName ?? '',
    },
    signer: {
      authority: draft.signer.authority ?? '',
      deputy: draft.signer.deputy ?? '',
      position: draft.signer.position ?? '',
      name: draft.signer.name ?? '',
    },
    bases: draft.bases.map((basis, index) => ({
      key: `b${index}`,
      kind: basis.kind ?? '',
      number: basis.number,
      issuedOn: formatDay(basis.issuedOn),
      issuer: basis.issuer ?? '',
    })),
    // The draft passes the sections on as read; their input type is opaque (a recursive schema).
    sections: sectionsOf(detail.result.sections, null),
    tasks,
    events: draft.events.map((event, index) => ({
      key: `e${index}`,
      name: event.name,
      from: formatDay(event.from),
      to: formatDay(event.to),
    })),
    reporting: draft.reporting.map((duty, index) => ({
      key: `r${index}`,
      what: duty.what,
      due: formatDay(duty.due),
      to: duty.to ?? '',
    })),
    recipients: draft.recipients.map((text, index) => ({ key: `n${index}`, text })),
    names,
    resolutions,
    initialResolutions: { ...resolutions },
    nextKey: 0,
  };
}

/* Changes. */

function emptyRow<L extends ReviewListName>(list: L, key: string): ReviewLists[L] {
  const rows: { [K in ReviewListName]: ReviewLists[K] } = {
    bases: { key, kind: 'Kế hoạch', number: '', issuedOn: '', issuer: '' },
    events: { key, name: '', from: '', to: '' },
    reporting: { key, what: 'annual', due: '', to: '' },
    recipients: { key, text: '' },
  };
  return rows[list];
}

function updateTask(state: ReviewState, key: string, update: (task: TaskReview) => TaskReview): ReviewState {
  return { ...state, tasks: state.tasks.map((task) => (task.key === key ? update(task) : task)) };
}

function updateSection(sections: SectionReview[], key: string, title: string): SectionReview[] {
  return sections.map((section) => {
    if (section.key === key) return { ...section, title };
    if (!key.startsWith(`${section.key}.`)) return section;
    return { ...section, children: updateSection(section.children, key, title) };
  });
}

function isSameUnit(assignee: AssigneeRef, orgUnitId: number, resolutions: ReviewState['resolutions']) {
  if ('orgUnitId' in assignee) return assignee.orgUnitId === orgUnitId;
  const resolution = resolutions[assignee.name];
  return (
    (resolution?.status === 'matched' || resolution?.status === 'mapped') &&
    resolution.orgUnitId === orgUnitId
  );
}

function updateList<L extends ReviewListName>(
  state: ReviewState,
  list: L,
  update: (rows: ReviewLists[L][]) => ReviewLists[L][],
): ReviewState {
  return { ...state, [list]: update(state[list] as ReviewLists[L][]) };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'setHeader':
      return { ...state, header: { ...state.header, ...action.changes } };
    case 'setSigner':
      return { ...state, signer: { ...state.signer, ...action.changes } };
    case 'setSectionTitle':
      return { ...state, sections: updateSection(state.sections, action.key, action.title) };
    case 'updateTask':
      return updateTask(state, action.key, (task) => ({ ...task, ...action.changes }));
    case 'updateTaskTime':
      return updateTask(state, action.key, (task) => ({
        ...task,
        time: { ...task.time, ...action.changes },
      }));
    case 'removeTask':
      return { ...state, tasks: state.tasks.filter((task) => task.key !== action.key) };
    case 'addAssignee':
      return updateTask(state, action.key, (task) => {
        // A unit leads or supports a task, once.
        const isTaken = [...task.lead, ...task.support].some((assignee) =>
          isSameUnit(assignee, action.unit.orgUnitId, state.resolutions),
        );
        return isTaken ? task : { ...task, [action.role]: [...task[action.role], { ...action.unit }] };
      });
    case 'removeAssignee':
      return updateTask(state, action.key, (task) => ({
        ...task,
        [action.role]: task[action.role].filter((_, index) => index !== action.index),
      }));
    case 'mapName':
      return {
        ...state,
        resolutions: { ...state.resolutions, [action.name]: { status: 'mapped', ...action.unit } },
      };
    case 'keepName':
      return { ...state, resolutions: { ...state.resolutions, [action.name]: { status: 'kept' } } };
    case 'resetName':
      return {
        ...state,
        resolutions: {
          ...state.resolutions,
          [action.name]: state.initialResolutions[action.name] ?? { status: 'unresolved' },
        },
      };
    case 'addCitationAsBasis': {
      const { citation } = action;
      const key = `new${state.nextKey}`;
      const basis: BasisReview = {
        key,
        kind: citation.kind ?? '',
        number: citation.number,
        issuedOn: formatDay(citation.issuedOn),
        issuer: '',
      };
      return { ...state, bases: [...state.bases, basis], nextKey: state.nextKey + 1 };
    }
    case 'addRow': {
      const key = `new${state.nextKey}`;
      const next = updateList(state, action.list, (rows) => [...rows, emptyRow(action.list, key)]);
      return { ...next, nextKey: state.nextKey + 1 };
    }
    case 'updateRow':
      return updateList(state, action.list, (rows) =>
        rows.map((row) => (row.key === action.key ? { ...row, ...action.changes } : row)),
      );
    case 'removeRow':
      return updateList(state, action.list, (rows) => rows.filter((row) => row.key !== action.key));
  }
}

/* Reading the state. */

export function resolutionOf(state: Pick<ReviewState, 'resolutions'>, name: string): NameResolution {
  return state.resolutions[name] ?? { status: 'unresolved' };
}

/** Printed names nobody has mapped to a unit or chosen to keep as text, that a task still uses. */
export function unresolvedNames(state: ReviewState): string[] {
  const used = usedNames(state);
  return state.names.filter((name) => used.has(name) && resolutionOf(state, name).status === 'unresolved');
}

/** How many of the remaining tasks print each name. */
export function nameUseCounts(state: ReviewState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of state.tasks) {
    const names = new Set(
      [...task.lead, ...task.support].flatMap((assignee) => ('name' in assignee ? [assignee.name] : [])),
    );
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

function usedNames(state: ReviewState): Set<string> {
  return new Set(nameUseCounts(state).keys());
}

/** Registry units a task already has in either role, so the pickers do not offer them again. */
export function assignedUnitIds(state: ReviewState, task: TaskReview): number[] {
  return [...task.lead, ...task.support].flatMap((assignee) => {
    if ('orgUnitId' in assignee) return [assignee.orgUnitId];
    const resolution = resolutionOf(state, assignee.name);
    return resolution.status === 'matched' || resolution.status === 'mapped' ? [resolution.orgUnitId] : [];
  });
}

/** Sections in reading order with their depth, for the outline's title fields. */
export function flattenSections(
  sections: readonly SectionReview[],
  depth = 0,
): { section: SectionReview; depth: number }[] {
  return sections.flatMap((section) => [{ section, depth }, ...flattenSections(section.children, depth + 1)]);
}

/* Back to the accept body. */

/** A problem found before sending, at the path the server would use, so one display serves both. */
export interface ReviewIssue {
  path: string;
  messageKey: MessageKey;
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

function assigneeInput(state: ReviewState, assignee: AssigneeRef): ImportAssigneeInput {
  if ('orgUnitId' in assignee) return { orgUnitId: assignee.orgUnitId };
  const resolution = resolutionOf(state, assignee.name);
  switch (resolution.status) {
    case 'matched':
    case 'mapped':
      return { orgUnitId: resolution.orgUnitId };
    case 'group':
      return {
        unitKinds: resolution.group.unitKinds,
        parentId: resolution.group.parentId,
        label: assignee.name,
      };
    default:
      return { unitName: assignee.name };
  }
}

function sectionsInput(sections: readonly SectionReview[]): ImportSectionInput[] {
  return sections.map((section) => ({
    ref: section.ref,
    title: section.title.trim(),
    children: sectionsInput(section.children),
  }));
}

/** `from` not after `to`, a month alone comparing as its month (as the server compares). */
function isOrdered(from: string | null, to: string | null): boolean {
  if (from === null || to === null) return true;
  const length = Math.min(from.length, to.length);
  return from.slice(0, length) <= to.slice(0, length);
}

/** The accept body from the reviewed state, or the problems to fix first. */
export function toAcceptInput(state: ReviewState): { input: AcceptImportInput } | { issues: ReviewIssue[] } {
  const issues: ReviewIssue[] = [];
  const day = (value: string, path: string): string | null => {
    const parsed = parseDay(value);
    if (parsed.ok) return parsed.day;
    issues.push({ path, messageKey: 'imports.review.problems.day' });
    return null;
  };
  const required = (value: string, path: string, messageKey: MessageKey, min = 1) => {
    if (value.trim().length < min) issues.push({ path, messageKey });
  };

  const { header } = state;
  required(header.kind, 'kind', 'imports.review.problems.kind');
  required(header.title, 'title', 'imports.review.problems.title', 5);
  const year = Number(header.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    issues.push({ path: 'year', messageKey: 'imports.review.problems.year' });
  }
  const issuedOn = day(header.issuedOn, 'issuedOn');

  const bases = state.bases.map((basis, index) => {
    required(basis.number, `bases.${index}.number`, 'imports.review.problems.basisNumber');
    return {
      kind: orNull(basis.kind),
      number: basis.number.trim(),
      issuedOn: day(basis.issuedOn, `bases.${index}.issuedOn`),
      issuer: orNull(basis.issuer),
    };
  });

  const tasks = state.tasks.map((task, index) => {
    const path = `tasks.${index}`;
    required(task.text, `${path}.text`, 'imports.review.problems.taskText');
    const from = day(task.time.from, `${path}.from`);
    const to = day(task.time.to, `${path}.to`);
    if (!isOrdered(from, to))
      issues.push({ path: `${path}.to`, messageKey: 'imports.review.problems.order' });
    return {
      ref: task.ref,
      text: task.text.trim(),
      lead: task.lead.map((assignee) => assigneeInput(state, assignee)),
      support: task.support.map((assignee) => assigneeInput(state, assignee)),
      due: day(task.time.due, `${path}.due`),
      from,
      to,
      timeText: orNull(task.time.timeText),
      ongoing: task.time.ongoing,
    };
  });

  const events = state.events.map((event, index) => {
    const path = `events.${index}`;
    required(event.name, `${path}.name`, 'imports.review.problems.eventName', 2);
    const from = day(event.from, `${path}.from`);
    const to = day(event.to, `${path}.to`);
    if (from === null && parseDay(event.from).ok) {
      issues.push({ path: `${path}.from`, messageKey: 'imports.review.problems.eventDates' });
    }
    if (to === null && parseDay(event.to).ok) {
      issues.push({ path: `${path}.to`, messageKey: 'imports.review.problems.eventDates' });
    }
    if (!isOrdered(from, to))
      issues.push({ path: `${path}.to`, messageKey: 'imports.review.problems.order' });
    return { name: event.name.trim(), from: from ?? '', to: to ?? '' };
  });

  const reporting = state.reporting.map((duty, index) => ({
    what: duty.what,
    due: day(duty.due, `reporting.${index}.due`),
    to: orNull(duty.to),
  }));

  const recipients = state.recipients.map((recipient, index) => {
    required(recipient.text, `recipients.${index}`, 'imports.review.problems.recipient');
    return recipient.text.trim();
  });

  if (issues.length > 0) return { issues };
  return {
    input: {
      kind: header.kind.trim(),
      number: orNull(header.number),
      symbol: orNull(header.symbol),
      place: orNull(header.place),
      issuedOn,
      year,
      title: header.title.trim(),
      issuerName: orNull(header.issuerName),
      bases,
      sections: sectionsInput(state.sections),
      tasks,
      events,
      reporting,
      recipients,
      signer: {
        authority: orNull(state.signer.authority),
        deputy: orNull(state.signer.deputy),
        position: orNull(state.signer.position),
        name: orNull(state.signer.name),
      },
    },
  };
}

/* Issues beside their fields. */

const HEADER_PATH = /^(kind|number|symbol|place|issuedOn|year|title|issuerName|signer\.\w+)$/;
const ROW_PATH = /^(bases|tasks|events|reporting|recipients)\.(\d+)(?:\.(.+))?$/;
const SECTION_PATH = /^sections\.(\d+(?:\.children\.\d+)*)\.(\w+)$/;

/**
 * The field an issue path points at, as the form names it: `title`, `signer.name`,
 * `tasks:t3.to` (the row's key, not its index), `sections:1.4.title`; null when no field shows it.
 */
export function fieldIdOfPath(state: ReviewState, path: string): string | null {
  if (HEADER_PATH.test(path)) return path;
  const row = ROW_PATH.exec(path);
  if (row) {
    const list = row[1] as ReviewListName | 'tasks';
    const key = state[list][Number(row[2])]?.key;
    if (key === undefined) return null;
    return row[3] ? `${list}:${key}.${row[3]}` : `${list}:${key}`;
  }
  const section = SECTION_PATH.exec(path);
  if (section) return `sections:${section[1]!.replaceAll('.children.', '.')}.${section[2]}`;
  return null;
}

export interface PlacedIssues {
  /** The first message for each field id. */
  fields: Record<string, string>;
  /** Issues no field shows, for the summary above the form. */
  others: { path: string; message: string }[];
}

/** Splits issues (found here, or sent back by the server for the state that was sent) into fields and the rest. */
export function placeIssues(
  state: ReviewState,
  issues: readonly { path: string; message: string }[],
): PlacedIssues {
  const placed: PlacedIssues = { fields: {}, others: [] };
  for (const issue of issues) {
    const field = fieldIdOfPath(state, issue.path);
    if (field === null) placed.others.push(issue);
    else placed.fields[field] ??= issue.message;
  }
  return placed;
}

/** Messages of the field ids under a row (`tasks:t3`), keyed by the rest (`to`, `lead.0.unitName`). */
export function fieldsUnder(fields: Record<string, string>, prefix: string): Record<string, string> {
  const inner: Record<string, string> = {};
  for (const [id, message] of Object.entries(fields)) {
    if (id === prefix) inner[''] = message;
    else if (id.startsWith(`${prefix}.`)) inner[id.slice(prefix.length + 1)] = message;
  }
  return inner;
}
