/**
 * Reporting duties a document sets: "báo cáo 6 tháng trước ngày 30/5 và báo cáo năm trước
 * ngày 30/11", "Định kỳ 6 tháng trước ngày 05 tháng 6", "báo cáo kết quả tự kiểm tra ...
 * trước ngày 05 tháng 12 năm 2024", "báo cáo đột xuất khi có yêu cầu", and to whom they go.
 */
import type { PlanImportReporting, PlanImportReportingKind } from '@binhdang/contracts';
import { dayMonthPattern, readDayMonth, resolveDayMonth } from './plan-reader.dates.ts';
import { campaignWords } from './plan-reader.events.ts';
import { foldAligned, foldSpaces } from './plan-reader.text.ts';
import { readUnitPhrase } from './plan-reader.units.ts';

interface Anchor {
  what: PlanImportReportingKind;
  index: number;
}

interface Due {
  date: string;
  index: number;
}

const anchorPatterns: { what: PlanImportReportingKind; pattern: RegExp }[] = [
  { what: '6-month', pattern: /(?<!\bngay\s+)\b0?6 thang\b(?!\s*\d| (?:tiep theo|toi))/g },
  { what: 'annual', pattern: /\bbao cao (?:tong ket |ket qua )?nam\b(?!\s+\d)/g },
  { what: 'annual', pattern: /(?<=\b0?6 thang\s*(?:va|,|;)\s*(?:ca |bao cao )?)nam\b(?!\s+\d)/g },
  // "6 tháng trước ngày 15/6; năm trước ngày 15/12".
  { what: 'annual', pattern: /(?<=(?:\bva|[,;])\s*)\bnam\b(?=\s*[(:]?\s*(?:\(\s*)?truoc\b)/g },
  { what: 'annual', pattern: /(?<=\bbao cao\b[^.;]{0,60}?)\bhang nam\b/g },
  { what: 'self-inspection', pattern: /\btu kiem tra\b/g },
  { what: 'ad-hoc', pattern: /\bbao cao (?:[^\s.;]+ ){0,2}dot xuat\b/g },
  { what: 'ad-hoc', pattern: /(?<=\bbao cao\b[^.;]{0,60}?)\b(?:khi|theo) (?:co )?yeu cau\b/g },
  { what: 'thematic', pattern: /\bbao cao chuyen de\b/g },
  { what: 'other', pattern: /\b(?:hang|dinh ky|moi) (?:quy|thang)\b|\bbao cao quy\b/g },
];

const duePattern = new RegExp(
  String.raw`\b(?:truoc|cham nhat(?: la| vao)?|han cuoi(?: la)?|han chot(?: la)?)\s+(?:ngay\s+)?(?:${dayMonthPattern})`,
  'g',
);

function findAnchors(folded: string): Anchor[] {
  const anchors: Anchor[] = [];
  for (const { what, pattern } of anchorPatterns) {
    for (const match of folded.matchAll(pattern)) anchors.push({ what, index: match.index });
  }
  return anchors.sort((a, b) => a.index - b.index);
}

function findDues(folded: string, year: number | null): Due[] {
  const dues: Due[] = [];
  for (const match of folded.matchAll(duePattern)) {
    const value = readDayMonth(match);
    const date = value ? resolveDayMonth(value, year) : null;
    if (date) dues.push({ date, index: match.index });
  }
  return dues;
}

/**
 * `gửi về UBND huyện (qua phòng Lao động - ...)`, `báo cáo UBND tỉnh`: the addressee of the
 * reports, as printed. "gửi"/"về" come first: after "báo cáo" a unit may be the subject reported on.
 */
function findAddressee(text: string): string | null {
  const folded = foldAligned(text);
  const sent = [...folded.matchAll(/\b(?:gui ve|gui len|gui|ve|len)\s+/g)];
  const reported = [...folded.matchAll(/\bbao cao\s+/g)];
  for (const match of [...sent, ...reported]) {
    const start = match.index + match[0].length;
    const read = readUnitPhrase(text.slice(start));
    if (!read) continue;
    let addressee = read.phrase;
    const via = text.slice(start + read.length).match(/^\s*(\((?:qua|thông qua)[^)]*\))/iu);
    if (via) addressee = `${addressee} ${via[1]}`;
    return foldSpaces(addressee);
  }
  return null;
}

/**
 * A dated report with no period word: a campaign's report is thematic; a report due at the
 * year end, or on a named year, is the year's report.
 */
function classifyDatedReport(folded: string, due: string, isCampaignPlan: boolean): PlanImportReportingKind {
  if (isCampaignPlan || campaignWords.test(folded) || /\bchuyen de\b/.test(folded)) return 'thematic';
  const month = Number(due.slice(5, 7));
  return month >= 11 || /\bnam \d{4}\b|\bhang nam\b/.test(folded) ? 'annual' : 'other';
}

/** One paragraph: each period word takes the first deadline after it and before the next one. */
function readParagraph(text: string, year: number | null, isCampaignPlan: boolean): PlanImportReporting[] {
  const folded = foldAligned(text);
  if (!/\bbao cao\b/.test(folded)) return [];
  const anchors = findAnchors(folded);
  const dues = findDues(folded, year);
  if (anchors.length === 0 && dues.length === 0) return [];

  const found: { what: PlanImportReportingKind; due: string | null }[] = [];
  if (anchors.length === 0) {
    // A dated report with no period word: the year's report when it is due at the year end or names the year.
    for (const due of dues)
      found.push({ what: classifyDatedReport(folded, due.date, isCampaignPlan), due: due.date });
  } else {
    const claimed = new Set<Due>();
    anchors.forEach((anchor, position) => {
      const limit = anchors[position + 1]?.index ?? folded.length;
      const due = dues.find((candidate) => candidate.index > anchor.index && candidate.index < limit);
      if (due) claimed.add(due);
      found.push({ what: anchor.what, due: due?.date ?? null });
    });
    // A deadline written before its period word ("trước ngày 15/6 gửi báo cáo 6 tháng").
    for (const due of dues.filter((candidate) => !claimed.has(candidate))) {
      const open = found.find((entry) => entry.due === null && entry.what !== 'ad-hoc');
      if (open) open.due = due.date;
    }
  }

  const periodic = found.some((entry) => entry.what === '6-month' || entry.what === 'annual');
  const kept: { what: PlanImportReportingKind; due: string | null }[] = [];
  for (const entry of found) {
    // "Báo cáo chuyên đề ...: Định kỳ 6 tháng ...; báo cáo năm ..." is periodic, not a one-off.
    if (entry.what === 'thematic' && periodic) continue;
    // The same kind named again without a date (an outline, a form) adds nothing.
    if (entry.due === null && found.some((other) => other.what === entry.what && other.due !== null))
      continue;
    if (kept.some((other) => other.what === entry.what && other.due === entry.due)) continue;
    kept.push(entry);
  }
  const to = findAddressee(text);
  return kept.map((entry) => ({ ...entry, to }));
}

/**
 * Reporting duties across the body paragraphs; an addressee named just after a list applies
 * to it. `isCampaignPlan`: the document plans a campaign (its title names one).
 */
export function findReporting(
  paragraphs: string[],
  year: number | null,
  isCampaignPlan = false,
): PlanImportReporting[] {
  const duties: PlanImportReporting[] = [];
  paragraphs.forEach((text, index) => {
    const found = readParagraph(text, year, isCampaignPlan);
    if (found.length === 0) return;
    if (found.some((entry) => entry.to === null)) {
      const following = paragraphs
        .slice(index + 1, index + 4)
        .find((next) => /\bgui\b/.test(foldAligned(next)));
      const to = following ? findAddressee(following) : null;
      for (const entry of found) entry.to ??= to;
    }
    for (const entry of found) {
      if (!duties.some((other) => other.what === entry.what && other.due === entry.due)) duties.push(entry);
    }
  });
  return duties;
}
