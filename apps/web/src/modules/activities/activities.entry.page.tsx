import {
  type Activity,
  type ActivityKind,
  type ActivityLinks,
  type AgeGroup,
  activityKinds,
  ageGroupLabels,
  ageGroups,
  type ParticipantKey,
  participantKeys,
  type TargetGroup,
  targetGroupLabels,
  targetGroups,
} from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { localized, t } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatCount, formatDate, formatDateTime, todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import {
  confirmAction,
  ErrorNotice,
  Field,
  FormMessages,
  Loading,
  NotFoundPage,
  SubmitButton,
} from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import {
  activityFileUrl,
  createActivity,
  deleteActivity,
  fetchActivity,
  fetchActivityLinks,
  updateActivity,
  uploadActivityFile,
} from './activities.api.ts';
import { grantUnits, kindLabel, type Participants, parseWhole, sumOf } from './activities.format.tsx';
import './activities.css';

/*
 * Quick entry on a phone: the unit (the user's own by default), the kind, a title, the day
 * (today), the participants in a 2 × 2 grid with its totals, and the task and campaign it belongs
 * to; the rest (place, target groups, cost, language) folds away under "more". Saving keeps the
 * form for the next activity, so three activities are three short forms. An existing activity
 * opens in the same form, saved against the revision it was loaded with.
 */

interface FormState {
  kind: ActivityKind;
  title: string;
  startsOn: string;
  endsOn: string;
  people: Record<ParticipantKey, string>;
  taskId: string;
  campaignId: string;
  placeUnitId: string;
  placeText: string;
  targetGroups: TargetGroup[];
  ageGroup: string;
  costState: string;
  costNonState: string;
  minorityLanguage: boolean;
  note: string;
}

const emptyPeople = (): Record<ParticipantKey, string> => ({
  'male.kinh': '',
  'male.minority': '',
  'female.kinh': '',
  'female.minority': '',
});

function blankForm(taskId: string): FormState {
  return {
    kind: 'communication',
    title: '',
    startsOn: todayIso(),
    endsOn: '',
    people: emptyPeople(),
    taskId,
    campaignId: '',
    placeUnitId: '',
    placeText: '',
    targetGroups: [],
    ageGroup: '',
    costState: '',
    costNonState: '',
    minorityLanguage: false,
    note: '',
  };
}

function formOf(activity: Activity): FormState {
  const text = (value: number) => (value === 0 ? '' : String(value));
  return {
    kind: activity.kind,
    title: activity.title,
    startsOn: activity.startsOn,
    endsOn: activity.endsOn === activity.startsOn ? '' : activity.endsOn,
    people: Object.fromEntries(
      participantKeys.map((key) => [key, text(activity.participants[key] ?? 0)]),
    ) as Record<ParticipantKey, string>,
    taskId: activity.tasks[0] ? String(activity.tasks[0].id) : '',
    campaignId: activity.campaign ? String(activity.campaign.id) : '',
    placeUnitId: activity.placeUnit ? String(activity.placeUnit.id) : '',
    placeText: activity.placeText ?? '',
    targetGroups: activity.targetGroups,
    ageGroup: activity.ageGroup ?? '',
    costState: text(activity.costState),
    costNonState: text(activity.costNonState),
    minorityLanguage: activity.minorityLanguage,
    note: activity.note ?? '',
  };
}

export function ActivityEntryPage() {
  const { params } = useRoute();
  const id = params.id ? Number(params.id) : null;
  usePageTitle(id ? t('activities.form.titleEdit') : t('activities.form.titleNew'));
  return (
    <RequirePermission permission="activities.read">
      {id ? <EditActivity id={id} /> : <NewActivity />}
    </RequirePermission>
  );
}

