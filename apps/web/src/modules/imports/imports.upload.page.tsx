import { type ImportDetail, importRules, rolePermissions } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatDateTime } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Field } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { type Session, useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { formatFileSize } from '../tasks/tasks.attachments.ts';
import { listImports, uploadPlanDocument } from './imports.api.ts';
import {
  acceptedImportExtensions,
  checkImportFile,
  type ImportFileProblem,
  progressPercent,
} from './imports.upload.ts';
import './imports.css';

const problemKeys: Record<ImportFileProblem, MessageKey> = {
  empty: 'imports.upload.problems.empty',
  tooLarge: 'imports.upload.problems.tooLarge',
  typeNotAllowed: 'imports.upload.problems.typeNotAllowed',
};

const MAX_MEGABYTES = importRules.maxBytes / (1024 * 1024);
const PENDING_LIMIT = 10;

export function PlanImportUploadPage() {
  usePageTitle(t('imports.upload.title'));
  return (
    <RequirePermission permission="plans.write">
      <section class="page">
        <nav aria-label={t('plans.detail.breadcrumb')}>
          <ol class="breadcrumb">
            <li>
              <a href={paths.plans}>{t('plans.list.title')}</a>
            </li>
            <li aria-current="page">{t('imports.upload.title')}</li>
          </ol>
        </nav>
        <h1>{t('imports.upload.title')}</h1>
        <p>{t('imports.upload.intro')}</p>
        <UploadForm />
        <PendingImports />
      </section>
    </RequirePermission>
  );
}

/** The unit of the user's first role that may write plans: where a received plan usually goes. */
function defaultUnit(session: Session | null): PickedUnit | null {
  const grant = session?.grants.find(
    (candidate) => candidate.orgUnit && rolePermissions[candidate.role].includes('plans.write'),
  );
  return grant?.orgUnit ? { ...grant.orgUnit } : null;
}

type Stage = { name: 'idle' } | { name: 'sending'; percent: number | null } | { name: 'reading' };

function UploadForm() {
  const { route } = useLocation();
  const session = useSession();
  const [unit, setUnit] = useState<PickedUnit | null>(() => defaultUnit(session));
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [unitProblem, setUnitProblem] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [duplicate, setDuplicate] = useState<ImportDetail | null>(null);
  const [isDragging, setDragging] = useState(false);
  const isBusy = stage.name !== 'idle';

  function choose(chosen: File | null) {
    setError(null);
    setDuplicate(null);
    const found = chosen && checkImportFile(chosen);
    setProblem(chosen && found ? t(problemKeys[found], { name: chosen.name, size: MAX_MEGABYTES }) : null);
    setFile(chosen && !found ? chosen : null);
  }

  async function submit(event: Event) {
    event.preventDefault();
    setUnitProblem(unit ? null : t('imports.upload.unitRequired'));
    if (!file && !problem) setProblem(t('imports.upload.fileRequired'));
    if (!unit || !file) return;
    setError(null);
    setDuplicate(null);
    setStage({ name: 'sending', percent: 0 });
    try {
      const detail = await uploadPlanDocument(file, unit.id, (sent, total) =>
        // Once the last byte is out, the server is reading the document.
        setStage(
          sent >= total && total > 0
            ? { name: 'reading' }
            : { name: 'sending', percent: progressPercent(sent, total) },
        ),
      );
      setStage({ name: 'idle' });
      if (detail.duplicate) {
        setDuplicate(detail);
        return;
      }
      route(paths.planImportReview(detail.id));
    } catch (caught) {
      setStage({ name: 'idle' });
      setError(caught);
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (isBusy) return;
    choose(event.dataTransfer?.files[0] ?? null);
  }

  return (
    <form class="form card" onSubmit={submit} noValidate>
      <OrgUnitPicker
        label={t('imports.upload.unit')}
        hint={t('imports.upload.unitHint')}
        value={unit}
        onChange={(picked) => {
          setUnit(picked);
          if (picked) setUnitProblem(null);
        }}
        error={unitProblem ?? undefined}
      />

      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut for the file input inside, which keyboards and phones use */}
      <div
        class={isDragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Field
          label={t('imports.upload.file')}
          hint={t('imports.upload.fileHint', { size: MAX_MEGABYTES })}
          error={problem ?? undefined}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept={acceptedImportExtensions()}
              disabled={isBusy}
              onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        <p class="hint drop-hint" aria-hidden="true">
          {t('imports.upload.dropHint')}
        </p>
        {file && (
          <p class="chosen-file">
            <strong>{file.name}</strong> <span class="muted">({formatFileSize(file.size)})</span>
          </p>
        )}
      </div>

      {stage.name !== 'idle' && (
        <div class="upload-progress" role="status">
          <progress
            max={100}
            value={stage.name === 'sending' && stage.percent !== null ? stage.percent : undefined}
          />
          <p>
            {stage.name === 'reading'
              ? t('imports.upload.reading')
              : stage.percent === null
                ? t('imports.upload.sending')
                : t('imports.upload.sendingPercent', { percent: stage.percent })}
          </p>
        </div>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {duplicate?.duplicate && (
        <div class="notice notice-warning" role="alert">
          <p>
            <strong>{t('imports.upload.duplicate')}</strong>
          </p>
          <p>
            {t('imports.upload.duplicateHint', {
              unit: duplicate.receivingUnit.name,
              date: duplicate.acceptedAt ? formatDateTime(duplicate.acceptedAt) : '—',
            })}
          </p>
          <p>
            <a href={paths.plan(duplicate.duplicate.planId)}>{t('imports.upload.openPlan')}</a>
          </p>
        </div>
      )}

      <button type="submit" class="button-primary" disabled={isBusy} aria-busy={isBusy}>
        {isBusy ? t('imports.upload.busy') : t('imports.upload.submit')}
      </button>
    </form>
  );
}

/** Documents uploaded earlier and not yet accepted or discarded, so an interrupted review can go on. */
function PendingImports() {
  const pending = useResource(
    (signal) => listImports({ status: 'pending', limit: PENDING_LIMIT }, signal),
    [],
  );
  const items = pending.data?.items ?? [];
  if (pending.error) return <ErrorNotice error={pending.error} onRetry={pending.reload} />;
  if (items.length === 0) return null;
  return (
    <section class="card" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('imports.upload.pending')}</h2>
      <ul class="plain-list">
        {items.map((item) => (
          <li key={item.id} class="pending-import">
            <a href={paths.planImportReview(item.id)}>{item.title ?? item.fileName}</a>
            <span class="block unit-meta">
              {t('imports.upload.pendingMeta', {
                file: item.fileName,
                unit: item.receivingUnit.name,
                time: formatDateTime(item.createdAt),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
