import { type SubmissionStatus, submissionStatusLabels } from '@binhdang/contracts';
import { useRoute } from 'preact-iso';
import { localized, t } from '../../i18n/i18n.ts';
import { ratioText, type UnitStanding } from './reporting.status.ts';

const statusTones: Record<SubmissionStatus, string> = {
  draft: 'badge-neutral',
  submitted: 'badge-info',
  returned: 'badge-danger',
  accepted: 'badge-success',
};

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  return <span class={`badge ${statusTones[status]}`}>{localized(submissionStatusLabels[status])}</span>;
}

const standingTones: Record<UnitStanding, string> = {
  on_time: 'badge-success',
  late: 'badge-warning',
  returned: 'badge-danger',
  missing: 'badge-danger',
  pending: 'badge-muted',
};

export function StandingBadge({ standing }: { standing: UnitStanding }) {
  return <span class={`badge ${standingTones[standing]}`}>{t(`reporting.standing.${standing}`)}</span>;
}

/** "10/13 (77%)": the count first, as the consolidator checks it against the list. */
export function Ratio({ part, whole }: { part: number; whole: number }) {
  const { fraction, percent } = ratioText(part, whole);
  return (
    <>
      <strong class="ratio-fraction">{fraction}</strong>
      {percent !== null && <span class="muted"> ({percent}%)</span>}
    </>
  );
}

export function useIdParam(): number | null {
  const { params } = useRoute();
  const id = Number(params.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}
