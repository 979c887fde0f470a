import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { OrgUnitPicker } from '../org-units/org-units.picker.tsx';
import { AssigneeChip, NAMES_SECTION_ID } from './imports.names.tsx';
import {
  type AssigneeRole,
  assignedUnitIds,
  fieldsUnder,
  type ReviewAction,
  type ReviewState,
  resolutionOf,
  type TaskReview,
  type TaskTimeReview,
} from './imports.review.ts';
import { DayField, TextField } from './imports.review-fields.tsx';

/*
 * The tasks as read, one row each: closed, a row shows the task's start, its units and its
 * time; open, every part of it can be changed. A row with an issue or an unmatched unit name
 * says so while closed.
 */

type Dispatch = (action: ReviewAction) => void;

const SUMMARY_LENGTH = 160;

function summaryOf(text: string): string {
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…` : text;
}

function hasUnresolved(state: ReviewState, task: TaskReview): boolean {
  return [...task.lead, ...task.support].some(
    (assignee) => 'name' in assignee && resolutionOf(state, assignee.name).status === 'unresolved',
  );
}

function timeSummary(time: TaskTimeReview): string {
  if (time.timeText.trim()) return time.timeText.trim();
  if (time.ongoing) return t('plans.time.ongoing');
  if (time.from && time.to) return t('plans.time.range', { from: time.from, to: time.to });
  return time.due;
}

function AssigneeEditor({
  state,
  task,
  assigneeRole: role,
  dispatch,
  error,
}: {
  state: ReviewState;
  task: TaskReview;
  assigneeRole: AssigneeRole;
  dispatch: Dispatch;
  error: string | undefined;
}) {
  // A new picker after each pick clears its search box for the next unit.
  const [pickerKey, setPickerKey] = useState(0);
  const assignees = task[role];
  const legend = t(role === 'lead' ? 'plans.task.lead' : 'plans.task.support');
  return (
    <fieldset class={error ? 'assignees field-invalid' : 'assignees'}>
      <legend>{legend}</legend>
      {assignees.length === 0 ? (
        <p class="muted">{t('plans.assignees.none')}</p>
      ) : (
        <ul class="plain-list">
          {assignees.map((assignee, index) => {
            const name = 'name' in assignee ? assignee.name : assignee.unitName;
            const isUnresolved = 'name' in assignee && resolutionOf(state, name).status === 'unresolved';
            return (
              <li key={`${index}-${name}`} class="assignee">
                <span>
                  <AssigneeChip state={state} assignee={assignee} />
                  {isUnresolved && (
                    <span class="block hint">
                      <a href={`#${NAMES_SECTION_ID}`}>{t('imports.tasks.mapAbove')}</a>
                    </span>
                  )}
                </span>
                <button
                  type="button"
                  class="button-quiet"
                  aria-label={t('plans.assignees.removeNamed', { name })}
                  onClick={() => dispatch({ type: 'removeAssignee', key: task.key, role, index })}
                >
                  {t('plans.assignees.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && <p class="field-error">{error}</p>}
      <OrgUnitPicker
        key={pickerKey}
        label={t(role === 'lead' ? 'plans.assignees.addLead' : 'plans.assignees.addSupport')}
        value={null}
        excludeIds={assignedUnitIds(state, task)}
        onChange={(unit) => {
          if (!unit) return;
          dispatch({
            type: 'addAssignee',
            key: task.key,
            role,
            unit: { orgUnitId: unit.id, unitName: unit.name },
          });
          setPickerKey((current) => current + 1);
        }}
      />
    </fieldset>
  );
}

