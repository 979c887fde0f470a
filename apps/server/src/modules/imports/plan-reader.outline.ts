/**
 * The outline of the body: roman headings (I., II., ...) with their numbered children
 * (1., 2., 4.1., a)), and the dash items and paragraphs under each. Roman headings must come
 * in order, so a stray `V.` inside a sentence or an annex restarting at `I.` is not taken.
 */
import type { PlanImportSection } from '@binhdang/contracts';
import { foldAligned, foldSpaces } from './plan-reader.text.ts';

export type MarkerKind = 'roman' | 'number' | 'letter' | 'dash' | 'plain';

export interface OutlineItem {
  kind: MarkerKind;
  /** `II`, `4.1`, `a`; null for dashes and plain paragraphs. */
  label: string | null;
  /** Full path: `II.4.1`, `III.2.a`; for dashes and paragraphs, the path of their heading. */
  ref: string;
  /** The top-level section (`II`), or null before the first one. */
  sectionRef: string | null;
  /** Paragraph text without its marker. */
  text: string;
  /** 0 for the top level; numbered items go deeper by their number of parts, then letters. */
  depth: number;
}

const romanValues: Record<string, number> = { I: 1, V: 5, X: 10 };

export function romanToNumber(roman: string): number | null {
  if (!/^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(roman) || roman === '') return null;
  let total = 0;
  for (let index = 0; index < roman.length; index++) {
    const value = romanValues[roman[index]!]!;
    const next = romanValues[roman[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

interface Marker {
  kind: MarkerKind;
  label: string | null;
  text: string;
}

function readMarker(paragraph: string): Marker {
  let match = paragraph.match(/^([IVX]{1,5})\s*(?:[.):]|\s?[-–])\s*(.+)$/);
  if (match && romanToNumber(match[1]!) !== null) return { kind: 'roman', label: match[1]!, text: match[2]! };
  match = paragraph.match(/^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s+(.+)$/);
  if (
    match &&
    (/[.)]/.test(paragraph.slice(match[1]!.length, match[1]!.length + 2)) || match[1]!.includes('.'))
  ) {
    return { kind: 'number', label: match[1]!, text: match[2]! };
  }
  match = paragraph.match(/^([a-zđ])\s*\)\s*(.+)$/);
  if (match) return { kind: 'letter', label: match[1]!, text: match[2]! };
  match = paragraph.match(/^[-–+•*]\s*(.+)$/);
  if (match) return { kind: 'dash', label: null, text: match[1]! };
  return { kind: 'plain', label: null, text: paragraph };
}

/** A heading's title: its first sentence, without a final colon or period. */
export function readHeadingTitle(text: string): string {
  const firstSentence = text.split(/(?<=[.:])\s+(?=\p{Lu})/u)[0] ?? text;
  const title = foldSpaces(firstSentence).replace(/[.:;,]+$/, '');
  return title.length > 240 ? `${title.slice(0, 239)}…` : title;
}

export interface Outline {
  items: OutlineItem[];
  sections: PlanImportSection[];
}

/** Builds the outline of the body paragraphs (the preamble and closing excluded). */
const partNumbers: Record<string, string> = { nhat: 'I', mot: 'I', hai: 'II', ba: 'III', tu: 'IV', nam: 'V' };

/** `PHẦN I. KẾT QUẢ ...`, `Phần thứ hai: ...`: a part above the roman headings, in long reports. */
function readPart(paragraph: string): Marker | null {
  const match = foldAligned(paragraph).match(
    /^phan\s+(?:thu\s+)?(i{1,3}|iv|v|nhat|mot|hai|ba|tu|nam)\b\s*[.:\-–]?\s*/,
  );
  if (!match || !/^(?:PHẦN|Phần)/u.test(paragraph)) return null;
  const label = partNumbers[match[1]!] ?? match[1]!.toUpperCase();
  return { kind: 'roman', label, text: paragraph.slice(match[0].length) || paragraph };
}

/**
 * With two or more parts, the parts are the top level and each part's roman headings become
 * its numbered children (`PHẦN II` › `I.` › `1.` reads as `II` › `1` › `1.1`).
 */
function nestUnderParts(markers: Marker[], paragraphs: string[]): Marker[] {
  const parts = paragraphs.map(readPart);
  if (parts.filter((part) => part !== null).length < 2) return markers;
  let roman: number | null = null;
  return markers.map((marker, index) => {
    const part = parts[index];
    if (part) {
      roman = null;
      return part;
    }
    if (marker.kind === 'roman') {
      roman = romanToNumber(marker.label!);
      return { kind: 'number', label: String(roman), text: marker.text };
    }
    if (marker.kind === 'number' && roman !== null) return { ...marker, label: `${roman}.${marker.label}` };
    return marker;
  });
}

export function buildOutline(paragraphs: string[]): Outline {
  const markers = nestUnderParts(paragraphs.map(readMarker), paragraphs);
  const hasRoman = markers.some((marker) => marker.kind === 'roman' && marker.label === 'I');
  const items: OutlineItem[] = [];
  const sections: PlanImportSection[] = [];

  let lastRoman = 0;
  let sectionRef: string | null = null;
  let sectionNode: PlanImportSection | null = null;
  // Open numbered headings by depth, and the letter under the deepest one.
  let numbered: { label: string; node: PlanImportSection }[] = [];
  let letter: { label: string; node: PlanImportSection } | null = null;

  const numberDepth = () => numbered.at(-1)?.label.split('.').length ?? 0;
  const currentRef = () => {
    const deepest = numbered.at(-1);
    const base = deepest ? (sectionRef ? `${sectionRef}.${deepest.label}` : deepest.label) : sectionRef;
    if (letter) return base ? `${base}.${letter.label}` : letter.label;
    return base ?? '';
  };

  for (const marker of markers) {
    let kind = marker.kind;
    if (kind === 'roman') {
      const value = romanToNumber(marker.label!)!;
      if (value !== lastRoman + 1) kind = 'plain';
    }

    if (kind === 'roman') {
      lastRoman += 1;
      sectionRef = marker.label!;
      sectionNode = { ref: sectionRef, title: readHeadingTitle(marker.text), children: [] };
      sections.push(sectionNode);
      numbered = [];
      letter = null;
      items.push({ kind, label: sectionRef, ref: sectionRef, sectionRef, text: marker.text, depth: 0 });
      continue;
    }

    if (kind === 'number') {
      const label = marker.label!;
      const parts = label.split('.');
      const node: PlanImportSection = { ref: label, title: readHeadingTitle(marker.text), children: [] };
      // `4.1` goes under an open `4`; a bare `1` starts again at the first level.
      numbered = numbered.filter((open) => {
        const openParts = open.label.split('.');
        return openParts.length < parts.length && parts.slice(0, openParts.length).join('.') === open.label;
      });
      const parent = numbered.at(-1)?.node ?? sectionNode;
      if (parent) parent.children.push(node);
      else if (!hasRoman && parts.length === 1) {
        sections.push(node);
      }
      numbered.push({ label, node });
      letter = null;
      const ref = sectionRef ? `${sectionRef}.${label}` : label;
      items.push({
        kind,
        label,
        ref,
        sectionRef: sectionRef ?? (hasRoman ? null : parts[0]!),
        text: marker.text,
        depth: parts.length,
      });
      continue;
    }

    if (kind === 'letter') {
      const node: PlanImportSection = {
        ref: marker.label!,
        title: readHeadingTitle(marker.text),
        children: [],
      };
      (numbered.at(-1)?.node ?? sectionNode)?.children.push(node);
      letter = { label: marker.label!, node };
      items.push({
        kind,
        label: marker.label,
        ref: currentRef(),
        sectionRef: sectionRef ?? (hasRoman ? null : (numbered[0]?.label.split('.')[0] ?? null)),
        text: marker.text,
        depth: numberDepth() + 1,
      });
      continue;
    }

    items.push({
      kind,
      label: null,
      ref: currentRef(),
      sectionRef: sectionRef ?? (hasRoman ? null : (numbered[0]?.label.split('.')[0] ?? null)),
      // A roman numeral out of order is kept as written: it was not a heading.
      text: marker.kind === 'roman' ? `${marker.label}. ${marker.text}` : marker.text,
      depth: numberDepth() + (letter ? 1 : 0) + 1,
    });
  }
  return { items, sections };
}
