// Contract for completeness and timeliness over time (issue 6 §4), as a table and a heat map.
/*
 * | method | path                        | permission   | request                   | response          |
 * | ------ | --------------------------- | ------------ | ------------------------- | ----------------- |
 * | GET    | /reporting/timeliness/matrix | reports.read | timelinessMatrixQuery     | timelinessMatrix  |
 *
 * The rounds consolidated by the unit `orgUnitId` or units under it, whose period lies in
 * [fromYear, toYear] (optionally of one template family), in due-date order, × every unit
 * that reports in at least one of them. Scope: `reports.read` on `orgUnitId`.
 *
 * A cell says where the unit stands in the round now:
 * - `on_time` / `late`: accepted, first submitted by / after the end of the due day (UTC+7);
 * - `submitted`: submitted and awaiting review (`isLate` tells which side of the due day);
 * - `returned`: sent back to the unit, not yet resubmitted;
 * - `missing`: not submitted and the due day is over; `pending`: not submitted, not yet due;
 * - `not_expected`: the unit does not report in this round.
 * Rates follow the round view: completeness = submitted or accepted / expected; timeliness =
 * those first submitted on time / expected (null when nothing is expected).
 */
import { z } from 'zod';

export const matrixCellStatuses = [
  'on_time',
  'late',
  'submitted',
  'returned',
  'missing',
  'pending',
  'not_expected',
] as const;
export type MatrixCellStatus = (typeof matrixCellStatuses)[number];

export const timelinessMatrixQuery = z
  .object({
    orgUnitId: z.coerce.number().int().positive(),
    fromYear: z.coerce.number().int().min(2000).max(2100),
    toYear: z.coerce.number().int().min(2000).max(2100),
    /** Only rounds of this template family (`BDG_NAM`). */
    templateCode: z.string().trim().min(1).max(40).optional(),
  })
  .refine((query) => query.fromYear <= query.toYear, {
    path: ['toYear'],
    message: 'Năm cuối phải bằng hoặc sau năm đầu.',
  })
  .refine((query) => query.toYear - query.fromYear <= 10, {
    path: ['toYear'],
    message: 'Chỉ xem được tối đa 11 năm một lần.',
  });
export type TimelinessMatrixQuery = z.output<typeof timelinessMatrixQuery>;

const rates = {
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  /** submitted / expected, 0–1; null when nothing is expected. */
  completeness: z.number().nullable(),
  /** onTime / expected, 0–1. */
  timeliness: z.number().nullable(),
};

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const matrixCell = z.object({
  status: z.enum(matrixCellStatuses),
  submissionId: z.number().int().nullable(),
  isLate: z.boolean(),
});
export type MatrixCell = z.infer<typeof matrixCell>;

export const timelinessMatrix = z.object({
  orgUnit: unitRef,
  fromYear: z.number().int(),
  toYear: z.number().int(),
  /** Columns, by due date. */
  rounds: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      period: z.string(),
      periodLabel: z.string(),
      dueOn: z.string(),
      templateCode: z.string(),
      consolidatingUnit: unitRef,
      ...rates,
    }),
  ),
  /** Rows, by name; `cells` in the order of `rounds`. */
  units: z.array(unitRef.extend({ ...rates, cells: z.array(matrixCell) })),
  total: z.object(rates),
  /** More rounds matched than a screen can show: the latest ones are given. */
  truncated: z.boolean(),
});
export type TimelinessMatrix = z.infer<typeof timelinessMatrix>;
