import {
  type Catalogue,
  type EntryForm,
  type EntryRow,
  type OptionCombo,
  periodLabel,
  type ValidationMessage,
} from '@binhdang/contracts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getLanguage, t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { describeError } from '../app/app.errors.ts';
import { formatDateTime } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { ErrorNotice, Loading } from '../app/app.ui.tsx';
import { useSession } from '../auth/auth.session.ts';
import { fetchValueHistory, validationMessagesOf, writeValues } from './indicators.api.ts';
import {
  type CellDraft,
  type CellStatus,
  cellId,
  cellOfTerm,
  checkRules,
  createDrafts,
  type FormulaContext,
  groupSections,
  ofWhichOptions,
  type RuleViolation,
  readCell,
  rowTotal,
  type Term,
} from './indicators.grid.ts';
import { GridHead } from './indicators.grid-head.tsx';
import { formatFigure } from './indicators.number.ts';

/** Long enough to finish typing a number, short enough that nothing waits on a closed tab. */
const SAVE_DELAY_MS = 700;
const RETRY_MS = 3000;

function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 409 || error.status >= 500);
}

interface RowMessage {
  key: string;
  importance: 'error' | 'warning';
  /** The cell the message is about: its comment field answers a warning. */
  cell: string;
  /** Every cell it concerns, to mark them. */
  cells: string[];
  text: string;
}

const format = (value: number | null) => formatFigure(value, 4);

/**
 * The form's data items as rows and the disaggregation as columns, saved cell by cell as the
 * officer types. Rules are checked in the browser first (no round trip, works on a bad line);
 * the server checks again and its messages are shown as it words them.
 */

