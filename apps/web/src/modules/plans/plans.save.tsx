import type { PlanDetail } from '@binhdang/contracts';
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { formatDateTime } from '../app/app.format.ts';
import { type FormAction, useFormAction } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { confirmAction, FormMessages } from '../app/app.ui.tsx';
import { fetchPlan, savePlan } from './plans.api.ts';
import { draftFromPlan, type PlanDraft, toSavePlanInput } from './plans.draft.ts';
import { useLeaveGuard } from './plans.leave-guard.ts';

/*
 * Editing a draft plan, shared by the editor and the assignment appendix: the draft is saved
 * whole with the revision it was loaded at; a stale revision is refused by the server and the
 * user decides what happens, nothing is overwritten behind their back.
 */

export interface PlanDraftEditing {
  plan: PlanDetail;
  draft: PlanDraft;
  isDirty: boolean;
  savedAt: string | null;
  action: FormAction;
  reloading: FormAction;
  isConflict: boolean;
  change: (changes: Partial<PlanDraft>) => void;
  save: () => Promise<void>;
  reloadLatest: () => Promise<void>;
  /** Where the save's messages are shown; scrolled into view when a save fails. */
  messagesRef: { current: HTMLDivElement | null };
  /** For the page's root element: the unsaved-changes warning lives as long as it does. */
  guardRef: RefObject<HTMLDivElement>;
}

/** Issues found before sending, shown exactly as the server's would be. */
function clientIssues(issues: { path: string; message: string }[]): ApiError {
  return new ApiError(0, 'request.invalid', issues[0]?.message ?? '', issues);
}

export function usePlanDraft(initial: PlanDetail): PlanDraftEditing {
  const { route } = useLocation();
  const [plan, setPlan] = useState(initial);
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(initial));
  const [isDirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const action = useFormAction();
  const reloading = useFormAction();
  const messagesRef = useRef<HTMLDivElement>(null);
  const guardRef = useLeaveGuard<HTMLDivElement>(isDirty, t('plans.editor.leaveConfirm'));

  function showMessages() {
    requestAnimationFrame(() => messagesRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  }

  function take(fresh: PlanDetail) {
    setPlan(fresh);
    setDraft(draftFromPlan(fresh));
    setDirty(false);
  }

  return {
    plan,
    draft,
    isDirty,
    savedAt,
    action,
    reloading,
    messagesRef,
    guardRef,
    isConflict: action.error instanceof ApiError && action.error.code === 'plans.conflict',
    change(changes) {
      setDraft((current) => ({ ...current, ...changes }));
      setDirty(true);
    },
    async save() {
      const result = toSavePlanInput(draft);
      if ('issues' in result) {
        action.fail(
          clientIssues(result.issues.map((issue) => ({ path: issue.path, message: t(issue.messageKey) }))),
        );
        showMessages();
        return;
      }
      const saved = await action.run(() => savePlan(plan.id, result.input), t('plans.editor.saved'));
      if (!saved) {
        showMessages();
        return;
      }
      take(saved);
      setSavedAt(new Date().toISOString());
    },
    async reloadLatest() {
      if (isDirty && !confirmAction(t('plans.editor.discardConfirm'))) return;
      const fresh = await reloading.run(() => fetchPlan(plan.id));
      if (!fresh) return;
      action.fail(null);
      if (fresh.status !== 'draft' || !fresh.can.edit) {
        setDirty(false);
        route(paths.plan(fresh.id));
        return;
      }
      take(fresh);
    },
  };
}

/**
 * Someone saved the plan after this page loaded it. The user's edits stay on screen: they can
 * open the latest version in another tab to compare, or take it and lose their edits.
 */
function ConflictNotice({ editing }: { editing: PlanDraftEditing }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>{t('plans.editor.conflict')}</strong>
      </p>
      <p>{t('plans.editor.conflictHint')}</p>
      <FormMessages action={editing.reloading} />
      <div class="button-row">
        <button type="button" onClick={editing.reloadLatest} disabled={editing.reloading.isSubmitting}>
          {t('plans.editor.reloadLatest')}
        </button>
        <a href={paths.plan(editing.plan.id)} target="_blank" rel="noopener">
          {t('plans.editor.openLatest')}
        </a>
      </div>
    </div>
  );
}

/** The outcome of the last save; `placedPaths` are the issues shown beside their fields. */
export function SaveMessages({ editing, placedPaths }: { editing: PlanDraftEditing; placedPaths: string[] }) {
  return (
    <div ref={editing.messagesRef} class="editor-messages" tabIndex={-1}>
      {editing.isConflict ? (
        <ConflictNotice editing={editing} />
      ) : (
        <FormMessages action={editing.action} placedPaths={placedPaths} />
      )}
    </div>
  );
}

/** Stays at the bottom of the screen: what is unsaved, and the one button that saves. */
export function SaveBar({ editing }: { editing: PlanDraftEditing }) {
  const { action, isDirty, savedAt, plan } = editing;
  return (
    <div class="save-bar">
      <p class="save-status" role="status">
        {action.isSubmitting
          ? t('common.saving')
          : isDirty
            ? t('plans.editor.unsaved')
            : savedAt
              ? t('plans.editor.savedAt', { time: formatDateTime(savedAt) })
              : t('plans.editor.noChanges')}
      </p>
      <div class="button-row">
        <a class="button-link" href={paths.plan(plan.id)}>
          {t('plans.editor.viewPlan')}
        </a>
        <button
          type="button"
          class="button-primary"
          onClick={editing.save}
          disabled={action.isSubmitting || !isDirty}
          aria-busy={action.isSubmitting}
        >
          {t('plans.editor.save')}
        </button>
      </div>
    </div>
  );
}
