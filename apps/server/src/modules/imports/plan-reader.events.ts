/**
 * Dated campaigns and observances a document names: "Tháng hành động ... (từ ngày 15/11 đến
 * ngày 15/12/2024)", "(tháng 6/2024)", "Quốc tế Phụ nữ (8/3)", and yearly campaigns named
 * without dates, which take their fixed dates.
 */
import type { PlanImportEvent } from '@binhdang/contracts';
import {
  type DateRange,
  dayMonthPattern,
  findDateRanges,
  findMonths,
  readDayMonth,
  resolveDayMonth,
} from './plan-reader.dates.ts';
import { foldAligned, foldSpaces } from './plan-reader.text.ts';

/**
 * Fixed yearly observances, copied from `../shared/data/observances.json` (its README cites
 * the decision behind each entry: Quyết định 363/QĐ-TTg for the June month, Quyết định
 * 72/2001/QĐ-TTg for 28/6, the ministry's annual guidance for 15/11–15/12). A test checks
 * that this copy still matches the file. `pattern` finds the name in folded text.
 */
export const observances: { name: string; from: string; to: string; pattern: RegExp }[] = [
  { name: 'Ngày Quốc tế Phụ nữ', from: '03-08', to: '03-08', pattern: /\bquoc te phu nu\b/ },
  {
    name: 'Tháng hành động quốc gia về phòng, chống bạo lực gia đình',
    from: '06-01',
    to: '06-30',
    pattern: /\bthang hanh dong quoc gia (?:ve )?phong,? chong bao luc gia dinh\b/,
  },
  { name: 'Ngày Gia đình Việt Nam', from: '06-28', to: '06-28', pattern: /\bngay gia dinh viet nam\b/ },
  { name: 'Ngày Phụ nữ Việt Nam', from: '10-20', to: '10-20', pattern: /\bngay phu nu viet nam\b/ },
  {
    name: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
    from: '11-15',
    to: '12-15',
    pattern: /\bthang hanh dong (?:quoc gia )?(?:vi|ve) binh dang gioi\b/,
  },
  {
    name: 'Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ',
    from: '11-25',
    to: '11-25',
    pattern: /\bxoa bo (?:bao luc|moi hinh thuc bao luc) (?:doi voi|chong) phu nu\b/,
  },
];

/** Words that name a campaign or event, so that a date range beside them is an event. */
export const campaignWords =
  /\b(?:thang hanh dong|thang cao diem|chien dich|tuan le|le phat dong|le mit tinh|mit tinh|ngay hoi|dien dan|hoi thi|cuoc thi|lien hoan|hoi dien|ngay quoc te|ngay phu nu|ngay gia dinh)\b/;

interface Sentence {
  text: string;
  folded: string;
}

