import type { ActivityImportResult } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { describeError } from '../app/app.errors.ts';
import { formatCount } from '../app/app.format.ts';
import { usePageTitle } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { Field } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useSession } from '../auth/auth.session.ts';
import { OrgUnitPicker, type PickedUnit } from '../org-units/org-units.picker.tsx';
import { activityTemplateUrl, importActivities } from './activities.api.ts';
import { grantUnits } from './activities.format.tsx';
import './activities.css';

/*
 * Bulk entry: download the template, fill it, import it. A file with bad rows is refused whole
 * and every problem is listed by row and column as the server words it; a file already imported
 * for the unit asks for confirmation before it is imported again.
 */

export function ActivityImportPage() {
  usePageTitle(t('activities.import.title'));
  return (
    <RequirePermission permission="activities.write">
      <ActivityImport />
    </RequirePermission>
  );
}

function ActivityImport() {
  const session = useSession();
  const units = grantUnits(session, 'activities.write');
  const [unit, setUnit] = useState<PickedUnit | null>(units[0] ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [result, setResult] = useState<ActivityImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isDuplicate, setDuplicate] = useState(false);

  async function run(confirm: boolean) {
    if (!unit || !file) {
      setError(new Error(t('activities.import.noFile')));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await importActivities(unit.id, file, confirm));
      setDuplicate(false);
    } catch (caught) {
      setDuplicate(caught instanceof ApiError && caught.code === 'activities.import_duplicate');
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const rowIssues =
    error instanceof ApiError && error.code === 'activities.import_invalid' ? error.issues : [];
  return (
    <section class="page page-narrow">
      <p class="breadcrumb-line">
        <a href={paths.activities}>{t('activities.form.back')}</a>
      </p>
      <h1>{t('activities.import.title')}</h1>
      <p class="muted">{t('activities.import.intro')}</p>
      <p>
        <a class="button" href={activityTemplateUrl} download>
          {t('activities.import.template')}
        </a>
      </p>
      <form
        class="form card"
        onSubmit={(event) => {
          event.preventDefault();
          void run(false);
        }}
      >
        <OrgUnitPicker label={t('activities.import.unit')} value={unit} onChange={setUnit} />
        <Field label={t('activities.import.file')}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setResult(null);
                setError(null);
              }}
            />
          )}
        </Field>
        <button type="submit" class="button-primary" disabled={isBusy} aria-busy={isBusy}>
          {isBusy ? t('activities.import.importing') : t('activities.import.submit')}
        </button>
      </form>

      {result && (
        <div class="notice notice-success" role="status">
          <p>{t('activities.import.done', { count: formatCount(result.imported), file: result.fileName })}</p>
          <p>
            <a href={paths.activities}>{t('activities.import.openList')}</a>
          </p>
        </div>
      )}
      {error !== null && isDuplicate && (
        <div class="notice notice-warning" role="alert">
          <p>{t('activities.import.duplicate')}</p>
          <button type="button" onClick={() => void run(true)} disabled={isBusy}>
            {t('activities.import.confirm')}
          </button>
        </div>
      )}
      {error !== null && !isDuplicate && (
        <div class="notice notice-error" role="alert">
          <p>{describeError(error)}</p>
          {rowIssues.length > 0 && (
            <>
              <h2 class="h3">
                {t('activities.import.errorsTitle', { count: formatCount(rowIssues.length) })}
              </h2>
              <ul class="import-issues">
                {rowIssues.map((issue) => (
                  <li key={`${issue.path}-${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
