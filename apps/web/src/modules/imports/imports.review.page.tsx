import type { ImportDetail } from '@binhdang/contracts';
import type { ComponentChildren } from 'preact';
import { useReducer, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { describeError, isNotFound } from '../app/app.errors.ts';
import { formatDateTime } from '../app/app.format.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { confirmAction, ErrorNotice, Loading, NotFoundPage } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { useLeaveGuard } from '../plans/plans.leave-guard.ts';
import { acceptImport, discardImport, fetchImport } from './imports.api.ts';
import { NAMES_SECTION_ID, NamesEditor } from './imports.names.tsx';
import {
  initialReview,
  type PlacedIssues,
  placeIssues,
  type ReviewAction,
  reviewReducer,
  toAcceptInput,
  unresolvedNames,
} from './imports.review.ts';
import {
  BasesFields,
  EventFields,
  GeneralFields,
  RecipientFields,
  ReportingFields,
  SectionFields,
  SignerFields,
} from './imports.review-fields.tsx';
import { TaskList } from './imports.review-tasks.tsx';
import './imports.css';

export function PlanImportReviewPage() {
  usePageTitle(t('imports.review.title'));
  return (
    <RequirePermission permission="plans.write">
      <ReviewLoader />
    </RequirePermission>
  );
}

function useImportIdParam(): number | null {
  const { params } = useRoute();
  const id = Number(params.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function ReviewLoader() {
  const importId = useImportIdParam();
  const upload = useResource((signal) => fetchImport(importId ?? 0, signal), [importId]);
  if (importId === null || isNotFound(upload.error)) return <NotFoundPage />;
  if (upload.error && !upload.data) return <ErrorNotice error={upload.error} onRetry={upload.reload} />;
  if (!upload.data || upload.data.id !== importId) return <Loading />;
  const detail = upload.data;
  if (detail.status === 'pending') {
    return (
      <ImportReview key={detail.id} detail={detail} onChanged={upload.setData} onStale={upload.reload} />
    );
  }
  return (
    <ReviewFrame detail={detail}>
      {detail.status === 'accepted' && detail.planId !== null ? (
        <div class="notice notice-success" role="status">
          <p>
            {t('imports.review.accepted', {
              time: detail.acceptedAt ? formatDateTime(detail.acceptedAt) : '—',
            })}
          </p>
          <p>
            <a href={paths.plan(detail.planId)}>{t('imports.review.openPlan')}</a>
          </p>
        </div>
      ) : (
        <div class="notice notice-warning" role="status">
          <p>{t('imports.review.discarded')}</p>
          <p>
            <a href={paths.planImport}>{t('imports.review.uploadAgain')}</a>
          </p>
        </div>
      )}
    </ReviewFrame>
  );
}

/** Breadcrumb, heading and what was uploaded, by whom, for which unit. */
function ReviewFrame({ detail, children }: { detail: ImportDetail; children: ComponentChildren }) {
  return (
    <div class="page page-wide import-review">
      <nav aria-label={t('plans.detail.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.plans}>{t('plans.list.title')}</a>
          </li>
          <li>
            <a href={paths.planImport}>{t('imports.upload.title')}</a>
          </li>
          <li aria-current="page">{detail.fileName}</li>
        </ol>
      </nav>
      <header class="page-header">
        <h1>{t('imports.review.title')}</h1>
      </header>
      <p class="unit-meta">
        {t('imports.review.uploaded', {
          file: detail.fileName,
          unit: detail.receivingUnit.name,
          time: formatDateTime(detail.createdAt),
          name: detail.createdBy ?? '—',
        })}
      </p>
      {children}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card editor-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

const NO_ISSUES: PlacedIssues = { fields: {}, others: [] };

/** Errors of the accept call that mean the upload changed under us: reload it to show what it is now. */
const STALE_CODES = [
  'imports.already_accepted',
  'imports.discarded',
  'imports.duplicate',
  'imports.not_found',
];

type Tab = 'source' | 'read';

function ImportReview({
  detail,
  onChanged,
  onStale,
}: {
  detail: ImportDetail;
  onChanged: (detail: ImportDetail) => void;
  onStale: () => void;
}) {
  const { route } = useLocation();
  const [state, rawDispatch] = useReducer(reviewReducer, detail, initialReview);
  const [isDirty, setDirty] = useState(false);
  const [tab, setTab] = useState<Tab>('read');
  const [busy, setBusy] = useState<'accept' | 'discard' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [issues, setIssues] = useState<PlacedIssues>(NO_ISSUES);
  const messagesRef = useRef<HTMLDivElement>(null);
  const guardRef = useLeaveGuard<HTMLDivElement>(isDirty, t('imports.review.leaveConfirm'));
  usePageTitle(t('imports.review.titleOf', { file: detail.fileName }));

  const dispatch = (action: ReviewAction) => {
    rawDispatch(action);
    setDirty(true);
  };
  const unresolved = unresolvedNames(state);
  const warnings = detail.result.warnings;

  function showMessages() {
    setTab('read');
    requestAnimationFrame(() => messagesRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  }

  async function accept() {
    const result = toAcceptInput(state);
    if ('issues' in result) {
      const found = result.issues.map((issue) => ({ path: issue.path, message: t(issue.messageKey) }));
      setIssues(placeIssues(state, found));
      // Not a catalogued code: the message says what to do here, not that the server refused.
      setError(
        new ApiError(0, 'review.invalid', t('imports.review.fixFirst', { count: found.length }), found),
      );
      showMessages();
      return;
    }
    const sent = state;
    setBusy('accept');
    setError(null);
    setIssues(NO_ISSUES);
    try {
      const plan = await acceptImport(detail.id, result.input);
      setDirty(false);
      route(paths.plan(plan.id));
    } catch (caught) {
      setBusy(null);
      setError(caught);
      if (caught instanceof ApiError) setIssues(placeIssues(sent, caught.issues));
      if (caught instanceof ApiError && STALE_CODES.includes(caught.code)) onStale();
      showMessages();
    }
  }

  async function discard() {
    if (!confirmAction(t('imports.review.discardConfirm'))) return;
    setBusy('discard');
    setError(null);
    try {
      const fresh = await discardImport(detail.id);
      setDirty(false);
      onChanged(fresh);
    } catch (caught) {
      setBusy(null);
      setError(caught);
      if (caught instanceof ApiError && STALE_CODES.includes(caught.code)) onStale();
      showMessages();
    }
  }

  return (
    <div ref={guardRef}>
      <ReviewFrame detail={detail}>
        {detail.duplicate && (
          <div class="notice notice-warning" role="alert">
            <p>
              <strong>{t('imports.upload.duplicate')}</strong>
            </p>
            <p>
              <a href={paths.plan(detail.duplicate.planId)}>{t('imports.upload.openPlan')}</a>
            </p>
          </div>
        )}
        {warnings.length > 0 && (
          <div class="notice notice-warning" role="note">
            <p>
              <strong>
                <span aria-hidden="true">⚠ </span>
                {t('imports.review.warnings')}
              </strong>
            </p>
            <ul>
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
        {unresolved.length > 0 && (
          <p class="notice notice-warning" role="note">
            <span aria-hidden="true">⚠ </span>
            {t('imports.review.unresolved', { count: unresolved.length })}{' '}
            <a
              href={`#${NAMES_SECTION_ID}`}
              onClick={() => {
                setTab('read');
              }}
            >
              {t('imports.review.unresolvedLink')}
            </a>
          </p>
        )}

        <div ref={messagesRef} class="editor-messages" tabIndex={-1}>
          {error ? (
            <div class="notice notice-error" role="alert">
              <p>{describeError(error)}</p>
              {issues.others.length > 0 && (
                <>
                  <p>{t('errors.otherIssues')}</p>
                  <ul>
                    {issues.others.map((issue) => (
                      <li key={issue.path}>
                        {issue.path ? `${issue.path}: ` : ''}
                        {issue.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ) : null}
        </div>

        <div class="review-tabs" role="tablist" aria-label={t('imports.review.tabs')}>
          {(['source', 'read'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              onClick={() => setTab(name)}
            >
              {t(name === 'source' ? 'imports.review.source' : 'imports.review.read')}
            </button>
          ))}
        </div>

        <div class="review-layout" data-tab={tab}>
          <section id="panel-source" class="review-source" role="tabpanel" aria-labelledby="source-title">
            <h2 id="source-title" class="review-source-title">
              {t('imports.review.source')}
            </h2>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll without a mouse */}
            <section class="source-text" tabIndex={0} aria-label={t('imports.review.sourceText')}>
              {detail.sourceText.replace(/\n(\s*\n){2,}/g, '\n\n').trim()}
            </section>
          </section>

          <section id="panel-read" class="review-read" role="tabpanel" aria-labelledby="read-title">
            <h2 id="read-title" class="visually-hidden">
              {t('imports.review.read')}
            </h2>
            <p class="hint">{t('imports.review.dayHint')}</p>
            <nav class="section-nav" aria-label={t('imports.review.sectionsNav')}>
              <ul>
                <li>
                  <a href="#chung">{t('plans.editor.sections.general')}</a>
                </li>
                <li>
                  <a href="#can-cu">{t('plans.editor.sections.bases')}</a>
                </li>
                <li>
                  <a href={`#${NAMES_SECTION_ID}`}>{t('imports.names.title')}</a>
                </li>
                <li>
                  <a href="#nhiem-vu">{t('imports.tasks.titleShort')}</a>
                </li>
                <li>
                  <a href="#su-kien">{t('imports.review.events')}</a>
                </li>
                <li>
                  <a href="#bao-cao">{t('imports.review.reporting')}</a>
                </li>
                <li>
                  <a href="#noi-nhan">{t('plans.editor.sections.recipients')}</a>
                </li>
              </ul>
            </nav>
            <fieldset class="editor-fieldset" disabled={busy !== null}>
              <legend class="visually-hidden">{t('imports.review.read')}</legend>
              <Section id="chung" title={t('plans.editor.sections.general')}>
                <GeneralFields state={state} detail={detail} dispatch={dispatch} errors={issues.fields} />
              </Section>
              <Section id="can-cu" title={t('plans.editor.sections.bases')}>
                <BasesFields state={state} detail={detail} dispatch={dispatch} errors={issues.fields} />
              </Section>
              <Section id={NAMES_SECTION_ID} title={t('imports.names.title')}>
                <NamesEditor state={state} dispatch={dispatch} />
              </Section>
              <Section id="de-muc" title={t('imports.review.sections')}>
                <SectionFields state={state} dispatch={dispatch} errors={issues.fields} />
              </Section>
              <Section id="nhiem-vu" title={t('imports.tasks.title', { count: state.tasks.length })}>
                <TaskList state={state} dispatch={dispatch} errors={issues.fields} />
              </Section>
              <Section id="su-kien" title={t('imports.review.events')}>
                <EventFields state={state} dispatch={dispatch} errors={issues.fields} />
              </Section>
              <Section id="bao-cao" title={t('imports.review.reporting')}>
                <ReportingFields state={state} dispatch={dispatch} errors={issues.fields} />
              </Section>
              <Section id="noi-nhan" title={t('plans.editor.sections.recipients')}>
                <RecipientFields state={state} dispatch={dispatch} errors={issues.fields} />
              </Section>
              <Section id="nguoi-ky" title={t('plans.editor.sections.signer')}>
                <SignerFields state={state} dispatch={dispatch} errors={issues.fields} />
              </Section>
            </fieldset>
          </section>
        </div>

        <div class="save-bar">
          <p class="save-status" role="status">
            {busy === 'accept'
              ? t('imports.review.accepting')
              : busy === 'discard'
                ? t('imports.review.discarding')
                : unresolved.length > 0
                  ? t('imports.review.unresolvedShort', { count: unresolved.length })
                  : t('imports.review.ready')}
          </p>
          <div class="button-row">
            <button type="button" class="button-quiet" onClick={discard} disabled={busy !== null}>
              {t('imports.review.discard')}
            </button>
            <button
              type="button"
              class="button-primary"
              onClick={accept}
              disabled={busy !== null}
              aria-busy={busy === 'accept'}
            >
              {t('imports.review.accept')}
            </button>
          </div>
        </div>
      </ReviewFrame>
    </div>
  );
}
