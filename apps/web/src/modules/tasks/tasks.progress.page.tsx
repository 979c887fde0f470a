import type { Attachment, TaskProgressDetail } from '@binhdang/contracts';
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { ApiError } from '../app/app.api-client.ts';
import { describeError, isNotFound } from '../app/app.errors.ts';
import { formatDateTime } from '../app/app.format.ts';
import { type FormAction, useFormAction, usePageTitle, useResource } from '../app/app.hooks.ts';
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
import {
  Percent,
  PlanLink,
  planNumber,
  roleLabel,
  TaskStatusBadge,
  taskStatusLabel,
} from '../plans/plans.format.tsx';
import { useLeaveGuard } from '../plans/plans.leave-guard.ts';
import { describeTaskTime } from '../plans/plans.time.ts';
import {
  fetchTaskProgress,
  type UpdateProgressInput,
  updateTaskProgress,
  uploadAttachment,
} from './tasks.api.ts';
import {
  type AttachmentProblem,
  acceptedExtensions,
  checkAttachment,
  formatFileSize,
  withAcceptedType,
} from './tasks.attachments.ts';

type StoredStatus = UpdateProgressInput['status'];
const STORED_STATUSES: StoredStatus[] = ['not_started', 'in_progress', 'done'];

function positiveId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function TaskProgressPage() {
  usePageTitle(t('tasks.progress.title'));
  return (
    <RequirePermission permission="plans.read">
      <ProgressLoader />
    </RequirePermission>
  );
}

function ProgressLoader() {
  const { params } = useRoute();
  const taskId = positiveId(params.taskId);
  const unitId = positiveId(params.unitId);
  const detail = useResource(
    (signal) => fetchTaskProgress(taskId ?? 0, unitId ?? 0, signal),
    [taskId, unitId],
  );
  if (taskId === null || unitId === null || isNotFound(detail.error)) return <NotFoundPage />;
  if (detail.error && !detail.data) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data || detail.data.taskId !== taskId || detail.data.orgUnit.id !== unitId) return <Loading />;
  return <Progress key={`${taskId}-${unitId}`} detail={detail.data} onUpdated={detail.setData} />;
}

