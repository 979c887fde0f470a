import { z } from 'zod';

/**
 * What the plan reader makes of a received plan (Kế hoạch) or report (Báo cáo): the JSON that
 * `binhdang parse-plan FILE --json` prints (../shared/docs/plan-import-contract.md, v1).
 * Unknown values are null or empty lists, never guesses; `warnings` says what could not be read.
 */

/** `2024-05-30`, or `2024-05` when the document leaves the day blank. */
const isoDay = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

export const planImportReportingKinds = [
  '6-month',
  'annual',
  'ad-hoc',
  'self-inspection',
  'thematic',
  'other',
] as const;
export type PlanImportReportingKind = (typeof planImportReportingKinds)[number];

export const planImportCitation = z.object({
  /** `Kế hoạch`, `Công văn`, `Nghị định`, ... (from the word before the number, else from the symbol). */
  kind: z.string().nullable(),
  /** As printed, spaces removed: `70/2008/NĐ-CP`, `21-CT/TW`. */
  number: z.string(),
  issuedOn: isoDay.nullable(),
  issuer: z.string().nullable().optional(),
});
export type PlanImportCitation = z.infer<typeof planImportCitation>;

export interface PlanImportSection {
  ref: string;
  title: string;
  children: PlanImportSection[];
}
export const planImportSection: z.ZodType<PlanImportSection> = z.lazy(() =>
  z.object({ ref: z.string(), title: z.string(), children: z.array(planImportSection) }),
);

export const planImportTask = z.object({
  /** Outline path: `II.6.5`; `III.1-2` is the second dash item under III.1. */
  ref: z.string(),
  text: z.string(),
  /** Units the text makes responsible ("chủ trì", "Giao ...", the unit a heading names). */
  lead: z.array(z.string()),
  /** Units named after "phối hợp với". */
  support: z.array(z.string()),
  due: isoDay.nullable(),
  from: isoDay.nullable(),
  to: isoDay.nullable(),
  /** The words the times were read from (`trước ngày 30/5`, `Quý II/2024`). */
  timeText: z.string().nullable().optional(),
  /** "thường xuyên", "hằng năm": no single date. */
  ongoing: z.boolean().optional(),
});
export type PlanImportTask = z.infer<typeof planImportTask>;

export const planImportReporting = z.object({
  what: z.enum(planImportReportingKinds),
  due: isoDay.nullable(),
  to: z.string().nullable(),
});
export type PlanImportReporting = z.infer<typeof planImportReporting>;

export const planImportEvent = z.object({
  name: z.string(),
  from: isoDay,
  to: isoDay,
});
export type PlanImportEvent = z.infer<typeof planImportEvent>;

export const planImportSigner = z.object({
  /** `TM. ỦY BAN NHÂN DÂN`. */
  authority: z.string().nullable(),
  /** `KT. CHỦ TỊCH`, `TL. ...`, `TUQ. ...`. */
  deputy: z.string().nullable(),
  position: z.string().nullable(),
  name: z.string().nullable(),
});
export type PlanImportSigner = z.infer<typeof planImportSigner>;

export const planImport = z.object({
  kind: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  place: z.string().nullable(),
  issuedOn: isoDay.nullable(),
  year: z.number().int().nullable(),
  title: z.string().nullable(),
  bases: z.array(planImportCitation),
  citations: z.array(planImportCitation),
  sections: z.array(planImportSection),
  tasks: z.array(planImportTask),
  reporting: z.array(planImportReporting),
  events: z.array(planImportEvent),
  recipients: z.array(z.string()),
  signer: planImportSigner,
  warnings: z.array(z.string()),
});
export type PlanImport = z.infer<typeof planImport>;
