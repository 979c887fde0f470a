import type { AssignmentRole, LegalDocument, PlanStatus, PlanSummary, TaskStatus } from '@binhdang/contracts';
import type { ComponentChildren } from 'preact';
import { useRoute } from 'preact-iso';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatDate } from '../app/app.format.ts';
import { paths } from '../app/app.paths.ts';

const planStatusKeys: Record<PlanStatus, MessageKey> = {
  draft: 'plans.status.draft',
  issued: 'plans.status.issued',
  superseded: 'plans.status.superseded',
};

const planStatusTones: Record<PlanStatus, string> = {
  draft: 'badge-warning',
  issued: 'badge-success',
  superseded: 'badge-muted',
};

export const planStatuses: readonly PlanStatus[] = ['draft', 'issued', 'superseded'];

export function planStatusLabel(status: PlanStatus): string {
  return t(planStatusKeys[status]);
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <span class={`badge ${planStatusTones[status]}`}>{planStatusLabel(status)}</span>;
}

const taskStatusKeys: Record<TaskStatus, MessageKey> = {
  not_started: 'tasks.status.not_started',
  in_progress: 'tasks.status.in_progress',
  done: 'tasks.status.done',
  overdue: 'tasks.status.overdue',
};

const taskStatusTones: Record<TaskStatus, string> = {
  not_started: 'badge-neutral',
  in_progress: 'badge-info',
  done: 'badge-success',
  overdue: 'badge-danger',
};

export function taskStatusLabel(status: TaskStatus): string {
  return t(taskStatusKeys[status]);
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return <span class={`badge ${taskStatusTones[status]}`}>{taskStatusLabel(status)}</span>;
}

export function roleLabel(role: AssignmentRole): string {
  return t(role === 'lead' ? 'plans.roles.lead' : 'plans.roles.support');
}

/** `Số: 334/KH-LĐLĐ`; a draft's number is still blank (`/KH-UBND`), as on the paper before numbering. */
export function documentNumberLabel(plan: Pick<PlanSummary, 'documentNumber'>): string {
  return t('plans.document.number', { number: plan.documentNumber || '…' });
}

/** The number to name a plan by in lists and links; a draft with neither number nor symbol has none yet. */
export function planNumber(plan: Pick<PlanSummary, 'documentNumber'>): string {
  return plan.documentNumber || t('plans.noNumber');
}

/** A plan named the way officers name one: number and title, linked to its page. */
export function PlanLink({
  plan,
  children,
}: {
  plan: Pick<PlanSummary, 'id' | 'documentNumber' | 'title'>;
  children?: ComponentChildren;
}) {
  return (
    <a href={paths.plan(plan.id)}>
      {children ?? (
        <>
          <span class="nowrap">{planNumber(plan)}</span> — {plan.title}
        </>
      )}
    </a>
  );
}

/** A percentage as a bar with its number; null (never reported) shows as a dash. */
export function Percent({ value }: { value: number | null }) {
  if (value === null) return <span class="muted">—</span>;
  return (
    <span class="percent">
      <span class="percent-bar" aria-hidden="true">
        {/* A style string, not an object: the build drops preact's style-object setter (see vite.config.ts). */}
        <span style={`width: ${Math.min(100, Math.max(0, value))}%`} />
      </span>
      <span>{value}%</span>
    </span>
  );
}

/** Current year in Viet Nam, the default year of plans and of the task calendar. */
export function currentYear(today: string): number {
  return Number(today.slice(0, 4));
}

/** Years offered by year filters: a few back (plans are compared across years) and the next one. */
export function yearOptions(today: string): number[] {
  const year = currentYear(today);
  return Array.from({ length: 7 }, (_, index) => year + 1 - index);
}

/** `Thực hiện …` → `thực hiện …` inside a sentence; an acronym (`UBND …`) stays as written. */
function lowerFirstWord(title: string): string {
  const firstWord = title.split(' ')[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toLocaleUpperCase('vi')) return title;
  return title.charAt(0).toLocaleLowerCase('vi') + title.slice(1);
}

/**
 * A cited document as plans cite it, the way the exported document prints it:
 * `Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ về …`; a document without a number
 * (a law) is cited by its name: `Luật Bình đẳng giới ngày 29/11/2006`.
 */
export function legalDocumentText(document: Omit<LegalDocument, 'id'>): string {
  const title = document.title?.trim() ?? '';
  const about = /^(về|v\/v)\s/iu.test(title)
    ? lowerFirstWord(title)
    : t('plans.bases.about', { title: lowerFirstWord(title) });
  return [
    document.kind,
    document.number ? t('plans.bases.numbered', { number: document.number }) : title,
    document.issuedOn ? t('plans.bases.dated', { date: formatDate(document.issuedOn) }) : '',
    document.issuer ? t('plans.bases.issuedBy', { issuer: document.issuer }) : '',
    document.number && title ? about : '',
  ]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/** The route's `:id` as a plan id, or null when it is not one. */
export function usePlanIdParam(): number | null {
  const { params } = useRoute();
  const id = Number(params.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}
