/**
 * Tasks: the actionable items of a plan's content and organisation sections, with the units
 * the text makes responsible ("Giao X chủ trì, phối hợp với Y", "X có trách nhiệm ...", or a
 * heading "1. Phòng Lao động - Thương binh và Xã hội" over its items) and their times
 * ("trước ngày 30/5", "từ 11-15/11/2024", "tháng 6/2024", "Quý II", "thường xuyên").
 */
import type { PlanImportTask } from '@binhdang/contracts';
import {
  dayMonthPattern,
  findDateRanges,
  findMonths,
  quarterSpan,
  readDayMonth,
  resolveDayMonth,
} from './plan-reader.dates.ts';
import type { Outline, OutlineItem } from './plan-reader.outline.ts';
import { readHeadingTitle } from './plan-reader.outline.ts';
import { foldAligned, foldSpaces } from './plan-reader.text.ts';
import {
  readSubjectUnits,
  readSupportUnits,
  readUnitHeading,
  readUnitPhrase,
  splitUnitList,
} from './plan-reader.units.ts';

/** Sections that state aims, budget or results rather than assign work. */
const nonActionTitle =
  /\b(?:muc dich|yeu cau|kinh phi|can cu|ket qua|tinh hinh|danh gia|ton tai|han che|nguyen nhan|bai hoc|dac diem|quan diem|muc tieu|chi tieu)\b/;

export interface TaskTime {
  due: string | null;
  from: string | null;
  to: string | null;
  timeText: string | null;
  ongoing: boolean;
}

/** Reads the first time expression of a task's text. */
export function readTaskTime(text: string, year: number | null): TaskTime {
  const folded = foldAligned(text);
  const none: TaskTime = { due: null, from: null, to: null, timeText: null, ongoing: false };
  const slice = (index: number, length: number) => foldSpaces(text.slice(index, index + length));

  const due = new RegExp(
    String.raw`\b(?:truoc|cham nhat(?: la| vao)?|han cuoi(?: la)?|hoan thanh truoc)\s+(?:ngay\s+)?(?:${dayMonthPattern})`,
  ).exec(folded);
  if (due) {
    const value = readDayMonth(due);
    const date = value ? resolveDayMonth(value, year) : null;
    if (date) return { ...none, due: date, timeText: slice(due.index, due[0].length) };
  }
  const range = findDateRanges(folded, year)[0];
  if (range) return { ...none, from: range.from, to: range.to, timeText: slice(range.index, range.length) };
  if (year !== null) {
    const quarter = /\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(folded);
    if (quarter) {
      const span = quarterSpan(quarter[2] ? Number(quarter[2]) : year, quarter[1]!);
      if (span) return { ...none, ...span, timeText: slice(quarter.index, quarter[0].length) };
    }
    const month = findMonths(folded, year).find((candidate) =>
      /\b(?:trong|vao|thoi gian(?: thuc hien)?:?|\()\s*$/.test(
        folded.slice(Math.max(0, candidate.index - 24), candidate.index),
      ),
    );
    if (month) return { ...none, from: month.from, to: month.to, timeText: slice(month.index, month.length) };
  }
  const ongoing = /\b(?:thuong xuyen|hang nam|lien tuc|dinh ky)\b/.exec(folded);
  if (ongoing) return { ...none, ongoing: true, timeText: slice(ongoing.index, ongoing[0].length) };
  return none;
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => foldSpaces(value)).filter((value) => value !== ''))];
}

