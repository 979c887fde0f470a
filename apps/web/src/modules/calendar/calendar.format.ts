import type { PlanImportReportingKind } from '@binhdang/contracts';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatDate } from '../app/app.format.ts';

const reportingKindKeys: Record<PlanImportReportingKind, MessageKey> = {
  '6-month': 'calendar.reportingKinds.6-month',
  annual: 'calendar.reportingKinds.annual',
  'ad-hoc': 'calendar.reportingKinds.ad-hoc',
  'self-inspection': 'calendar.reportingKinds.self-inspection',
  thematic: 'calendar.reportingKinds.thematic',
  other: 'calendar.reportingKinds.other',
};

/** `Báo cáo 6 tháng`, `Báo cáo năm`, ... */
export function reportingKindLabel(kind: PlanImportReportingKind): string {
  return t(reportingKindKeys[kind]);
}

/** Whole days from `today` to `day` (both `yyyy-mm-dd`): 0 today, negative when past. */
export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** `còn 8 ngày`, `hôm nay`, `quá hạn 3 ngày`. */
export function dueInText(today: string, dueOn: string): string {
  const days = daysUntil(today, dueOn);
  if (days === 0) return t('calendar.duties.dueToday');
  return days > 0
    ? t('calendar.duties.dueIn', { count: days })
    : t('calendar.duties.overdueBy', { count: -days });
}

/** `15/11/2026 – 15/12/2026`, or the one day of an observance. */
export function eventDatesText(event: { startsOn: string; endsOn: string }): string {
  if (event.startsOn === event.endsOn) return formatDate(event.startsOn);
  return t('plans.time.range', { from: formatDate(event.startsOn), to: formatDate(event.endsOn) });
}
