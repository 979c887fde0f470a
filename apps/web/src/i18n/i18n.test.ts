import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { isMessageKey, t, tRich } from './i18n.ts';
import { vi } from './vi.ts';

function flatten(node: object, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') entries.set(`${prefix}${key}`, value);
    else for (const [path, text] of flatten(value, `${prefix}${key}.`)) entries.set(path, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  const vietnamese = flatten(vi);
  const english = flatten(en);

  it('have the same keys in every locale', () => {
    expect([...english.keys()].sort()).toEqual([...vietnamese.keys()].sort());
  });

  it('use the same placeholders in every locale and no empty texts', () => {
    for (const [key, text] of vietnamese) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('t', () => {
  it('fills placeholders in Vietnamese by default', () => {
    expect(t('home.greeting', { name: 'Mai' })).toBe('Xin chào, Mai');
  });

  it('knows which run-time keys exist', () => {
    expect(isMessageKey('audit.actions.orgUnits.merge')).toBe(true);
    expect(isMessageKey('audit.actions.unknown.thing')).toBe(false);
    expect(isMessageKey('audit.actions')).toBe(false);
  });

  it('puts elements in place of placeholders', () => {
    const link = { type: 'a' };
    expect(tRich('orgUnits.lineage.mergedInto', { unit: link as never, date: '01/07/2025' })).toEqual([
      'Sáp nhập vào ',
      link,
      ' từ ',
      '01/07/2025',
    ]);
  });
});
