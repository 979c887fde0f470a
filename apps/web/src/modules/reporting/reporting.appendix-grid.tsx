import type { AppendixRow, AppendixTable, Consolidation } from '@binhdang/contracts';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { cellId, groupSections, readCell } from '../indicators/indicators.grid.ts';
import { GridHead } from '../indicators/indicators.grid-head.tsx';
import { formatFigure } from '../indicators/indicators.number.ts';
import { appendixRowTotal, type FigureDrafts } from './reporting.figures.ts';
import '../indicators/indicators.css';

/*
 * A report's appendix tables laid out as the figures entry grid (same model, same look): data
 * elements as rows, the disaggregation as columns, the total computed as the officer types.
 * Here the figures travel with the report's save and its revision, not cell by cell.
 */

/** "Số người tham gia – Nữ": how messages name a cell. */
export function appendixCellName(row: Pick<AppendixRow, 'name' | 'columns'>, key: string): string {
  const column = row.columns.find((candidate) => candidate.key === key);
  if (!column || row.columns.length === 1) return row.name;
  return `${row.name} – ${column.name}`;
}

export function AppendixEditor({
  table,
  drafts,
  isReadOnly,
  flagged,
  onInput,
}: {
  table: AppendixTable;
  drafts: FigureDrafts;
  isReadOnly: boolean;
  /** Cells a validation message is about. */
  flagged: ReadonlyMap<string, 'error' | 'warning'>;
  onInput: (id: string, text: string) => void;
}) {
  const sections = groupSections(table.rows);
  return (
    <section class="appendix" aria-labelledby={`table-${table.code}`}>
      <h3 id={`table-${table.code}`} class="appendix-title">
        {table.title}
      </h3>
      {sections.map((section, sectionIndex) => (
        <div class="table-scroll entry-scroll" key={sectionIndex}>
          <table class="entry-grid">
            <GridHead columns={section.columns} />
            <tbody>
              {section.rows.map((row) => (
                <tr key={row.dataElement}>
                  <th scope="row" class="entry-element">
                    {row.name}
                  </th>
                  {row.columns.map((column) => {
                    const name = appendixCellName(row, column.key);
                    if (column.computed) {
                      return (
                        <td key={column.key} class="numeric is-computed">
                          <output aria-label={name}>{formatFigure(appendixRowTotal(row, drafts), 4)}</output>
                        </td>
                      );
                    }
                    const id = cellId(row.dataElement, column.key);
                    const draft = drafts.get(id);
                    if (!draft) return <td key={column.key} />;
                    const isUnreadable = readCell(draft.text, 'number').problem !== null;
                    const flag = isUnreadable ? 'error' : flagged.get(id);
                    return (
                      <td key={column.key} class={`entry-cell${flag ? ` is-flagged-${flag}` : ''}`}>
                        <input
                          type="text"
                          inputMode="decimal"
                          autocomplete="off"
                          spellcheck={false}
                          readOnly={isReadOnly}
                          id={`cell-${id}`}
                          aria-label={name}
                          aria-invalid={flag === 'error' ? true : undefined}
                          value={draft.text}
                          onInput={(event) => onInput(id, event.currentTarget.value)}
                          onFocus={(event) => event.currentTarget.select()}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

type ConsolidatedTable = Consolidation['appendix'][number];

/** The round's table summed over the included reports; each row opens to the units' own numbers. */
export function ConsolidatedTableView({
  table,
  units,
}: {
  table: ConsolidatedTable;
  units: Consolidation['units'];
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const sections = groupSections(table.rows);
  function toggle(code: string) {
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }
  return (
    <section class="appendix" aria-labelledby={`consolidated-${table.code}`}>
      <h3 id={`consolidated-${table.code}`} class="appendix-title">
        {table.title}
      </h3>
      {sections.map((section, sectionIndex) => (
        <div class="table-scroll entry-scroll" key={sectionIndex}>
          <table class="entry-grid consolidated-grid">
            <GridHead columns={section.columns} />
            <tbody>
              {section.rows.map((row) => {
                const isOpen = open.has(row.dataElement);
                return (
                  <Fragment key={row.dataElement}>
                    <tr data-element={row.dataElement}>
                      <th scope="row" class="entry-element">
                        <button
                          type="button"
                          class="button-quiet drill-toggle"
                          aria-expanded={isOpen}
                          onClick={() => toggle(row.dataElement)}
                        >
                          {row.name}
                        </button>
                      </th>
                      {row.cells.map((cell) => (
                        <td
                          key={cell.key}
                          class={cell.computed ? 'numeric is-computed' : 'numeric'}
                          data-cell={cell.key}
                        >
                          {formatFigure(cell.value, 4)}
                        </td>
                      ))}
                    </tr>
                    {isOpen &&
                      row.byUnit.map((unit) => (
                        <tr key={unit.orgUnitId} class="drill-row">
                          <th scope="row" class="entry-element">
                            {unitNames.get(unit.orgUnitId) ?? unit.orgUnitId}
                          </th>
                          {unit.cells.map((cell) => (
                            <td key={cell.key} class="numeric">
                              {formatFigure(cell.value, 4)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    {isOpen && row.byUnit.length === 0 && (
                      <tr class="drill-row">
                        <td colSpan={row.columns.length + 1} class="muted">
                          {t('reporting.round.noFigures')}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
