import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { describeError, unplacedIssues } from './app.errors.ts';
import type { FormAction } from './app.hooks.ts';
import { paths } from './app.paths.ts';

export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  isOptional?: boolean;
  children: (control: ControlProps) => ComponentChildren;
}

/** A labelled control with its hint and its error wired to it for screen readers. */
export function Field({ label, hint, error, isOptional, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {label}
        {isOptional && <span class="muted"> ({t('common.optional')})</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The outcome of a form: the error (with issues no field shows) or the success message. */
export function FormMessages({ action, placedPaths = [] }: { action: FormAction; placedPaths?: string[] }) {
  if (action.error) {
    const others = unplacedIssues(action.error, placedPaths);
    return (
      <div class="notice notice-error" role="alert">
        <p>{describeError(action.error)}</p>
        {others.length > 0 && (
          <>
            <p>{t('errors.otherIssues')}</p>
            <ul>
              {others.map((issue) => (
                <li key={issue.path}>
                  {issue.path ? `${issue.path}: ` : ''}
                  {issue.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  if (action.success) {
    return (
      <p class="notice notice-success" role="status">
        {action.success}
      </p>
    );
  }
  return null;
}

export function SubmitButton({
  isBusy,
  label,
  class: className,
}: {
  isBusy: boolean;
  label: string;
  class?: string;
}) {
  return (
    <button type="submit" class={className ?? 'button-primary'} disabled={isBusy} aria-busy={isBusy}>
      {isBusy ? t('common.saving') : label}
    </button>
  );
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

export function Badge({
  children,
  tone = 'neutral',
}: {
  children: ComponentChildren;
  tone?: 'neutral' | 'warning';
}) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

export function NotFoundPage() {
  return (
    <section class="page">
      <h1>{t('app.notFoundTitle')}</h1>
      <p>{t('app.notFoundBody')}</p>
      <p>
        <a href={paths.home}>{t('app.backHome')}</a>
      </p>
    </section>
  );
}

export function PageLoadFailed() {
  return (
    <section class="page">
      <div class="notice notice-error" role="alert">
        <p>{t('app.pageLoadFailed')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    </section>
  );
}

/** Asks before an action that cannot be undone; the native dialog is accessible and weightless. */
export function confirmAction(message: string): boolean {
  return window.confirm(message);
}
