import type {
  ActivityCell,
  ActivityTable,
  ConsolidatedActivityTable,
  SubmissionActivityTables,
} from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { fetchRoundActivityCell, fetchSubmissionActivityCell } from '../activities/activities.api.ts';
import { ActivityItem } from '../activities/activities.list.page.tsx';
import { formatCount, formatDate, formatDateTime } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading } from '../app/app.ui.tsx';
import '../activities/activities.css';

/*
 * A report's activity tables (template tables filled from the activity log): every number is a
 * button that lists the activities behind it — live while the report is a draft, as submitted once
 * it is. The consolidating side sees the sums with a part per reporting unit.
 */

interface CellRef {
  table: string;
  row: string;
  column: string;
  unitId?: number | undefined;
}

type LoadCell = (cell: CellRef, signal: AbortSignal) => Promise<ActivityCell>;

function TableView({
  table,
  rows,
  caption,
  onPick,
  unitId,
}: {
  table: ActivityTable;
  rows: ActivityTable['rows'];
  caption?: string;
  onPick: (cell: CellRef) => void;
  unitId?: number;
}) {
  return (
    <div class="activity-table-scroll">
      <table class="activity-table" data-table={table.code}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('activities.tables.row')}</th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} class={row.key === 'total' ? 'is-total' : undefined}>
              <th scope="row">{row.name}</th>
              {table.columns.map((column, index) => {
                const value = row.values[index] ?? 0;
                return (
                  <td key={column.key} class="number">
                    {value === 0 ? (
                      <span class="muted">0</span>
                    ) : (
                      <button
                        type="button"
                        class="cell-link"
                        data-cell={`${row.key}:${column.key}`}
                        aria-label={`${row.name} — ${column.name}: ${formatCount(value)}`}
                        onClick={() =>
                          onPick({ table: table.code, row: row.key, column: column.key, unitId })
                        }
                      >
                        {formatCount(value)}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellPanel({ cell, load, onClose }: { cell: CellRef; load: LoadCell; onClose: () => void }) {
  const result = useResource(
    (signal) => load(cell, signal),
    [cell.table, cell.row, cell.column, cell.unitId],
  );
  const data = result.data;
  return (
    <section class="card activity-cell-panel" aria-live="polite" aria-labelledby="activity-cell-title">
      <h3 id="activity-cell-title">
        {t('activities.cell.title', { value: data ? formatCount(data.value) : '…' })}
      </h3>
      {result.error ? <ErrorNotice error={result.error} onRetry={result.reload} /> : null}
      {!data && !result.error && <Loading />}
      {data && (
        <>
          <p class="unit-meta">{data.frozen ? t('activities.cell.frozen') : t('activities.cell.live')}</p>
          {data.items.length === 0 ? (
            <p class="muted">{t('activities.cell.empty')}</p>
          ) : (
            <ol class="plain-list activity-list">
              {data.items.map((item) => (
                <ActivityItem key={item.id} item={item} />
              ))}
            </ol>
          )}
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('activities.cell.close')}
      </button>
    </section>
  );
}

/** The activity tables of one submission, with the drill-down; `logUnitId` adds a link to log another activity. */
export function SubmissionActivityTablesView({
  submissionId,
  data,
  logUnitId,
}: {
  submissionId: number;
  data: SubmissionActivityTables;
  logUnitId?: number | null;
}) {
  const [picked, setPicked] = useState<CellRef | null>(null);
  if (data.tables.length === 0) return null;
  return (
    <section class="card" aria-labelledby="activity-tables-title">
      <h2 id="activity-tables-title">{t('activities.tables.title')}</h2>
      <p class="hint">
        {data.frozen && data.frozenAt
          ? t('activities.tables.frozen', { at: formatDateTime(data.frozenAt) })
          : t('activities.tables.live', {
              from: formatDate(data.cutOffFrom),
              to: formatDate(data.cutOffTo),
            })}{' '}
        {t('activities.tables.clickHint')}
      </p>
      {data.tables.map((table) => (
        <div key={table.code}>
          <h3>
            {table.code}. {table.title}
          </h3>
          <TableView table={table} rows={table.rows} onPick={setPicked} />
        </div>
      ))}
      {picked && (
        <CellPanel
          cell={picked}
          load={(cell, signal) => fetchSubmissionActivityCell(submissionId, cell, signal)}
          onClose={() => setPicked(null)}
        />
      )}
      {logUnitId && !data.frozen && (
        <p>
          <a href={`${paths.newActivity}?donvi=${logUnitId}`}>{t('activities.tables.logActivity')}</a>
        </p>
      )}
    </section>
  );
}

/** The consolidated activity tables of a round, with a part per reporting unit. */
export function ConsolidatedActivityTablesView({
  roundId,
  include,
  tables,
  units,
}: {
  roundId: number;
  include: 'accepted' | 'submitted';
  tables: ConsolidatedActivityTable[];
  units: { id: number; name: string }[];
}) {
  const [picked, setPicked] = useState<CellRef | null>(null);
  if (tables.length === 0) return null;
  return (
    <section aria-labelledby="consolidated-activity-title">
      <h3 id="consolidated-activity-title">{t('activities.tables.title')}</h3>
      <p class="hint">{t('activities.tables.consolidatedHint')}</p>
      {tables.map((table) => (
        <div key={table.code}>
          <h4>
            {table.code}. {table.title}
          </h4>
          <TableView table={table} rows={table.rows} onPick={setPicked} />
          <details>
            <summary>{t('activities.tables.byUnit')}</summary>
            {table.byUnit.map((part) => (
              <TableView
                key={part.orgUnitId}
                table={table}
                rows={part.rows}
                caption={units.find((unit) => unit.id === part.orgUnitId)?.name ?? String(part.orgUnitId)}
                unitId={part.orgUnitId}
                onPick={setPicked}
              />
            ))}
          </details>
        </div>
      ))}
      {picked && (
        <CellPanel
          cell={picked}
          load={(cell, signal) => fetchRoundActivityCell(roundId, { ...cell, include }, signal)}
          onClose={() => setPicked(null)}
        />
      )}
    </section>
  );
}
