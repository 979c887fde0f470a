import type { Submission, ValidationMessage } from '@binhdang/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { describeError, isNotFound } from '../app/app.errors.ts';
import { formatDate, formatDateTime, todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { confirmAction, ErrorNotice, FormMessages, Loading, NotFoundPage } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { validationMessagesOf } from '../indicators/indicators.api.ts';
import { cellId } from '../indicators/indicators.grid.ts';
import { formatFigure } from '../indicators/indicators.number.ts';
import { useLeaveGuard } from '../plans/plans.leave-guard.ts';
import { SubmissionActivityTablesView } from './reporting.activity-table.tsx';
import { fetchSubmission, saveSubmission, submitSubmission } from './reporting.api.ts';
import { AppendixEditor, appendixCellName } from './reporting.appendix-grid.tsx';
import {
  type ChangedFigure,
  changedAnswers,
  changedFigures,
  createFigureDrafts,
  type FigureDraft,
  markFiguresSaved,
  unreadableCells,
} from './reporting.figures.ts';
import { SubmissionStatusBadge, useIdParam } from './reporting.format.tsx';
import { isWritable } from './reporting.status.ts';
import './reporting.css';

/** Long enough to finish a sentence, short enough that a dropped line loses little. */
const AUTOSAVE_MS = 1500;
const RETRY_MS = 5000;

const format = (value: number | null) => formatFigure(value, 4);

export function SubmissionPage() {
  usePageTitle(t('reporting.submission.title'));
  return (
    <RequirePermission permission="reports.read">
      <SubmissionLoader />
    </RequirePermission>
  );
}

function SubmissionLoader() {
  const id = useIdParam();
  const submission = useResource((signal) => fetchSubmission(id ?? 0, signal), [id]);
  if (id === null || isNotFound(submission.error)) return <NotFoundPage />;
  if (submission.error && !submission.data)
    return <ErrorNotice error={submission.error} onRetry={submission.reload} />;
  if (!submission.data || submission.data.id !== id) return <Loading />;
  return <SubmissionEditor key={submission.data.id} initial={submission.data} />;
}

function answersOf(submission: Submission): Record<string, string> {
  return Object.fromEntries(submission.sections.map((section) => [section.key, section.answer]));
}

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed' | 'conflict';

function SubmissionEditor({ initial }: { initial: Submission }) {
  const [submission, setSubmission] = useState(initial);
  const [answers, setAnswers] = useState(() => answersOf(initial));
  const [savedAnswers, setSavedAnswers] = useState(() => answersOf(initial));
  const [figures, setFigures] = useState<Map<string, FigureDraft>>(() =>
    createFigureDrafts(initial.tables, format),
  );
  const [state, setState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [refused, setRefused] = useState<ValidationMessage[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [latest, setLatest] = useState<Submission | null>(null);
  const submitting = useFormAction();
  const [comment, setComment] = useState('');
  const live = useRef({ submission, answers, savedAnswers, figures, state });
  live.current = { submission, answers, savedAnswers, figures, state };
  const inFlight = useRef<Promise<boolean> | null>(null);

  const isReadOnly = !submission.can.edit || !isWritable(submission.status);
  const pendingAnswers = changedAnswers(answers, savedAnswers);
  const pendingFigures = changedFigures(figures);
  const isDirty = Object.keys(pendingAnswers).length > 0 || pendingFigures.length > 0;
  const guardRef = useLeaveGuard<HTMLDivElement>(
    isDirty && !isReadOnly,
    t('reporting.submission.leaveConfirm'),
  );
  usePageTitle(`${submission.orgUnit.name} — ${submission.round.title}`);

  /** Saves what changed with the revision loaded; resolves to whether everything is saved. */
  async function save(): Promise<boolean> {
    if (inFlight.current) await inFlight.current;
    const current = live.current;
    if (current.state === 'conflict') return false;
    const narrative = changedAnswers(current.answers, current.savedAnswers);
    const sent: ChangedFigure[] = changedFigures(current.figures);
    if (Object.keys(narrative).length === 0 && sent.length === 0) return true;
    setState('saving');
    const attempt = (async () => {
      try {
        const fresh = await saveSubmission(current.submission.id, {
          revision: current.submission.revision,
          narrative,
          figures: sent.map((figure) => ({ ...figure, comment: null })),
        });
        setSubmission(fresh);
        setSavedAnswers((previous) => ({ ...previous, ...narrative }));
        setFigures((previous) => markFiguresSaved(previous, sent));
        setRefused([]);
        setSaveError(null);
        setSavedAt(new Date().toISOString());
        setState('saved');
        return true;
      } catch (error) {
        setSaveError(error);
        if (error instanceof ApiError && error.code === 'reporting.conflict') {
          setState('conflict');
          // The latest version, to compare with what is on screen; nothing of the user's is touched.
          fetchSubmission(current.submission.id).then(setLatest, () => setLatest(null));
        } else {
          setRefused(validationMessagesOf(error));
          setState('failed');
        }
        return false;
      }
    })();
    inFlight.current = attempt;
    const isSaved = await attempt;
    inFlight.current = null;
    return isSaved;
  }

  // Autosave: a pause in typing saves; a network failure tries again by itself.
  useEffect(() => {
    if (isReadOnly || !isDirty || state === 'conflict' || state === 'saving') return;
    const isNetwork = saveError instanceof ApiError && saveError.code === 'network';
    if (state === 'failed' && !isNetwork) return;
    const timer = setTimeout(() => void save(), state === 'failed' ? RETRY_MS : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [answers, figures, state, isReadOnly]);

  function changeAnswer(key: string, text: string) {
    setAnswers((previous) => ({ ...previous, [key]: text }));
    if (live.current.state !== 'conflict') setState('pending');
  }

  function changeFigure(id: string, text: string) {
    setFigures((previous) => {
      const draft = previous.get(id);
      if (!draft) return previous;
      const next = new Map(previous);
      next.set(id, { ...draft, text });
      return next;
    });
    if (live.current.state !== 'conflict') setState('pending');
  }

  /** Takes the latest version and drops the user's unsaved changes, after asking. */
  async function takeLatest() {
    if (isDirty && !confirmAction(t('reporting.submission.discardConfirm'))) return;
    const fresh = latest ?? (await fetchSubmission(submission.id).catch(() => null));
    if (!fresh) return;
    setSubmission(fresh);
    setAnswers(answersOf(fresh));
    setSavedAnswers(answersOf(fresh));
    setFigures(createFigureDrafts(fresh.tables, format));
    setLatest(null);
    setSaveError(null);
    setState('idle');
  }

  /** Keeps the user's text over the latest version, knowingly: their changes are saved on top. */
  function keepMine() {
    if (!latest) return;
    const mine = live.current;
    const latestFigures = createFigureDrafts(latest.tables, format);
    for (const figure of changedFigures(mine.figures)) {
      const id = cellId(figure.dataElement, figure.disaggregation);
      const draft = latestFigures.get(id);
      const typed = mine.figures.get(id);
      if (draft && typed) latestFigures.set(id, { ...draft, text: typed.text });
    }
    setSubmission(latest);
    setSavedAnswers(answersOf(latest));
    setFigures(latestFigures);
    setLatest(null);
    setSaveError(null);
    setState('pending');
  }

  async function submit() {
    if (!(await save())) return;
    const fresh = await submitting.run(
      () => submitSubmission(submission.id, live.current.submission.revision, comment.trim() || null),
      t('reporting.submission.submitted'),
    );
    if (fresh) {
      setSubmission(fresh);
      setComment('');
      setState('idle');
    }
  }

  const unreadable = unreadableCells(figures);
  const rowsByCode = new Map(
    submission.tables.flatMap((table) => table.rows.map((row) => [row.dataElement, row])),
  );
  const messages = refused.length > 0 ? refused : submission.validation;
  const flagged = new Map<string, 'error' | 'warning'>();
  for (const message of messages) {
    for (const cell of [message.cell, ...message.otherCells]) {
      const id = cellId(cell.dataElement, cell.disaggregation);
      if (flagged.get(id) !== 'error') flagged.set(id, message.importance);
    }
  }
  const hasErrors = messages.some((message) => message.importance === 'error') || unreadable.length > 0;
  const lastReturn = [...submission.history].reverse().find((event) => event.action === 'returned');
  const changedSince = latest
    ? latest.sections.filter((section) => section.answer !== (savedAnswers[section.key] ?? ''))
    : [];

  return (
    <div ref={guardRef} class="page page-wide submission-page">
      <nav aria-label={t('reporting.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.reporting}>{t('reporting.inbox.title')}</a>
          </li>
          <li>
            <a href={paths.round(submission.roundId)}>{submission.round.title}</a>
          </li>
          <li aria-current="page">{submission.orgUnit.name}</li>
        </ol>
      </nav>
      <header class="page-header">
        <h1>{submission.orgUnit.name}</h1>
        <SubmissionStatusBadge status={submission.status} />
        {submission.isLate && <span class="badge badge-warning">{t('reporting.standing.late')}</span>}
        {isWritable(submission.status) && todayIso() > submission.round.dueOn && (
          <span class="badge badge-danger">{t('reporting.inbox.overdue')}</span>
        )}
      </header>
      <p class="unit-meta">
        {submission.round.title} · {t('reporting.inbox.dueOn', { date: formatDate(submission.round.dueOn) })}{' '}
        ·{' '}
        {t('reporting.submission.cutOff', {
          from: formatDate(submission.round.cutOffFrom),
          to: formatDate(submission.round.cutOffTo),
        })}
      </p>

      {submission.status === 'returned' && lastReturn && (
        <div class="notice notice-error" role="alert">
          <p>
            <strong>
              {t('reporting.submission.returnedBy', {
                user: lastReturn.by,
                date: formatDateTime(lastReturn.at),
              })}
            </strong>
          </p>
          <p class="return-comment">{lastReturn.comment}</p>
        </div>
      )}
      {isReadOnly && submission.status !== 'returned' && (
        <p class="notice" role="note">
          {submission.status === 'accepted'
            ? t('reporting.submission.lockedAccepted')
            : submission.status === 'submitted'
              ? t('reporting.submission.lockedSubmitted')
              : t('reporting.submission.readOnly')}
        </p>
      )}

      {state === 'conflict' && (
        <div class="notice notice-error" role="alert">
          <p>
            <strong>{t('reporting.submission.conflict')}</strong>
          </p>
          <p>{t('reporting.submission.conflictHint')}</p>
          {latest && (
            <p>
              {t('reporting.submission.conflictBy', {
                user: latest.updatedBy ?? '—',
                date: formatDateTime(latest.updatedAt),
              })}
            </p>
          )}
          {changedSince.length > 0 && (
            <details class="conflict-compare">
              <summary>{t('reporting.submission.compare', { count: changedSince.length })}</summary>
              {changedSince.map((section) => (
                <div key={section.key} class="compare-section">
                  <p>
                    <strong>{section.title}</strong>
                  </p>
                  <p class="compare-text">{section.answer || t('reporting.submission.emptyAnswer')}</p>
                </div>
              ))}
            </details>
          )}
          <div class="button-row">
            <button type="button" onClick={keepMine} disabled={!latest}>
              {t('reporting.submission.keepMine')}
            </button>
            <button type="button" onClick={() => void takeLatest()}>
              {t('reporting.submission.takeLatest')}
            </button>
            <a href={paths.submission(submission.id)} target="_blank" rel="noopener">
              {t('reporting.submission.openLatest')}
            </a>
          </div>
        </div>
      )}

      <fieldset class="editor-fieldset" disabled={submitting.isSubmitting}>
        <legend class="visually-hidden">{t('reporting.submission.title')}</legend>
        <section class="card" aria-labelledby="narrative-title">
          <h2 id="narrative-title">{t('reporting.submission.narrative')}</h2>
          {submission.sections.map((section) => (
            <NarrativeSection
              key={section.key}
              section={section}
              value={answers[section.key] ?? ''}
              isReadOnly={isReadOnly}
              onInput={(text) => changeAnswer(section.key, text)}
            />
          ))}
        </section>

        {submission.tables.length > 0 && (
          <section class="card" aria-labelledby="appendix-title">
            <h2 id="appendix-title">{t('reporting.submission.appendix')}</h2>
            {!isReadOnly && <p class="hint">{t('reporting.submission.appendixHint')}</p>}
            {submission.tables.map((table) => (
              <AppendixEditor
                key={table.code}
                table={table}
                drafts={figures}
                isReadOnly={isReadOnly}
                flagged={flagged}
                onInput={changeFigure}
              />
            ))}
          </section>
        )}
      </fieldset>

      <SubmissionActivityTablesView
        submissionId={submission.id}
        data={submission.activityTables}
        logUnitId={isReadOnly ? null : submission.orgUnit.id}
      />

      {(messages.length > 0 || unreadable.length > 0) && (
        <section class="card" aria-labelledby="checks-title">
          <h2 id="checks-title">{t('reporting.submission.checks')}</h2>
          <ul class="plain-list check-list">
            {unreadable.map((draft) => {
              const row = rowsByCode.get(draft.dataElement);
              const name = row ? appendixCellName(row, draft.disaggregation) : draft.dataElement;
              return (
                <li
                  key={`unreadable-${draft.dataElement}-${draft.disaggregation}`}
                  class="cell-message is-error"
                >
                  <a href={`#cell-${cellId(draft.dataElement, draft.disaggregation)}`}>
                    {t('reporting.submission.notANumber', { cell: name, text: draft.text.trim() })}
                  </a>
                </li>
              );
            })}
            {messages.map((message) => (
              <li
                key={`${message.ruleCode}-${message.cell.dataElement}-${message.cell.disaggregation}`}
                class={message.importance === 'error' ? 'cell-message is-error' : 'cell-message is-warning'}
              >
                <strong>
                  {message.importance === 'error'
                    ? t('indicators.entry.error')
                    : t('indicators.entry.warning')}
                  :
                </strong>{' '}
                <a href={`#cell-${cellId(message.cell.dataElement, message.cell.disaggregation)}`}>
                  {message.message}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!isReadOnly && (
        <section class="card" aria-labelledby="submit-title">
          <h2 id="submit-title">{t('reporting.submission.submitTitle')}</h2>
          <label class="field">
            <span>
              {t('reporting.submission.submitComment')} <span class="muted">({t('common.optional')})</span>
            </span>
            <textarea rows={2} value={comment} onInput={(event) => setComment(event.currentTarget.value)} />
          </label>
          <FormMessages action={submitting} />
          {hasErrors && <p class="field-error">{t('reporting.submission.fixFirst')}</p>}
          <div class="button-row">
            <button
              type="button"
              class="button-primary"
              onClick={() => void submit()}
              disabled={submitting.isSubmitting || state === 'conflict' || hasErrors}
              aria-busy={submitting.isSubmitting}
            >
              {submission.status === 'returned'
                ? t('reporting.submission.resubmit')
                : t('reporting.submission.submit')}
            </button>
          </div>
        </section>
      )}
      {isReadOnly && submitting.success && <FormMessages action={submitting} />}

      <History submission={submission} />

      {!isReadOnly && (
        <div class="save-bar">
          <p
            class={state === 'failed' || state === 'conflict' ? 'save-status danger-text' : 'save-status'}
            role="status"
          >
            {saveStatusText(state, isDirty, savedAt, saveError)}
          </p>
          <div class="button-row">
            <button
              type="button"
              onClick={() => void save()}
              disabled={!isDirty || state === 'saving' || state === 'conflict'}
            >
              {t('reporting.submission.saveNow')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function saveStatusText(state: SaveState, isDirty: boolean, savedAt: string | null, error: unknown): string {
  if (state === 'saving') return t('common.saving');
  if (state === 'conflict') return t('reporting.submission.notSavedConflict');
  if (state === 'failed') return t('reporting.submission.saveFailed', { reason: describeError(error) });
  if (isDirty) return t('reporting.submission.unsaved');
  if (savedAt) return t('reporting.submission.savedAt', { time: formatDateTime(savedAt) });
  return t('reporting.submission.autosaveHint');
}

function NarrativeSection({
  section,
  value,
  isReadOnly,
  onInput,
}: {
  section: Submission['sections'][number];
  value: string;
  isReadOnly: boolean;
  onInput: (text: string) => void;
}) {
  const id = `section-${section.key}`;
  const heading = `h${Math.min(section.level + 2, 5)}` as 'h3' | 'h4' | 'h5';
  const Heading = heading;
  const hasAnswer = section.level > 1 || section.guidance !== null || value !== '';
  return (
    <div class={`narrative-section level-${section.level}`}>
      <Heading id={`${id}-title`}>{section.title}</Heading>
      {section.guidance && (
        <p class="hint" id={`${id}-guidance`}>
          {section.guidance}
        </p>
      )}
      {(hasAnswer || !isReadOnly) &&
        (isReadOnly ? (
          <p class="narrative-answer">
            {value || <span class="muted">{t('reporting.submission.emptyAnswer')}</span>}
          </p>
        ) : (
          <textarea
            id={id}
            aria-labelledby={`${id}-title`}
            aria-describedby={section.guidance ? `${id}-guidance` : undefined}
            rows={4}
            value={value}
            onInput={(event) => onInput(event.currentTarget.value)}
          />
        ))}
    </div>
  );
}

function History({ submission }: { submission: Submission }) {
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('reporting.submission.history')}</h2>
      {submission.history.length === 0 ? (
        <p class="muted">{t('reporting.submission.noHistory')}</p>
      ) : (
        <ol class="plain-list history-list">
          {submission.history.map((event, index) => (
            <li key={index}>
              <strong>{t(`reporting.actions.${event.action}`)}</strong>
              <span class="unit-meta">
                {' '}
                · {event.by} · {formatDateTime(event.at)}
              </span>
              {event.comment && <span class="block return-comment">“{event.comment}”</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
