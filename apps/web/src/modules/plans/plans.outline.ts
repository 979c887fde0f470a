/*
 * The numbered content of a plan (I., 1., 1.1., a), -) as the editor keeps it: a flat list in
 * document order (pre-order), each entry naming its parent. Every subtree is a contiguous run
 * of the list, so moving, indenting and removing an item move its whole run and the order
 * sent to the server stays the order of the document.
 */

import { fromRoman, toRoman } from '@binhdang/contracts';

export interface OutlineEntry {
  key: string;
  parentKey: string | null;
}

export interface OutlineNode<T> {
  item: T;
  children: OutlineNode<T>[];
}

/** Nests saved items (`parentId`, `position`) into a tree, siblings in position order. */
export function buildOutlineTree<T extends { id: number; parentId: number | null; position: number }>(
  items: readonly T[],
): OutlineNode<T>[] {
  const nodes = new Map<number, OutlineNode<T>>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: OutlineNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId === null ? undefined : nodes.get(node.item.parentId);
    // An item whose parent is missing is shown at the top rather than lost.
    (parent ? parent.children : roots).push(node);
  }
  const sortLevel = (level: OutlineNode<T>[]) => {
    level.sort((a, b) => a.item.position - b.item.position || a.item.id - b.item.id);
    for (const node of level) sortLevel(node.children);
  };
  sortLevel(roots);
  return roots;
}

/** The items of a tree in document order, each with its depth (0 for top sections). */
export function flattenOutlineTree<T>(roots: readonly OutlineNode<T>[]): { item: T; depth: number }[] {
  const flat: { item: T; depth: number }[] = [];
  const visit = (nodes: readonly OutlineNode<T>[], depth: number) => {
    for (const node of nodes) {
      flat.push({ item: node.item, depth });
      visit(node.children, depth + 1);
    }
  };
  visit(roots, 0);
  return flat;
}

/** Depth of every entry; parents come before their children in a well-formed list. */
export function outlineDepths(entries: readonly OutlineEntry[]): number[] {
  const depthByKey = new Map<string, number>();
  return entries.map((entry) => {
    const parentDepth = entry.parentKey === null ? undefined : depthByKey.get(entry.parentKey);
    const depth = parentDepth === undefined ? 0 : parentDepth + 1;
    depthByKey.set(entry.key, depth);
    return depth;
  });
}

/** Index just past the last descendant of the entry at `index`. */
export function subtreeEnd(entries: readonly OutlineEntry[], index: number): number {
  const depths = outlineDepths(entries);
  const depth = depths[index] ?? 0;
  let end = index + 1;
  while (end < entries.length && (depths[end] ?? 0) > depth) end++;
  return end;
}

function previousSiblingIndex(entries: readonly OutlineEntry[], index: number): number {
  const entry = entries[index];
  if (!entry) return -1;
  for (let candidate = index - 1; candidate >= 0; candidate--) {
    const other = entries[candidate];
    if (!other) break;
    if (other.key === entry.parentKey) return -1;
    if (other.parentKey === entry.parentKey) return candidate;
  }
  return -1;
}

function nextSiblingIndex(entries: readonly OutlineEntry[], index: number): number {
  const entry = entries[index];
  const end = subtreeEnd(entries, index);
  return entry && entries[end]?.parentKey === entry.parentKey ? end : -1;
}

export function canIndent(entries: readonly OutlineEntry[], index: number): boolean {
  return previousSiblingIndex(entries, index) >= 0;
}

export function canOutdent(entries: readonly OutlineEntry[], index: number): boolean {
  return (entries[index]?.parentKey ?? null) !== null;
}

export function canMove(entries: readonly OutlineEntry[], index: number, direction: -1 | 1): boolean {
  return (direction < 0 ? previousSiblingIndex(entries, index) : nextSiblingIndex(entries, index)) >= 0;
}

/** Makes the entry the last child of its previous sibling (its own children follow it). */
export function indentEntry<T extends OutlineEntry>(entries: readonly T[], index: number): T[] {
  const sibling = entries[previousSiblingIndex(entries, index)];
  if (!sibling) return [...entries];
  return entries.map((entry, position) =>
    position === index ? { ...entry, parentKey: sibling.key } : entry,
  );
}

