import type { PlanDetail } from '@binhdang/contracts';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { isNotFound } from '../app/app.errors.ts';
import { usePageTitle, useResource } from '../app/app.hooks.ts';
import { paths } from '../app/app.paths.ts';
import { ErrorNotice, Loading, NotFoundPage } from '../app/app.ui.tsx';
import { RequirePermission } from '../auth/auth.guard.tsx';
import { fetchPlan } from './plans.api.ts';
import { AssigneeNames } from './plans.document.tsx';
import { type AssigneeDraft, errorsUnder, type ItemDraft, type TaskDraft } from './plans.draft.ts';
import { PlanStatusBadge, planNumber, usePlanIdParam } from './plans.format.tsx';
import { SaveBar, SaveMessages, usePlanDraft } from './plans.save.tsx';
import {
  ExpectedOutputField,
  LeadAssignees,
  SupportAssignees,
  TaskTimeFields,
} from './plans.task-editor.tsx';
import { describeTaskTime, fromTimeDraft } from './plans.time.ts';

type Column = 'lead' | 'support' | 'time' | 'output';

const COLUMN_KEYS = {
  lead: 'plans.task.lead',
  support: 'plans.task.support',
  time: 'plans.task.time',
  output: 'plans.task.expectedOutput',
} as const;

export function PlanAssignmentsPage() {
  usePageTitle(t('plans.assignments.title'));
  return (
    <RequirePermission permission="plans.read">
      <AssignmentsLoader />
    </RequirePermission>
  );
}

function AssignmentsLoader() {
  const planId = usePlanIdParam();
  const plan = useResource((signal) => fetchPlan(planId ?? 0, signal), [planId]);
  if (planId === null || isNotFound(plan.error)) return <NotFoundPage />;
  if (plan.error && !plan.data) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data || plan.data.id !== planId) return <Loading />;
  return <Assignments key={plan.data.id} initial={plan.data} />;
}

function toAssigneeView(assignees: AssigneeDraft[]) {
  return assignees.map((assignee) => ({ ...assignee, unitKind: null }));
}

function timeText(task: TaskDraft): string {
  const parsed = fromTimeDraft(task.time);
  return describeTaskTime('time' in parsed ? parsed.time : { kind: 'none' }, task.timeText);
}

/** One cell of the appendix: its value, or its editor while open. */
function AssignmentCell({
  label,
  isEditable,
  isOpen,
  editLabel,
  onOpen,
  onClose,
  view,
  editor,
}: {
  label: string;
  isEditable: boolean;
  isOpen: boolean;
  editLabel: string;
  onOpen: () => void;
  onClose: () => void;
  view: ComponentChildren;
  editor: ComponentChildren;
}) {
  return (
    <td data-label={label} class={isOpen ? 'cell-editing' : undefined}>
      {isOpen ? (
        <div class="cell-editor">
          {editor}
          <button type="button" onClick={onClose}>
            {t('plans.assignments.done')}
          </button>
        </div>
      ) : (
        <div class="cell-view">
          <span>{view}</span>
          {isEditable && (
            <button type="button" class="button-quiet" aria-label={editLabel} onClick={onOpen}>
              {t('plans.assignments.edit')}
            </button>
          )}
        </div>
      )}
    </td>
  );
}

