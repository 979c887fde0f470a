import type { RoundDetail, SubmissionSummary } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatDate, formatDateTime, todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, FormMessages, Loading, NotFoundPage } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { ConsolidatedActivityTablesView } from './reporting.activity-table.tsx';
import {
  acceptSubmission,
  fetchConsolidation,
  fetchRound,
  fetchTimeliness,
  returnSubmission,
} from './reporting.api.ts';
import { ConsolidatedTableView } from './reporting.appendix-grid.tsx';
import { Ratio, StandingBadge, SubmissionStatusBadge, useIdParam } from './reporting.format.tsx';
import { RoundManageCard } from './reporting.round-manage.tsx';
import { compareStanding, heatLevel, ratioText, unitStanding } from './reporting.status.ts';
import './reporting.css';

export function RoundPage() {
  usePageTitle(t('reporting.round.title'));
  return (
    <RequirePermission permission="reports.read">
      <RoundLoader />
    </RequirePermission>
  );
}

function RoundLoader() {
  const id = useIdParam();
  const round = useResource((signal) => fetchRound(id ?? 0, signal), [id]);
  if (id === null || isNotFound(round.error)) return <NotFoundPage />;
  if (round.error && !round.data) return <ErrorNotice error={round.error} onRetry={round.reload} />;
  if (!round.data || round.data.id !== id) return <Loading />;
  return <RoundView round={round.data} onChanged={round.reload} />;
}