/** Makes the entry the next sibling of its parent, placed after the parent's other children. */
export function outdentEntry<T extends OutlineEntry>(entries: readonly T[], index: number): T[] {
  const entry = entries[index];
  if (!entry || entry.parentKey === null) return [...entries];
  const parentIndex = entries.findIndex((other) => other.key === entry.parentKey);
  const parent = entries[parentIndex];
  if (!parent) return [...entries];

  const block = entries.slice(index, subtreeEnd(entries, index));
  const rest = [...entries.slice(0, index), ...entries.slice(index + block.length)];
  const insertAt = subtreeEnd(rest, parentIndex);
  const moved = [{ ...entry, parentKey: parent.parentKey }, ...block.slice(1)];
  return [...rest.slice(0, insertAt), ...moved, ...rest.slice(insertAt)];
}

/** Swaps the entry (with its children) with its previous or next sibling. */
export function moveEntry<T extends OutlineEntry>(
  entries: readonly T[],
  index: number,
  direction: -1 | 1,
): T[] {
  const first = direction < 0 ? previousSiblingIndex(entries, index) : index;
  const second = direction < 0 ? index : nextSiblingIndex(entries, index);
  if (first < 0 || second < 0) return [...entries];
  const end = subtreeEnd(entries, second);
  return [
    ...entries.slice(0, first),
    ...entries.slice(second, end),
    ...entries.slice(first, second),
    ...entries.slice(end),
  ];
}

/** Removes the entry and everything under it. */
export function removeEntry<T extends OutlineEntry>(entries: readonly T[], index: number): T[] {
  return [...entries.slice(0, index), ...entries.slice(subtreeEnd(entries, index))];
}

/** Keys of the entry and its descendants. */
export function subtreeKeys(entries: readonly OutlineEntry[], index: number): string[] {
  return entries.slice(index, subtreeEnd(entries, index)).map((entry) => entry.key);
}

/**
 * Inserts a new entry: as the next sibling of the entry at `index` (after its children), as its
 * last child, or at the end of the document when `index` is null.
 */
export function insertEntry<T extends OutlineEntry>(
  entries: readonly T[],
  index: number | null,
  placement: 'sibling' | 'child',
  create: (parentKey: string | null) => T,
): { entries: T[]; index: number } {
  const anchor = index === null ? undefined : entries[index];
  if (!anchor || index === null) {
    return { entries: [...entries, create(null)], index: entries.length };
  }
  const at = subtreeEnd(entries, index);
  const created = create(placement === 'child' ? anchor.key : anchor.parentKey);
  return { entries: [...entries.slice(0, at), created, ...entries.slice(at)], index: at };
}

/* Reference numbers: Decree 30 numbers sections I., II.; items 1., 2.; sub-items 1.1.; then a), b); then dashes. */

/** The letters of Vietnamese documents' lists: đ comes after d; f, j, w, z are not used. */
const LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];
const BULLETS = ['-', '+', '*', '•'];

type RefFormat =
  | { kind: 'roman'; value: number }
  | { kind: 'number'; parts: number[] }
  | { kind: 'letter'; index: number }
  | { kind: 'bullet'; mark: string };

export function parseRef(ref: string): RefFormat | null {
  const text = ref.trim();
  if (BULLETS.includes(text)) return { kind: 'bullet', mark: text };
  const roman = /^([IVXLCDM]+)\.?$/.exec(text);
  if (roman?.[1]) {
    const value = fromRoman(roman[1]);
    if (value !== null) return { kind: 'roman', value };
  }
  if (/^\d+(\.\d+)*\.?$/.test(text)) {
    return { kind: 'number', parts: text.replace(/\.$/, '').split('.').map(Number) };
  }
  const letter = /^([a-zđ])\)$/.exec(text);
  if (letter?.[1]) {
    const index = LETTERS.indexOf(letter[1]);
    if (index >= 0) return { kind: 'letter', index };
  }
  return null;
}

function formatRef(format: RefFormat): string {
  switch (format.kind) {
    case 'roman':
      return `${toRoman(format.value)}.`;
    case 'number':
      return `${format.parts.join('.')}.`;
    case 'letter':
      return `${LETTERS[format.index] ?? '-'})`;
    case 'bullet':
      return format.mark;
  }
}