export function EntryGrid({ form, catalogue }: { form: EntryForm; catalogue: Catalogue }) {
  const session = useSession();
  const [drafts, setDrafts] = useState(() => createDrafts(form, format));
  const [serverMessages, setServerMessages] = useState<ValidationMessage[]>(form.validation);
  const [focused, setFocused] = useState<string | null>(null);
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<string>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const isMounted = useRef(true);
  const grid = useRef<HTMLDivElement>(null);
  const isReadOnly = !form.canWrite;

  const sections = useMemo(() => groupSections(form.rows), [form]);
  const rowsByCode = useMemo(() => new Map(form.rows.map((row) => [row.dataElement.code, row])), [form]);
  const ofWhich = useMemo(() => ofWhichOptions(catalogue), [catalogue]);
  const optionNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const category of catalogue.categories) {
      for (const option of category.options) {
        names.set(option.code, getLanguage() === 'en' && option.nameEn ? option.nameEn : option.name);
      }
    }
    return names;
  }, [catalogue]);
  const contextOf = (current: ReadonlyMap<string, CellDraft>): FormulaContext => ({
    rows: rowsByCode,
    drafts: current,
    ofWhich,
  });
  const violations = checkRules(catalogue.validationRules, contextOf(drafts));

  function cellName(dataElement: string, disaggregation: string): string {
    const row = rowsByCode.get(dataElement);
    if (!row) return dataElement;
    const element = row.dataElement.shortName ?? row.dataElement.name;
    const column = row.columns.find((candidate) => candidate.key === disaggregation);
    if (!column || row.columns.length === 1) return element;
    return t('indicators.entry.cell', { element, column: column.name });
  }

  function termName(term: Term): string {
    if (term.dataElement === null) return formatFigure(term.constant);
    const cell = cellOfTerm(term, contextOf(drafts));
    if (!cell) return term.dataElement;
    if (cell.disaggregation !== 'total' || term.options.length === 0) {
      return cellName(cell.dataElement, cell.disaggregation);
    }
    const row = rowsByCode.get(term.dataElement);
    const element = row ? (row.dataElement.shortName ?? row.dataElement.name) : term.dataElement;
    return [element, ...term.options.map((option) => optionNames.get(option) ?? option)].join(' – ');
  }

  function sideName(terms: Term[]): string {
    return terms
      .map(
        (term, index) =>
          `${index === 0 ? (term.sign < 0 ? '−' : '') : term.sign < 0 ? ' − ' : ' + '}${termName(term)}`,
      )
      .join('');
  }

  function describeViolation(violation: RuleViolation): string {
    return t('indicators.entry.ruleText', {
      left: sideName(violation.left.terms),
      leftValue: formatFigure(violation.left.value),
      operator: t(`indicators.entry.operators.${violation.operator}`),
      right: sideName(violation.right.terms),
      rightValue: formatFigure(violation.right.value),
    });
  }

  function involves(violation: RuleViolation, id: string): boolean {
    return [violation.cell, ...violation.otherCells].some(
      (cell) => cellId(cell.dataElement, cell.disaggregation) === id,
    );
  }

  function updateDraft(id: string, change: Partial<CellDraft>) {
    setDrafts((previous) => {
      const draft = previous.get(id);
      if (!draft) return previous;
      const next = new Map(previous);
      next.set(id, { ...draft, ...change });
      draftsRef.current = next;
      return next;
    });
  }

  function isAbout(message: ValidationMessage, id: string): boolean {
    return [message.cell, ...message.otherCells].some(
      (cell) => cell.orgUnitId === form.orgUnit.id && cellId(cell.dataElement, cell.disaggregation) === id,
    );
  }

  function replaceServerMessages(id: string, fresh: ValidationMessage[]) {
    setServerMessages((previous) => [...previous.filter((message) => !isAbout(message, id)), ...fresh]);
  }

  async function save(id: string) {
    timers.current.delete(id);
    const draft = draftsRef.current.get(id);
    if (!draft || isReadOnly) return;
    if (inFlight.current.has(id)) {
      // Saved again when the current write answers; two writes of one cell must not cross.
      updateDraft(id, { status: 'pending' });
      return;
    }
    const { value, problem } = readCell(draft.text, draft.valueType);
    if (problem) {
      updateDraft(id, { status: 'invalid', problem: null });
      return;
    }
    const blocking = checkRules(catalogue.validationRules, contextOf(draftsRef.current)).some(
      (violation) => violation.importance === 'error' && involves(violation, id),
    );
    if (blocking) {
      updateDraft(id, { status: 'invalid', problem: null });
      return;
    }
    const comment = draft.comment.trim();
    if (value === draft.savedValue && comment === draft.savedComment) {
      updateDraft(id, { status: draft.status === 'idle' ? 'idle' : 'saved', problem: null });
      return;
    }

    inFlight.current.add(id);
    updateDraft(id, { status: 'saving', problem: null });
    try {
      const result = await enqueue(() =>
        writeValues({
          items: [
            {
              dataElementId: draft.dataElementId,
              orgUnitId: form.orgUnit.id,
              period: form.period,
              disaggregation: draft.disaggregation,
              value,
              comment: comment || null,
            },
          ],
        }),
      );
      const latest = draftsRef.current.get(id);
      const isChanged = latest !== undefined && latest.text !== draft.text;
      updateDraft(id, {
        savedValue: value,
        savedComment: comment,
        // Shown the Vietnamese way once saved, whatever keyboard typed it.
        ...(isChanged ? {} : { text: format(value) }),
        status: isChanged ? 'pending' : 'saved',
        updatedAt: new Date().toISOString(),
        updatedBy: session?.user.displayName ?? null,
      });
      replaceServerMessages(id, result.validation);
    } catch (error) {
      updateDraft(id, { status: 'error', problem: describeError(error) });
      replaceServerMessages(id, validationMessagesOf(error));
      // A weak line or a busy server: try again by itself; a refusal waits for the officer.
      if (isTransient(error)) schedule(id, RETRY_MS);
    } finally {
      inFlight.current.delete(id);
      const latest = draftsRef.current.get(id);
      if (latest && latest.status === 'pending') schedule(id, 0);
    }
  }

  /** One write at a time: cells of one unit and period never race each other on the server. */
  function enqueue<T>(write: () => Promise<T>): Promise<T> {
    const next = queue.current.then(write, write);
    queue.current = next.catch(() => undefined);
    return next;
  }

  function schedule(id: string, delay = SAVE_DELAY_MS) {
    if (!isMounted.current && delay > 0) return;
    const existing = timers.current.get(id);
    if (existing) clearTimeout(existing);
    timers.current.set(
      id,
      setTimeout(() => void save(id), delay),
    );
  }

  // Leaving the grid (another unit, period, page) still saves what was typed.
  useEffect(() => {
    const flush = () => {
      for (const [id, timer] of timers.current) {
        clearTimeout(timer);
        void save(id);
      }
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (timers.current.size > 0 || inFlight.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      isMounted.current = false;
      flush();
    };
  }, []);

  function onInput(id: string, text: string) {
    updateDraft(id, { text, status: 'pending', problem: null });
    schedule(id);
    // A cell held back by a rule (or refused, or lost on a weak line) may pass now: try it again.
    for (const [other, draft] of draftsRef.current) {
      if (other !== id && (draft.status === 'invalid' || draft.status === 'error')) schedule(other);
    }
  }

  function onBlur(id: string) {
    const draft = draftsRef.current.get(id);
    if (!draft) return;
    const { value, problem } = readCell(draft.text, draft.valueType);
    if (!problem && value !== null && draft.text !== format(value)) updateDraft(id, { text: format(value) });
    if (timers.current.has(id)) schedule(id, 0);
  }

  function saveComment(id: string, comment: string) {
    updateDraft(id, { comment });
    schedule(id, 0);
  }

  /** Enter and the arrow keys move between cells as in a spreadsheet. */
  function onKeyDown(event: KeyboardEvent) {
    const input = event.currentTarget as HTMLInputElement;
    const row = Number(input.dataset.r);
    const column = Number(input.dataset.c);
    let target: [number, number] | null = null;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if (event.key === 'Enter' || event.key === 'ArrowDown')
      target = [row + (event.shiftKey ? -1 : 1), column];
    else if (event.key === 'ArrowUp') target = [row - 1, column];
    else if (event.key === 'ArrowRight' && atEnd) target = [row, column + 1];
    else if (event.key === 'ArrowLeft' && atStart) target = [row, column - 1];
    if (!target) return;
    const next = findCell(target[0], target[1]) ?? (event.key === 'Enter' ? findCell(target[0], 0) : null);
    if (!next) return;
    event.preventDefault();
    next.focus();
    next.select();
  }

  function findCell(row: number, column: number): HTMLInputElement | null {
    return (
      grid.current?.querySelector<HTMLInputElement>(`input[data-r="${row}"][data-c="${column}"]`) ?? null
    );
  }

  // Messages per row: problems of typing, rules broken in the browser, and the server's words.
  const messagesByRow = new Map<string, RowMessage[]>();
  const unplaced: RowMessage[] = [];
  function place(message: RowMessage, dataElement: string) {
    if (!rowsByCode.has(dataElement)) {
      unplaced.push(message);
      return;
    }
    const list = messagesByRow.get(dataElement) ?? [];
    if (!list.some((existing) => existing.key === message.key)) list.push(message);
    messagesByRow.set(dataElement, list);
  }
  for (const draft of drafts.values()) {
    const id = cellId(draft.dataElement, draft.disaggregation);
    const { problem } = readCell(draft.text, draft.valueType);
    if (problem) {
      const cell = cellName(draft.dataElement, draft.disaggregation);
      place(
        {
          key: `problem:${id}`,
          importance: 'error',
          cell: id,
          cells: [id],
          text: t(`indicators.entry.problems.${problem}`, { cell, text: draft.text.trim() }),
        },
        draft.dataElement,
      );
    } else if (draft.status === 'error' && draft.problem) {
      place(
        { key: `save:${id}`, importance: 'error', cell: id, cells: [id], text: draft.problem },
        draft.dataElement,
      );
    }
  }
  const serverKeys = new Set(
    serverMessages.map(
      (message) => `${message.ruleCode}:${cellId(message.cell.dataElement, message.cell.disaggregation)}`,
    ),
  );
  for (const message of serverMessages) {
    if (message.cell.orgUnitId !== form.orgUnit.id || message.cell.period !== form.period) continue;
    const id = cellId(message.cell.dataElement, message.cell.disaggregation);
    place(
      {
        key: `${message.ruleCode}:${id}`,
        importance: message.importance,
        cell: id,
        cells: [message.cell, ...message.otherCells].map((cell) =>
          cellId(cell.dataElement, cell.disaggregation),
        ),
        text: message.message,
      },
      message.cell.dataElement,
    );
  }
  for (const violation of violations) {
    const id = cellId(violation.cell.dataElement, violation.cell.disaggregation);
    if (serverKeys.has(`${violation.ruleCode}:${id}`)) continue;
    place(
      {
        key: `${violation.ruleCode}:${id}`,
        importance: violation.importance,
        cell: id,
        cells: [violation.cell, ...violation.otherCells].map((cell) =>
          cellId(cell.dataElement, cell.disaggregation),
        ),
        text: describeViolation(violation),
      },
      violation.cell.dataElement,
    );
  }
  const messageIdsByCell = new Map<string, string[]>();
  const flagged = new Map<string, 'error' | 'warning'>();
  for (const [dataElement, list] of messagesByRow) {
    list.forEach((message, index) => {
      for (const cell of message.cells) {
        messageIdsByCell.set(cell, [...(messageIdsByCell.get(cell) ?? []), messageId(dataElement, index)]);
        if (flagged.get(cell) !== 'error') flagged.set(cell, message.importance);
      }
    });
  }

  let rowIndex = 0;
  const statuses = [...drafts.values()].map((draft) => draft.status);
  const savingCount = statuses.filter((status) => status === 'saving' || status === 'pending').length;
  const failedCount = statuses.filter((status) => status === 'error' || status === 'invalid').length;
  const hasSaved = statuses.includes('saved');

  return (
    <div class="entry" ref={grid}>
      <h2 class="entry-title">
        {form.form.name} — {form.orgUnit.name} — {periodLabel(form.period, getLanguage())}
      </h2>
      {isReadOnly ? (
        <p class="notice notice-warning">{t('indicators.entry.readOnly')}</p>
      ) : (
        <p class="hint">{t('indicators.entry.hint')}</p>
      )}
      {unplaced.length > 0 && (
        <ul class="notice notice-error entry-unplaced" role="alert">
          {unplaced.map((message) => (
            <li key={message.key}>{message.text}</li>
          ))}
        </ul>
      )}
      {sections.map((section, sectionIndex) => (
        <div class="table-scroll entry-scroll" key={sectionIndex}>
          <table class="entry-grid">
            <GridHead columns={section.columns} />
            <tbody>
              {section.rows.map((row) => {
                const index = rowIndex++;
                const messages = messagesByRow.get(row.dataElement.code) ?? [];
                return (
                  <GridRow
                    key={row.dataElement.code}
                    row={row}
                    index={index}
                    drafts={drafts}
                    messages={messages}
                    messageIdsByCell={messageIdsByCell}
                    flagged={flagged}
                    isReadOnly={isReadOnly}
                    cellName={cellName}
                    onInput={onInput}
                    onBlur={onBlur}
                    onFocus={setFocused}
                    onKeyDown={onKeyDown}
                    onComment={saveComment}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      <p class={failedCount > 0 ? 'save-status danger-text' : 'save-status muted'} role="status">
        {savingCount > 0
          ? t('indicators.entry.summary.saving', { count: savingCount })
          : failedCount > 0
            ? t('indicators.entry.summary.failed', { count: failedCount })
            : hasSaved
              ? t('indicators.entry.summary.saved')
              : ''}
      </p>
      {focused && drafts.get(focused) && (
        <CellInfo
          key={focused}
          draft={drafts.get(focused) as CellDraft}
          name={cellName(
            (drafts.get(focused) as CellDraft).dataElement,
            (drafts.get(focused) as CellDraft).disaggregation,
          )}
          form={form}
        />
      )}
    </div>
  );
}

function messageId(dataElement: string, index: number): string {
  return `msg-${dataElement}-${index}`;
}

const statusMarks: Record<CellStatus, string> = {
  idle: '',
  pending: '•',
  saving: '…',
  saved: '✓',
  error: '!',
  invalid: '!',
};

function GridRow({
  row,
  index,
  drafts,
  messages,
  messageIdsByCell,
  flagged,
  isReadOnly,
  cellName,
  onInput,
  onBlur,
  onFocus,
  onKeyDown,
  onComment,
}: {
  row: EntryRow;
  index: number;
  drafts: ReadonlyMap<string, CellDraft>;
  messages: RowMessage[];
  messageIdsByCell: ReadonlyMap<string, string[]>;
  flagged: ReadonlyMap<string, 'error' | 'warning'>;
  isReadOnly: boolean;
  cellName: (dataElement: string, disaggregation: string) => string;
  onInput: (id: string, text: string) => void;
  onBlur: (id: string) => void;
  onFocus: (id: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onComment: (id: string, comment: string) => void;
}) {
  const code = row.dataElement.code;
  let columnIndex = 0;
  // One explanation field per cell that has a warning.
  const warned = [
    ...new Set(messages.filter((message) => message.importance === 'warning').map((m) => m.cell)),
  ];
  return (
    <>
      <tr class={messages.length > 0 ? 'has-messages' : undefined}>
        <th scope="row" class="entry-element">
          {row.dataElement.name}
          {row.dataElement.valueType === 'percent' && <span class="muted"> (%)</span>}
        </th>
        {row.columns.map((column: OptionCombo) => {
          if (column.computed) {
            return (
              <td key={column.key} class="numeric is-computed">
                <output aria-label={cellName(code, column.key)}>
                  {formatFigure(rowTotal(row, drafts), 4)}
                </output>
              </td>
            );
          }
          const id = cellId(code, column.key);
          const draft = drafts.get(id);
          if (!draft) return <td key={column.key} />;
          const column_ = columnIndex++;
          const flag = flagged.get(id);
          const describedBy = messageIdsByCell.get(id)?.join(' ');
          return (
            <td key={column.key} class={`entry-cell is-${draft.status}${flag ? ` is-flagged-${flag}` : ''}`}>
              <input
                type="text"
                inputMode="decimal"
                enterKeyHint="next"
                autocomplete="off"
                spellcheck={false}
                readOnly={isReadOnly}
                data-r={index}
                data-c={column_}
                id={`cell-${id}`}
                aria-label={cellName(code, column.key)}
                aria-invalid={flag === 'error' ? true : undefined}
                aria-describedby={describedBy}
                value={draft.text}
                onInput={(event) => onInput(id, event.currentTarget.value)}
                onBlur={() => onBlur(id)}
                onFocus={(event) => {
                  onFocus(id);
                  event.currentTarget.select();
                }}
                onKeyDown={onKeyDown}
              />
              {draft.status !== 'idle' && (
                <span class="cell-status" title={t(`indicators.entry.status.${draft.status}`)}>
                  <span aria-hidden="true">{statusMarks[draft.status]}</span>
                  <span class="visually-hidden">{t(`indicators.entry.status.${draft.status}`)}</span>
                </span>
              )}
            </td>
          );
        })}
      </tr>
      {messages.length > 0 && (
        <tr class="entry-messages">
          <td colSpan={row.columns.length + 1}>
            <ul class="plain-list">
              {messages.map((message, messageIndex) => (
                <li
                  key={message.key}
                  id={messageId(code, messageIndex)}
                  class={message.importance === 'error' ? 'cell-message is-error' : 'cell-message is-warning'}
                  role={message.importance === 'error' ? 'alert' : undefined}
                >
                  <strong>
                    {message.importance === 'error'
                      ? t('indicators.entry.error')
                      : t('indicators.entry.warning')}
                    :
                  </strong>{' '}
                  {message.text}
                </li>
              ))}
            </ul>
            {!isReadOnly &&
              warned.map((id) => {
                const draft = drafts.get(id);
                if (!draft) return null;
                return (
                  <CommentField
                    key={id}
                    label={t('indicators.entry.comment', {
                      cell: cellName(draft.dataElement, draft.disaggregation),
                    })}
                    saved={draft.savedComment}
                    onSave={(comment) => onComment(id, comment)}
                  />
                );
              })}
          </td>
        </tr>
      )}
    </>
  );
}

function CommentField({
  label,
  saved,
  onSave,
}: {
  label: string;
  saved: string;
  onSave: (comment: string) => void;
}) {
  const [text, setText] = useState(saved);
  const id = `comment-${label}`;
  return (
    <form
      class="entry-comment"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text.trim());
      }}
    >
      <label for={id}>{label}</label>
      <div class="entry-comment-row">
        <input
          id={id}
          class="entry-comment-input"
          type="text"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" disabled={text.trim() === '' || text.trim() === saved}>
          {t('indicators.entry.saveComment')}
        </button>
      </div>
      <p class="hint">{saved ? t('indicators.entry.commentSaved') : t('indicators.entry.commentNeeded')}</p>
    </form>
  );
}

/** Who saved the selected cell and when; its full history only when asked (one small request). */
function CellInfo({ draft, name, form }: { draft: CellDraft; name: string; form: EntryForm }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <section class="card cell-info" aria-live="polite">
      <p>
        <strong>{t('indicators.entry.cellInfo', { cell: name })}</strong>
        <span class="block muted">
          {draft.updatedAt
            ? t('indicators.entry.lastSaved', {
                date: formatDateTime(draft.updatedAt),
                user: draft.updatedBy ?? '—',
              })
            : t('indicators.entry.neverSaved')}
        </span>
        {draft.savedComment && <span class="block">“{draft.savedComment}”</span>}
      </p>
      {isOpen ? (
        <CellHistory draft={draft} form={form} />
      ) : (
        <button type="button" class="button-quiet" onClick={() => setOpen(true)}>
          {t('indicators.entry.showHistory')}
        </button>
      )}
    </section>
  );
}

function CellHistory({ draft, form }: { draft: CellDraft; form: EntryForm }) {
  const history = useResource(
    (signal) =>
      fetchValueHistory(
        {
          dataElement: draft.dataElement,
          orgUnitId: form.orgUnit.id,
          period: form.period,
          disaggregation: draft.disaggregation,
        },
        signal,
      ),
    [draft.dataElement, draft.disaggregation, draft.savedValue, draft.savedComment],
  );
  if (history.error) return <ErrorNotice error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Loading />;
  if (history.data.entries.length === 0) return <p class="muted">{t('indicators.entry.historyEmpty')}</p>;
  return (
    <ol class="plain-list compact history-list">
      {history.data.entries.map((entry, index) => (
        <li key={index}>
          {t('indicators.entry.historyEntry', {
            date: formatDateTime(entry.at),
            user: entry.by,
            action: actionLabel(entry.action),
            value: entry.action === 'deleted' ? '' : formatFigure(entry.value),
          })}
          {entry.comment && <span class="block muted">“{entry.comment}”</span>}
        </li>
      ))}
    </ol>
  );
}

function actionLabel(action: string): string {
  if (action === 'created' || action === 'updated' || action === 'deleted') {
    return t(`indicators.entry.actions.${action}`);
  }
  return action;
}
