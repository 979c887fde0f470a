// Contract for editing and versioning report templates (issue 6 §1) — routes listed below.
/*
 * All paths are under `/api`.
 *
 * | method | path                               | permission       | request                    | response            |
 * | ------ | ---------------------------------- | ---------------- | -------------------------- | ------------------- |
 * | GET    | /report-templates                  | reports.read     | —                          | templateFamilyList  |
 * | GET    | /report-templates/{id}             | reports.read     | —                          | templateDefinition  |
 * | POST   | /report-templates                  | templates.manage | templateCreateInput (JSON) | templateDefinition  |
 * | POST   | /report-templates/{code}/versions  | templates.manage | templateVersionInput       | templateDefinition  |
 *
 * A template is a family of versions sharing a code; exactly one is current. Saving makes a new
 * version (the next number) and the old one stops being current, in one transaction; the save
 * names the version it was based on and is refused with 409 `reportTemplates.conflict` when a
 * newer one exists, so two admins never overwrite each other. A round keeps the version it was
 * opened with; new rounds are opened with the current one.
 *
 * Tables come in kinds. `figures`: rows are data elements of the indicator catalogue.
 * `activities`: filled from the activity log (activities.ts `activityTableDefinition`, stored
 * with `source: 'activities'`), by layout and optionally one observance. Any other kind stored
 * in a template is shown as `kept` and saved with `{ kind: 'kept', code }`: the server copies it
 * unchanged from the version the save is based on, so this editor can reorder or drop such a
 * table but never loses what it does not understand.
 */
import { z } from 'zod';
import { activityTableLayouts, observances } from './activities.ts';
import { cleanText } from './org-units.ts';
import { outlineSection, reportKinds, templatePeriodTypes } from './reporting.ts';

const codeMessage = 'Mã gồm chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (2–40 ký tự).';

/** A template family's code, e.g. `BDG_NAM`. */
export const templateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, { message: codeMessage });

/** A section's key: what submissions store their answer under (`1`, `1.2`, `II.a`). */
export const sectionKey = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/, {
    message: 'Mã mục gồm 1–20 ký tự: chữ không dấu, số, dấu chấm, gạch ngang (ví dụ 1, 1.2, II.a).',
  });

/** An appendix table's code as printed (`PL01`). */
export const tableCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,19}$/, {
    message: 'Mã phụ lục gồm 1–20 ký tự: chữ in hoa không dấu, số, dấu chấm, gạch ngang (ví dụ PL01).',
  });

export const templateSectionInput = z.strictObject({
  key: sectionKey,
  level: z.number().int().min(1).max(3),
  title: cleanText(1, 300),
  guidance: cleanText(0, 4000)
    .nullable()
    .default(null)
    .transform((value) => (value ? value : null)),
});
export type TemplateSectionInput = z.input<typeof templateSectionInput>;

/** A table of data elements from the catalogue, in row order. */
export const figureTableInput = z.strictObject({
  kind: z.literal('figures'),
  code: tableCode,
  title: cleanText(3, 300),
  dataElements: z.array(z.string().trim().min(1).max(64)).min(1).max(200),
});

/** A table filled from the activity log for the round's period and unit. */
export const activityTableInput = z.strictObject({
  kind: z.literal('activities'),
  code: tableCode,
  title: cleanText(3, 300),
  layout: z.enum(activityTableLayouts),
  /** Only the activities of this observance (the Action Month report); null: all. */
  observance: z.enum(observances).nullable().default(null),
});

/** A table of a kind this editor does not change: kept as it is in the version the save is based on. */
export const keptTableInput = z.strictObject({
  kind: z.literal('kept'),
  code: tableCode,
});

export const templateTableInput = z.discriminatedUnion('kind', [
  figureTableInput,
  activityTableInput,
  keptTableInput,
]);
export type TemplateTableInput = z.input<typeof templateTableInput>;

const contentShape = {
  name: cleanText(3, 300),
  kind: z.enum(reportKinds),
  periodType: z.enum(templatePeriodTypes),
  outline: z.array(templateSectionInput).max(300),
  tables: z.array(templateTableInput).max(50),
};

/** A new version of the template family `{code}`, based on the version the editor loaded. */
export const templateVersionInput = z.strictObject({
  ...contentShape,
  basedOnVersion: z.number().int().min(1),
});
export type TemplateVersionInput = z.input<typeof templateVersionInput>;

/** A new template family, version 1. */
export const templateCreateInput = z.strictObject({ ...contentShape, code: templateCode });
export type TemplateCreateInput = z.input<typeof templateCreateInput>;

export const templateCodeParam = z.object({ code: templateCode });

/* --------------------------------------------------------------------- output */

export const templateTableEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('figures'),
    code: z.string(),
    title: z.string(),
    dataElements: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('activities'),
    code: z.string(),
    title: z.string(),
    layout: z.enum(activityTableLayouts),
    observance: z.enum(observances).nullable(),
  }),
  z.object({
    kind: z.literal('kept'),
    code: z.string(),
    title: z.string(),
    /** The stored table's kind (e.g. `activities`), for the label. */
    source: z.string(),
  }),
]);
export type TemplateTableEntry = z.infer<typeof templateTableEntry>;

export const templateVersion = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  kind: z.enum(reportKinds),
  name: z.string(),
  periodType: z.enum(templatePeriodTypes),
  createdAt: z.string(),
  /** Who saved it (from the audit log); null for a seeded version. */
  createdBy: z.string().nullable(),
  /** Rounds opened with this version. */
  roundCount: z.number().int(),
  sectionCount: z.number().int(),
  tableCount: z.number().int(),
});
export type TemplateVersion = z.infer<typeof templateVersion>;

export const templateDefinition = templateVersion.extend({
  outline: z.array(outlineSection),
  tables: z.array(templateTableEntry),
});
export type TemplateDefinition = z.infer<typeof templateDefinition>;

export const templateFamily = z.object({
  code: z.string(),
  current: templateVersion,
  /** Newest first. */
  versions: z.array(templateVersion),
});
export type TemplateFamily = z.infer<typeof templateFamily>;

export const templateFamilyList = z.object({ items: z.array(templateFamily) });
export type TemplateFamilyList = z.infer<typeof templateFamilyList>;
