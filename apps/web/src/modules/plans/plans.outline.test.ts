import { describe, expect, it } from 'vitest';
import {
  buildOutlineTree,
  canIndent,
  canMove,
  canOutdent,
  flattenOutlineTree,
  indentEntry,
  insertEntry,
  moveEntry,
  outdentEntry,
  outlineDepths,
  removeEntry,
  renumberOutline,
  suggestRef,
  suggestRefAt,
} from './plans.outline.ts';

type Entry = { key: string; parentKey: string | null; ref: string };

/** `I`, `I/1`, `I/1/a`: the key is the path, so a test reads like the outline it builds. */
function outline(...paths: string[]): Entry[] {
  return paths.map((path) => {
    const parts = path.split('/');
    return { key: path, parentKey: parts.length > 1 ? parts.slice(0, -1).join('/') : null, ref: '' };
  });
}

const shape = (entries: Entry[]) =>
  entries.map((entry, index) => `${'  '.repeat(outlineDepths(entries)[index] ?? 0)}${entry.key}`);

describe('outline tree', () => {
  it('nests saved items by parent and position', () => {
    const tree = buildOutlineTree([
      { id: 3, parentId: 1, position: 1, ref: '2.' },
      { id: 1, parentId: null, position: 0, ref: 'I.' },
      { id: 2, parentId: 1, position: 0, ref: '1.' },
      { id: 4, parentId: null, position: 1, ref: 'II.' },
      { id: 5, parentId: 99, position: 5, ref: 'orphan' },
    ]);
    expect(flattenOutlineTree(tree).map(({ item, depth }) => `${depth}:${item.ref}`)).toEqual([
      '0:I.',
      '1:1.',
      '1:2.',
      '0:II.',
      '0:orphan',
    ]);
  });

  it('indents an item under its previous sibling, children and all', () => {
    const entries = outline('I', 'II', 'II/1', 'III');
    expect(canIndent(entries, 0)).toBe(false);
    expect(canIndent(entries, 2)).toBe(false);
    const indented = indentEntry(entries, 1);
    expect(shape(indented)).toEqual(['I', '  II', '    II/1', 'III']);
    expect(indented[1]?.parentKey).toBe('I');
  });

  it('outdents an item to follow its parent, after the parent’s other children', () => {
    const entries = outline('I', 'I/1', 'I/1/a', 'I/2', 'II');
    expect(canOutdent(entries, 0)).toBe(false);
    const outdented = outdentEntry(entries, 1);
    expect(outdented.map((entry) => entry.key)).toEqual(['I', 'I/2', 'I/1', 'I/1/a', 'II']);
    expect(shape(outdented)).toEqual(['I', '  I/2', 'I/1', '  I/1/a', 'II']);
  });

  it('moves an item with its children among its siblings only', () => {
    const entries = outline('I', 'I/1', 'I/2', 'I/2/a', 'II');
    expect(canMove(entries, 1, -1)).toBe(false);
    expect(canMove(entries, 2, 1)).toBe(false);
    expect(moveEntry(entries, 2, -1).map((entry) => entry.key)).toEqual(['I', 'I/2', 'I/2/a', 'I/1', 'II']);
    expect(moveEntry(entries, 0, 1).map((entry) => entry.key)).toEqual(['II', 'I', 'I/1', 'I/2', 'I/2/a']);
    expect(moveEntry(entries, 1, -1)).toEqual(entries);
  });

  it('removes an item with everything under it', () => {
    const entries = outline('I', 'I/1', 'I/1/a', 'I/2');
    expect(removeEntry(entries, 1).map((entry) => entry.key)).toEqual(['I', 'I/2']);
  });

  it('inserts siblings after the children and children at the end', () => {
    const entries = outline('I', 'I/1', 'II');
    const create = (parentKey: string | null) => ({ key: 'new', parentKey, ref: '' });
    const sibling = insertEntry(entries, 0, 'sibling', create);
    expect(sibling.entries.map((entry) => entry.key)).toEqual(['I', 'I/1', 'new', 'II']);
    expect(sibling.index).toBe(2);
    expect(sibling.entries[2]?.parentKey).toBeNull();
    const child = insertEntry(entries, 0, 'child', create);
    expect(child.entries[2]).toEqual({ key: 'new', parentKey: 'I', ref: '' });
    expect(insertEntry(entries, null, 'sibling', create).index).toBe(3);
  });
});

describe('reference numbers', () => {
  it('continues after the previous sibling', () => {
    const next = (previousSiblingRef: string) =>
      suggestRef({ depth: 1, previousSiblingRef, parentRef: 'I.' });
    expect(next('III.')).toBe('IV.');
    expect(next('3.')).toBe('4.');
    expect(next('4.2.')).toBe('4.3.');
    expect(next('c)')).toBe('d)');
    expect(next('d)')).toBe('đ)');
    expect(next('-')).toBe('-');
  });

  it('starts each level the way Decree 30 documents do', () => {
    expect(suggestRef({ depth: 0, previousSiblingRef: null, parentRef: null })).toBe('I.');
    expect(suggestRef({ depth: 1, previousSiblingRef: null, parentRef: 'II.' })).toBe('1.');
    expect(suggestRef({ depth: 2, previousSiblingRef: null, parentRef: '4.' })).toBe('4.1.');
    expect(suggestRef({ depth: 3, previousSiblingRef: null, parentRef: '4.1.' })).toBe('a)');
    expect(suggestRef({ depth: 4, previousSiblingRef: null, parentRef: 'b)' })).toBe('-');
    expect(suggestRef({ depth: 2, previousSiblingRef: null, parentRef: '' })).toBe('1.1.');
  });

  it('suggests from an item’s place in the list', () => {
    const entries = outline('I', 'I/1', 'I/2').map((entry, index) => ({
      ...entry,
      ref: ['I.', '1.', ''][index] ?? '',
    }));
    expect(suggestRefAt(entries, 2)).toBe('2.');
    expect(suggestRefAt(entries, 1)).toBe('1.');
  });

  it('renumbers after a move, keeping each level’s style and the bullets', () => {
    const refs = ['II.', '2.', '-', '1.', '4.3.', 'd)', 'I.'];
    const entries = outline('A', 'A/x', 'A/x/dash', 'A/y', 'A/y/s', 'A/y/s/q', 'B').map((entry, index) => ({
      ...entry,
      ref: refs[index] ?? '',
    }));
    expect(renumberOutline(entries).map((entry) => entry.ref)).toEqual([
      'I.',
      '1.',
      '-',
      '2.',
      '2.1.',
      'a)',
      'II.',
    ]);
  });

  it('keeps a plan that numbers its top level 1., 2.', () => {
    const entries = outline('A', 'B').map((entry, index) => ({ ...entry, ref: ['2.', '1.'][index] ?? '' }));
    expect(renumberOutline(entries).map((entry) => entry.ref)).toEqual(['1.', '2.']);
  });
});