function RoundView({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  usePageTitle(round.title);
  const { completeness } = round;
  const today = todayIso();
  const rows = round.submissions
    .map((submission) => ({ submission, standing: unitStanding(submission, round.dueOn, today) }))
    .sort(
      (a, b) =>
        compareStanding(a.standing, b.standing) ||
        a.submission.orgUnit.name.localeCompare(b.submission.orgUnit.name, 'vi'),
    );
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((current) => current + 1);
    onChanged();
  };

  return (
    <section class="page page-wide">
      <nav aria-label={t('reporting.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.reporting}>{t('reporting.inbox.title')}</a>
          </li>
          <li aria-current="page">{round.title}</li>
        </ol>
      </nav>
      <h1>
        {round.title}{' '}
        {round.closedAt !== null && <span class="badge badge-neutral">{t('reporting.manage.closed')}</span>}
      </h1>
      <p class="unit-meta">
        {round.consolidatingUnit.name} · {round.periodLabel} ·{' '}
        {t('reporting.inbox.dueOn', { date: formatDate(round.dueOn) })} ·{' '}
        {t('reporting.submission.cutOff', {
          from: formatDate(round.cutOffFrom),
          to: formatDate(round.cutOffTo),
        })}
      </p>

      <ul class="summary-counts round-counts" aria-label={t('reporting.round.counts')}>
        <li>
          <div class="round-count" id="completeness">
            <Ratio part={completeness.submitted} whole={completeness.expected} />
            <span>{t('reporting.round.completeness')}</span>
          </div>
        </li>
        <li>
          <div class="round-count" id="timeliness">
            <Ratio part={completeness.onTime} whole={completeness.expected} />
            <span>{t('reporting.round.timeliness')}</span>
          </div>
        </li>
      </ul>
      <p class="muted">
        {t('reporting.round.breakdown', {
          accepted: completeness.accepted,
          late: completeness.late,
          returned: completeness.returned,
          missing: completeness.expected - completeness.submitted - completeness.returned,
        })}
      </p>

      <section class="card" aria-labelledby="units-title">
        <h2 id="units-title">{t('reporting.round.units')}</h2>
        <div class="table-scroll">
          <table class="card-table round-units">
            <thead>
              <tr>
                <th scope="col">{t('reporting.round.unit')}</th>
                <th scope="col">{t('reporting.round.standing')}</th>
                <th scope="col">{t('reporting.round.status')}</th>
                <th scope="col">{t('reporting.round.submittedAt')}</th>
                {round.can.manage && <th scope="col">{t('reporting.round.review')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ submission, standing }) => (
                <tr key={submission.id} data-unit={submission.orgUnit.code}>
                  <td class="cell-main">
                    <a href={paths.submission(submission.id)}>{submission.orgUnit.name}</a>
                  </td>
                  <td data-label={t('reporting.round.standing')}>
                    <StandingBadge standing={standing} />
                  </td>
                  <td data-label={t('reporting.round.status')}>
                    <SubmissionStatusBadge status={submission.status} />
                  </td>
                  <td data-label={t('reporting.round.submittedAt')}>
                    {submission.submittedAt ? formatDateTime(submission.submittedAt) : '—'}
                  </td>
                  {round.can.manage && (
                    <td data-label={isReviewable(submission) ? t('reporting.round.review') : undefined}>
                      {isReviewable(submission) && round.closedAt === null && (
                        <ReviewActions submission={submission} onDone={changed} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {round.can.manage && <RoundManageCard round={round} onChanged={changed} />}
      <ConsolidationSection roundId={round.id} version={version} />
      {round.can.manage && (
        <TimelinessHeatMap orgUnitId={round.consolidatingUnit.id} year={Number(round.period.slice(0, 4))} />
      )}
    </section>
  );
}

const isReviewable = (submission: SubmissionSummary) =>
  submission.status === 'submitted' || submission.status === 'accepted';

/**
 * Return (a reason is required: the unit must know what to fix) or accept a submitted report; an
 * accepted one can only be returned (reopened) for a correction.
 */
function ReviewActions({ submission, onDone }: { submission: SubmissionSummary; onDone: () => void }) {
  const action = useFormAction();
  const [isReturning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  async function accept() {
    if (await action.run(() => acceptSubmission(submission.id, null))) onDone();
  }

  async function sendBack(event: Event) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t('reporting.round.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    if (await action.run(() => returnSubmission(submission.id, reason.trim()))) onDone();
  }

  if (isReturning) {
    return (
      <form class="return-form" onSubmit={sendBack} noValidate>
        <Field
          label={t('reporting.round.returnReason', { unit: submission.orgUnit.name })}
          error={reasonError ?? action.fieldErrors.comment}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              required
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          )}
        </Field>
        <FormMessages action={action} placedPaths={['comment']} />
        <div class="button-row">
          <button type="submit" class="button-danger" disabled={action.isSubmitting}>
            {t('reporting.round.sendBack')}
          </button>
          <button type="button" class="button-quiet" onClick={() => setReturning(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    );
  }
  const isAccepted = submission.status === 'accepted';
  return (
    <div class="button-row">
      {!isAccepted && (
        <button
          type="button"
          class="button-primary"
          onClick={() => void accept()}
          disabled={action.isSubmitting}
          aria-label={t('reporting.round.acceptUnit', { unit: submission.orgUnit.name })}
        >
          {t('reporting.round.accept')}
        </button>
      )}
      <button
        type="button"
        class={isAccepted ? 'button-quiet' : undefined}
        onClick={() => setReturning(true)}
        aria-label={t(isAccepted ? 'reporting.round.reopenUnit' : 'reporting.round.returnUnit', {
          unit: submission.orgUnit.name,
        })}
      >
        {t(isAccepted ? 'reporting.round.reopen' : 'reporting.round.return')}
      </button>
      <FormMessages action={action} />
    </div>
  );
}

function ConsolidationSection({ roundId, version }: { roundId: number; version: number }) {
  const [include, setInclude] = useState<'accepted' | 'submitted'>('accepted');
  const consolidation = useResource(
    (signal) => fetchConsolidation(roundId, include, signal),
    [roundId, include, version],
  );
  const data = consolidation.data;
  return (
    <section class="card" aria-labelledby="consolidation-title">
      <h2 id="consolidation-title">{t('reporting.round.consolidation')}</h2>
      <fieldset class="segmented">
        <legend class="visually-hidden">{t('reporting.round.include')}</legend>
        {(['accepted', 'submitted'] as const).map((option) => (
          <label key={option} class="choice">
            <input
              type="radio"
              name="include"
              checked={include === option}
              onChange={() => setInclude(option)}
            />
            {t(`reporting.round.includeOptions.${option}`)}
          </label>
        ))}
      </fieldset>
      {consolidation.error ? (
        <ErrorNotice error={consolidation.error} onRetry={consolidation.reload} />
      ) : null}
      {!data && !consolidation.error && <Loading />}
      {data && (
        <>
          <p class="muted" role="status">
            {t('reporting.round.counted', { count: data.units.length })}
          </p>
          <p class="downloads">
            <span class="muted">{t('reporting.round.report')}</span>{' '}
            {(['docx', 'xlsx'] as const).map((format) => (
              <a
                key={format}
                href={`/api/reporting/rounds/${roundId}/report?format=${format}&include=${include}`}
                download
              >
                {t('reporting.round.reportAs', { format: format.toUpperCase() })}
              </a>
            ))}
          </p>
          <p class="hint">{t('reporting.round.drillHint')}</p>
          {data.appendix.map((table) => (
            <ConsolidatedTableView key={table.code} table={table} units={data.units} />
          ))}
          <ConsolidatedActivityTablesView
            roundId={roundId}
            include={include}
            tables={data.activityTables}
            units={data.units}
          />
          <h3>{t('reporting.round.narratives')}</h3>
          {data.sections.map((section) => (
            <details key={section.key} class="narrative-gathered">
              <summary>
                {section.title}{' '}
                <span class="muted">({t('reporting.round.answers', { count: section.answers.length })})</span>
              </summary>
              {section.answers.length === 0 ? (
                <p class="muted">{t('reporting.round.noAnswers')}</p>
              ) : (
                <ul class="plain-list">
                  {section.answers.map((answer) => (
                    <li key={answer.orgUnit.id}>
                      <strong>{answer.orgUnit.name}</strong>
                      <p class="narrative-answer">{answer.text}</p>
                    </li>
                  ))}
                </ul>
              )}
            </details>
          ))}
        </>
      )}
    </section>
  );
}

/** Completeness × timeliness per unit over the year's rounds: who reports, and who reports in time. */
function TimelinessHeatMap({ orgUnitId, year }: { orgUnitId: number; year: number }) {
  const timeliness = useResource((signal) => fetchTimeliness({ orgUnitId, year }, signal), [orgUnitId, year]);
  const data = timeliness.data;
  return (
    <section class="card" aria-labelledby="heat-title">
      <h2 id="heat-title">{t('reporting.heat.title', { year })}</h2>
      <p class="hint">{t('reporting.heat.hint')}</p>
      {timeliness.error ? <ErrorNotice error={timeliness.error} onRetry={timeliness.reload} /> : null}
      {!data && !timeliness.error && <Loading />}
      {data && data.units.length === 0 && <p class="muted">{t('reporting.heat.empty')}</p>}
      {data && data.units.length > 0 && (
        <div class="table-scroll">
          <table class="heat-map">
            <thead>
              <tr>
                <th scope="col">{t('reporting.round.unit')}</th>
                <th scope="col" class="numeric">
                  {t('reporting.round.completeness')}
                </th>
                <th scope="col" class="numeric">
                  {t('reporting.round.timeliness')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.units.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row">{unit.name}</th>
                  <HeatCell part={unit.submitted} whole={unit.expected} />
                  <HeatCell part={unit.onTime} whole={unit.expected} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HeatCell({ part, whole }: { part: number; whole: number }) {
  const level = heatLevel(whole > 0 ? part / whole : null);
  const { fraction, percent } = ratioText(part, whole);
  return (
    <td class={`numeric heat heat-${level ?? 'none'}`}>
      {fraction}
      {percent !== null && <span class="block heat-percent">{percent}%</span>}
    </td>
  );
}