/** The assignment appendix (phụ lục phân công): one row per task; a draft's cells are edited in place. */
function Assignments({ initial }: { initial: PlanDetail }) {
  const editing = usePlanDraft(initial);
  const { plan, draft, change, action } = editing;
  const [open, setOpen] = useState<{ key: string; column: Column } | null>(null);
  const isEditable = plan.status === 'draft' && plan.can.edit;
  const rows = draft.items.flatMap((item, index) => (item.task ? [{ item, task: item.task, index }] : []));

  function setTask(index: number, task: TaskDraft) {
    change({ items: draft.items.map((item, position) => (position === index ? { ...item, task } : item)) });
  }

  function cellProps(row: { item: ItemDraft }, column: Column) {
    const label = t(COLUMN_KEYS[column]);
    return {
      label,
      isEditable,
      isOpen: open?.key === row.item.key && open.column === column,
      editLabel: t('plans.assignments.editCell', { column: label, task: row.item.ref || row.item.title }),
      onOpen: () => setOpen({ key: row.item.key, column }),
      onClose: () => setOpen(null),
    };
  }

  return (
    <div ref={editing.guardRef} class="page page-wide">
      <nav aria-label={t('plans.detail.breadcrumb')}>
        <ol class="breadcrumb">
          <li>
            <a href={paths.plans}>{t('plans.list.title')}</a>
          </li>
          <li>
            <a href={paths.plan(plan.id)}>{planNumber(plan)}</a>
          </li>
          <li aria-current="page">{t('plans.assignments.title')}</li>
        </ol>
      </nav>
      <header class="page-header">
        <h1>{t('plans.assignments.title')}</h1>
        <PlanStatusBadge status={plan.status} />
      </header>
      <p class="plan-subtitle">{plan.title}</p>
      {!isEditable && (
        <p class="notice" role="note">
          {plan.status === 'draft' ? t('plans.assignments.readOnly') : t('plans.assignments.issuedReadOnly')}
        </p>
      )}
      {isEditable && <SaveMessages editing={editing} placedPaths={[]} />}

      {rows.length === 0 ? (
        <p class="muted">{t('plans.assignments.empty')}</p>
      ) : (
        <fieldset class="editor-fieldset" disabled={action.isSubmitting}>
          <legend class="visually-hidden">{t('plans.assignments.title')}</legend>
          <div class="table-scroll">
            <table class="card-table assignments-table">
              <caption class="visually-hidden">
                {t('plans.assignments.caption', { title: plan.title })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.assignments.task')}</th>
                  <th scope="col">{t('plans.task.lead')}</th>
                  <th scope="col">{t('plans.task.support')}</th>
                  <th scope="col">{t('plans.task.time')}</th>
                  <th scope="col">{t('plans.task.expectedOutput')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const { item, task, index } = row;
                  const onTask = (next: TaskDraft) => setTask(index, next);
                  const errors = errorsUnder(action.fieldErrors, `items.${index}.task.`);
                  const timeError = Object.entries(errors).find(([path]) => path.startsWith('time'))?.[1];
                  return (
                    <tr key={item.key}>
                      <th scope="row" class="cell-main">
                        {item.ref && <span class="doc-ref">{item.ref}</span>} {item.title}
                      </th>
                      <AssignmentCell
                        {...cellProps(row, 'lead')}
                        view={<AssigneeNames assignees={toAssigneeView(task.lead)} />}
                        editor={<LeadAssignees task={task} onChange={onTask} />}
                      />
                      <AssignmentCell
                        {...cellProps(row, 'support')}
                        view={<AssigneeNames assignees={toAssigneeView(task.support)} />}
                        editor={<SupportAssignees task={task} onChange={onTask} />}
                      />
                      <AssignmentCell
                        {...cellProps(row, 'time')}
                        view={
                          <>
                            {timeText(task) || <span class="muted">—</span>}
                            {timeError && <span class="field-error block">{timeError}</span>}
                          </>
                        }
                        editor={
                          <TaskTimeFields
                            value={task.time}
                            error={timeError}
                            onChange={(time) => onTask({ ...task, time })}
                          />
                        }
                      />
                      <AssignmentCell
                        {...cellProps(row, 'output')}
                        view={task.expectedOutput || <span class="muted">—</span>}
                        editor={
                          <ExpectedOutputField
                            value={task.expectedOutput}
                            onInput={(expectedOutput) => onTask({ ...task, expectedOutput })}
                          />
                        }
                      />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}

      {isEditable && <SaveBar editing={editing} />}
    </div>
  );
}
