import { exportFormats, type PlanDetail } from '@binhdang/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { todayIso } from '../app/app.format.ts';
import { useFormAction } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { confirmAction, Field, FormMessages, SubmitButton } from '../app/app.ui.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { createPlanVersion, deletePlan, issuePlan } from './plans.api.ts';

interface ActionProps {
  plan: PlanDetail;
  /** A write answered with the updated plan, which replaces the shown one. */
  onChanged: (plan: PlanDetail, message: string) => void;
}

/** Asks for the records office's number and the date; a modal dialog keeps the rest of the page still. */
function IssueDialog({ plan, onChanged, onClose }: ActionProps & { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useFormAction();
  const [number, setNumber] = useState(plan.number ?? '');
  const [issuedOn, setIssuedOn] = useState(todayIso());

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const issued = await action.run(() =>
      issuePlan(plan.id, { revision: plan.revision, number: number.trim() || null, issuedOn }),
    );
    if (issued) onChanged(issued, t('plans.issue.success'));
  }

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="issue-title" onClose={onClose}>
      <form class="form" onSubmit={submit}>
        <h2 id="issue-title">{t('plans.issue.title')}</h2>
        <p>{t('plans.issue.intro')}</p>
        <FormMessages action={action} placedPaths={['number', 'issuedOn']} />
        <Field
          label={t('plans.issue.number')}
          hint={t('plans.issue.numberHint', { symbol: plan.symbol ?? '' })}
          error={action.fieldErrors.number}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              pattern="\d{1,6}"
              autocomplete="off"
              value={number}
              onInput={(event) => setNumber(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field label={t('plans.issue.issuedOn')} error={action.fieldErrors.issuedOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={issuedOn}
              onInput={(event) => setIssuedOn(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="button-row">
          <SubmitButton isBusy={action.isSubmitting} label={t('plans.issue.submit')} />
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** What the reader may do with the plan, as the server's `can` says; nothing else is offered. */
export function PlanActions({ plan, onChanged }: ActionProps) {
  const { route } = useLocation();
  const [isIssuing, setIssuing] = useState(false);
  const action = useFormAction();
  const isDraft = plan.status === 'draft';
  const canMakeVersion = plan.can.newVersion;
  const session = useSession();
  // Rounds are opened on the plan's unit; the proposals page shows a refusal out of scope.
  const canOpenRounds = !isDraft && hasPermission(session, 'rounds.manage');

  async function makeVersion() {
    if (!confirmAction(t('plans.actions.newVersionConfirm'))) return;
    const created = await action.run(() => createPlanVersion(plan.id));
    if (created) route(paths.planEditor(created.id));
  }

  async function remove() {
    if (!confirmAction(t('plans.actions.deleteConfirm', { title: plan.title }))) return;
    const deleted = await action.run(async () => {
      await deletePlan(plan.id);
      return true;
    });
    // Back to where the draft came from: the version it would have replaced, or the plan it carries out.
    const origin = plan.supersedesPlanId ?? plan.parentPlanId;
    if (deleted) route(origin ? paths.plan(origin) : paths.plans);
  }

  return (
    <section class="card plan-actions" aria-labelledby="plan-actions-title">
      <h2 id="plan-actions-title" class="visually-hidden">
        {t('plans.actions.title')}
      </h2>
      <FormMessages action={action} />
      <div class="button-row">
        {isDraft && plan.can.edit && (
          <a class="button-link button-primary" href={paths.planEditor(plan.id)}>
            {t('plans.actions.edit')}
          </a>
        )}
        {isDraft && plan.can.issue && (
          <button type="button" onClick={() => setIssuing(true)}>
            {t('plans.actions.issue')}
          </button>
        )}
        {canMakeVersion && (
          <button type="button" onClick={makeVersion} disabled={action.isSubmitting}>
            {t('plans.actions.newVersion')}
          </button>
        )}
        {plan.taskCount > 0 && (
          <a class="button-link" href={paths.planAssignments(plan.id)}>
            {t('plans.actions.assignments')}
          </a>
        )}
        {plan.can.trace && (
          <a class="button-link" href={paths.planTrace(plan.id)}>
            {t('plans.actions.trace')}
          </a>
        )}
        {canOpenRounds && (
          <a class="button-link" href={`${paths.newRound}?planId=${plan.id}`}>
            {t('plans.actions.openRounds')}
          </a>
        )}
      </div>

      {plan.can.cascade && plan.cascadeUnits.length > 0 && (
        <div class="cascade-actions">
          <h3>{t('plans.actions.cascadeTitle')}</h3>
          <ul class="plain-list">
            {plan.cascadeUnits.map((unit) => {
              const existing = plan.childPlans.find(
                (child) => child.orgUnit.id === unit.id && child.status !== 'superseded',
              );
              return (
                <li key={unit.id}>
                  {existing ? (
                    <a href={paths.plan(existing.id)}>
                      {t('plans.actions.cascadeExisting', { unit: unit.name })}
                    </a>
                  ) : (
                    <a class="button-link" href={paths.cascadePlan(plan.id, unit.id)}>
                      {t('plans.actions.cascade', { unit: unit.name })}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <p class="downloads">
        <span class="muted">{t('plans.actions.download')}</span>
        {exportFormats.map((format) => (
          <a key={format} href={paths.planExport(plan.id, format)} download>
            {t('plans.actions.downloadAs', { format: format.toUpperCase() })}
          </a>
        ))}
      </p>

      {isDraft && plan.can.edit && (
        <p>
          <button
            type="button"
            class="button-quiet danger-text"
            onClick={remove}
            disabled={action.isSubmitting}
          >
            {t('plans.actions.delete')}
          </button>
        </p>
      )}

      {isIssuing && (
        <IssueDialog
          plan={plan}
          onClose={() => setIssuing(false)}
          onChanged={(issued, message) => {
            setIssuing(false);
            onChanged(issued, message);
          }}
        />
      )}
    </section>
  );
}