function TaskPanel({
  state,
  task,
  dispatch,
  errors,
}: {
  state: ReviewState;
  task: TaskReview;
  dispatch: Dispatch;
  errors: Record<string, string>;
}) {
  const setTime = (changes: Partial<TaskTimeReview>) =>
    dispatch({ type: 'updateTaskTime', key: task.key, changes });
  const errorUnder = (prefix: string) =>
    Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
  return (
    <div class="outline-panel">
      <TextField
        label={t('imports.tasks.text')}
        value={task.text}
        onInput={(text) => dispatch({ type: 'updateTask', key: task.key, changes: { text } })}
        error={errors.text}
        rows={4}
        maxLength={20_000}
      />
      <fieldset class="time-fields">
        <legend>{t('plans.task.time')}</legend>
        <TextField
          label={t('plans.task.timeText')}
          hint={t('imports.tasks.timeTextHint')}
          value={task.time.timeText}
          onInput={(timeText) => setTime({ timeText })}
          error={errors.timeText}
          maxLength={200}
          isOptional
        />
        <label class="choice">
          <input
            type="checkbox"
            checked={task.time.ongoing}
            onChange={(event) => setTime({ ongoing: event.currentTarget.checked })}
          />
          {t('imports.tasks.ongoing')}
        </label>
        <div class="field-row">
          <DayField
            label={t('imports.tasks.due')}
            value={task.time.due}
            onInput={(due) => setTime({ due })}
            error={errors.due}
          />
          <DayField
            label={t('plans.time.from')}
            value={task.time.from}
            onInput={(from) => setTime({ from })}
            error={errors.from}
          />
          <DayField
            label={t('plans.time.to')}
            value={task.time.to}
            onInput={(to) => setTime({ to })}
            error={errors.to}
          />
        </div>
      </fieldset>
      <AssigneeEditor
        state={state}
        task={task}
        assigneeRole="lead"
        dispatch={dispatch}
        error={errorUnder('lead')}
      />
      <AssigneeEditor
        state={state}
        task={task}
        assigneeRole="support"
        dispatch={dispatch}
        error={errorUnder('support')}
      />
      <p>
        <button
          type="button"
          class="button-quiet review-remove"
          onClick={() => dispatch({ type: 'removeTask', key: task.key })}
        >
          {t('imports.tasks.remove')}
        </button>
      </p>
    </div>
  );
}

/** Who leads, who supports and when, under a closed task. */
function TaskFacts({ state, task, time }: { state: ReviewState; task: TaskReview; time: string }) {
  if (task.lead.length === 0 && task.support.length === 0 && !time) return null;
  return (
    <dl class="review-task-facts">
      {(['lead', 'support'] as const).map((role) =>
        task[role].length === 0 ? null : (
          <div key={role}>
            <dt>{t(role === 'lead' ? 'plans.task.lead' : 'plans.task.support')}</dt>
            <dd>
              {task[role].map((assignee, index) => (
                <AssigneeChip key={index} state={state} assignee={assignee} />
              ))}
            </dd>
          </div>
        ),
      )}
      {time && (
        <div>
          <dt>{t('plans.task.time')}</dt>
          <dd>{time}</dd>
        </div>
      )}
    </dl>
  );
}

export function TaskList({
  state,
  dispatch,
  errors,
}: {
  state: ReviewState;
  dispatch: Dispatch;
  errors: Record<string, string>;
}) {
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  if (state.tasks.length === 0) return <p class="muted">{t('imports.tasks.none')}</p>;
  const toggle = (key: string) =>
    setOpenKeys((keys) => (keys.includes(key) ? keys.filter((other) => other !== key) : [...keys, key]));
  return (
    <>
      <p class="hint">{t('imports.tasks.intro')}</p>
      <ol class="outline-list review-tasks">
        {state.tasks.map((task) => {
          const taskErrors = fieldsUnder(errors, `tasks:${task.key}`);
          const isInvalid = Object.keys(taskErrors).length > 0;
          // A task with an issue opens by itself, so its message is seen.
          const isOpen = openKeys.includes(task.key) || isInvalid;
          const isUnresolved = hasUnresolved(state, task);
          const time = timeSummary(task.time);
          const panelId = `task-${task.key}`;
          const classes = ['outline-row', 'review-task'];
          if (isInvalid) classes.push('outline-row-invalid');
          if (isUnresolved) classes.push('has-unresolved');
          return (
            <li key={task.key} class={classes.join(' ')}>
              <button
                type="button"
                class="outline-toggle"
                aria-expanded={isOpen}
                aria-controls={panelId}
                onClick={() => toggle(task.key)}
              >
                <span class="outline-label">
                  {task.ref && <span class="doc-ref">{task.ref}</span>} {summaryOf(task.text)}
                </span>
                {isInvalid && (
                  <span class="badge badge-danger">
                    <span aria-hidden="true">! </span>
                    {t('imports.tasks.hasIssue')}
                  </span>
                )}
              </button>
              <TaskFacts state={state} task={task} time={time} />
              {isOpen && (
                <div id={panelId}>
                  <TaskPanel state={state} task={task} dispatch={dispatch} errors={taskErrors} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
