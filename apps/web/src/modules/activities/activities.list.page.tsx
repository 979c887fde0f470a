import { type ActivityKind, type ActivityRow, activityKinds } from '@binhdang/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { formatCount, formatDate, todayIso } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, Loading } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { listActivities, listCampaigns } from './activities.api.ts';
import { female, formatMoney, kindLabel, male, minority, sumOf } from './activities.format.tsx';
import './activities.css';

const PAGE = 50;

export function ActivityListPage() {
  usePageTitle(t('activities.list.title'));
  return (
    <RequirePermission permission="activities.read">
      <ActivityList />
    </RequirePermission>
  );
}

function ActivityList() {
  const { query } = useLocation();
  const session = useSession();
  const canWrite = hasPermission(session, 'activities.write');
  const year = Number(todayIso().slice(0, 4));
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [from, setFrom] = useState(query.tu ?? `${year}-01-01`);
  const [to, setTo] = useState(query.den ?? `${year}-12-31`);
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [campaignId, setCampaignId] = useState(query.chiendich ?? '');
  const [taskId, setTaskId] = useState(query.nhiemvu ?? '');
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [unit, subtree, from, to, kind, campaignId, taskId]);

  const campaigns = useResource(
    (signal) => listCampaigns(Number(from.slice(0, 4)) || year, unit?.id, signal),
    [from.slice(0, 4), unit?.id],
  );
  const list = useResource(
    (signal) =>
      listActivities(
        {
          orgUnitId: unit?.id,
          subtree,
          from: from || undefined,
          to: to || undefined,
          kind: kind || undefined,
          campaignId: campaignId ? Number(campaignId) : undefined,
          taskId: taskId ? Number(taskId) : undefined,
          limit,
        },
        signal,
      ),
    [unit?.id, subtree, from, to, kind, campaignId, taskId, limit],
  );
  const data = list.data;

  return (
    <section class="page page-wide">
      <header class="page-header">
        <h1>{t('activities.list.title')}</h1>
        <p class="actions">
          {canWrite && (
            <a
              class="button button-primary"
              href={taskId ? `${paths.newActivity}?nhiemvu=${taskId}` : paths.newActivity}
            >
              {t('activities.list.new')}
            </a>
          )}
          {canWrite && (
            <a class="button" href={paths.activityImport}>
              {t('activities.list.import')}
            </a>
          )}
          <a class="button" href={paths.campaigns}>
            {t('activities.list.campaigns')}
          </a>
        </p>
      </header>
      <p class="muted">{t('activities.list.intro')}</p>

      <search>
        <form class="card filters" onSubmit={(event) => event.preventDefault()}>
          <div class="filter-row">
            <OrgUnitPicker
              label={t('activities.list.unit')}
              hint={t('activities.list.unitHint')}
              value={unit}
              onChange={setUnit}
              isOptional
            />
            <label class="choice">
              <input
                type="checkbox"
                checked={subtree}
                onChange={(event) => setSubtree(event.currentTarget.checked)}
              />
              {t('activities.list.subtree')}
            </label>
          </div>
          <div class="filter-row">
            <Field label={t('activities.list.from')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={from}
                  onInput={(event) => setFrom(event.currentTarget.value)}
                />
              )}
            </Field>
            <Field label={t('activities.list.to')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={to}
                  onInput={(event) => setTo(event.currentTarget.value)}
                />
              )}
            </Field>
            <Field label={t('activities.list.kind')}>
              {(control) => (
                <select
                  {...control}
                  value={kind}
                  onChange={(event) => setKind(event.currentTarget.value as ActivityKind | '')}
                >
                  <option value="">{t('activities.list.allKinds')}</option>
                  {activityKinds.map((option) => (
                    <option key={option} value={option}>
                      {kindLabel(option)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('activities.list.campaign')}>
              {(control) => (
                <select
                  {...control}
                  value={campaignId}
                  onChange={(event) => setCampaignId(event.currentTarget.value)}
                >
                  <option value="">{t('activities.list.allCampaigns')}</option>
                  {campaigns.data?.items.map((campaign) => (
                    <option key={campaign.id} value={String(campaign.id)}>
                      {campaign.name}
                      {campaign.orgUnit ? ` — ${campaign.orgUnit.name}` : ''}
                    </option>
                  ))}
                  {!campaigns.data && campaignId && <option value={campaignId}>#{campaignId}</option>}
                </select>
              )}
            </Field>
          </div>
          {taskId && (
            <p class="notice" role="note">
              {t('activities.list.task', { id: taskId })}{' '}
              <button type="button" class="button-quiet" onClick={() => setTaskId('')}>
                {t('activities.list.clearTask')}
              </button>
            </p>
          )}
        </form>
      </search>

      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!data && !list.error && <Loading />}
      {data && (
        <>
          <p class="activity-totals" role="status">
            {t('activities.list.totals', {
              count: formatCount(data.totals.activities),
              people: formatCount(data.totals.participantTotal),
              female: formatCount(sumOf(data.totals.participants, female)),
              male: formatCount(sumOf(data.totals.participants, male)),
              minority: formatCount(sumOf(data.totals.participants, minority)),
            })}
            <span class="block unit-meta">
              {t('activities.list.cost', {
                state: formatMoney(data.totals.costState),
                nonState: formatMoney(data.totals.costNonState),
              })}
            </span>
          </p>
          {data.items.length === 0 ? (
            <p class="muted">{t('activities.list.empty')}</p>
          ) : (
            <ol class="plain-list activity-list" aria-busy={list.isLoading}>
              {data.items.map((item) => (
                <ActivityItem key={item.id} item={item} />
              ))}
            </ol>
          )}
          {data.items.length < data.total && (
            <button type="button" onClick={() => setLimit(limit + PAGE)} disabled={list.isLoading}>
              {t('activities.list.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function ActivityItem({
  item,
}: {
  item: Pick<
    ActivityRow,
    | 'id'
    | 'title'
    | 'kind'
    | 'startsOn'
    | 'endsOn'
    | 'orgUnit'
    | 'place'
    | 'participants'
    | 'participantTotal'
    | 'minorityLanguage'
  >;
}) {
  return (
    <li class="activity-item">
      <a href={paths.activity(item.id)}>
        <strong>{item.title}</strong>
      </a>
      <span class="block unit-meta">
        {formatDate(item.startsOn)}
        {item.endsOn !== item.startsOn ? `–${formatDate(item.endsOn)}` : ''} · {kindLabel(item.kind)} ·{' '}
        {item.orgUnit.name}
        {item.place ? ` · ${item.place}` : ''}
      </span>
      <span class="block">
        {t('activities.list.people', { count: formatCount(item.participantTotal) })}
        {item.participantTotal > 0 && (
          <span class="muted">
            {' '}
            ({t('activities.form.female')} {formatCount(sumOf(item.participants, female))},{' '}
            {t('activities.form.male')} {formatCount(sumOf(item.participants, male))};{' '}
            {t('activities.form.minority')} {formatCount(sumOf(item.participants, minority))})
          </span>
        )}
        {item.minorityLanguage && (
          <span class="badge badge-neutral">{t('activities.list.minorityLanguage')}</span>
        )}
      </span>
    </li>
  );
}
