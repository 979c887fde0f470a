/**
 * The plan reader: the text of a received plan (Kế hoạch) or report (Báo cáo) in the form of
 * Decree 30/2020/NĐ-CP → the import contract (../shared/docs/plan-import-contract.md).
 * Pure functions; `document-text.ts` gets the text out of .docx and .pdf files.
 *
 * Steps: clean the lines (plan-reader.text.ts) → heading block and title (header) → closing
 * block (closing) → body paragraphs: preamble with its bases, then the outline (outline),
 * citations, tasks, reporting duties and events.
 */
import type { PlanImport } from '@binhdang/contracts';
import { findCitations } from './plan-reader.citations.ts';
import { findClosingStart, readClosing } from './plan-reader.closing.ts';
import { campaignWords, findEvents } from './plan-reader.events.ts';
import { readHeader, readPlanYear } from './plan-reader.header.ts';
import { buildOutline, type Outline } from './plan-reader.outline.ts';
import { findReporting } from './plan-reader.reporting.ts';
import { findTasks } from './plan-reader.tasks.ts';
import { foldAligned, forgetLongFolds, joinParagraphs, prepareLines } from './plan-reader.text.ts';

const firstRomanHeading = /^(?:I\s*(?:[.):]|\s?[-–])\s*\S|(?:PHẦN|Phần)\s+(?:I\b|THỨ NHẤT|thứ nhất))/u;
const firstNumberedHeading = /^1\s*[.)]\s*\S/;

/** Where the outline starts: the first `I.`, else the first `1.`; -1 when the body has neither. */
function findOutlineStart(paragraphs: string[]): number {
  const roman = paragraphs.findIndex((paragraph) => firstRomanHeading.test(paragraph));
  if (roman >= 0) return roman;
  return paragraphs.findIndex((paragraph) => firstNumberedHeading.test(paragraph));
}

/**
 * A section that reports what was done ("I. KẾT QUẢ THỰC HIỆN", "Đánh giá tình hình"): reports
 * mentioned there were made, they are not duties this document sets.
 */
function isResultsSection(outline: Outline, sectionRef: string | null): boolean {
  const title = outline.sections.find((section) => section.ref === sectionRef)?.title;
  if (!title) return false;
  const folded = foldAligned(title);
  return /^(?:danh gia\s+)?(?:ket qua|tinh hinh|thuc trang|ton tai|han che|nguyen nhan|bai hoc)\b/.test(
    folded,
  );
}

export function readPlanText(text: string): PlanImport {
  try {
    return readDocument(text);
  } finally {
    forgetLongFolds();
  }
}

function readDocument(text: string): PlanImport {
  const lines = prepareLines(text);
  const header = readHeader(lines);
  const warnings = [...header.warnings];
  const year = readPlanYear(header.title, header.issuedYear);
  if (year === null) warnings.push('Không xác định được năm của kế hoạch; các ngày không ghi năm bị bỏ qua.');

  const closingStart = findClosingStart(lines, header.bodyStart);
  const closing = readClosing(lines, closingStart);
  const bodyEnd = closingStart >= 0 ? closingStart : lines.length;
  const paragraphs = joinParagraphs(lines.slice(header.bodyStart, bodyEnd));
  const annex = joinParagraphs(lines.slice(closing.annexStart));

  const outlineStart = findOutlineStart(paragraphs);
  const preamble = outlineStart >= 0 ? paragraphs.slice(0, outlineStart) : paragraphs.slice(0, 1);
  const body = outlineStart >= 0 ? paragraphs.slice(outlineStart) : paragraphs.slice(1);
  const outline = buildOutline(body);
  if (outline.sections.length === 0)
    warnings.push('Không nhận ra các mục lớn của văn bản (I, II, III hoặc 1, 2, 3).');

  const excludeNumbers = [header.number];
  const bases = findCitations(preamble, { year, excludeNumbers });
  const citations = findCitations([...preamble, ...body, ...annex], { year, excludeNumbers });
  const undated = citations
    .filter((citation) => citation.issuedOn === null)
    .map((citation) => citation.number);
  if (undated.length > 0)
    warnings.push(`Không đọc được ngày ban hành của văn bản được dẫn: ${undated.join(', ')}.`);

  const tasks = findTasks(outline, year);
  const isCampaignPlan = header.title !== null && campaignWords.test(foldAligned(header.title));
  const reporting = findReporting(
    body.filter((_, index) => !isResultsSection(outline, outline.items[index]?.sectionRef ?? null)),
    year,
    isCampaignPlan,
  );
  const events = findEvents([...(header.title ? [header.title] : []), ...preamble, ...body], year);

  if (closingStart < 0 || !closing.hasRecipients) warnings.push('Không tìm thấy phần “Nơi nhận”.');
  if (!closing.signer.name) warnings.push('Không đọc được họ tên người ký.');
  if (annex.length > 0)
    warnings.push('Văn bản có phụ lục sau phần chữ ký; nhiệm vụ trong phụ lục chưa được đọc.');

  return {
    kind: header.kind,
    number: header.number,
    symbol: header.symbol,
    place: header.place,
    issuedOn: header.issuedOn,
    year,
    title: header.title,
    bases: bases.map(({ kind, number, issuedOn, issuer }) => ({
      kind,
      number,
      issuedOn,
      issuer: issuer ?? null,
    })),
    citations: citations.map(({ kind, number, issuedOn }) => ({ kind, number, issuedOn })),
    sections: outline.sections,
    tasks,
    reporting,
    events,
    recipients: closing.recipients,
    signer: closing.signer,
    warnings,
  };
}
