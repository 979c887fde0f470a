import { formatDateVi } from '@binhdang/contracts';
import { t } from '../../i18n/i18n.ts';

/** Users are in Viet Nam whatever their device says, and the server's "today" is Viet Nam's. */
const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of dateTimeParts.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** `2025-07-01` → `01/07/2025`, in every language (the brief's and the documents' convention). */
export function formatDate(isoDate: string | null | undefined): string {
  return formatDateVi(isoDate);
}

/** A timestamp as `dd/mm/yyyy HH:mm`, Viet Nam time. */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const { day, month, year, hour, minute } = partsOf(date);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

/** Today in Viet Nam as `yyyy-mm-dd`, the default for effective dates. */
export function todayIso(): string {
  const { day, month, year } = partsOf(new Date());
  return `${year}-${month}-${day}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return t('errors.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('errors.minutes', { count: Math.ceil(seconds / 60) });
}

export function formatCount(value: number): string {
  return value.toLocaleString('vi-VN');
}