function splitSentences(text: string): Sentence[] {
  return text
    .split(/(?<=[.;!?])\s+(?=[\p{Lu}“"(])/u)
    .map((part) => ({ text: part, folded: foldAligned(part) }));
}

/** The campaign phrase nearest before `before` (a date's position): from its campaign word to a date, bracket or clause end. */
function readCampaignName(sentence: Sentence, before = sentence.folded.length): string | null {
  const matches = [...sentence.folded.matchAll(new RegExp(campaignWords, 'g'))];
  const earlier = matches.filter((candidate) => candidate.index < before);
  let position = earlier.length > 0 ? earlier.length - 1 : 0;
  // "Lễ phát động Tháng hành động ...": the name starts at the first of two adjoining campaign words.
  while (
    position > 0 &&
    matches[position]!.index - (matches[position - 1]!.index + matches[position - 1]![0].length) <= 1
  ) {
    position--;
  }
  const match = matches[position];
  if (!match) return null;
  const rest = sentence.folded.slice(match.index);
  const stop = rest.search(
    /\s+tu\s+(?:ngay\s+)?\d|\s+(?:vao\s+|trong\s+)?(?:ngay|thang)\s+\d|\s*\(|;|\.\s|\.$|\s+(?:bao dam|dam bao|hieu qua|thiet thuc)\b/,
  );
  const name = sentence.text.slice(match.index, match.index + (stop < 0 ? Math.min(rest.length, 160) : stop));
  return foldSpaces(name).replace(/[,:]$/, '') || null;
}

function canonicalName(name: string): string {
  const folded = foldAligned(name);
  return observances.find((observance) => observance.pattern.test(folded))?.name ?? name;
}

function spanDays(event: PlanImportEvent): number {
  return (Date.parse(event.to) - Date.parse(event.from)) / 86_400_000;
}

/**
 * A campaign held on one day: "Lễ phát động ... vào ngày 14/11/2025". Not a deadline
 * ("trước ngày"), a range end, or the date of a cited document ("số 12/KH-UBND ngày ...").
 */
function findCampaignDays(folded: string, year: number, spans: DateRange[]): DateRange[] {
  const days: DateRange[] = [];
  const pattern = new RegExp(String.raw`\bngay\s+(?:${dayMonthPattern})`, 'g');
  for (const match of folded.matchAll(pattern)) {
    const before = folded.slice(Math.max(0, match.index - 120), match.index);
    if (/\b(?:truoc|cham nhat|den|tu|han|ky)\s+$/.test(before)) continue;
    if (/\d+\s*\/\s*[a-z][\w.&-]*\s*,?\s*$/.test(before)) continue;
    if (spans.some((span) => match.index >= span.index && match.index < span.index + span.length)) continue;
    if (!campaignWords.test(before)) continue;
    const value = readDayMonth(match);
    const date = value ? resolveDayMonth(value, year) : null;
    if (date) days.push({ from: date, to: date, index: match.index, length: match[0].length });
  }
  return days;
}

/** `... năm 2026` at the end of the campaign's name; else the document's year. */
function yearAfter(folded: string, index: number, year: number): number {
  const rest = folded.slice(index, index + 140);
  const clause = rest.slice(0, Math.max(0, rest.search(/[(;.]|$/)));
  const match = clause.match(/\bnam\s+(\d{4})\b/);
  return match ? Number(match[1]) : year;
}

/** Events in the body paragraphs, each date span once. */
export function findEvents(paragraphs: string[], year: number | null): PlanImportEvent[] {
  if (year === null) return [];
  const explicit: PlanImportEvent[] = [];
  const named: PlanImportEvent[] = [];

  for (const paragraph of paragraphs) {
    const sentences = splitSentences(paragraph);
    sentences.forEach((sentence, position) => {
      const spans = [
        ...findDateRanges(sentence.folded, year),
        ...findMonths(sentence.folded, year).filter((month) =>
          campaignWords.test(sentence.folded.slice(Math.max(0, month.index - 160), month.index)),
        ),
      ];
      spans.push(...findCampaignDays(sentence.folded, year, spans));
      const spanStarts = spans.map((span) => span.index);
      for (const span of spans) {
        // "Thời gian dự kiến từ 11-15/11/2024" dates the campaign of the sentence before.
        const previous = position > 0 ? sentences[position - 1]! : null;
        const source = campaignWords.test(sentence.folded)
          ? sentence
          : previous && campaignWords.test(previous.folded)
            ? previous
            : null;
        if (!source) continue;
        explicit.push({
          name: readCampaignName(source, source === sentence ? span.index : undefined) ?? '',
          from: span.from,
          to: span.to,
        });
      }

      for (const observance of observances) {
        for (const match of sentence.folded.matchAll(new RegExp(observance.pattern, 'g'))) {
          const end = match.index + match[0].length;
          // Named with its own dates in the same clause: the explicit span is the event.
          const clauseEnd = sentence.folded.slice(end).search(/[;.]/);
          const limit = Math.min(end + 160, clauseEnd < 0 ? sentence.folded.length : end + clauseEnd);
          // ...unless another campaign is named in between ("8/3, ..., Tháng hành động từ 15/11 ...").
          const ownSpan = spanStarts.some(
            (start) =>
              start >= end && start <= limit && !campaignWords.test(sentence.folded.slice(end, start)),
          );
          if (ownSpan) continue;
          const eventYear = yearAfter(sentence.folded, end, year);
          named.push({
            name: observance.name,
            from: `${eventYear}-${observance.from}`,
            to: `${eventYear}-${observance.to}`,
          });
        }
      }
    });
  }

  const events: PlanImportEvent[] = [];
  for (const event of explicit) {
    if (!events.some((other) => other.from === event.from && other.to === event.to)) events.push(event);
  }
  for (const event of named) {
    // A campaign the document dates itself keeps the document's dates, not the usual ones.
    const dated = events.some(
      (other) =>
        canonicalName(other.name) === event.name &&
        other.from.slice(0, 4) === event.from.slice(0, 4) &&
        spanDays(other) >= spanDays(event) / 2,
    );
    if (dated || events.some((other) => other.from === event.from && other.to === event.to)) continue;
    events.push(event);
  }
  return events;
}