/** Lead and supporting units written in the task's own text. */
export function readAssignees(text: string): { lead: string[]; support: string[] } {
  const folded = foldAligned(text);
  // Tables and forms: "Cơ quan chủ trì: ...; Cơ quan phối hợp: ...".
  const field = (name: string) => {
    const match = new RegExp(String.raw`\b(?:co quan|don vi)\s+${name}\s*:\s*`).exec(folded);
    if (!match) return [];
    const rest = text.slice(match.index + match[0].length);
    const end = rest.search(/[;.\n]|\s(?:Cơ quan|Đơn vị|Thời gian)\b/u);
    return splitUnitList(foldSpaces(end < 0 ? rest : rest.slice(0, end)));
  };
  const fieldLead = field('chu tri');
  if (fieldLead.length > 0) return { lead: fieldLead, support: field('phoi hop') };

  const lead: string[] = [];
  const { units } = readSubjectUnits(text);
  lead.push(...units);
  // "Giao X chủ trì" inside the text, after a first sentence of content.
  for (const match of folded.matchAll(/\bgiao(?: cho)?\s+/g)) {
    const read = readUnitPhrase(text.slice(match.index + match[0].length));
    if (read) lead.push(...splitUnitList(read.phrase));
  }
  return { lead: unique(lead), support: unique(readSupportUnits(text)) };
}

/**
 * Tasks from the outline: every leaf item of an action section. A heading with items under it
 * is not a task itself; when it names units, they lead the items under it.
 */
export function findTasks(outline: Outline, year: number | null): PlanImportTask[] {
  const titles = new Map<string, string>();
  const collect = (nodes: Outline['sections'], prefix: string) => {
    for (const node of nodes) {
      const ref = prefix ? `${prefix}.${node.ref}` : node.ref;
      titles.set(ref, foldAligned(node.title));
      collect(node.children, ref);
    }
  };
  collect(outline.sections, '');

  const isAction = (item: OutlineItem) => {
    const parts = item.ref.split('.');
    for (let length = 1; length <= parts.length; length++) {
      const title = titles.get(parts.slice(0, length).join('.'));
      // Only a short heading names its section ("Kinh phí thực hiện"); a long one is a task.
      if (title && title.split(' ').length <= 10 && nonActionTitle.test(title)) return false;
    }
    return item.sectionRef !== null;
  };

  const items = outline.items;
  const leadsByRef = new Map<string, string[]>();
  const counters = new Map<string, number>();
  const tasks: PlanImportTask[] = [];

  items.forEach((item, index) => {
    const next = items[index + 1];
    const isHeading = item.kind === 'roman' || item.kind === 'number' || item.kind === 'letter';
    const hasChildren =
      isHeading &&
      next !== undefined &&
      next.depth > item.depth &&
      (next.ref === item.ref || next.ref.startsWith(`${item.ref}.`));
    if (isHeading) {
      const units = readUnitHeading(readHeadingTitle(item.text));
      if (units.length > 0) leadsByRef.set(item.ref, units);
    }
    // A numbered statement ending in a full stop, explained by paragraphs or dash items, is
    // itself a task; one with numbered or lettered children only groups them.
    const isStatement =
      hasChildren &&
      /[.!]$/.test(item.text) &&
      next !== undefined &&
      (next.kind === 'plain' || next.kind === 'dash');
    if (item.kind === 'roman' || (hasChildren && !isStatement) || !isAction(item)) return;
    if (/^(?:trên đây|nơi nhận)/iu.test(item.text)) return;

    let ref = item.ref;
    if (item.kind === 'dash' || item.kind === 'plain') {
      const count = (counters.get(item.ref) ?? 0) + 1;
      counters.set(item.ref, count);
      ref = `${item.ref}-${count}`;
    }
    // Units named by an enclosing heading lead the items under it.
    let inherited: string[] = [];
    const parts = item.ref.split('.');
    for (let length = parts.length; length >= 1 && inherited.length === 0; length--) {
      inherited = leadsByRef.get(parts.slice(0, length).join('.')) ?? [];
    }
    const own = readAssignees(item.text);
    const time = readTaskTime(item.text, year);
    tasks.push({
      ref,
      text: foldSpaces(item.text),
      lead: own.lead.length > 0 ? own.lead : inherited,
      support: own.support,
      due: time.due,
      from: time.from,
      to: time.to,
      timeText: time.timeText,
      ongoing: time.ongoing,
    });
  });
  return tasks;
}
