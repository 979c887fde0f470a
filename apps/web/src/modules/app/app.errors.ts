import { type ErrorCode, errorCatalogue } from '@binhdang/contracts';
import { getLanguage, t } from '../../i18n/i18n.ts';
import { ApiError, type FieldIssue } from './app.api-client.ts';
import { formatDuration } from './app.format.ts';

function isCatalogued(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalogue, code);
}

/** The text to show for a failed call: the catalogue's text for its code, in the current language. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'network') return t('errors.network');
  const text = isCatalogued(error.code) ? errorCatalogue[error.code][getLanguage()] : error.message;
  if (!error.retryAfterSeconds) return text;
  return `${text} ${t('errors.retryIn', { duration: formatDuration(error.retryAfterSeconds) })}`;
}

/** Field issues keyed by their path (`name`, `newUnits.0.code`), the first message for each. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.issues) errors[issue.path] ??= issue.message;
  return errors;
}

/** Issues that no field of the form shows, so the summary above the form can list them. */
export function unplacedIssues(error: unknown, placedPaths: readonly string[]): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.filter((issue) => !placedPaths.includes(issue.path));
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