function Progress({
  detail,
  onUpdated,
}: {
  detail: TaskProgressDetail;
  onUpdated: (detail: TaskProgressDetail) => void;
}) {
  const { task } = detail;
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(`${task.ref} ${task.text}`.trim());
  const time = describeTaskTime(task.time, task.timeText);
  return (
    <article class="page">
      <nav aria-label={t('plans.detail.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.tasks}>{t('tasks.list.title')}</a>
          </li>
          <li>
            <a href={paths.plan(task.plan.id)}>{planNumber(task.plan)}</a>
          </li>
          <li aria-current="page">{task.ref || t('tasks.progress.title')}</li>
        </ol>
      </nav>
      <header class="page-header">
        <h1 class="plan-heading">
          {task.ref && <span class="doc-ref">{task.ref}</span>} {task.text}
        </h1>
        <TaskStatusBadge status={detail.status} />
      </header>

      <dl class="facts card plan-facts">
        <div>
          <dt>{t('tasks.progress.plan')}</dt>
          <dd>
            <PlanLink plan={task.plan} />
          </dd>
        </div>
        <div>
          <dt>{t('tasks.list.unit')}</dt>
          <dd>
            {detail.orgUnit.name} <span class="muted">({roleLabel(detail.role)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('plans.task.time')}</dt>
          <dd>{time || <span class="muted">{t('tasks.progress.noTime')}</span>}</dd>
        </div>
        <div>
          <dt>{t('plans.task.expectedOutput')}</dt>
          <dd>{task.expectedOutput || <span class="muted">—</span>}</dd>
        </div>
        <div>
          <dt>{t('tasks.list.percent')}</dt>
          <dd>
            <Percent value={detail.percent} />
          </dd>
        </div>
        <div>
          <dt>{t('tasks.progress.lastUpdate')}</dt>
          <dd>
            {detail.updatedAt
              ? t('tasks.progress.updatedBy', {
                  time: formatDateTime(detail.updatedAt),
                  name: detail.updatedBy ?? '—',
                })
              : t('tasks.progress.never')}
          </dd>
        </div>
      </dl>
      <p class="task-activity-links">
        <a href={paths.taskActivities(task.id)}>{t('activities.task.activities')}</a>
        {detail.canUpdate && (
          <>
            {' · '}
            <a href={paths.newTaskActivity(task.id, detail.orgUnit.id)}>{t('activities.task.log')}</a>
          </>
        )}
      </p>

      {notice && (
        <p class="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {detail.canUpdate ? (
        // A new revision (saved here or reloaded) starts the form afresh from the stored values.
        <ProgressForm
          key={detail.revision}
          detail={detail}
          onUpdated={onUpdated}
          onSubmitting={() => setNotice(null)}
          onSaved={(saved) => {
            setNotice(t('tasks.progress.saved'));
            onUpdated(saved);
          }}
        />
      ) : (
        <p class="notice" role="note">
          {t('tasks.progress.readOnly')}
        </p>
      )}
      <Attachments detail={detail} onUpdated={onUpdated} />
      <History detail={detail} />
    </article>
  );
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function clientIssue(path: string, message: string): ApiError {
  return new ApiError(0, 'request.invalid', message, [{ path, message }]);
}

function ProgressForm({
  detail,
  onUpdated,
  onSubmitting,
  onSaved,
}: {
  detail: TaskProgressDetail;
  onUpdated: (detail: TaskProgressDetail) => void;
  onSubmitting: () => void;
  onSaved: (detail: TaskProgressDetail) => void;
}) {
  const [status, setStatus] = useState<StoredStatus>(detail.storedStatus);
  const [percent, setPercent] = useState(detail.percent === null ? '' : String(detail.percent));
  const [note, setNote] = useState(detail.note ?? '');
  const [links, setLinks] = useState<string[]>(detail.links);
  const [isDirty, setDirty] = useState(false);
  const action = useFormAction();
  const reloading = useFormAction();
  const guardRef = useLeaveGuard<HTMLElement>(isDirty, t('plans.editor.leaveConfirm'));
  const isConflict = action.error instanceof ApiError && action.error.code === 'tasks.conflict';

  function edit<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setDirty(true);
    };
  }

  async function submit(event: Event) {
    event.preventDefault();
    const cleanLinks = links.map((link) => link.trim()).filter(Boolean);
    const badLink = cleanLinks.findIndex((link) => !isWebAddress(link));
    if (badLink >= 0) {
      action.fail(clientIssue(`links.${badLink}`, t('tasks.progress.linkInvalid')));
      return;
    }
    onSubmitting();
    const saved = await action.run(() =>
      updateTaskProgress(detail.taskId, detail.orgUnit.id, {
        revision: detail.revision,
        status,
        percent: percent === '' ? null : Number(percent),
        note: note.trim() || null,
        links: cleanLinks,
      }),
    );
    if (!saved) return;
    setDirty(false);
    onSaved(saved);
  }

  async function reloadLatest() {
    if (isDirty && !confirmAction(t('plans.editor.discardConfirm'))) return;
    const fresh = await reloading.run(() => fetchTaskProgress(detail.taskId, detail.orgUnit.id));
    if (!fresh) return;
    setDirty(false);
    onUpdated(fresh);
  }

  return (
    <section ref={guardRef} class="card" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('tasks.progress.update')}</h2>
      <form class="form" onSubmit={submit}>
        {isConflict ? (
          <div class="notice notice-error" role="alert">
            <p>
              <strong>{t('tasks.progress.conflict')}</strong>
            </p>
            <FormMessages action={reloading} />
            <button type="button" onClick={reloadLatest} disabled={reloading.isSubmitting}>
              {t('plans.editor.reloadLatest')}
            </button>
          </div>
        ) : (
          <FormMessages
            action={action}
            placedPaths={['status', 'percent', 'note', ...links.map((_, index) => `links.${index}`)]}
          />
        )}
        <div class="field-row">
          <Field label={t('tasks.progress.status')} error={action.fieldErrors.status}>
            {(control) => (
              <select
                {...control}
                value={status}
                onChange={(event) => {
                  const next = event.currentTarget.value as StoredStatus;
                  edit(setStatus)(next);
                  if (next === 'done') setPercent('100');
                }}
              >
                {STORED_STATUSES.map((option) => (
                  <option key={option} value={option}>
                    {taskStatusLabel(option)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('tasks.progress.percent')}
            hint={t('tasks.progress.percentHint')}
            error={action.fieldErrors.percent}
            isOptional
          >
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                value={percent}
                onInput={(event) => edit(setPercent)(event.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <Field
          label={t('tasks.progress.note')}
          hint={t('tasks.progress.noteHint')}
          error={action.fieldErrors.note}
          isOptional
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={4000}
              value={note}
              onInput={(event) => edit(setNote)(event.currentTarget.value)}
            />
          )}
        </Field>
        <LinksEditor links={links} onChange={edit(setLinks)} action={action} />
        <SubmitButton isBusy={action.isSubmitting} label={t('tasks.progress.save')} />
      </form>
    </section>
  );
}

function LinksEditor({
  links,
  onChange,
  action,
}: {
  links: string[];
  onChange: (links: string[]) => void;
  action: FormAction;
}) {
  return (
    <fieldset>
      <legend>{t('tasks.progress.links')}</legend>
      <p class="hint">{t('tasks.progress.linksHint')}</p>
      {links.map((link, index) => (
        <div key={index} class="list-editor-row">
          <Field
            label={t('tasks.progress.link', { index: index + 1 })}
            error={action.fieldErrors[`links.${index}`]}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                inputMode="url"
                autocomplete="off"
                spellcheck={false}
                placeholder="https://"
                value={link}
                onInput={(event) =>
                  onChange(
                    links.map((other, position) => (position === index ? event.currentTarget.value : other)),
                  )
                }
              />
            )}
          </Field>
          <button
            type="button"
            class="button-quiet"
            aria-label={t('tasks.progress.removeLink', { index: index + 1 })}
            onClick={() => onChange(links.filter((_, position) => position !== index))}
          >
            {t('plans.recipients.remove')}
          </button>
        </div>
      ))}
      {links.length < 20 && (
        <button type="button" onClick={() => onChange([...links, ''])}>
          {t('tasks.progress.addLink')}
        </button>
      )}
    </fieldset>
  );
}

const attachmentProblemKeys: Record<AttachmentProblem, MessageKey> = {
  empty: 'tasks.attachments.empty',
  tooLarge: 'tasks.attachments.tooLarge',
  typeNotAllowed: 'tasks.attachments.typeNotAllowed',
};

function Attachments({
  detail,
  onUpdated,
}: {
  detail: TaskProgressDetail;
  onUpdated: (detail: TaskProgressDetail) => void;
}) {
  const [messages, setMessages] = useState<{ tone: 'error' | 'success'; text: string }[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const extensions = acceptedExtensions();

  async function upload(files: File[]) {
    const results: { tone: 'error' | 'success'; text: string }[] = [];
    let attachments: Attachment[] = detail.attachments;
    for (const file of files) {
      const problem = checkAttachment(file);
      if (problem) {
        results.push({
          tone: 'error',
          text: t(attachmentProblemKeys[problem], {
            name: file.name,
            types: extensions.join(', ').toUpperCase(),
          }),
        });
        continue;
      }
      setUploading(file.name);
      try {
        const uploaded = await uploadAttachment(detail.taskId, detail.orgUnit.id, withAcceptedType(file));
        attachments = [...attachments, uploaded];
        onUpdated({ ...detail, attachments });
        results.push({ tone: 'success', text: t('tasks.attachments.uploaded', { name: file.name }) });
      } catch (error) {
        results.push({ tone: 'error', text: `${file.name}: ${describeError(error)}` });
      }
    }
    setUploading(null);
    setMessages(results);
  }

  return (
    <section class="card" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('tasks.attachments.title')}</h2>
      {detail.attachments.length === 0 ? (
        <p class="muted">{t('tasks.attachments.none')}</p>
      ) : (
        <ul class="plain-list attachment-list">
          {detail.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={paths.attachment(attachment.id)} download={attachment.fileName}>
                {attachment.fileName}
              </a>
              <span class="block unit-meta">
                {formatFileSize(attachment.sizeBytes)} ·{' '}
                {t('tasks.attachments.uploadedBy', {
                  time: formatDateTime(attachment.uploadedAt),
                  name: attachment.uploadedBy,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {messages.map((message, index) => (
        <p
          key={index}
          class={message.tone === 'error' ? 'notice notice-error' : 'notice notice-success'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ))}
      {detail.canUpdate && (
        <Field
          label={t('tasks.attachments.add')}
          hint={t('tasks.attachments.rules', { types: extensions.join(', ').toUpperCase() })}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              multiple
              accept={extensions.map((extension) => `.${extension}`).join(',')}
              disabled={uploading !== null}
              onChange={(event) => {
                const input = event.currentTarget;
                const files = [...(input.files ?? [])];
                input.value = '';
                if (files.length > 0) void upload(files);
              }}
            />
          )}
        </Field>
      )}
      {uploading && (
        <p class="loading" role="status">
          {t('tasks.attachments.uploading', { name: uploading })}
        </p>
      )}
    </section>
  );
}

function History({ detail }: { detail: TaskProgressDetail }) {
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('tasks.progress.history')}</h2>
      {detail.history.length === 0 ? (
        <p class="muted">{t('tasks.progress.noHistory')}</p>
      ) : (
        <ol class="plain-list history-list">
          {detail.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span class="unit-meta">
                {formatDateTime(entry.at)} · {entry.by}
              </span>
              <span class="block">
                <TaskStatusBadge status={entry.status} />{' '}
                {entry.percent !== null && <span>{entry.percent}%</span>}
              </span>
              {entry.note && <span class="block">{entry.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
