import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { confirmAction, Field } from '../app/app.ui.tsx';
import { emptyTaskDraft, errorsUnder, type ItemDraft, newItemKey } from './plans.draft.ts';
import {
  canIndent,
  canMove,
  canOutdent,
  indentEntry,
  insertEntry,
  moveEntry,
  outdentEntry,
  outlineDepths,
  removeEntry,
  renumberOutline,
  subtreeKeys,
  suggestRefAt,
} from './plans.outline.ts';
import { TaskFields } from './plans.task-editor.tsx';
import { describeTaskTime, fromTimeDraft } from './plans.time.ts';

interface OutlineEditorProps {
  items: ItemDraft[];
  planYear: number;
  onChange: (items: ItemDraft[]) => void;
  /** Messages for the item at an index, keyed by the path inside the item (`title`, `task.time`). */
  errorsAt: (index: number) => Record<string, string>;
}

function newItem(parentKey: string | null): ItemDraft {
  return { key: newItemKey(), parentKey, ref: '', title: '', body: '', task: null };
}

function hasUnresolved(item: ItemDraft): boolean {
  return Boolean(item.task && [...item.task.lead, ...item.task.support].some((a) => a.orgUnitId === null));
}

/**
 * The numbered content: a list of items shown collapsed (reference, title, task marks), each
 * opened for editing on its own so a long plan stays light on a phone.
 */