/** The first reference under a parent: `II.` → `1.`, `4.` → `4.1.`, `4.1.` → `a)`, `a)` → `-`. */
function firstChildRef(parentRef: string | null, depth: number): string {
  const parent = parentRef === null ? null : parseRef(parentRef);
  if (parentRef === null) return 'I.';
  if (parent?.kind === 'roman') return '1.';
  if (parent?.kind === 'number') return parent.parts.length === 1 ? `${parent.parts[0]}.1.` : 'a)';
  if (parent?.kind === 'letter') return '-';
  if (parent?.kind === 'bullet') return parent.mark === '-' ? '+' : '-';
  return ['I.', '1.', '1.1.', 'a)'][depth] ?? '-';
}

function nextRef(previousRef: string): string | null {
  const previous = parseRef(previousRef);
  if (!previous) return null;
  switch (previous.kind) {
    case 'roman':
      return formatRef({ kind: 'roman', value: previous.value + 1 });
    case 'number': {
      const parts = [...previous.parts];
      parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + 1;
      return formatRef({ kind: 'number', parts });
    }
    case 'letter':
      return previous.index + 1 < LETTERS.length
        ? formatRef({ kind: 'letter', index: previous.index + 1 })
        : '-';
    case 'bullet':
      return previous.mark;
  }
}

/**
 * The reference a new item should get: the one after its previous sibling's (`III.` → `IV.`,
 * `4.2.` → `4.3.`, `d)` → `đ)`), or the first one of its level under its parent.
 */
export function suggestRef({
  depth,
  previousSiblingRef,
  parentRef,
}: {
  depth: number;
  previousSiblingRef: string | null;
  parentRef: string | null;
}): string {
  if (previousSiblingRef?.trim()) {
    const next = nextRef(previousSiblingRef);
    if (next !== null) return next;
  }
  if (parentRef === null && depth > 0) return firstChildRef('', depth);
  return firstChildRef(parentRef, depth);
}

/** The suggestion for the entry at `index` given its place in the list. */
export function suggestRefAt<T extends OutlineEntry & { ref: string }>(
  entries: readonly T[],
  index: number,
): string {
  const entry = entries[index];
  if (!entry) return '';
  const depth = outlineDepths(entries)[index] ?? 0;
  const previous = entries[previousSiblingIndex(entries, index)];
  const parent =
    entry.parentKey === null ? undefined : entries.find((other) => other.key === entry.parentKey);
  return suggestRef({
    depth,
    previousSiblingRef: previous?.ref ?? null,
    parentRef: parent ? parent.ref : null,
  });
}

/** The first reference of the same style as `format`, e.g. `IV.` → `I.`, `4.3.` under `5.` → `5.1.`. */
function restartRef(format: RefFormat, parentRef: string | null): string {
  switch (format.kind) {
    case 'roman':
      return 'I.';
    case 'letter':
      return 'a)';
    case 'bullet':
      return format.mark;
    case 'number': {
      if (format.parts.length === 1) return '1.';
      const parent = parentRef === null ? null : parseRef(parentRef);
      const prefix =
        parent?.kind === 'number' && parent.parts.length === format.parts.length - 1
          ? parent.parts
          : format.parts.slice(0, -1);
      return formatRef({ kind: 'number', parts: [...prefix, 1] });
    }
  }
}

/**
 * Numbers every item again after items were moved: each level counts its numbered siblings in
 * the style the first of them has (a plan may start at `1.` rather than `I.`); bullets and items
 * without a reference keep theirs.
 */
export function renumberOutline<T extends OutlineEntry & { ref: string }>(entries: readonly T[]): T[] {
  const refByKey = new Map<string, string>();
  const lastNumberedByParent = new Map<string | null, string>();
  return entries.map((entry) => {
    const current = entry.ref.trim();
    const format = parseRef(current);
    if (!format || format.kind === 'bullet') {
      refByKey.set(entry.key, current);
      return entry;
    }
    const previous = lastNumberedByParent.get(entry.parentKey);
    const parentRef = entry.parentKey === null ? null : (refByKey.get(entry.parentKey) ?? null);
    const ref = (previous === undefined ? null : nextRef(previous)) ?? restartRef(format, parentRef);
    refByKey.set(entry.key, ref);
    lastNumberedByParent.set(entry.parentKey, ref);
    return ref === entry.ref ? entry : { ...entry, ref };
  });
}
