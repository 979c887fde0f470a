import { foldForSearch } from '@binhdang/contracts';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { OrgUnitRow } from '../app/database.types.ts';
import { convertDocxToPdf, renderAssignmentXlsx, renderPlanDocx } from './plans.export.ts';
import { getPlanDetail } from './plans.service.ts';

const upper = (value: string) => value.toLocaleUpperCase('vi');
const isPeoplesCommittee = (kind: string) =>
  ['province', 'commune', 'ward', 'special_zone', 'district'].includes(kind);

/**
 * The issuing body as a Decree 30 header prints it: a province, commune or ward issues as its
 * People's Committee with no superior line; an agency prints its People's Committee above
 * itself ("UBND TỈNH LAI CHÂU" / "SỞ NỘI VỤ"); a unit of a mass organisation prints the
 * organisation above it. A provincial mass organisation's own superior (a national body) is
 * not in the registry, so it prints alone.
 */
export function issuerHeading(
  unit: Pick<OrgUnitRow, 'name' | 'kind'>,
  parent: Pick<OrgUnitRow, 'name' | 'kind'> | null,
): { superior: string | null; name: string } {
  if (isPeoplesCommittee(unit.kind)) return { superior: null, name: `ỦY BAN NHÂN DÂN ${upper(unit.name)}` };
  if (!parent) return { superior: null, name: upper(unit.name) };
  if (unit.kind === 'mass_organisation' && parent.kind !== 'mass_organisation') {
    return { superior: null, name: upper(unit.name) };
  }
  const superior = isPeoplesCommittee(parent.kind) ? `UBND ${upper(parent.name)}` : upper(parent.name);
  return { superior, name: upper(unit.name) };
}

const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export async function exportPlan({
  db,
  clock,
  actor,
  planId,
  format,
}: {
  db: Db;
  clock: () => Date;
  actor: Actor;
  planId: number;
  format: 'docx' | 'xlsx' | 'pdf';
}) {
  const plan = await getPlanDetail({ db, clock, actor, planId });
  const unit = await db
    .selectFrom('org_units')
    .selectAll()
    .where('id', '=', plan.orgUnit.id)
    .executeTakeFirstOrThrow();
  const parent = unit.parent_id
    ? ((await db.selectFrom('org_units').selectAll().where('id', '=', unit.parent_id).executeTakeFirst()) ??
      null)
    : null;
  // A received plan prints the body that issued it, not the unit that keeps it.
  const issuer = plan.issuerName
    ? { superior: null, name: upper(plan.issuerName) }
    : issuerHeading(unit, parent);
  const input = { plan, issuer };

  let bytes: Buffer;
  if (format === 'xlsx') bytes = await renderAssignmentXlsx(input);
  else if (format === 'pdf') bytes = await convertDocxToPdf(await renderPlanDocx(input));
  else bytes = await renderPlanDocx(input);

  const number = plan.number ? `${plan.number}-${plan.symbol ?? ''}` : `du-thao-${plan.id}`;
  const base = `${format === 'xlsx' ? 'Phu-luc-phan-cong' : 'Ke-hoach'}-${number}-${plan.year}`;
  const asciiName = `${foldForSearch(base).replace(/[^a-z0-9-]+/gi, '-')}.${format}`;
  return { bytes, contentType: contentTypes[format], fileName: asciiName, asciiName };
}
