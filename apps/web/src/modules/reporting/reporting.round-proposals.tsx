import type { RoundProposal } from '@binhdang/contracts';
import { t } from '../../i18n/i18n.ts';
import { formatDate } from '../app/app.format.ts';
import { useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading } from '../app/app.ui.tsx';
import { fetchRoundProposals } from './reporting.api.ts';

/**
 * The rounds an issued plan's reporting regime asks for ("báo cáo 6 tháng trước ngày 05/6"),
 * each ready to fill the round form with its template, period, due date and units.
 */
export function RoundProposals({
  planId,
  onUse,
}: {
  planId: number;
  onUse: (proposal: RoundProposal) => void;
}) {
  const proposals = useResource((signal) => fetchRoundProposals(planId, signal), [planId]);
  const data = proposals.data;
  return (
    <section class="card" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('reporting.proposals.title')}</h2>
      {proposals.error ? <ErrorNotice error={proposals.error} onRetry={proposals.reload} /> : null}
      {!data && !proposals.error && <Loading />}
      {data && <p class="hint">{t('reporting.proposals.fromPlan', { plan: data.plan.title })}</p>}
      {data && data.items.length === 0 && <p class="muted">{t('reporting.proposals.none')}</p>}
      {data && data.items.length > 0 && (
        <ul class="plain-list proposal-list">
          {data.items.map((proposal) => (
            <li key={`${proposal.kind}|${proposal.dueOn}`} class="proposal">
              <strong>{proposal.template?.name ?? t('reporting.proposals.noTemplate')}</strong>{' '}
              <span>
                {t('reporting.proposals.summary', {
                  period: proposal.periodLabel,
                  date: formatDate(proposal.dueOn),
                  count: proposal.units.length,
                })}
              </span>
              {proposal.recipient && (
                <span class="block muted">
                  {t('reporting.proposals.recipient', { recipient: proposal.recipient })}
                </span>
              )}
              <div class="button-row">
                {proposal.existingRoundId !== null ? (
                  <a href={paths.round(proposal.existingRoundId)}>{t('reporting.proposals.opened')}</a>
                ) : (
                  <button type="button" disabled={proposal.template === null} onClick={() => onUse(proposal)}>
                    {t('reporting.proposals.use')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
