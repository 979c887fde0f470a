import {
  activityTableLayouts,
  type Catalogue,
  observanceDates,
  observances,
  reportKindLabels,
  reportKinds,
  type TemplateDefinition,
  templatePeriodTypes,
} from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { localized, t } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { formatDateTime } from '../app/app.format.ts';
import { useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field, FormMessages, Loading, NotFoundPage, SubmitButton } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';
import { fetchCatalogue } from '../indicators/indicators.api.ts';
import { useLeaveGuard } from '../plans/plans.leave-guard.ts';
import {
  draftFromDefinition,
  emptyDraft,
  moveItem,
  newDraftId,
  type SectionDraft,
  suggestSectionKey,
  suggestTableCode,
  type TableDraft,
  type TemplateDraft,
  toCreateInput,
  toVersionInput,
} from './reporting.template-draft.ts';
import {
  createTemplate,
  fetchTemplateDefinition,
  listTemplateFamilies,
  saveTemplateVersion,
} from './reporting.templates.api.ts';
import './reporting.css';
import './reporting.templates.css';

/* One version of a template, read-only (`/bao-cao/mau/:id`), and the editor that saves a new version or a new template. */

export function ReportTemplateViewPage() {
  const { params } = useRoute();
  const id = Number(params.id);
  const session = useSession();
  const definition = useResource((signal) => fetchTemplateDefinition(id, signal), [id]);
  usePageTitle(definition.data?.name ?? t('reportTemplates.title'));
  if (!Number.isInteger(id) || id <= 0 || isNotFound(definition.error)) return <NotFoundPage />;
  return (
    <RequirePermission permission="reports.read">
      {definition.error && !definition.data ? (
        <ErrorNotice error={definition.error} onRetry={definition.reload} />
      ) : !definition.data || definition.data.id !== id ? (
        <Loading />
      ) : (
        <TemplateView template={definition.data} canManage={hasPermission(session, 'templates.manage')} />
      )}
    </RequirePermission>
  );
}

