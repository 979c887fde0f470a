import { useEffect, useState } from 'preact/hooks';

/** A value shared across the app (session, language, public config) that components can follow. */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  const [, setVersion] = useState(0);
  const value = store.get();
  useEffect(() => {
    const rerender = () => setVersion((version) => version + 1);
    const unsubscribe = store.subscribe(rerender);
    // The value may have changed between this render and the subscription.
    if (!Object.is(store.get(), value)) rerender();
    return unsubscribe;
  }, [store, value]);
  return value;
}
