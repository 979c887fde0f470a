import { type Inputs, useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { isAbortError } from './app.api-client.ts';
import { fieldErrorsOf } from './app.errors.ts';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
  /** Replaces the data with a fresh copy the server returned from a write, saving a round trip. */
  setData: (data: T) => void;
}

/**
 * Loads data when `inputs` change. A newer load aborts the older one, so a slow answer to an
 * old query can never overwrite the answer to the current one.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, inputs: Inputs): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; isLoading: boolean }>({
    data: undefined,
    error: null,
    isLoading: true,
  });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: null, isLoading: true }));
    loadRef.current(controller.signal).then(
      (data) => setState({ data, error: null, isLoading: false }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((previous) => ({ ...previous, error, isLoading: false }));
      },
    );
    return () => controller.abort();
  }, [...inputs, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const setData = useCallback((data: T) => setState({ data, error: null, isLoading: false }), []);
  return { ...state, reload, setData };
}

export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title]);
}

export interface FormAction {
  isSubmitting: boolean;
  error: unknown;
  fieldErrors: Record<string, string>;
  success: string | null;
  /** Runs a call, keeping its error for the form; resolves to undefined when it failed. */
  run<R>(action: () => Promise<R>, successMessage?: string): Promise<R | undefined>;
  fail(error: unknown): void;
}

export function useFormAction(): FormAction {
  const [isSubmitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState<string | null>(null);

  async function run<R>(action: () => Promise<R>, successMessage?: string): Promise<R | undefined> {
    setSubmitting(true);
    setError(null);
    setSuccess(null);
    try {
      const result = await action();
      setSuccess(successMessage ?? null);
      return result;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  return {
    isSubmitting,
    error,
    fieldErrors: fieldErrorsOf(error),
    success,
    run,
    fail: (caught) => {
      setSuccess(null);
      setError(caught);
    },
  };
}
