import type { ComponentChild } from 'preact';
import { createStore, useStore } from '../modules/app/app.store.ts';
import { type Dictionary, vi } from './vi.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

/** Every dotted path to a text in the Vietnamese dictionary, e.g. `orgUnits.search.placeholder`. */
type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];
export type MessageKey = KeyPaths<Dictionary>;

type Params = Record<string, string | number>;

const STORAGE_KEY = 'binhdang.language';
const dictionaries: Partial<Record<Language, Dictionary>> = { vi };
const languageStore = createStore<Language>('vi');

export function getLanguage(): Language {
  return languageStore.get();
}

/** Re-renders the caller when the language changes; `t` itself reads the current language. */
export function useLanguage(): Language {
  return useStore(languageStore);
}

export function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be blocked (private mode, strict settings); Vietnamese is the right default.
    return 'vi';
  }
}

/** English is fetched only when chosen, so the Vietnamese majority never downloads it. */
async function loadDictionary(language: Language): Promise<Dictionary> {
  if (language === 'vi') return vi;
  return (await import('./en.ts')).en;
}

export async function setLanguage(language: Language, { persist = true } = {}): Promise<void> {
  dictionaries[language] ??= await loadDictionary(language);
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Not persisting is acceptable: the choice still holds for this visit.
    }
  }
  document.documentElement.lang = language;
  languageStore.set(language);
}

function lookup(dictionary: Dictionary, key: string): string | undefined {
  let node: unknown = dictionary;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export function t(key: MessageKey, params?: Params): string {
  const dictionary = dictionaries[languageStore.get()] ?? vi;
  const text = lookup(dictionary, key) ?? lookup(vi, key) ?? key;
  return params ? fill(text, params) : text;
}

/** For keys built at run time from server values (audit actions), which may be unknown to us. */
export function isMessageKey(key: string): key is MessageKey {
  return lookup(vi, key) !== undefined;
}

/** Like `t`, but a placeholder may be an element, e.g. a link inside a sentence. */
export function tRich(key: MessageKey, params: Record<string, ComponentChild>): ComponentChild[] {
  return t(key)
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name !== undefined && name in params ? params[name] : part;
    });
}

/** Picks the current language from a `{ vi, en }` label as the contracts define them. */
export function localized(label: { vi: string; en: string }): string {
  return label[languageStore.get()];
}
