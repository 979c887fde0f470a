import type {
  ActivityTableLayout,
  Observance,
  ReportKind,
  TemplateCreateInput,
  TemplateDefinition,
  TemplateVersionInput,
} from '@binhdang/contracts';

/*
 * The template editor's working copy, pure: sections and tables with client ids (so a row keeps
 * its focus and state while moving), reordering, fresh keys and codes, and the save body. Tables
 * the editor does not edit (`kept`) travel as their code only; the server copies them.
 */

export interface SectionDraft {
  id: string;
  key: string;
  level: number;
  title: string;
  guidance: string;
}

export type TableDraft =
  | { id: string; kind: 'figures'; code: string; title: string; dataElements: string[] }
  | {
      id: string;
      kind: 'activities';
      code: string;
      title: string;
      layout: ActivityTableLayout;
      observance: Observance | null;
    }
  | { id: string; kind: 'kept'; code: string; title: string; source: string };

export interface TemplateDraft {
  name: string;
  kind: ReportKind;
  periodType: 'year' | 'half_year' | 'any';
  outline: SectionDraft[];
  tables: TableDraft[];
}

let nextId = 0;
export function newDraftId(): string {
  nextId += 1;
  return `d${nextId}`;
}

export function draftFromDefinition(definition: TemplateDefinition): TemplateDraft {
  return {
    name: definition.name,
    kind: definition.kind,
    periodType: definition.periodType,
    outline: definition.outline.map((section) => ({
      id: newDraftId(),
      key: section.key,
      level: section.level,
      title: section.title,
      guidance: section.guidance ?? '',
    })),
    tables: definition.tables.map((table) => ({ ...table, id: newDraftId() })),
  };
}

export function emptyDraft(): TemplateDraft {
  return {
    name: '',
    kind: 'ad_hoc',
    periodType: 'any',
    outline: [{ id: newDraftId(), key: '1', level: 1, title: '', guidance: '' }],
    tables: [],
  };
}

/** Moves the item at `index` by `delta` places (−1 up, +1 down); out of range leaves the list as it is. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item!);
  return copy;
}

/**
 * A key for a new section placed after `afterIndex` at `level`: the next free number at level 1
 * (`4`), or the parent's key and the next free number under it (`2.3`), never one already used.
 */
export function suggestSectionKey(
  outline: readonly SectionDraft[],
  afterIndex: number,
  level: number,
): string {
  const used = new Set(outline.map((section) => section.key));
  let parentKey = '';
  if (level > 1)
    for (let index = Math.min(afterIndex, outline.length - 1); index >= 0; index -= 1)
      if (outline[index]!.level < level) {
        parentKey = `${outline[index]!.key}.`;
        break;
      }
  for (let number = 1; ; number += 1) {
    const candidate = `${parentKey}${number}`;
    if (!used.has(candidate) && candidate.length <= 20) return candidate;
    if (candidate.length > 20) return `m${used.size + 1}`;
  }
}

/** `PL01`, `PL02`…: the first code not in use. */
export function suggestTableCode(tables: readonly TableDraft[]): string {
  const used = new Set(tables.map((table) => table.code.toUpperCase()));
  for (let number = 1; ; number += 1) {
    const candidate = `PL${String(number).padStart(2, '0')}`;
    if (!used.has(candidate)) return candidate;
  }
}

function toContent(draft: TemplateDraft) {
  return {
    name: draft.name,
    kind: draft.kind,
    periodType: draft.periodType,
    outline: draft.outline.map((section) => ({
      key: section.key,
      level: section.level,
      title: section.title,
      guidance: section.guidance.trim() === '' ? null : section.guidance,
    })),
    tables: draft.tables.map((table) => {
      if (table.kind === 'kept') return { kind: 'kept' as const, code: table.code };
      if (table.kind === 'activities')
        return {
          kind: 'activities' as const,
          code: table.code,
          title: table.title,
          layout: table.layout,
          observance: table.observance,
        };
      return {
        kind: 'figures' as const,
        code: table.code,
        title: table.title,
        dataElements: table.dataElements,
      };
    }),
  };
}

export function toVersionInput(draft: TemplateDraft, basedOnVersion: number): TemplateVersionInput {
  return { ...toContent(draft), basedOnVersion };
}

export function toCreateInput(draft: TemplateDraft, code: string): TemplateCreateInput {
  return { ...toContent(draft), code };
}
