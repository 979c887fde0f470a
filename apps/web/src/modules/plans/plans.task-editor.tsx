import type { TaskTimeKind } from '@binhdang/contracts';
import { toRoman } from '@binhdang/contracts';
import { t } from '../../i18n/i18n.ts';
import { Field } from '../app/app.ui.tsx';
import { AssigneesEditor } from './plans.assignees-editor.tsx';
import type { AssigneeDraft, TaskDraft } from './plans.draft.ts';
import { type TimeDraft, timeKindKeys, timeKindsOffered } from './plans.time.ts';

function isTimeKind(value: string): value is TaskTimeKind {
  return (timeKindsOffered as readonly string[]).includes(value);
}

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);
const QUARTERS = [1, 2, 3, 4];

/** The kind of time and the inputs that kind needs; the other kinds' inputs keep their values. */
export function TaskTimeFields({
  value,
  onChange,
  error,
}: {
  value: TimeDraft;
  onChange: (value: TimeDraft) => void;
  error?: string | undefined;
}) {
  const set = (changes: Partial<TimeDraft>) => onChange({ ...value, ...changes });
  const yearField = (
    <Field label={t('plans.time.year')}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          value={value.year}
          onInput={(event) => set({ year: event.currentTarget.value })}
        />
      )}
    </Field>
  );
  return (
    <fieldset class={error ? 'time-fields field-invalid' : 'time-fields'}>
      <legend>{t('plans.task.time')}</legend>
      <Field label={t('plans.time.kind')}>
        {(control) => (
          <select
            {...control}
            value={value.kind}
            onChange={(event) => {
              const kind = event.currentTarget.value;
              if (isTimeKind(kind)) set({ kind });
            }}
          >
            {timeKindsOffered.map((kind) => (
              <option key={kind} value={kind}>
                {t(timeKindKeys[kind])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.kind === 'date' && (
        <Field label={t('plans.time.due')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={value.due}
              onInput={(event) => set({ due: event.currentTarget.value })}
            />
          )}
        </Field>
      )}
      {value.kind === 'range' && (
        <div class="field-row">
          <Field label={t('plans.time.from')}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={value.from}
                onInput={(event) => set({ from: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t('plans.time.to')}>
            {(control) => (
              <input
                {...control}
                type="date"
                min={value.from || undefined}
                value={value.to}
                onInput={(event) => set({ to: event.currentTarget.value })}
              />
            )}
          </Field>
        </div>
      )}
      {value.kind === 'month' && (
        <div class="field-row">
          <Field label={t('plans.time.monthLabel')}>
            {(control) => (
              <select
                {...control}
                value={value.month}
                onChange={(event) => set({ month: event.currentTarget.value })}
              >
                {MONTHS.map((month) => (
                  <option key={month} value={String(month)}>
                    {t('plans.time.monthOption', { month })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {yearField}
        </div>
      )}
      {value.kind === 'quarter' && (
        <div class="field-row">
          <Field label={t('plans.time.quarterLabel')}>
            {(control) => (
              <select
                {...control}
                value={value.quarter}
                onChange={(event) => set({ quarter: event.currentTarget.value })}
              >
                {QUARTERS.map((quarter) => (
                  <option key={quarter} value={String(quarter)}>
                    {t('plans.time.quarterOption', { quarter: toRoman(quarter) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {yearField}
        </div>
      )}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}

function assignedIds(assignees: AssigneeDraft[]): number[] {
  return assignees.flatMap((assignee) => (assignee.orgUnitId === null ? [] : [assignee.orgUnitId]));
}

export function LeadAssignees({ task, onChange }: { task: TaskDraft; onChange: (task: TaskDraft) => void }) {
  return (
    <AssigneesEditor
      legend={t('plans.task.lead')}
      addLabel={t('plans.assignees.addLead')}
      value={task.lead}
      takenIds={assignedIds(task.support)}
      onChange={(lead) => onChange({ ...task, lead })}
    />
  );
}

export function SupportAssignees({
  task,
  onChange,
}: {
  task: TaskDraft;
  onChange: (task: TaskDraft) => void;
}) {
  return (
    <AssigneesEditor
      legend={t('plans.task.support')}
      addLabel={t('plans.assignees.addSupport')}
      value={task.support}
      takenIds={assignedIds(task.lead)}
      onChange={(support) => onChange({ ...task, support })}
    />
  );
}

export function ExpectedOutputField({ value, onInput }: { value: string; onInput: (value: string) => void }) {
  return (
    <Field label={t('plans.task.expectedOutput')} hint={t('plans.task.expectedOutputHint')} isOptional>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          maxLength={2000}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** Everything that makes an outline item a task: time, output, programme, lead and supporting units. */
export function TaskFields({
  task,
  onChange,
  errors,
}: {
  task: TaskDraft;
  onChange: (task: TaskDraft) => void;
  /** Messages keyed by the path inside the task (`time`, `lead`). */
  errors: Record<string, string>;
}) {
  const set = (changes: Partial<TaskDraft>) => onChange({ ...task, ...changes });
  const timeError = Object.entries(errors).find(([path]) => path.startsWith('time'))?.[1];
  return (
    <div class="task-fields">
      {task.sourceTaskId !== null && <p class="hint">{t('plans.task.fromParent')}</p>}
      <TaskTimeFields value={task.time} onChange={(time) => set({ time })} error={timeError} />
      <Field
        label={t('plans.task.timeText')}
        hint={t('plans.task.timeTextHint')}
        error={errors.timeText}
        isOptional
      >
        {(control) => (
          <input
            {...control}
            maxLength={200}
            value={task.timeText}
            onInput={(event) => set({ timeText: event.currentTarget.value })}
          />
        )}
      </Field>
      <ExpectedOutputField
        value={task.expectedOutput}
        onInput={(expectedOutput) => set({ expectedOutput })}
      />
      <Field
        label={t('plans.task.programme')}
        hint={t('plans.task.programmeHint')}
        error={errors.programme}
        isOptional
      >
        {(control) => (
          <input
            {...control}
            maxLength={300}
            value={task.programme}
            onInput={(event) => set({ programme: event.currentTarget.value })}
          />
        )}
      </Field>
      <LeadAssignees task={task} onChange={onChange} />
      <SupportAssignees task={task} onChange={onChange} />
    </div>
  );
}
