import type { OrgUnitDetail, OrgUnitKind } from '@binhdang/contracts';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t, tRich } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { formatDate, todayIso } from '../app/app.format.ts';
import { type FormAction, useFormAction } from '../app/app.hooks.ts';
import { confirmAction, Field, FormMessages, SubmitButton } from '../app/app.ui.tsx';
import { closeOrgUnit, createOrgUnit, mergeOrgUnits, renameOrgUnit, splitOrgUnit } from './org-units.api.ts';
import { isOrgUnitKind, KindOptions, OrgUnitLink } from './org-units.format.tsx';
import { OrgUnitPicker, type PickedUnit } from './org-units.picker.tsx';

type OnChanged = (message: ComponentChildren, fresh?: OrgUnitDetail) => void;

interface ActionFormProps {
  unit: OrgUnitDetail;
  onChanged: OnChanged;
}

/** An empty note is no note: the server stores null rather than an empty string. */
function optionalNote(note: string): string | undefined {
  return note.trim() ? note : undefined;
}

function clientIssue(path: string, message: string): ApiError {
  return new ApiError(0, 'request.invalid', message, [{ path, message }]);
}

function EffectiveDateField({
  value,
  onInput,
  action,
}: {
  value: string;
  onInput: (value: string) => void;
  action: FormAction;
}) {
  return (
    <Field
      label={t('orgUnits.actions.effectiveOn')}
      hint={t('orgUnits.actions.effectiveOnHint')}
      error={action.fieldErrors.effectiveOn}
    >
      {(control) => (
        <input
          {...control}
          type="date"
          required
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function NoteField({
  value,
  onInput,
  action,
}: {
  value: string;
  onInput: (value: string) => void;
  action: FormAction;
}) {
  return (
    <Field label={t('orgUnits.actions.note')} error={action.fieldErrors.note} isOptional>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          maxLength={500}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

interface UnitFieldsValue {
  code: string;
  name: string;
  kind: OrgUnitKind | '';
}

/** Code, name and kind of a unit to create; `pathPrefix` matches the server's issue paths. */
function NewUnitFields({
  value,
  onChange,
  action,
  pathPrefix = '',
  isKindOptional = false,
}: {
  value: UnitFieldsValue;
  onChange: (value: UnitFieldsValue) => void;
  action: FormAction;
  pathPrefix?: string;
  isKindOptional?: boolean;
}) {
  return (
    <>
      <Field
        label={t('orgUnits.actions.code')}
        hint={t('orgUnits.actions.codeHint')}
        error={action.fieldErrors[`${pathPrefix}code`]}
      >
        {(control) => (
          <input
            {...control}
            required
            pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"
            autocapitalize="none"
            spellcheck={false}
            value={value.code}
            onInput={(event) => onChange({ ...value, code: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label={t('orgUnits.actions.name')} error={action.fieldErrors[`${pathPrefix}name`]}>
        {(control) => (
          <input
            {...control}
            required
            minLength={2}
            maxLength={200}
            value={value.name}
            onInput={(event) => onChange({ ...value, name: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label={t('orgUnits.actions.kind')} error={action.fieldErrors[`${pathPrefix}kind`]}>
        {(control) => (
          <select
            {...control}
            required={!isKindOptional}
            value={value.kind}
            onChange={(event) => {
              const kind = event.currentTarget.value;
              onChange({ ...value, kind: isOrgUnitKind(kind) ? kind : '' });
            }}
          >
            <option value="">{isKindOptional ? t('orgUnits.actions.kindSameAsSource') : '—'}</option>
            <KindOptions />
          </select>
        )}
      </Field>
    </>
  );
}

const emptyUnit: UnitFieldsValue = { code: '', name: '', kind: '' };

function AddChildForm({ unit, onChanged }: ActionFormProps) {
  const [fields, setFields] = useState(emptyUnit);
  const [validFrom, setValidFrom] = useState(todayIso);
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (!fields.kind) return;
    const kind = fields.kind;
    const created = await action.run(() =>
      createOrgUnit({ code: fields.code.trim(), name: fields.name, kind, parentId: unit.id, validFrom }),
    );
    if (!created) return;
    setFields(emptyUnit);
    onChanged(tRich('orgUnits.actions.addChild.success', { name: <OrgUnitLink unit={created} /> }));
  }

  return (
    <form class="form" onSubmit={submit}>
      <FormMessages action={action} placedPaths={['code', 'name', 'kind', 'validFrom']} />
      <NewUnitFields value={fields} onChange={setFields} action={action} />
      <Field label={t('orgUnits.actions.addChild.validFrom')} error={action.fieldErrors.validFrom}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={validFrom}
            onInput={(event) => setValidFrom(event.currentTarget.value)}
          />
        )}
      </Field>
      <SubmitButton isBusy={action.isSubmitting} label={t('orgUnits.actions.addChild.submit')} />
    </form>
  );
}

function RenameForm({ unit, onChanged }: ActionFormProps) {
  const [name, setName] = useState(unit.name);
  const [effectiveOn, setEffectiveOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    const fresh = await action.run(() =>
      renameOrgUnit(unit.id, { name, effectiveOn, note: optionalNote(note) }),
    );
    if (!fresh) return;
    setNote('');
    onChanged(t('orgUnits.actions.rename.success'), fresh);
  }

  return (
    <form class="form" onSubmit={submit}>
      <FormMessages action={action} placedPaths={['name', 'effectiveOn', 'note']} />
      <Field label={t('orgUnits.actions.rename.name')} error={action.fieldErrors.name}>
        {(control) => (
          <input
            {...control}
            required
            minLength={2}
            maxLength={200}
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        )}
      </Field>
      <EffectiveDateField value={effectiveOn} onInput={setEffectiveOn} action={action} />
      <NoteField value={note} onInput={setNote} action={action} />
      <SubmitButton isBusy={action.isSubmitting} label={t('orgUnits.actions.rename.submit')} />
    </form>
  );
}

function CloseForm({ unit, onChanged }: ActionFormProps) {
  const [effectiveOn, setEffectiveOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (
      !confirmAction(t('orgUnits.actions.close.confirm', { name: unit.name, date: formatDate(effectiveOn) }))
    ) {
      return;
    }
    const fresh = await action.run(() => closeOrgUnit(unit.id, { effectiveOn, note: optionalNote(note) }));
    if (fresh) onChanged(t('orgUnits.actions.close.success'), fresh);
  }

  return (
    <form class="form" onSubmit={submit}>
      <p class="muted">{t('orgUnits.actions.close.intro')}</p>
      <FormMessages action={action} placedPaths={['effectiveOn', 'note']} />
      <EffectiveDateField value={effectiveOn} onInput={setEffectiveOn} action={action} />
      <NoteField value={note} onInput={setNote} action={action} />
      <SubmitButton
        isBusy={action.isSubmitting}
        label={t('orgUnits.actions.close.submit')}
        class="button-danger"
      />
    </form>
  );
}

function MergeForm({ unit, onChanged }: ActionFormProps) {
  const parent = unit.ancestors.at(-1);
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [target, setTarget] = useState<PickedUnit | null>(null);
  const [newUnit, setNewUnit] = useState(emptyUnit);
  const [newParent, setNewParent] = useState<PickedUnit | null>(parent ? { ...parent } : null);
  const [effectiveOn, setEffectiveOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (mode === 'existing' && !target) {
      action.fail(clientIssue('targetId', t('orgUnits.actions.merge.pickTarget')));
      return;
    }
    const targetName = mode === 'existing' ? (target?.name ?? '') : newUnit.name;
    const question = t('orgUnits.actions.merge.confirm', {
      name: unit.name,
      target: targetName,
      date: formatDate(effectiveOn),
    });
    if (!confirmAction(question)) return;

    const merged = await action.run(() =>
      mergeOrgUnits({
        sourceIds: [unit.id],
        ...(mode === 'existing'
          ? { targetId: target?.id }
          : {
              newTarget: {
                code: newUnit.code.trim(),
                name: newUnit.name,
                kind: newUnit.kind || undefined,
                parentId: newParent?.id ?? null,
              },
            }),
        effectiveOn,
        note: optionalNote(note),
      }),
    );
    // The answer is the receiving unit; this unit is reloaded to show it closed.
    if (merged) onChanged(tRich('orgUnits.actions.merge.success', { unit: <OrgUnitLink unit={merged} /> }));
  }

  return (
    <form class="form" onSubmit={submit}>
      <FormMessages
        action={action}
        placedPaths={[
          'targetId',
          'newTarget.code',
          'newTarget.name',
          'newTarget.kind',
          'newTarget.parentId',
          'effectiveOn',
          'note',
        ]}
      />
      <fieldset>
        <legend>{t('orgUnits.actions.merge.targetMode')}</legend>
        <label class="choice">
          <input
            type="radio"
            name="merge-mode"
            checked={mode === 'existing'}
            onChange={() => setMode('existing')}
          />
          {t('orgUnits.actions.merge.existing')}
        </label>
        <label class="choice">
          <input type="radio" name="merge-mode" checked={mode === 'new'} onChange={() => setMode('new')} />
          {t('orgUnits.actions.merge.newUnit')}
        </label>
      </fieldset>
      {mode === 'existing' ? (
        <OrgUnitPicker
          label={t('orgUnits.actions.merge.target')}
          value={target}
          onChange={setTarget}
          excludeIds={[unit.id]}
          error={action.fieldErrors.targetId}
        />
      ) : (
        <>
          <NewUnitFields
            value={newUnit}
            onChange={setNewUnit}
            action={action}
            pathPrefix="newTarget."
            isKindOptional
          />
          <OrgUnitPicker
            label={t('orgUnits.actions.merge.newParent')}
            hint={t('orgUnits.actions.merge.newParentHint')}
            value={newParent}
            onChange={setNewParent}
            excludeIds={[unit.id]}
            isOptional
            error={action.fieldErrors['newTarget.parentId']}
          />
        </>
      )}
      <EffectiveDateField value={effectiveOn} onInput={setEffectiveOn} action={action} />
      <NoteField value={note} onInput={setNote} action={action} />
      <SubmitButton
        isBusy={action.isSubmitting}
        label={t('orgUnits.actions.merge.submit')}
        class="button-danger"
      />
    </form>
  );
}

function SplitForm({ unit, onChanged }: ActionFormProps) {
  const [newUnits, setNewUnits] = useState<UnitFieldsValue[]>([emptyUnit]);
  const [closeSource, setCloseSource] = useState(false);
  const [effectiveOn, setEffectiveOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const action = useFormAction();

  function updateUnit(index: number, value: UnitFieldsValue) {
    setNewUnits(newUnits.map((current, position) => (position === index ? value : current)));
  }

  async function submit(event: Event) {
    event.preventDefault();
    const params = { count: newUnits.length, name: unit.name, date: formatDate(effectiveOn) };
    const question = closeSource
      ? t('orgUnits.actions.split.confirmClose', params)
      : t('orgUnits.actions.split.confirm', params);
    if (!confirmAction(question)) return;

    const fresh = await action.run(() =>
      splitOrgUnit(unit.id, {
        newUnits: newUnits.map((newUnit) => ({
          code: newUnit.code.trim(),
          name: newUnit.name,
          kind: newUnit.kind || undefined,
        })),
        closeSource,
        effectiveOn,
        note: optionalNote(note),
      }),
    );
    if (!fresh) return;
    setNewUnits([emptyUnit]);
    onChanged(t('orgUnits.actions.split.success'), fresh);
  }

  const placedPaths = [
    'newUnits',
    'closeSource',
    'effectiveOn',
    'note',
    ...newUnits.flatMap((_, index) => ['code', 'name', 'kind'].map((field) => `newUnits.${index}.${field}`)),
  ];
  return (
    <form class="form" onSubmit={submit}>
      <p class="muted">{t('orgUnits.actions.split.intro')}</p>
      <FormMessages action={action} placedPaths={placedPaths} />
      {action.fieldErrors.newUnits && <p class="field-error">{action.fieldErrors.newUnits}</p>}
      {newUnits.map((newUnit, index) => (
        <fieldset key={index}>
          <legend>{t('orgUnits.actions.split.newUnit', { index: index + 1 })}</legend>
          <NewUnitFields
            value={newUnit}
            onChange={(value) => updateUnit(index, value)}
            action={action}
            pathPrefix={`newUnits.${index}.`}
            isKindOptional
          />
          {newUnits.length > 1 && (
            <button
              type="button"
              class="button-quiet"
              onClick={() => setNewUnits(newUnits.filter((_, position) => position !== index))}
            >
              {t('orgUnits.actions.split.removeUnit', { index: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" onClick={() => setNewUnits([...newUnits, emptyUnit])}>
        {t('orgUnits.actions.split.addUnit')}
      </button>
      <label class="choice">
        <input
          type="checkbox"
          checked={closeSource}
          onChange={(event) => setCloseSource(event.currentTarget.checked)}
        />
        {t('orgUnits.actions.split.closeSource')}
      </label>
      <EffectiveDateField value={effectiveOn} onInput={setEffectiveOn} action={action} />
      <NoteField value={note} onInput={setNote} action={action} />
      <SubmitButton
        isBusy={action.isSubmitting}
        label={t('orgUnits.actions.split.submit')}
        class="button-danger"
      />
    </form>
  );
}

function ActionDisclosure({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="action">
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** Forms that change the unit; the server checks that the unit is inside the user's scope. */
export function OrgUnitActions({ unit, onChanged }: ActionFormProps) {
  return (
    <section class="card" aria-labelledby="unit-actions-title">
      <h2 id="unit-actions-title">{t('orgUnits.actions.title')}</h2>
      <ActionDisclosure title={t('orgUnits.actions.addChild.title')}>
        <AddChildForm unit={unit} onChanged={onChanged} />
      </ActionDisclosure>
      <ActionDisclosure title={t('orgUnits.actions.rename.title')}>
        <RenameForm key={unit.name} unit={unit} onChanged={onChanged} />
      </ActionDisclosure>
      <ActionDisclosure title={t('orgUnits.actions.split.title')}>
        <SplitForm unit={unit} onChanged={onChanged} />
      </ActionDisclosure>
      <ActionDisclosure title={t('orgUnits.actions.merge.title')}>
        <MergeForm unit={unit} onChanged={onChanged} />
      </ActionDisclosure>
      <ActionDisclosure title={t('orgUnits.actions.close.title')}>
        <CloseForm unit={unit} onChanged={onChanged} />
      </ActionDisclosure>
    </section>
  );
}
