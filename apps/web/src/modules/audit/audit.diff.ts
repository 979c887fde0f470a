export interface ChangedField {
  field: string;
  before: string;
  after: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The fields that differ between an entry's `before` and `after` snapshots. Snapshots that are
 * not objects (or only one side present as a non-object) compare as a single unnamed field.
 */
export function changedFields(before: unknown, after: unknown): ChangedField[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    return show(before) === show(after) ? [] : [{ field: '', before: show(before), after: show(after) }];
  }
  const beforeRecord = isRecord(before) ? before : {};
  const afterRecord = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];
  return fields
    .filter((field) => JSON.stringify(beforeRecord[field]) !== JSON.stringify(afterRecord[field]))
    .map((field) => ({ field, before: show(beforeRecord[field]), after: show(afterRecord[field]) }));
}