export function OutlineEditor({ items, planYear, onChange, errorsAt }: OutlineEditorProps) {
  const [openKeys, setOpenKeys] = useState<Set<string>>(() => new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const depths = outlineDepths(items);

  function toggle(key: string, isOpen: boolean) {
    setOpenKeys((current) => {
      const next = new Set(current);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function insert(index: number | null, placement: 'sibling' | 'child') {
    const inserted = insertEntry(items, index, placement, newItem);
    const created = inserted.entries[inserted.index];
    if (!created) return;
    const withRef = inserted.entries.map((entry, position) =>
      position === inserted.index ? { ...entry, ref: suggestRefAt(inserted.entries, inserted.index) } : entry,
    );
    onChange(withRef);
    // One item open at a time after adding keeps a long outline readable on a phone.
    setOpenKeys((current) => {
      const next = new Set(current);
      const anchor = index === null ? undefined : items[index];
      if (anchor) next.delete(anchor.key);
      next.add(created.key);
      return next;
    });
    setFocusKey(created.key);
  }

  function remove(index: number) {
    const item = items[index];
    if (!item) return;
    const removed = subtreeKeys(items, index).length - 1;
    const label = `${item.ref} ${item.title}`.trim() || t('plans.outline.untitled');
    const message =
      removed > 0
        ? t('plans.outline.removeWithChildrenConfirm', { item: label, count: removed })
        : t('plans.outline.removeConfirm', { item: label });
    if (!confirmAction(message)) return;
    onChange(removeEntry(items, index));
  }

  return (
    <div class="outline-editor">
      {items.length === 0 ? (
        <p class="muted">{t('plans.outline.empty')}</p>
      ) : (
        <ol class="outline-list">
          {items.map((item, index) => {
            const errors = errorsAt(index);
            const isOpen = openKeys.has(item.key) || Object.keys(errors).length > 0;
            return (
              <OutlineRow
                key={item.key}
                item={item}
                depth={depths[index] ?? 0}
                isOpen={isOpen}
                shouldFocus={focusKey === item.key}
                errors={errors}
                planYear={planYear}
                onToggle={() => toggle(item.key, !isOpen)}
                onChange={(next) =>
                  onChange(items.map((entry, position) => (position === index ? next : entry)))
                }
                suggestion={suggestRefAt(items, index)}
                tools={{
                  up: canMove(items, index, -1) ? () => onChange(moveEntry(items, index, -1)) : null,
                  down: canMove(items, index, 1) ? () => onChange(moveEntry(items, index, 1)) : null,
                  indent: canIndent(items, index) ? () => onChange(indentEntry(items, index)) : null,
                  outdent: canOutdent(items, index) ? () => onChange(outdentEntry(items, index)) : null,
                  addSibling: () => insert(index, 'sibling'),
                  addChild: () => insert(index, 'child'),
                  remove: () => remove(index),
                }}
              />
            );
          })}
        </ol>
      )}
      <div class="button-row">
        <button type="button" onClick={() => insert(null, 'sibling')}>
          {t('plans.outline.addSection')}
        </button>
        {items.length > 1 && (
          <button type="button" class="button-quiet" onClick={() => onChange(renumberOutline(items))}>
            {t('plans.outline.renumber')}
          </button>
        )}
      </div>
    </div>
  );
}

type Tool = (() => void) | null;

interface OutlineRowProps {
  item: ItemDraft;
  depth: number;
  isOpen: boolean;
  shouldFocus: boolean;
  errors: Record<string, string>;
  planYear: number;
  suggestion: string;
  onToggle: () => void;
  onChange: (item: ItemDraft) => void;
  tools: {
    up: Tool;
    down: Tool;
    indent: Tool;
    outdent: Tool;
    addSibling: () => void;
    addChild: () => void;
    remove: () => void;
  };
}

function OutlineRow({
  item,
  depth,
  isOpen,
  shouldFocus,
  errors,
  planYear,
  suggestion,
  onToggle,
  onChange,
  tools,
}: OutlineRowProps) {
  const titleInput = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (shouldFocus && isOpen) titleInput.current?.focus();
  }, [shouldFocus, isOpen]);

  const set = (changes: Partial<ItemDraft>) => onChange({ ...item, ...changes });
  const panelId = `outline-${item.key}`;
  const label = `${item.ref} ${item.title}`.trim() || t('plans.outline.untitled');
  const parsedTime = item.task ? fromTimeDraft(item.task.time) : null;
  const time =
    item.task && parsedTime
      ? describeTaskTime('time' in parsedTime ? parsedTime.time : { kind: 'none' }, item.task.timeText)
      : '';
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <li
      class={['outline-row', depth > 0 && 'outline-row-nested', hasErrors && 'outline-row-invalid']
        .filter(Boolean)
        .join(' ')}
      style={`--depth: ${Math.min(depth, 5)}`}
    >
      <div class="outline-summary">
        <button
          type="button"
          class="outline-toggle"
          aria-expanded={isOpen}
          aria-controls={isOpen ? panelId : undefined}
          onClick={onToggle}
        >
          <span class={depth === 0 ? 'outline-label outline-label-top' : 'outline-label'}>
            {item.ref && <span class="doc-ref">{item.ref}</span>}{' '}
            {item.title || <em class="muted">{t('plans.outline.untitled')}</em>}
          </span>
          <span class="badges">
            {item.task && <span class="badge badge-info">{t('plans.task.badge')}</span>}
            {item.task && item.task.lead.length === 0 && (
              <span class="badge badge-warning">{t('plans.outline.noLead')}</span>
            )}
            {hasUnresolved(item) && <span class="badge badge-warning">{t('plans.outline.unresolved')}</span>}
            {time && <span class="unit-meta">{time}</span>}
          </span>
        </button>
      </div>

      {isOpen && (
        <div class="outline-panel" id={panelId}>
          <div class="field-row field-row-ref">
            <Field label={t('plans.outline.ref')} hint={t('plans.outline.refHint')} error={errors.ref}>
              {(control) => (
                <input
                  {...control}
                  maxLength={20}
                  spellcheck={false}
                  value={item.ref}
                  onInput={(event) => set({ ref: event.currentTarget.value })}
                />
              )}
            </Field>
            {suggestion && suggestion !== item.ref && (
              <button type="button" class="button-quiet" onClick={() => set({ ref: suggestion })}>
                {t('plans.outline.useSuggestion', { ref: suggestion })}
              </button>
            )}
          </div>
          <Field label={t('plans.outline.title')} error={errors.title}>
            {(control) => (
              <textarea
                {...control}
                ref={titleInput}
                rows={2}
                maxLength={1000}
                value={item.title}
                onInput={(event) => set({ title: event.currentTarget.value })}
              />
            )}
          </Field>
          <Field
            label={t('plans.outline.body')}
            hint={t('plans.outline.bodyHint')}
            error={errors.body}
            isOptional
          >
            {(control) => (
              <textarea
                {...control}
                rows={4}
                maxLength={20000}
                value={item.body}
                onInput={(event) => set({ body: event.currentTarget.value })}
              />
            )}
          </Field>
          <label class="choice">
            <input
              type="checkbox"
              checked={item.task !== null}
              onChange={(event) => {
                if (event.currentTarget.checked) set({ task: emptyTaskDraft(planYear) });
                else if (confirmAction(t('plans.outline.untaskConfirm'))) set({ task: null });
                else event.currentTarget.checked = true;
              }}
            />
            {t('plans.outline.isTask')}
          </label>
          {item.task && (
            <TaskFields
              task={item.task}
              onChange={(task) => set({ task })}
              errors={errorsUnder(errors, 'task.')}
            />
          )}

          <fieldset class="outline-tools">
            <legend class="visually-hidden">{t('plans.outline.tools', { item: label })}</legend>
            <button type="button" onClick={tools.up ?? undefined} disabled={!tools.up}>
              ↑ {t('plans.outline.moveUp')}
            </button>
            <button type="button" onClick={tools.down ?? undefined} disabled={!tools.down}>
              ↓ {t('plans.outline.moveDown')}
            </button>
            <button type="button" onClick={tools.outdent ?? undefined} disabled={!tools.outdent}>
              ← {t('plans.outline.outdent')}
            </button>
            <button type="button" onClick={tools.indent ?? undefined} disabled={!tools.indent}>
              → {t('plans.outline.indent')}
            </button>
            <button type="button" onClick={tools.addSibling}>
              + {t('plans.outline.addSibling')}
            </button>
            <button type="button" onClick={tools.addChild}>
              + {t('plans.outline.addChild')}
            </button>
            <button type="button" class="button-quiet danger-text" onClick={tools.remove}>
              {t('plans.outline.remove')}
            </button>
          </fieldset>
        </div>
      )}
    </li>
  );
}
