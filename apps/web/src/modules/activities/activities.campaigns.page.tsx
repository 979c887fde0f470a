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
import { createCampaign, fetchActivityLinks, listCampaigns } from './activities.api.ts';
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
      {campaigns.data && <CampaignCards items={campaigns.data.items} />}
      {writable.length > 0 && campaigns.data && (
        <NewCampaign
          units={writable}
          year={year}
          observances={campaigns.data.items.filter((item) => item.observance)}
          onCreated={campaigns.reload}
        />
      )}
    </section>
  );
}

function CampaignCards({ items }: { items: CampaignList['items'] }) {
  return (
    <ol class="plain-list campaign-list">
      {items.map((campaign) => (
        <li key={campaign.id} class="card campaign-card">
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
        </li>
      ))}
    </ol>
  );
}

function NewCampaign({
  units,
  year,
  observances,
  onCreated,
}: {
  units: PickedUnit[];
  year: number;
  observances: CampaignList['items'];
  onCreated: () => void;
}) {
  const [unit, setUnit] = useState<PickedUnit | null>(units[0] ?? null);
  const actionMonth = observances.find((item) => item.observance === 'action_month');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState(actionMonth ? String(actionMonth.id) : '');
  const parent = observances.find((item) => String(item.id) === parentId);
  const [startsOn, setStartsOn] = useState(actionMonth?.startsOn ?? `${year}-01-01`);
  const [endsOn, setEndsOn] = useState(actionMonth?.endsOn ?? `${year}-12-31`);
  const [launchOn, setLaunchOn] = useState('');
  const [planId, setPlanId] = useState('');
  const links = useResource(
    (signal) => (unit ? fetchActivityLinks(unit.id, year, signal) : Promise.resolve(null)),
    [unit?.id, year],
  );
  const plans = [...new Map((links.data?.tasks ?? []).map((task) => [task.plan.id, task.plan])).values()];
  const action = useFormAction();

  async function submit(event: Event) {
    event.preventDefault();
    if (!unit) return;
    const created = await action.run(
      () =>
        createCampaign({
          orgUnitId: unit.id,
          name,
          startsOn,
          endsOn,
          launchOn: launchOn || null,
          parentId: parentId ? Number(parentId) : null,
          planId: planId ? Number(planId) : null,
        }),
      t('activities.campaigns.created', { name }),
    );
    if (created) {
      setName('');
      onCreated();
    }
  }
  return (
    <section class="card" aria-labelledby="new-campaign">
      <h2 id="new-campaign">{t('activities.campaigns.new')}</h2>
      <form class="form" onSubmit={submit}>
        <OrgUnitPicker label={t('activities.form.unit')} value={unit} onChange={setUnit} />
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
        <SubmitButton isBusy={action.isSubmitting} label={t('activities.campaigns.create')} />
      </form>
    </section>
  );
}
