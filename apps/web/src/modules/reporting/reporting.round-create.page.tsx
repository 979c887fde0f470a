import {
  type OrgUnitKind,
  orgUnitKindLabels,
  periodLabel,
  type RoundProposal,
  type TemplateSummary,
} from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getLanguage, localized, t } from '../../i18n/i18n.ts';
import { formatDate, todayIso } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, FormMessages, Loading, SubmitButton } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { type Session, useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { createRound, listTemplates } from './reporting.api.ts';
import { RoundProposals } from './reporting.round-proposals.tsx';
import { defaultCutOff, periodChoices, suggestedPeriod } from './reporting.status.ts';
import { UnitChipsField } from './reporting.unit-chips.tsx';
import './reporting.css';

/** Kinds a round usually goes to, in the order a province lists them. */
const REPORTING_KINDS: OrgUnitKind[] = [
  'commune',
  'ward',
  'special_zone',
  'agency',
  'mass_organisation',
  'advancement_committee',
  'public_unit',
];

export function RoundCreatePage() {
  usePageTitle(t('reporting.create.title'));
  return (
    <RequirePermission permission="rounds.manage">
      <RoundCreateLoader />
    </RequirePermission>
  );
}

function RoundCreateLoader() {
  const templates = useResource((signal) => listTemplates(signal), []);
  return (
    <section class="page">
      <nav aria-label={t('reporting.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.reporting}>{t('reporting.inbox.title')}</a>
          </li>
          <li aria-current="page">{t('reporting.create.title')}</li>
        </ol>
      </nav>
      <h1>{t('reporting.create.title')}</h1>
      {templates.error ? <ErrorNotice error={templates.error} onRetry={templates.reload} /> : null}
      {!templates.data && !templates.error && <Loading />}
      {templates.data && <RoundForm templates={templates.data.items.filter((item) => item.isCurrent)} />}
    </section>
  );
}

/** The unit of the user's first grant that may open rounds: the usual consolidating unit. */
function ownUnit(session: Session | null): PickedUnit | null {
  const grant = session?.grants.find((candidate) => candidate.orgUnit);
  if (!grant?.orgUnit) return null;
  return { ...grant.orgUnit };
}

function RoundForm({ templates }: { templates: TemplateSummary[] }) {
  const session = useSession();
  const { route, query } = useLocation();
  const planId = Number(query.planId) > 0 ? Number(query.planId) : null;
  const action = useFormAction();
  const today = todayIso();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? 0);
  const template = templates.find((candidate) => candidate.id === templateId) ?? templates[0];
  const choices = template ? periodChoices(template.periodType, today) : [];
  const [period, setPeriod] = useState(() => (template ? suggestedPeriod(template.periodType, today) : ''));
  const chosenPeriod = choices.includes(period) ? period : (choices[0] ?? '');
  const [dueOn, setDueOn] = useState('');
  const [consolidator, setConsolidator] = useState<PickedUnit | null>(() => ownUnit(session));
  const [kinds, setKinds] = useState<OrgUnitKind[]>([]);
  const [underUnit, setUnderUnit] = useState<PickedUnit | null>(null);
  const [picked, setPicked] = useState<PickedUnit[]>([]);
  const [title, setTitle] = useState('');
  const errors = action.fieldErrors;
  const cutOff = defaultCutOff(chosenPeriod);

  async function submit(event: Event) {
    event.preventDefault();
    if (!template || !consolidator) return;
    const round = await action.run(() =>
      createRound({
        templateId: template.id,
        consolidatingUnitId: consolidator.id,
        period: chosenPeriod,
        dueOn,
        unitIds: picked.map((unit) => unit.id),
        unitKinds: kinds,
        ...(underUnit ? { underUnitId: underUnit.id } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
      }),
    );
    if (round) route(paths.round(round.id));
  }

  function applyProposal(proposal: RoundProposal) {
    if (!proposal.template) return;
    setTemplateId(proposal.template.id);
    setPeriod(proposal.period);
    setDueOn(proposal.dueOn);
    setConsolidator(proposal.consolidatingUnit);
    setKinds([]);
    setPicked(proposal.units);
  }

  if (!template) return <p class="notice">{t('reporting.create.noTemplates')}</p>;
  return (
    <>
      {planId !== null && <RoundProposals planId={planId} onUse={applyProposal} />}
      <form class="form card" onSubmit={submit} noValidate>
        <FormMessages
          action={action}
          placedPaths={Object.keys(errors).filter((path) => /^(period|dueOn|title|unitIds.*)$/.test(path))}
        />
        <Field label={t('reporting.create.template')}>
          {(control) => (
            <select
              {...control}
              value={template.id}
              onChange={(event) => setTemplateId(Number(event.currentTarget.value))}
            >
              {templates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reporting.create.period')} error={errors.period}>
          {(control) => (
            <select
              {...control}
              value={chosenPeriod}
              onChange={(event) => setPeriod(event.currentTarget.value)}
            >
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {periodLabel(choice, getLanguage())}
                </option>
              ))}
            </select>
          )}
        </Field>
        {cutOff && (
          <p class="hint" id="cut-off">
            {t('reporting.create.cutOff', { from: formatDate(cutOff.from), to: formatDate(cutOff.to) })}
          </p>
        )}
        <Field
          label={t('reporting.create.dueOn')}
          error={errors.dueOn}
          hint={t('reporting.create.dueOnHint')}
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
        <OrgUnitPicker
          label={t('reporting.create.consolidator')}
          value={consolidator}
          onChange={setConsolidator}
          error={errors.consolidatingUnitId}
        />

        <fieldset class="field">
          <legend class="label">{t('reporting.create.byKind')}</legend>
          <p class="hint">{t('reporting.create.byKindHint')}</p>
          <div class="kind-choices">
            {REPORTING_KINDS.map((kind) => (
              <label key={kind} class="choice">
                <input
                  type="checkbox"
                  checked={kinds.includes(kind)}
                  onChange={(event) =>
                    setKinds((current) =>
                      event.currentTarget.checked
                        ? [...current, kind]
                        : current.filter((other) => other !== kind),
                    )
                  }
                />
                {localized(orgUnitKindLabels[kind])}
              </label>
            ))}
          </div>
          {kinds.length > 0 && (
            <OrgUnitPicker
              label={t('reporting.create.underUnit')}
              hint={t('reporting.create.underUnitHint')}
              value={underUnit}
              onChange={setUnderUnit}
              isOptional
            />
          )}
        </fieldset>

        <UnitChipsField
          legend={t('reporting.create.picked')}
          picked={picked}
          onChange={setPicked}
          errors={errors}
        >
          <p class="muted" role="status">
            {t('reporting.create.pickedCount', { count: picked.length })}
          </p>
        </UnitChipsField>

        <Field
          label={t('reporting.create.roundTitle')}
          hint={t('reporting.create.roundTitleHint')}
          error={errors.title}
          isOptional
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={title}
              onInput={(event) => setTitle(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="button-row">
          <SubmitButton isBusy={action.isSubmitting} label={t('reporting.create.submit')} />
          <a class="button-link" href={paths.reporting}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
