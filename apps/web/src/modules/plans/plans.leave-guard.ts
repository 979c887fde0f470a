import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Warns before unsaved edits are lost: closing or reloading the tab (the browser's own prompt)
 * and following a link inside the app (a confirm). The link check runs in the capture phase,
 * before the router's click handler, and stops the click when the user stays.
 *
 * Returns a ref that must be put on the guarded form's root element. The listeners check that the
 * element is still in the page and drop themselves when it is not, so a guard never outlives its
 * form even where an effect's cleanup does not run.
 */
export function useLeaveGuard<T extends HTMLElement>(
  hasUnsavedChanges: boolean,
  message: string,
): RefObject<T> {
  const root = useRef<T>(null);
  const state = useRef({ hasUnsavedChanges, message });
  state.current = { hasUnsavedChanges, message };

  useEffect(() => {
    function isActive(): boolean {
      // Unmounted: the ref was cleared or the element left the page.
      if (!root.current?.isConnected) {
        stop();
        return false;
      }
      return state.current.hasUnsavedChanges;
    }

    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (!isActive()) return;
      event.preventDefault();
      // Older browsers show the prompt only when a return value is set.
      event.returnValue = '';
    }

    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || !isActive()) return;
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = event
        .composedPath()
        .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && Boolean(node.href));
      if (!link || link.origin !== window.location.origin || link.target || link.hasAttribute('download'))
        return;
      const target = new URL(link.href);
      if (target.pathname === window.location.pathname && target.search === window.location.search) return;
      if (window.confirm(state.current.message)) return;
      event.preventDefault();
      event.stopPropagation();
    }

    function stop() {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
    }

    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    return stop;
  }, []);

  return root;
}