function NewActivity() {
  const { query } = useLocation();
  const session = useSession();
  const units = grantUnits(session, 'activities.write');
  const preferred = Number(query.donvi) || null;
  const [unit, setUnit] = useState<PickedUnit | null>(
    units.find((candidate) => candidate.id === preferred) ?? units[0] ?? null,
  );
  return (
    <section class="page page-narrow activity-entry">
      <p class="breadcrumb-line">
        <a href={paths.activities}>{t('activities.form.back')}</a>
      </p>
      <h1>{t('activities.form.titleNew')}</h1>
      {units.length > 1 || units.length === 0 ? (
        <OrgUnitPicker label={t('activities.form.unit')} value={unit} onChange={setUnit} />
      ) : (
        <p class="unit-meta">
          {t('activities.form.unit')}: <strong>{unit?.name}</strong>
        </p>
      )}
      {unit ? (
        <ActivityForm key={unit.id} unitId={unit.id} initial={blankForm(query.nhiemvu ?? '')} />
      ) : (
        <p class="muted">{t('activities.form.chooseUnit')}</p>
      )}
    </section>
  );
}

function EditActivity({ id }: { id: number }) {
  const activity = useResource((signal) => fetchActivity(id, signal), [id]);
  if (activity.error && isNotFound(activity.error)) return <NotFoundPage />;
  if (activity.error) return <ErrorNotice error={activity.error} onRetry={activity.reload} />;
  if (!activity.data) return <Loading />;
  const data = activity.data;
  return (
    <section class="page page-narrow activity-entry">
      <p class="breadcrumb-line">
        <a href={paths.activities}>{t('activities.form.back')}</a>
      </p>
      <h1>{data.title}</h1>
      <p class="unit-meta">
        {data.orgUnit.name} · {kindLabel(data.kind)} · {formatDate(data.startsOn)}
        {data.endsOn !== data.startsOn ? `–${formatDate(data.endsOn)}` : ''}
      </p>
      {!data.can.edit && (
        <p class="notice" role="note">
          {t('activities.form.readOnly')}
        </p>
      )}
      {data.tasks.length > 0 && (
        <section class="card" aria-labelledby="activity-tasks">
          <h2 id="activity-tasks">{t('activities.form.tasks')}</h2>
          <ul class="plain-list">
            {data.tasks.map((task) => (
              <li key={task.id}>
                <strong>{task.ref}</strong> {task.text}
                <span class="block unit-meta">
                  {task.plan.documentNumber || task.plan.title} · {task.plan.orgUnit.name}
                  {task.assignedUnitId && (
                    <>
                      {' · '}
                      <a href={paths.taskProgress(task.id, task.assignedUnitId)}>
                        {t('activities.form.openTask')}
                      </a>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.can.edit && (
        <ActivityForm
          key={data.revision}
          unitId={data.orgUnit.id}
          initial={formOf(data)}
          existing={data}
          onSaved={activity.setData}
        />
      )}
      <ActivityFiles activity={data} onChange={activity.reload} />
      <p class="unit-meta">
        {t('activities.form.recorded', {
          name: data.createdBy ?? '—',
          at: formatDateTime(data.createdAt),
        })}
      </p>
      {data.can.edit && <DeleteActivity activity={data} />}
    </section>
  );
}

function DeleteActivity({ activity }: { activity: Activity }) {
  const { route } = useLocation();
  const action = useFormAction();
  async function remove() {
    if (!confirmAction(t('activities.form.deleteConfirm', { title: activity.title }))) return;
    const done = await action.run(() => deleteActivity(activity.id, activity.revision));
    if (done) route(paths.activities);
  }
  return (
    <div class="danger-zone">
      <FormMessages action={action} />
      <button type="button" class="button-danger" onClick={remove} disabled={action.isSubmitting}>
        {t('activities.form.delete')}
      </button>
    </div>
  );
}

function ActivityForm({
  unitId,
  initial,
  existing,
  onSaved,
}: {
  unitId: number;
  initial: FormState;
  existing?: Activity;
  onSaved?: (activity: Activity) => void;
}) {
  const [form, setForm] = useState<FormState>(initial);
  const [saved, setSaved] = useState<Activity | null>(null);
  const [campaignTouched, setCampaignTouched] = useState(Boolean(existing));
  const year = Number(form.startsOn.slice(0, 4)) || Number(todayIso().slice(0, 4));
  const links = useResource((signal) => fetchActivityLinks(unitId, year, signal), [unitId, year]);
  const action = useFormAction();
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  // A sensible campaign by default: the unit's own campaign running on the day, else the observance.
  useEffect(() => {
    if (campaignTouched || !links.data) return;
    set('campaignId', defaultCampaign(links.data, unitId, form.startsOn));
  }, [links.data, form.startsOn, campaignTouched]);

  const people = {} as Participants;
  const badCells = new Set<ParticipantKey>();
  for (const key of participantKeys) {
    const value = parseWhole(form.people[key]);
    if (value === null) badCells.add(key);
    people[key] = value ?? 0;
  }
  const costState = parseWhole(form.costState);
  const costNonState = parseWhole(form.costNonState);

  async function submit(event: Event) {
    event.preventDefault();
    if (badCells.size > 0 || costState === null || costNonState === null) {
      action.fail(new Error(t('activities.form.invalidNumber')));
      return;
    }
    const body = {
      kind: form.kind,
      title: form.title,
      startsOn: form.startsOn,
      endsOn: form.endsOn || null,
      placeUnitId: form.placeUnitId ? Number(form.placeUnitId) : null,
      placeText: form.placeText || null,
      taskIds: form.taskId ? [Number(form.taskId)] : [],
      campaignId: form.campaignId ? Number(form.campaignId) : null,
      participants: people,
      ageGroup: (form.ageGroup || null) as AgeGroup | null,
      targetGroups: form.targetGroups,
      costState,
      costNonState,
      minorityLanguage: form.minorityLanguage,
      note: form.note || null,
    };
    if (existing) {
      const result = await action.run(
        () => updateActivity(existing.id, { ...body, revision: existing.revision }),
        t('activities.form.saved', { title: form.title }),
      );
      if (result) onSaved?.(result);
      return;
    }
    const result = await action.run(
      () => createActivity({ ...body, orgUnitId: unitId }),
      t('activities.form.saved', { title: form.title }),
    );
    if (result) {
      setSaved(result);
      // Ready for the next one: same day, task and campaign; a new title and new people.
      setForm((current) => ({ ...current, title: '', people: emptyPeople(), note: '' }));
    }
  }

  const fieldError = (path: string) => action.fieldErrors[path];
  const sexes = [
    { key: 'male', keys: ['male.kinh', 'male.minority'] as const },
    { key: 'female', keys: ['female.kinh', 'female.minority'] as const },
  ];
  return (
    <form class="form card" onSubmit={submit} noValidate>
      <Field label={t('activities.form.kind')}>
        {(control) => (
          <select
            {...control}
            value={form.kind}
            onChange={(event) => set('kind', event.currentTarget.value as ActivityKind)}
          >
            {activityKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('activities.form.title')}
        hint={t('activities.form.titleHint')}
        error={fieldError('title')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            required
            maxLength={500}
            value={form.title}
            onInput={(event) => set('title', event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="field-row">
        <Field label={t('activities.form.startsOn')} error={fieldError('startsOn')}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              value={form.startsOn}
              onInput={(event) => set('startsOn', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          label={t('activities.form.endsOn')}
          hint={t('activities.form.endsOnHint')}
          error={fieldError('endsOn')}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              type="date"
              min={form.startsOn}
              value={form.endsOn}
              onInput={(event) => set('endsOn', event.currentTarget.value)}
            />
          )}
        </Field>
      </div>

      <fieldset class="participants-grid">
        <legend>{t('activities.form.participants')}</legend>
        <table>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('activities.form.kinh')}</th>
              <th scope="col">{t('activities.form.minority')}</th>
              <th scope="col">{t('activities.form.total')}</th>
            </tr>
          </thead>
          <tbody>
            {sexes.map((sex) => (
              <tr key={sex.key}>
                <th scope="row">{t(`activities.form.${sex.key}` as 'activities.form.male')}</th>
                {sex.keys.map((key) => {
                  const [sexPart, ethnicity] = key.split('.') as ['male' | 'female', 'kinh' | 'minority'];
                  return (
                    <td key={key}>
                      <input
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        aria-label={t('activities.form.cellLabel', {
                          sex: t(`activities.form.${sexPart}`),
                          ethnicity: t(`activities.form.${ethnicity}`),
                        })}
                        aria-invalid={badCells.has(key) || undefined}
                        placeholder="0"
                        value={form.people[key]}
                        onInput={(event) =>
                          set('people', { ...form.people, [key]: event.currentTarget.value })
                        }
                      />
                    </td>
                  );
                })}
                <td class="number" data-testid={`total-${sex.key}`}>
                  {formatCount(sumOf(people, sex.keys))}
                </td>
              </tr>
            ))}
            <tr class="total-row">
              <th scope="row">{t('activities.form.total')}</th>
              <td class="number">{formatCount(sumOf(people, ['male.kinh', 'female.kinh']))}</td>
              <td class="number">{formatCount(sumOf(people, ['male.minority', 'female.minority']))}</td>
              <td class="number">
                <strong>{formatCount(sumOf(people))}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        {badCells.size > 0 && <p class="field-error">{t('activities.form.invalidNumber')}</p>}
      </fieldset>

      {links.error ? <ErrorNotice error={links.error} onRetry={links.reload} /> : null}
      <Field label={t('activities.form.task')} error={fieldError('taskIds.0')} isOptional>
        {(control) => (
          <select
            {...control}
            value={form.taskId}
            onChange={(event) => set('taskId', event.currentTarget.value)}
          >
            <option value="">{t('activities.form.noTask')}</option>
            {links.data?.tasks.map((task) => (
              <option key={task.id} value={String(task.id)}>
                {`${task.ref} ${task.text}`.slice(0, 140)}
              </option>
            ))}
            {/* The task asked for in the address, until the links have loaded. */}
            {!links.data && form.taskId && <option value={form.taskId}>#{form.taskId}</option>}
          </select>
        )}
      </Field>
      <Field label={t('activities.form.campaign')} error={fieldError('campaignId')} isOptional>
        {(control) => (
          <select
            {...control}
            value={form.campaignId}
            onChange={(event) => {
              setCampaignTouched(true);
              set('campaignId', event.currentTarget.value);
            }}
          >
            <option value="">{t('activities.form.noCampaign')}</option>
            {links.data?.campaigns.map((campaign) => (
              <option key={campaign.id} value={String(campaign.id)}>
                {campaign.name}
                {campaign.orgUnit ? ` — ${campaign.orgUnit.name}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>

      <details class="more-details" open={Boolean(existing)}>
        <summary>{t('activities.form.more')}</summary>
        <Field label={t('activities.form.place')} error={fieldError('placeUnitId')} isOptional>
          {(control) => (
            <select
              {...control}
              value={form.placeUnitId}
              onChange={(event) => set('placeUnitId', event.currentTarget.value)}
            >
              <option value="">{t('activities.form.noPlace')}</option>
              {links.data?.places.map((place) => (
                <option key={place.id} value={String(place.id)}>
                  {place.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('activities.form.placeText')} isOptional>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={300}
              value={form.placeText}
              onInput={(event) => set('placeText', event.currentTarget.value)}
            />
          )}
        </Field>
        <fieldset class="checkbox-group">
          <legend>{t('activities.form.targets')}</legend>
          {targetGroups.map((group) => (
            <label key={group} class="choice">
              <input
                type="checkbox"
                checked={form.targetGroups.includes(group)}
                onChange={(event) =>
                  set(
                    'targetGroups',
                    event.currentTarget.checked
                      ? [...form.targetGroups, group]
                      : form.targetGroups.filter((known) => known !== group),
                  )
                }
              />
              {localized(targetGroupLabels[group])}
            </label>
          ))}
        </fieldset>
        <Field label={t('activities.form.ageGroup')} isOptional>
          {(control) => (
            <select
              {...control}
              value={form.ageGroup}
              onChange={(event) => set('ageGroup', event.currentTarget.value)}
            >
              <option value="">{t('activities.form.anyAge')}</option>
              {ageGroups.map((group) => (
                <option key={group} value={group}>
                  {localized(ageGroupLabels[group])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="field-row">
          <Field
            label={t('activities.form.costState')}
            error={costState === null ? t('activities.form.invalidNumber') : fieldError('costState')}
            isOptional
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                value={form.costState}
                onInput={(event) => set('costState', event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            label={t('activities.form.costNonState')}
            error={costNonState === null ? t('activities.form.invalidNumber') : fieldError('costNonState')}
            isOptional
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                value={form.costNonState}
                onInput={(event) => set('costNonState', event.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <label class="choice">
          <input
            type="checkbox"
            checked={form.minorityLanguage}
            onChange={(event) => set('minorityLanguage', event.currentTarget.checked)}
          />
          {t('activities.form.minorityLanguage')}
        </label>
        <Field label={t('activities.form.note')} isOptional>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={4000}
              value={form.note}
              onInput={(event) => set('note', event.currentTarget.value)}
            />
          )}
        </Field>
      </details>

      <FormMessages
        action={action}
        placedPaths={[
          'title',
          'startsOn',
          'endsOn',
          'taskIds.0',
          'campaignId',
          'placeUnitId',
          'costState',
          'costNonState',
        ]}
      />
      {saved && action.success && !existing && (
        <p>
          <a href={paths.activity(saved.id)}>{t('activities.form.open')}</a>
        </p>
      )}
      <SubmitButton
        isBusy={action.isSubmitting}
        label={existing ? t('activities.form.saveChanges') : t('activities.form.save')}
      />
    </form>
  );
}

function defaultCampaign(links: ActivityLinks, unitId: number, day: string): string {
  const running = links.campaigns.filter((campaign) => campaign.startsOn <= day && campaign.endsOn >= day);
  const own = running.find((campaign) => campaign.orgUnit?.id === unitId);
  const pick =
    own ??
    running.find((campaign) => campaign.orgUnit !== null) ??
    running.find((campaign) => campaign.observance);
  return pick ? String(pick.id) : '';
}

function ActivityFiles({ activity, onChange }: { activity: Activity; onChange: () => void }) {
  const action = useFormAction();
  async function upload(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const done = await action.run(
      () => uploadActivityFile(activity.id, file),
      t('activities.form.uploaded', { name: file.name }),
    );
    input.value = '';
    if (done) onChange();
  }
  return (
    <section class="card" aria-labelledby="activity-files">
      <h2 id="activity-files">{t('activities.form.files')}</h2>
      {activity.files.length === 0 ? (
        <p class="muted">{t('activities.form.noFiles')}</p>
      ) : (
        <ul class="plain-list attachment-list">
          {activity.files.map((file) => (
            <li key={file.id}>
              <a href={activityFileUrl(file.id)} download>
                {file.fileName}
              </a>
              <span class="block unit-meta">
                {file.uploadedBy} · {formatDateTime(file.uploadedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {activity.can.edit && (
        <Field label={t('activities.form.addFile')}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.txt,image/*"
              onChange={upload}
              disabled={action.isSubmitting}
            />
          )}
        </Field>
      )}
      <FormMessages action={action} />
    </section>
  );
}
