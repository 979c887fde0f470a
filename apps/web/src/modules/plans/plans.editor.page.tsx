import type { PlanDetail } from '@binhdang/contracts';
import type { ComponentChildren } from 'preact';
import { t, tRich } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading, NotFoundPage } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { fetchPlan } from './plans.api.ts';
import { BasesEditor } from './plans.bases-editor.tsx';
import { errorsUnder, unresolvedAssigneeCount } from './plans.draft.ts';
import { HeaderFields, PlanTextField, RecipientsEditor, SignerFields } from './plans.editor-general.tsx';
import { PlanLink, PlanStatusBadge, planNumber, usePlanIdParam } from './plans.format.tsx';
import { OutlineEditor } from './plans.outline-editor.tsx';
import { SaveBar, SaveMessages, usePlanDraft } from './plans.save.tsx';

export function PlanEditorPage() {
  usePageTitle(t('plans.editor.title'));
  return (
    <RequirePermission permission="plans.write">
      <PlanEditorLoader />
    </RequirePermission>
  );
}

function PlanEditorLoader() {
  const planId = usePlanIdParam();
  const plan = useResource((signal) => fetchPlan(planId ?? 0, signal), [planId]);
  if (planId === null || isNotFound(plan.error)) return <NotFoundPage />;
  if (plan.error && !plan.data) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data || plan.data.id !== planId) return <Loading />;
  if (plan.data.status !== 'draft' || !plan.data.can.edit) return <NotEditable plan={plan.data} />;
  return <PlanEditor key={plan.data.id} initial={plan.data} />;
}

export function NotEditable({ plan }: { plan: PlanDetail }) {
  return (
    <section class="page">
      <h1>{plan.title}</h1>
      <div class="notice notice-warning" role="alert">
        <p>{plan.status === 'draft' ? t('plans.editor.notAllowed') : t('plans.editor.notDraft')}</p>
        <p>
          <a href={paths.plan(plan.id)}>{t('plans.editor.backToPlan')}</a>
        </p>
      </div>
    </section>
  );
}

function EditorSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card editor-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Issue paths some field of the editor shows beside itself; the others are listed above the form. */
const PLACED_PATH =
  /^(title|year|symbol|place|cascadeDueOn|purpose|budget|implementation|reportingRegime|recipients\.\d+|signer\.\w+|items\.\d+\.(ref|title|body|task\.time.*|task\.timeText|task\.programme))$/;

const SECTIONS = [
  ['chung', 'plans.editor.sections.general'],
  ['can-cu', 'plans.editor.sections.bases'],
  ['muc-dich', 'plans.fields.purpose'],
  ['noi-dung', 'plans.editor.sections.content'],
  ['to-chuc', 'plans.editor.sections.implementation'],
  ['noi-nhan', 'plans.editor.sections.recipients'],
  ['nguoi-ky', 'plans.editor.sections.signer'],
] as const;

function PlanEditor({ initial }: { initial: PlanDetail }) {
  const editing = usePlanDraft(initial);
  const { plan, draft, change, action } = editing;
  usePageTitle(t('plans.editor.titleOf', { title: plan.title }));
  const errors = action.fieldErrors;
  const unresolved = unresolvedAssigneeCount(draft);
  const planYear = Number(draft.year) || plan.year;

  return (
    <div ref={editing.guardRef} class="page page-wide editor-page">
      <nav aria-label={t('plans.detail.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.plans}>{t('plans.list.title')}</a>
          </li>
          <li>
            <a href={paths.plan(plan.id)}>{planNumber(plan)}</a>
          </li>
          <li aria-current="page">{t('plans.editor.title')}</li>
        </ol>
      </nav>
      <header class="page-header">
        <h1>{t('plans.editor.title')}</h1>
        <PlanStatusBadge status={plan.status} />
        <span class="unit-meta">{plan.orgUnit.name}</span>
      </header>

      {plan.parentPlan && (
        <p class="notice" role="note">
          {tRich('plans.detail.madeFrom', { plan: <PlanLink plan={plan.parentPlan} /> })}
        </p>
      )}
      {unresolved > 0 && (
        <p class="notice notice-warning" role="note">
          {t('plans.editor.unresolved', { count: unresolved })}
        </p>
      )}

      <nav class="section-nav" aria-label={t('plans.editor.sectionsNav')}>
        <ul>
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <SaveMessages
        editing={editing}
        placedPaths={Object.keys(errors).filter((path) => PLACED_PATH.test(path))}
      />

      <fieldset class="editor-fieldset" disabled={action.isSubmitting}>
        <legend class="visually-hidden">{t('plans.editor.title')}</legend>
        <EditorSection id="chung" title={t('plans.editor.sections.general')}>
          <HeaderFields draft={draft} onChange={change} errors={errors} />
        </EditorSection>

        <EditorSection id="can-cu" title={t('plans.editor.sections.bases')}>
          <BasesEditor value={draft.bases} onChange={(bases) => change({ bases })} />
        </EditorSection>

        <EditorSection id="muc-dich" title={t('plans.fields.purpose')}>
          <PlanTextField
            name="purpose"
            label={t('plans.fields.purpose')}
            draft={draft}
            onChange={change}
            errors={errors}
          />
        </EditorSection>

        <EditorSection id="noi-dung" title={t('plans.editor.sections.content')}>
          <p class="hint">{t('plans.outline.intro')}</p>
          <OutlineEditor
            items={draft.items}
            planYear={planYear}
            onChange={(items) => change({ items })}
            errorsAt={(index) => errorsUnder(errors, `items.${index}.`)}
          />
        </EditorSection>

        <EditorSection id="to-chuc" title={t('plans.editor.sections.implementation')}>
          <div class="form form-wide">
            <PlanTextField
              name="budget"
              label={t('plans.fields.budget')}
              draft={draft}
              onChange={change}
              errors={errors}
              rows={4}
            />
            <PlanTextField
              name="implementation"
              label={t('plans.fields.implementation')}
              draft={draft}
              onChange={change}
              errors={errors}
              rows={8}
            />
            <PlanTextField
              name="reportingRegime"
              label={t('plans.fields.reportingRegime')}
              hint={t('plans.fields.reportingRegimeHint')}
              draft={draft}
              onChange={change}
              errors={errors}
              rows={4}
            />
          </div>
        </EditorSection>

        <EditorSection id="noi-nhan" title={t('plans.editor.sections.recipients')}>
          <RecipientsEditor draft={draft} onChange={change} errors={errors} />
        </EditorSection>

        <EditorSection id="nguoi-ky" title={t('plans.editor.sections.signer')}>
          <SignerFields draft={draft} onChange={change} errors={errors} />
        </EditorSection>
      </fieldset>

      <SaveBar editing={editing} />
    </div>
  );
}
