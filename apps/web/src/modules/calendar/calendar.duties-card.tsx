import { t } from '../../i18n/i18n.ts';
import { formatDate } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice } from '../app/app.ui.tsx';
import { listReportingDuties } from './calendar.api.ts';
import { dueInText, reportingKindLabel } from './calendar.format.ts';

const SHOWN = 3;

/**
 * The home page's next reports due, in one small request: the first few upcoming duties of the
 * user's units, and the way to the calendar for the rest.
 */
export function ReportingDutiesCard() {
  const duties = useResource(
    (signal) => listReportingDuties({ filter: 'upcoming', limit: SHOWN }, signal),
    [],
  );
  const items = duties.data?.items ?? [];
  return (
    <section class="card" aria-labelledby="duties-card-title">
      <h2 id="duties-card-title">{t('calendar.card.title')}</h2>
      {duties.error ? <ErrorNotice error={duties.error} onRetry={duties.reload} /> : null}
      {!duties.data && !duties.error && <p class="muted">{t('common.loading')}</p>}
      {duties.data && items.length === 0 && <p class="muted">{t('calendar.duties.empty.upcoming')}</p>}
      {duties.data && items.length > 0 && (
        <ul class="plain-list">
          {items.map((duty) => (
            <li key={duty.id}>
              <strong>{formatDate(duty.dueOn)}</strong> · {reportingKindLabel(duty.kind)}
              {duty.dueOn && <span class="unit-meta"> ({dueInText(duties.data!.today, duty.dueOn)})</span>}
              <span class="block unit-meta">
                {duty.recipient && `${t('calendar.card.to', { recipient: duty.recipient })} · `}
                <a href={paths.plan(duty.plan.id)}>
                  {duty.plan.documentNumber && `${duty.plan.documentNumber} — `}
                  {duty.plan.title}
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={paths.calendar}>{t('calendar.card.all')}</a>
      </p>
    </section>
  );
}
