import type { RoundDetail } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { formatDateTime } from '../app/app.format.ts';
import { useFormAction } from '../app/app.hooks.ts';
import { confirmAction, Field, FormMessages, SubmitButton } from '../app/app.ui.tsx';
import type { PickedUnit } from '../org-units/org-units.picker.tsx';
import { addRoundUnits, setRoundClosed, updateRound } from './reporting.api.ts';
import { UnitChipsField } from './reporting.unit-chips.tsx';

/**
 * The consolidator's controls once a round is open: move the due date (late is judged against
 * the new one), add forgotten reporting units, close the round when the consolidated report is
 * final, and reopen it for a correction.
 */
export function RoundManageCard({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  const isClosed = round.closedAt !== null;
  return (
    <section class="card" aria-labelledby="manage-title">
      <h2 id="manage-title">{t('reporting.manage.title')}</h2>
      {isClosed ? (
        <p class="notice" role="status">
          {t('reporting.manage.closedAt', { date: formatDateTime(round.closedAt!) })}
        </p>
      ) : (
        <>
          <DueDateForm round={round} onChanged={onChanged} />
          <AddUnitsForm round={round} onChanged={onChanged} />
        </>
      )}
      <CloseButton round={round} onChanged={onChanged} />
    </section>
  );
}

function DueDateForm({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  const action = useFormAction();
  const [dueOn, setDueOn] = useState(round.dueOn);
  async function submit(event: Event) {
    event.preventDefault();
    if (await action.run(() => updateRound(round.id, { dueOn }))) onChanged();
  }
  return (
    <form class="form inline-form" onSubmit={submit} noValidate>
      <Field
        label={t('reporting.manage.dueOn')}
        hint={t('reporting.manage.dueOnHint')}
        error={action.fieldErrors.dueOn}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={dueOn}
            onInput={(event) => setDueOn(event.currentTarget.value)}
          />
        )}
      </Field>
      <FormMessages action={action} placedPaths={['dueOn']} />
      <SubmitButton isBusy={action.isSubmitting} label={t('reporting.manage.saveDueOn')} />
    </form>
  );
}

function AddUnitsForm({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  const action = useFormAction();
  const [picked, setPicked] = useState<PickedUnit[]>([]);
  const present = round.submissions.map((submission) => submission.orgUnit.id);
  async function submit(event: Event) {
    event.preventDefault();
    if (picked.length === 0) return;
    if (
      await action.run(() =>
        addRoundUnits(
          round.id,
          picked.map((unit) => unit.id),
        ),
      )
    ) {
      setPicked([]);
      onChanged();
    }
  }
  const errors = action.fieldErrors;
  return (
    <form class="form" onSubmit={submit} noValidate>
      <UnitChipsField
        legend={t('reporting.manage.addUnits')}
        picked={picked}
        onChange={setPicked}
        errors={errors}
        excludeIds={present}
      />
      <FormMessages
        action={action}
        placedPaths={Object.keys(errors).filter((path) => path.startsWith('unitIds'))}
      />
      {picked.length > 0 && (
        <SubmitButton
          isBusy={action.isSubmitting}
          label={t('reporting.manage.addUnitsSubmit', { count: picked.length })}
        />
      )}
    </form>
  );
}

function CloseButton({ round, onChanged }: { round: RoundDetail; onChanged: () => void }) {
  const action = useFormAction();
  const isClosed = round.closedAt !== null;
  async function toggle() {
    if (!confirmAction(t(isClosed ? 'reporting.manage.reopenConfirm' : 'reporting.manage.closeConfirm')))
      return;
    if (await action.run(() => setRoundClosed(round.id, !isClosed))) onChanged();
  }
  return (
    <div class="button-row">
      <button
        type="button"
        class={isClosed ? undefined : 'button-danger'}
        onClick={() => void toggle()}
        disabled={action.isSubmitting}
      >
        {t(isClosed ? 'reporting.manage.reopen' : 'reporting.manage.close')}
      </button>
      <span class="hint">{t(isClosed ? 'reporting.manage.reopenHint' : 'reporting.manage.closeHint')}</span>
      <FormMessages action={action} />
    </div>
  );
}
