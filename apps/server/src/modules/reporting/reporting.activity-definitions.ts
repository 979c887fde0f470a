import {
  type ActivityTableDefinition,
  type AppendixTableDefinition,
  activityTableDefinition,
} from '@binhdang/contracts';

/*
 * `report_templates.tables` holds figure tables (`{ code, title, dataElements }`) and activity
 * tables (`source: 'activities'`, reporting.activity-tables.ts) side by side, in print order. The
 * figure code sees only the figure tables; the activity tables are handed over apart.
 */

export function isActivityTableDefinition(table: unknown): boolean {
  return (
    typeof table === 'object' && table !== null && (table as { source?: unknown }).source === 'activities'
  );
}

export function splitStoredTables(stored: unknown[]): {
  tables: AppendixTableDefinition[];
  activityTables: ActivityTableDefinition[];
} {
  const tables: AppendixTableDefinition[] = [];
  const activityTables: ActivityTableDefinition[] = [];
  for (const table of stored) {
    if (isActivityTableDefinition(table)) {
      // A definition this version does not understand is left out rather than guessed at.
      const parsed = activityTableDefinition.safeParse(table);
      if (parsed.success) activityTables.push(parsed.data);
    } else tables.push(table as AppendixTableDefinition);
  }
  return { tables, activityTables };
}
