import type { CampaignList } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { formatCount, formatDate, todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, FormMessages, Loading, SubmitButton } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { createCampaign, fetchActivityLinks, listCampaigns, updateCampaign } from './activities.api.ts';
import { female, formatMoney, grantUnits, kindLabel, male, minority, sumOf } from './activities.format.tsx';
import './activities.css';

/*
 * The year's observances and campaigns with their results (activities logged against them, in
 * the reader's scope), and a form for a unit's own campaign: its part in an observance, its plan
 * of origin and its launch day.
 */

export function CampaignsPage() {
  usePageTitle(t('activities.campaigns.title'));
  return (
    <RequirePermission permission="activities.read">
      <Campaigns />
    </RequirePermission>
  );
}

function Campaigns() {
  const session = useSession();
  const writable = grantUnits(session, 'activities.write');
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const campaigns = useResource((signal) => listCampaigns(year, unit?.id, signal), [year, unit?.id]);
  return (
    <section class="page page-wide">
      <p class="breadcrumb-line">
        <a href={paths.activities}>{t('activities.form.back')}</a>
      </p>
      <h1>{t('activities.campaigns.title')}</h1>
      <p class="muted">{t('activities.campaigns.intro')}</p>
      <form class="card filters" onSubmit={(event) => event.preventDefault()}>
        <div class="filter-row">
          <OrgUnitPicker
            label={t('activities.list.unit')}
            hint={t('activities.list.unitHint')}
            value={unit}
            onChange={setUnit}
            isOptional
          />
          <Field label={t('activities.campaigns.year')}>
            {(control) => (
              <select
                {...control}
                value={String(year)}
                onChange={(event) => setYear(Number(event.currentTarget.value))}
              >
                {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((option) => (
                  <option key={option} value={String(option)}>
                    {option}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </form>
      {campaigns.error ? <ErrorNotice error={campaigns.error} onRetry={campaigns.reload} /> : null}
      {!campaigns.data && !campaigns.error && <Loading />}
      {campaigns.data && (
        <CampaignCards
          items={campaigns.data.items}
          observances={campaigns.data.items.filter((item) => item.observance)}
          onChanged={campaigns.reload}
        />
      )}
      {writable.length > 0 && campaigns.data && (
        <CampaignForm
          units={writable}
          year={year}
          observances={campaigns.data.items.filter((item) => item.observance)}
          onSaved={campaigns.reload}
        />
      )}
    </section>
  );
}

type CampaignItem = CampaignList['items'][number];

function CampaignCards({
  items,
  observances,
  onChanged,
}: {
  items: CampaignItem[];
  observances: CampaignItem[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <ol class="plain-list campaign-list">
      {items.map((campaign) => (
        <li key={campaign.id} class="card campaign-card">
          {editing === campaign.id && campaign.orgUnit ? (
            <CampaignForm
              units={[]}
              year={campaign.year}
              observances={observances.filter((item) => item.id !== campaign.id)}
              editing={campaign}
              onSaved={() => {
                setEditing(null);
                onChanged();
              }}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <CampaignCard campaign={campaign} onEdit={() => setEditing(campaign.id)} />
          )}
        </li>
      ))}
    </ol>
  );
}

function CampaignCard({ campaign, onEdit }: { campaign: CampaignItem; onEdit: () => void }) {
  return (
    <>
      <h2 class="h3">{campaign.name}</h2>
      <p class="unit-meta">
        {formatDate(campaign.startsOn)}
        {campaign.endsOn !== campaign.startsOn ? `–${formatDate(campaign.endsOn)}` : ''} ·{' '}
        {campaign.orgUnit?.name ?? t('activities.campaigns.national')}
        {campaign.launchOn
          ? ` · ${t('activities.campaigns.launch', { date: formatDate(campaign.launchOn) })}`
          : ''}
      </p>
      {campaign.parent && (
        <p class="unit-meta">{t('activities.campaigns.partOf', { name: campaign.parent.name })}</p>
      )}
      {campaign.plan && (
        <p class="unit-meta">
          {t('activities.campaigns.plan')}:{' '}
          <a href={paths.plan(campaign.plan.id)}>{campaign.plan.documentNumber || campaign.plan.title}</a>
        </p>
      )}
      {campaign.results.activities === 0 ? (
        <p class="muted">{t('activities.campaigns.noResults')}</p>
      ) : (
        <>
          <p>
            {t('activities.campaigns.results', {
              count: formatCount(campaign.results.activities),
              people: formatCount(campaign.results.participantTotal),
              female: formatCount(sumOf(campaign.results.participants, female)),
              male: formatCount(sumOf(campaign.results.participants, male)),
              minority: formatCount(sumOf(campaign.results.participants, minority)),
            })}
            <span class="block unit-meta">
              {t('activities.campaigns.cost', {
                amount: formatMoney(campaign.results.costState + campaign.results.costNonState),
              })}
              {' · '}
              {campaign.results.byKind
                .map((entry) => `${kindLabel(entry.kind)}: ${formatCount(entry.activities)}`)
                .join('; ')}
            </span>
          </p>
          <a
            href={`${paths.activities}?chiendich=${campaign.id}&tu=${campaign.year}-01-01&den=${campaign.year}-12-31`}
          >
            {t('activities.campaigns.viewActivities')}
          </a>
        </>
      )}
      {campaign.can.edit && campaign.orgUnit && (
        <div class="button-row">
          <button type="button" class="button-quiet" onClick={onEdit}>
            {t('activities.campaigns.edit')}
          </button>
        </div>
      )}
    </>
  );
}

/** A unit's own campaign: a new one, or (with `editing`) one it has, saved against its revision. */
function CampaignForm({
  units,
  year,
  observances,
  editing,
  onSaved,
  onCancel,
}: {
  units: PickedUnit[];
  year: number;
  observances: CampaignItem[];
  editing?: CampaignItem;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const [picked, setUnit] = useState<PickedUnit | null>(units[0] ?? null);
  // A campaign stays with the unit that made it: editing shows no unit picker.
  const unit = editing?.orgUnit ?? picked;
  const actionMonth = editing ? undefined : observances.find((item) => item.observance === 'action_month');
  const [name, setName] = useState(editing?.name ?? '');
  const [parentId, setParentId] = useState(
    editing ? String(editing.parent?.id ?? '') : actionMonth ? String(actionMonth.id) : '',
  );
  const parent = observances.find((item) => String(item.id) === parentId);
  const [startsOn, setStartsOn] = useState(editing?.startsOn ?? actionMonth?.startsOn ?? `${year}-01-01`);
  const [endsOn, setEndsOn] = useState(editing?.endsOn ?? actionMonth?.endsOn ?? `${year}-12-31`);
  const [launchOn, setLaunchOn] = useState(editing?.launchOn ?? '');
  const [planId, setPlanId] = useState(editing?.plan ? String(editing.plan.id) : '');
  const links = useResource(
    (signal) => (unit ? fetchActivityLinks(unit.id, year, signal) : Promise.resolve(null)),
    [unit?.id, year],
  );
  const plans = [...new Map((links.data?.tasks ?? []).map((task) => [task.plan.id, task.plan])).values()];
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (!unit) return;
    const fields = {
      name,
      startsOn,
      endsOn,
      launchOn: launchOn || null,
      parentId: parentId ? Number(parentId) : null,
      planId: planId ? Number(planId) : null,
      note: editing?.note ?? null,
    };
    const saved = await action.run(
      () =>
        editing
          ? updateCampaign(editing.id, { revision: editing.revision, ...fields })
          : createCampaign({ orgUnitId: unit.id, ...fields }),
      t(editing ? 'activities.campaigns.saved' : 'activities.campaigns.created', { name }),
    );
    if (saved) {
      if (!editing) setName('');
      onSaved();
    }
  }
  const titleId = editing ? `edit-campaign-${editing.id}` : 'new-campaign';
  return (
    <section class={editing ? undefined : 'card'} aria-labelledby={titleId}>
      <h2 id={titleId} class={editing ? 'h3' : undefined}>
        {editing
          ? t('activities.campaigns.editTitle', { name: editing.name })
          : t('activities.campaigns.new')}
      </h2>
      <form class="form" onSubmit={submit}>
        {!editing && <OrgUnitPicker label={t('activities.form.unit')} value={picked} onChange={setUnit} />}
        <Field label={t('activities.campaigns.parent')}>
          {(control) => (
            <select
              {...control}
              value={parentId}
              onChange={(event) => {
                setParentId(event.currentTarget.value);
                const chosen = observances.find((item) => String(item.id) === event.currentTarget.value);
                if (chosen) {
                  setStartsOn(chosen.startsOn);
                  setEndsOn(chosen.endsOn);
                }
              }}
            >
              <option value="">{t('activities.campaigns.noParent')}</option>
              {observances.map((item) => (
                <option key={item.id} value={String(item.id)}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('activities.campaigns.name')} error={action.fieldErrors.name}>
          {(control) => (
            <input
              {...control}
              type="text"
              required
              value={name}
              placeholder={parent && unit ? `${parent.name} — ${unit.name}` : undefined}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="field-row">
          <Field label={t('activities.campaigns.startsOn')} error={action.fieldErrors.startsOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={startsOn}
                onInput={(event) => setStartsOn(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={t('activities.campaigns.endsOn')} error={action.fieldErrors.endsOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={endsOn}
                onInput={(event) => setEndsOn(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={t('activities.campaigns.launchOn')} error={action.fieldErrors.launchOn} isOptional>
            {(control) => (
              <input
                {...control}
                type="date"
                value={launchOn}
                onInput={(event) => setLaunchOn(event.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <Field label={t('activities.campaigns.planId')} error={action.fieldErrors.planId} isOptional>
          {(control) => (
            <select {...control} value={planId} onChange={(event) => setPlanId(event.currentTarget.value)}>
              <option value="">{t('activities.campaigns.noPlan')}</option>
              {plans.map((plan) => (
                <option key={plan.id} value={String(plan.id)}>
                  {plan.documentNumber ? `${plan.documentNumber} — ` : ''}
                  {plan.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormMessages action={action} placedPaths={['name', 'startsOn', 'endsOn', 'launchOn', 'planId']} />
        <div class="button-row">
          <SubmitButton
            isBusy={action.isSubmitting}
            label={t(editing ? 'activities.campaigns.save' : 'activities.campaigns.create')}
          />
          {onCancel && (
            <button type="button" class="button-quiet" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