function TemplateView({ template, canManage }: { template: TemplateDefinition; canManage: boolean }) {
  return (
    <article class="page">
      <nav class="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={paths.reportTemplates}>{t('reportTemplates.title')}</a>
      </nav>
      <header class="page-header">
        <h1>{template.name}</h1>
        {canManage && (
          <a class="button-link button-primary" href={paths.reportTemplateEdit(template.id)}>
            {template.isCurrent ? t('reportTemplates.edit') : t('reportTemplates.restore')}
          </a>
        )}
      </header>
      {!template.isCurrent && (
        <p class="notice notice-warning" role="note">
          {t('reportTemplates.oldVersion')}
        </p>
      )}
      <dl class="facts card">
        <div>
          <dt>{t('reportTemplates.code')}</dt>
          <dd>
            <code>{template.code}</code>
          </dd>
        </div>
        <div>
          <dt>{t('reportTemplates.version')}</dt>
          <dd>{t('reportTemplates.versionLabel', { version: template.version })}</dd>
        </div>
        <div>
          <dt>{t('reportTemplates.kind')}</dt>
          <dd>{localized(reportKindLabels[template.kind])}</dd>
        </div>
        <div>
          <dt>{t('reportTemplates.periodType')}</dt>
          <dd>{t(`reportTemplates.periodTypes.${template.periodType}`)}</dd>
        </div>
        <div>
          <dt>{t('reportTemplates.savedAt')}</dt>
          <dd>
            {formatDateTime(template.createdAt)} · {template.createdBy ?? t('reportTemplates.seeded')}
          </dd>
        </div>
        <div>
          <dt>{t('reportTemplates.rounds')}</dt>
          <dd>{template.roundCount}</dd>
        </div>
      </dl>
      <section class="card" aria-labelledby="outline-title">
        <h2 id="outline-title">{t('reportTemplates.outline')}</h2>
        <ol class="plain-list">
          {template.outline.map((section) => (
            <li key={section.key} class={`template-section level-${section.level}`}>
              <strong>{section.title}</strong> <span class="muted">({section.key})</span>
              {section.guidance && <p class="hint">{section.guidance}</p>}
            </li>
          ))}
        </ol>
      </section>
      <section class="card" aria-labelledby="tables-title">
        <h2 id="tables-title">{t('reportTemplates.tables')}</h2>
        {template.tables.length === 0 && <p class="muted">{t('reportTemplates.noTables')}</p>}
        <ul class="plain-list">
          {template.tables.map((table) => (
            <li key={table.code}>
              <strong>{table.title}</strong> <span class="muted">({table.code})</span>
              <span class="block hint">
                {table.kind === 'figures'
                  ? table.dataElements.join(', ')
                  : table.kind === 'activities'
                    ? `${t(`reportTemplates.layouts.${table.layout}`)}${table.observance ? ` · ${localized(observanceDates[table.observance])}` : ''}`
                    : t('reportTemplates.keptHint', { source: table.source })}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** `/bao-cao/mau/:id/sua`: a new version from this one; `/bao-cao/mau/moi`: a new template. */
export function ReportTemplateEditorPage() {
  const { params } = useRoute();
  const isNew = params.id === undefined;
  const id = Number(params.id);
  usePageTitle(isNew ? t('reportTemplates.create') : t('reportTemplates.edit'));
  return (
    <RequirePermission permission="templates.manage">
      {isNew ? <NewTemplateEditor /> : <VersionEditorLoader id={id} />}
    </RequirePermission>
  );
}

function VersionEditorLoader({ id }: { id: number }) {
  // The family tells which version is current now: a save is based on it, whichever version was opened.
  const loaded = useResource(
    async (signal) => {
      const [definition, families] = await Promise.all([
        fetchTemplateDefinition(id, signal),
        listTemplateFamilies(signal),
      ]);
      const family = families.items.find((item) => item.code === definition.code)!;
      return { definition, currentVersion: family.current.version };
    },
    [id],
  );
  if (isNotFound(loaded.error)) return <NotFoundPage />;
  if (loaded.error && !loaded.data) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || loaded.data.definition.id !== id) return <Loading />;
  return (
    <TemplateEditor
      key={id}
      initial={draftFromDefinition(loaded.data.definition)}
      code={loaded.data.definition.code}
      basedOnVersion={loaded.data.currentVersion}
      openedVersion={loaded.data.definition.version}
    />
  );
}

function NewTemplateEditor() {
  return <TemplateEditor initial={emptyDraft()} code={null} basedOnVersion={null} openedVersion={null} />;
}

function TemplateEditor({
  initial,
  code,
  basedOnVersion,
  openedVersion,
}: {
  initial: TemplateDraft;
  /** Null: a new template, whose code is typed here. */
  code: string | null;
  basedOnVersion: number | null;
  openedVersion: number | null;
}) {
  const { route } = useLocation();
  const [draft, setDraft] = useState(initial);
  const [newCode, setNewCode] = useState('');
  const [isDirty, setDirty] = useState(false);
  const catalogue = useResource((signal) => fetchCatalogue(signal), []);
  const action = useFormAction();
  const guard = useLeaveGuard<HTMLFormElement>(isDirty, t('reportTemplates.leaveWarning'));
  const errors = action.fieldErrors;

  const change = (next: Partial<TemplateDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setDirty(true);
  };
  const setSection = (index: number, next: Partial<SectionDraft>) =>
    change({
      outline: draft.outline.map((section, at) => (at === index ? { ...section, ...next } : section)),
    });
  const setTable = (index: number, next: TableDraft) =>
    change({ tables: draft.tables.map((table, at) => (at === index ? next : table)) });

  function addSection(afterIndex: number, level: number) {
    const outline = [...draft.outline];
    outline.splice(afterIndex + 1, 0, {
      id: newDraftId(),
      key: suggestSectionKey(draft.outline, afterIndex, level),
      level,
      title: '',
      guidance: '',
    });
    change({ outline });
  }

  function addTable(kind: 'figures' | 'activities') {
    const code = suggestTableCode(draft.tables);
    const table: TableDraft =
      kind === 'figures'
        ? { id: newDraftId(), kind, code, title: '', dataElements: [] }
        : { id: newDraftId(), kind, code, title: '', layout: 'by_kind', observance: null };
    change({ tables: [...draft.tables, table] });
  }

  async function save(event: Event) {
    event.preventDefault();
    const saved = await action.run(() =>
      code === null
        ? createTemplate(toCreateInput(draft, newCode))
        : saveTemplateVersion(code, toVersionInput(draft, basedOnVersion!)),
    );
    if (!saved) return;
    setDirty(false);
    // The guard reads the flag on the next render; leave once it has.
    setTimeout(() => route(paths.reportTemplate(saved.id)), 0);
  }

  return (
    <form class="page page-wide form" onSubmit={save} ref={guard} noValidate>
      <nav class="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={paths.reportTemplates}>{t('reportTemplates.title')}</a>
      </nav>
      <header class="page-header">
        <h1>{code === null ? t('reportTemplates.create') : t('reportTemplates.editTitle', { code })}</h1>
      </header>
      {openedVersion !== null && basedOnVersion !== null && (
        <p class="hint">
          {openedVersion === basedOnVersion
            ? t('reportTemplates.savesAs', { version: basedOnVersion + 1 })
            : t('reportTemplates.restoresAs', { opened: openedVersion, version: basedOnVersion + 1 })}
        </p>
      )}
      <FormMessages action={action} placedPaths={Object.keys(errors)} />

      <fieldset class="card editor-fieldset">
        <legend>{t('reportTemplates.general')}</legend>
        {code === null && (
          <Field label={t('reportTemplates.code')} hint={t('reportTemplates.codeHint')} error={errors.code}>
            {(control) => (
              <input
                {...control}
                required
                maxLength={40}
                autocapitalize="characters"
                value={newCode}
                onInput={(event) => {
                  setNewCode(event.currentTarget.value);
                  setDirty(true);
                }}
              />
            )}
          </Field>
        )}
        <Field label={t('reportTemplates.name')} error={errors.name}>
          {(control) => (
            <input
              {...control}
              required
              maxLength={300}
              value={draft.name}
              onInput={(event) => change({ name: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field label={t('reportTemplates.kind')} error={errors.kind}>
          {(control) => (
            <select
              {...control}
              value={draft.kind}
              onChange={(event) => change({ kind: event.currentTarget.value as TemplateDraft['kind'] })}
            >
              {reportKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {localized(reportKindLabels[kind])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('reportTemplates.periodType')} error={errors.periodType}>
          {(control) => (
            <select
              {...control}
              value={draft.periodType}
              onChange={(event) =>
                change({ periodType: event.currentTarget.value as TemplateDraft['periodType'] })
              }
            >
              {templatePeriodTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`reportTemplates.periodTypes.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset class="card editor-fieldset">
        <legend>{t('reportTemplates.outline')}</legend>
        <p class="hint">{t('reportTemplates.outlineHint')}</p>
        {errors.outline && <p class="field-error">{errors.outline}</p>}
        <ol class="plain-list template-outline-editor">
          {draft.outline.map((section, index) => (
            <li key={section.id} class={`template-section level-${section.level}`}>
              <SectionEditor
                section={section}
                index={index}
                count={draft.outline.length}
                errors={errors}
                onChange={(next) => setSection(index, next)}
                onMove={(delta) => change({ outline: moveItem(draft.outline, index, delta) })}
                onRemove={() => change({ outline: draft.outline.filter((_, at) => at !== index) })}
                onAddBelow={() => addSection(index, section.level)}
                onAddChild={() => addSection(index, Math.min(section.level + 1, 3))}
              />
            </li>
          ))}
        </ol>
        {draft.outline.length === 0 && (
          <button type="button" onClick={() => addSection(-1, 1)}>
            {t('reportTemplates.addSection')}
          </button>
        )}
      </fieldset>

      <fieldset class="card editor-fieldset">
        <legend>{t('reportTemplates.tables')}</legend>
        {catalogue.error ? <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} /> : null}
        {draft.tables.length === 0 && <p class="muted">{t('reportTemplates.noTables')}</p>}
        <ol class="plain-list">
          {draft.tables.map((table, index) => (
            <li key={table.id} class="template-table">
              <TableEditor
                table={table}
                index={index}
                count={draft.tables.length}
                catalogue={catalogue.data}
                errors={errors}
                onChange={(next) => setTable(index, next)}
                onMove={(delta) => change({ tables: moveItem(draft.tables, index, delta) })}
                onRemove={() => change({ tables: draft.tables.filter((_, at) => at !== index) })}
              />
            </li>
          ))}
        </ol>
        <p class="button-row">
          <button type="button" onClick={() => addTable('figures')}>
            {t('reportTemplates.addFiguresTable')}
          </button>
          <button type="button" onClick={() => addTable('activities')}>
            {t('reportTemplates.addActivitiesTable')}
          </button>
        </p>
      </fieldset>

      <div class="save-bar">
        <SubmitButton
          isBusy={action.isSubmitting}
          label={code === null ? t('reportTemplates.createSubmit') : t('reportTemplates.saveVersion')}
        />
        <a href={paths.reportTemplates}>{t('common.cancel')}</a>
      </div>
    </form>
  );
}

interface ItemControls {
  index: number;
  count: number;
  errors: Record<string, string>;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

function MoveButtons({
  index,
  count,
  onMove,
  onRemove,
  label,
}: Omit<ItemControls, 'errors'> & { label: string }) {
  return (
    <span class="button-row template-item-tools">
      <button
        type="button"
        class="button-quiet"
        disabled={index === 0}
        aria-label={t('reportTemplates.moveUp', { item: label })}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="button-quiet"
        disabled={index === count - 1}
        aria-label={t('reportTemplates.moveDown', { item: label })}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        class="button-quiet"
        aria-label={t('reportTemplates.remove', { item: label })}
        onClick={onRemove}
      >
        {t('reportTemplates.removeShort')}
      </button>
    </span>
  );
}

function SectionEditor({
  section,
  onChange,
  onAddBelow,
  onAddChild,
  ...controls
}: ItemControls & {
  section: SectionDraft;
  onChange: (next: Partial<SectionDraft>) => void;
  onAddBelow: () => void;
  onAddChild: () => void;
}) {
  const prefix = `outline.${controls.index}.`;
  const label = section.title || section.key;
  return (
    <div class="template-item">
      <div class="field-row">
        <Field label={t('reportTemplates.sectionKey')} error={controls.errors[`${prefix}key`]}>
          {(control) => (
            <input
              {...control}
              class="input-short"
              required
              maxLength={20}
              value={section.key}
              onInput={(event) => onChange({ key: event.currentTarget.value })}
            />
          )}
        </Field>
        <Field label={t('reportTemplates.level')} error={controls.errors[`${prefix}level`]}>
          {(control) => (
            <select
              {...control}
              value={String(section.level)}
              onChange={(event) => onChange({ level: Number(event.currentTarget.value) })}
            >
              {[1, 2, 3].map((level) => (
                <option key={level} value={String(level)}>
                  {t('reportTemplates.levelOption', { level })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('reportTemplates.sectionTitle')} error={controls.errors[`${prefix}title`]}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={300}
            value={section.title}
            onInput={(event) => onChange({ title: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field label={t('reportTemplates.guidance')} error={controls.errors[`${prefix}guidance`]} isOptional>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={4000}
            value={section.guidance}
            onInput={(event) => onChange({ guidance: event.currentTarget.value })}
          />
        )}
      </Field>
      <p class="button-row">
        <MoveButtons {...controls} label={label} />
        <button type="button" class="button-quiet" onClick={onAddBelow}>
          {t('reportTemplates.addBelow')}
        </button>
        {section.level < 3 && (
          <button type="button" class="button-quiet" onClick={onAddChild}>
            {t('reportTemplates.addChild')}
          </button>
        )}
      </p>
    </div>
  );
}

function TableEditor({
  table,
  catalogue,
  onChange,
  ...controls
}: ItemControls & {
  table: TableDraft;
  catalogue: Catalogue | undefined;
  onChange: (next: TableDraft) => void;
}) {
  const prefix = `tables.${controls.index}.`;
  const label = table.title || table.code;
  if (table.kind === 'kept')
    return (
      <div class="template-item">
        <p>
          <strong>{table.title}</strong> <span class="muted">({table.code})</span>
        </p>
        <p class="hint">{t('reportTemplates.keptHint', { source: table.source })}</p>
        {controls.errors[`${prefix}code`] && <p class="field-error">{controls.errors[`${prefix}code`]}</p>}
        <MoveButtons {...controls} label={label} />
      </div>
    );
  return (
    <div class="template-item">
      <p class="badge badge-info">
        {table.kind === 'figures' ? t('reportTemplates.figuresTable') : t('reportTemplates.activitiesTable')}
      </p>
      <div class="field-row">
        <Field label={t('reportTemplates.tableCode')} error={controls.errors[`${prefix}code`]}>
          {(control) => (
            <input
              {...control}
              class="input-short"
              required
              maxLength={20}
              value={table.code}
              onInput={(event) => onChange({ ...table, code: event.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <Field label={t('reportTemplates.tableTitle')} error={controls.errors[`${prefix}title`]}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={300}
            value={table.title}
            onInput={(event) => onChange({ ...table, title: event.currentTarget.value })}
          />
        )}
      </Field>
      {table.kind === 'figures' ? (
        <ElementsEditor
          elements={table.dataElements}
          catalogue={catalogue}
          errors={controls.errors}
          prefix={prefix}
          onChange={(dataElements) => onChange({ ...table, dataElements })}
        />
      ) : (
        <>
          <Field label={t('reportTemplates.layout')} error={controls.errors[`${prefix}layout`]}>
            {(control) => (
              <select
                {...control}
                value={table.layout}
                onChange={(event) =>
                  onChange({ ...table, layout: event.currentTarget.value as typeof table.layout })
                }
              >
                {activityTableLayouts.map((layout) => (
                  <option key={layout} value={layout}>
                    {t(`reportTemplates.layouts.${layout}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('reportTemplates.observance')} error={controls.errors[`${prefix}observance`]}>
            {(control) => (
              <select
                {...control}
                value={table.observance ?? ''}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  onChange({
                    ...table,
                    observance: value === '' ? null : (value as (typeof observances)[number]),
                  });
                }}
              >
                <option value="">{t('reportTemplates.allActivities')}</option>
                {observances.map((observance) => (
                  <option key={observance} value={observance}>
                    {localized(observanceDates[observance])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      <MoveButtons {...controls} label={label} />
    </div>
  );
}

function ElementsEditor({
  elements,
  catalogue,
  errors,
  prefix,
  onChange,
}: {
  elements: string[];
  catalogue: Catalogue | undefined;
  errors: Record<string, string>;
  prefix: string;
  onChange: (elements: string[]) => void;
}) {
  const [choice, setChoice] = useState('');
  const names = new Map(catalogue?.dataElements.map((element) => [element.code, element.name]) ?? []);
  const available = catalogue?.dataElements.filter((element) => !elements.includes(element.code)) ?? [];
  return (
    <div class="field">
      <p class="label">{t('reportTemplates.rows')}</p>
      {errors[`${prefix}dataElements`] && <p class="field-error">{errors[`${prefix}dataElements`]}</p>}
      {elements.length === 0 && <p class="muted">{t('reportTemplates.noRows')}</p>}
      <ol class="plain-list template-rows">
        {elements.map((code, index) => (
          <li key={code}>
            <span>
              <code>{code}</code> {names.get(code) ?? ''}
            </span>
            {errors[`${prefix}dataElements.${index}`] && (
              <span class="block field-error">{errors[`${prefix}dataElements.${index}`]}</span>
            )}
            <MoveButtons
              index={index}
              count={elements.length}
              label={names.get(code) ?? code}
              onMove={(delta) => onChange(moveItem(elements, index, delta))}
              onRemove={() => onChange(elements.filter((_, at) => at !== index))}
            />
          </li>
        ))}
      </ol>
      <div class="filter-row">
        <Field label={t('reportTemplates.addRow')}>
          {(control) => (
            <select {...control} value={choice} onChange={(event) => setChoice(event.currentTarget.value)}>
              <option value="">{catalogue ? t('reportTemplates.chooseElement') : t('common.loading')}</option>
              {available.map((element) => (
                <option key={element.code} value={element.code}>
                  {element.code} — {element.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          disabled={choice === ''}
          onClick={() => {
            onChange([...elements, choice]);
            setChoice('');
          }}
        >
          {t('reportTemplates.addRowSubmit')}
        </button>
      </div>
    </div>
  );
}
