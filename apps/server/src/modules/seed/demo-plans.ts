import {
  createPlanInput,
  issuePlanInput,
  legalDocumentInput,
  type PlanDetail,
  type PlanItem,
  type PlanItemInput,
  savePlanInput,
  updateProgressInput,
} from '@binhdang/contracts';
import type { Actor } from '../access/access.policy.ts';
import type { AppConfig } from '../app/config.ts';
import type { Db } from '../app/database.ts';
import { todayInVietnam } from '../app/dates.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { registerLegalDocument } from '../legal-documents/legal-documents.service.ts';
import { createPlan, issuePlan, savePlan } from '../plans/plans.service.ts';
import { checkAttachment } from '../tasks/tasks.files.ts';
import { addTaskAttachment, updateTaskProgress } from '../tasks/tasks.service.ts';
import {
  type DemoItem,
  type DemoPlan,
  type DemoPlanKey,
  type DemoProgress,
  demoPlans,
  demoProgress,
  expectedUnitCodes,
  units,
} from './demo-plans.content.ts';

/*
 * Demo plans (`serve --demo`): Lai Châu's 2026 plans, their cascade and a year of progress, so a
 * newcomer opens a living year rather than empty lists. Everything goes through the same
 * services as a user's clicks (create, save, issue, progress, evidence), as the demo `admin`
 * account, with the services' clock set to the day each step happened; the content is in
 * demo-plans.content.ts.
 */

export type DemoPlansResult =
  | { seeded: false }
  | { seeded: true; plans: number; tasks: number; progressUpdates: number; attachments: number };

interface SeedContext {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  clock: () => Date;
  unitId: (name: string) => number;
}

interface WrittenPlan {
  id: number;
  /** Task items by their content key. */
  tasks: Map<string, PlanItem>;
}

const meta: RequestMeta = { ip: null, userAgent: 'demo-seed' };

/** Seeds the demo plans into a database that has none yet; a database with any plan is left as it is. */
export async function seedDemoPlans({
  db,
  clock,
  config,
}: {
  db: Db;
  clock: () => Date;
  config: Pick<AppConfig, 'attachmentsDir' | 'dataDir'>;
}): Promise<DemoPlansResult> {
  const existing = await db
    .selectFrom('plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { seeded: false };

  // Every name is checked before anything is written: a half-written demo would stay half
  // written, since the next start sees plans and seeds nothing.
  const context: SeedContext = {
    db,
    clock,
    meta,
    actor: await loadSeedActor(db),
    unitId: await loadUnitResolver(db, namesIn(demoPlans, demoProgress)),
  };

  const written = new Map<DemoPlanKey, WrittenPlan>();
  for (const spec of demoPlans) written.set(spec.key, await writePlan(context, spec, written));

  const today = todayInVietnam(clock());
  let progressUpdates = 0;
  let attachments = 0;
  for (const entry of demoProgress) {
    const result = await recordProgress(context, config, entry, written, today);
    progressUpdates += result.updates;
    attachments += result.attachments;
  }
  await writeCalendar(db, written);
  const tasks = [...written.values()].reduce((sum, plan) => sum + plan.tasks.size, 0);
  return { seeded: true, plans: written.size, tasks, progressUpdates, attachments };
}

/**
 * The campaigns and reporting deadlines the demo plans set, as plan import would record them:
 * the province plan's observances and the Action Month (../shared/data/observances.json), its
 * annual report due 01/12/2026 to the province through Sở Nội vụ (fixture 001), and the
 * federation's 6-month and annual reports due 30/5 and 30/11 (reporting-regime.json).
 */
async function writeCalendar(db: Db, written: Map<DemoPlanKey, WrittenPlan>) {
  const province = written.get('province');
  const federation = written.get('federation');
  if (!province || !federation) return;
  const events = [
    { name: 'Ngày Quốc tế Phụ nữ', from: '2026-03-08', to: '2026-03-08' },
    { name: 'Ngày Gia đình Việt Nam', from: '2026-06-28', to: '2026-06-28' },
    {
      name: 'Tháng hành động quốc gia về phòng, chống bạo lực gia đình',
      from: '2026-06-01',
      to: '2026-06-30',
    },
    { name: 'Ngày Phụ nữ Việt Nam', from: '2026-10-20', to: '2026-10-20' },
    {
      name: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
      from: '2026-11-15',
      to: '2026-12-15',
    },
  ];
  await db
    .insertInto('plan_events')
    .values(
      events.map((event) => ({
        plan_id: province.id,
        name: event.name,
        starts_on: event.from,
        ends_on: event.to,
      })),
    )
    .execute();

  const reporters = await db
    .selectFrom('plans')
    .select('org_unit_id')
    .where('parent_plan_id', '=', province.id)
    .execute();
  const duties = [
    ...reporters.map((plan) => ({
      plan_id: province.id,
      org_unit_id: plan.org_unit_id,
      kind: 'annual',
      due_on: '2026-12-01',
      recipient: 'Ủy ban nhân dân tỉnh (qua Sở Nội vụ)',
    })),
    ...(['2026-05-30', '2026-11-30'] as const).map((due, index) => ({
      plan_id: federation.id,
      org_unit_id: 0,
      kind: index === 0 ? '6-month' : 'annual',
      due_on: due,
      recipient: 'LĐLĐ tỉnh (qua Ban Tuyên giáo - Nữ công)',
    })),
  ];
  const unions = await db
    .selectFrom('plans')
    .select('org_unit_id')
    .where('parent_plan_id', '=', federation.id)
    .execute();
  const rows = duties.flatMap((duty) =>
    duty.org_unit_id === 0 ? unions.map((union) => ({ ...duty, org_unit_id: union.org_unit_id })) : [duty],
  );
  if (rows.length > 0) await db.insertInto('reporting_duties').values(rows).execute();
}

/** The demo `admin` account as a signed-in system administrator (demo.ts, demo-accounts.ts). */
async function loadSeedActor(db: Db): Promise<Actor> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.username', 'g.id as grant_id'])
    .where('u.username', '=', 'admin')
    .where('g.role', '=', 'system_admin')
    .where('g.org_unit_id', 'is', null)
    .executeTakeFirst();
  if (!row) throw new Error('Demo plans need the demo account "admin"; create the demo accounts first.');
  return {
    userId: row.id,
    username: row.username,
    sessionId: 'demo-seed',
    grants: [{ id: row.grant_id, role: 'system_admin', orgUnitId: null, unitPath: null }],
  };
}

function namesIn(plans: DemoPlan[], progress: DemoProgress[]): Set<string> {
  const names = new Set<string>();
  const visit = (items: DemoItem[]) => {
    for (const item of items) {
      for (const name of [...(item.task?.lead ?? []), ...(item.task?.support ?? [])]) names.add(name);
      visit(item.children ?? []);
    }
  };
  for (const plan of plans) {
    names.add(plan.unit);
    visit(plan.items);
  }
  for (const entry of progress) names.add(entry.unit);
  return names;
}

/** Unit ids by registry name among Lai Châu's open units; fails on a name missing, doubled or with the wrong code. */
async function loadUnitResolver(db: Db, names: Set<string>): Promise<(name: string) => number> {
  const province = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('code', '=', expectedUnitCodes[units.province]!)
    .executeTakeFirst();
  if (!province) throw new Error('Demo plans need the unit registry; seed the reference units first.');
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name'])
    .where('path', 'like', `${province.path}%`)
    .where('valid_to', 'is', null)
    .execute();
  const byName = new Map<string, typeof rows>();
  for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);

  const ids = new Map<string, number>();
  const problems: string[] = [];
  for (const name of names) {
    const found = byName.get(name) ?? [];
    const expectedCode = expectedUnitCodes[name];
    if (found.length !== 1) problems.push(`${name} (${found.length} units)`);
    else if (expectedCode && found[0]!.code !== expectedCode)
      problems.push(`${name} (code ${found[0]!.code})`);
    else ids.set(name, found[0]!.id);
  }
  if (problems.length > 0)
    throw new Error(`Demo plans name units the registry lacks: ${problems.join(', ')}.`);
  return (name) => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`Demo plans: unit ${name} was not checked.`);
    return id;
  };
}

/** A clock stopped at 09:00 (Vietnam) of `isoDate`, or at now if that is later than now. */
function clockAt(clock: () => Date, isoDate: string): () => Date {
  const moment = new Date(`${isoDate}T09:00:00+07:00`).getTime();
  return () => new Date(Math.min(moment, clock().getTime()));
}

async function writePlan(
  context: SeedContext,
  spec: DemoPlan,
  written: Map<DemoPlanKey, WrittenPlan>,
): Promise<WrittenPlan> {
  const { db, actor, unitId } = context;
  const deps = { db, actor, meta: context.meta, clock: clockAt(context.clock, spec.writtenOn) };
  const parent = spec.parent ? written.get(spec.parent) : undefined;
  if (spec.parent && !parent) throw new Error(`Demo plan ${spec.key} is listed before its parent.`);

  const basisIds: number[] = [];
  for (const basis of spec.bases) {
    const { document } = await registerLegalDocument({ ...deps, input: legalDocumentInput.parse(basis) });
    basisIds.push(document.id);
  }
  const orgUnitId = unitId(spec.unit);
  const created = await createPlan({
    ...deps,
    input: createPlanInput.parse({
      orgUnitId,
      title: spec.title,
      year: 2026,
      symbol: spec.symbol,
      place: spec.place,
      parentPlanId: parent?.id ?? null,
    }),
  });

  const { inputs, keys } = buildOutline(spec, created, parent, unitId, orgUnitId);
  // The plan's text lives in its outline (I. Mục đích..., III. Kinh phí..., IV. Tổ chức...), as
  // the documents print it and as a cascaded plan starts; the separate text fields stay empty so
  // that no section is shown twice.
  const saved = await savePlan({
    ...deps,
    planId: created.id,
    input: savePlanInput.parse({
      revision: created.revision,
      title: spec.title,
      year: 2026,
      symbol: spec.symbol,
      place: spec.place,
      // A cascaded plan keeps the parent plan, which createPlan cited, as its first basis.
      basisIds: [...created.bases.map((basis) => basis.id), ...basisIds],
      purpose: '',
      budget: '',
      implementation: '',
      reportingRegime: '',
      recipients: spec.recipients,
      signer: spec.signer,
      cascadeDueOn: spec.cascadeDueOn,
      items: inputs,
    }),
  });

  let plan: PlanDetail = saved;
  if (spec.issue) {
    plan = await issuePlan({
      ...deps,
      clock: clockAt(context.clock, spec.issue.issuedOn),
      planId: saved.id,
      input: issuePlanInput.parse({ revision: saved.revision, ...spec.issue }),
    });
    if (spec.issuingBody) {
      await registerLegalDocument({
        ...deps,
        input: legalDocumentInput.parse({
          kind: 'Kế hoạch',
          number: plan.documentNumber,
          issuedOn: plan.issuedOn,
          issuer: spec.issuingBody,
          title: plan.title,
        }),
      });
    }
  }

  // Items come back in the order they were saved, which is the order of `keys`.
  const tasks = new Map<string, PlanItem>();
  for (const [index, item] of plan.items.entries()) if (item.task) tasks.set(keys[index]!, item);
  return { id: plan.id, tasks };
}

/**
 * The outline to save: the spec's items, where an item that `carries` a parent task takes the
 * place of the task createPlan pre-filled for it (same id, so it stays linked); carried tasks
 * the spec does not place are kept as pre-filled, at the end of `carriedTasksUnder`.
 */
function buildOutline(
  spec: DemoPlan,
  created: PlanDetail,
  parent: WrittenPlan | undefined,
  unitId: (name: string) => number,
  ownUnitId: number,
): { inputs: PlanItemInput[]; keys: string[] } {
  const inputs: PlanItemInput[] = [];
  const keys: string[] = [];
  const assignees = (names: string[]) => names.map((name) => ({ orgUnitId: unitId(name) }));
  const prefilledFor = (carries: string) => {
    const source = parent?.tasks.get(carries);
    const prefilled = source && created.items.find((item) => item.task?.sourceTaskId === source.id);
    if (!source?.task || !prefilled)
      throw new Error(`Demo plan ${spec.key} carries ${carries}, not assigned to it.`);
    return { source: { id: source.id, task: source.task }, prefilled };
  };

  const carried = new Set<number>();
  const collect = (items: DemoItem[]) => {
    for (const item of items) {
      if (item.carries) carried.add(prefilledFor(item.carries).prefilled.id);
      collect(item.children ?? []);
    }
  };
  collect(spec.items);
  const unplaced = created.items.filter((item) => item.task?.sourceTaskId && !carried.has(item.id));
  if (unplaced.length > 0 && !spec.carriedTasksUnder) {
    throw new Error(`Demo plan ${spec.key} does not say where carried tasks go.`);
  }

  const push = (input: PlanItemInput) => {
    inputs.push(input);
    keys.push(input.key);
  };
  const visit = (items: DemoItem[], parentKey: string | null) => {
    for (const item of items) {
      let id: number | undefined;
      let task: PlanItemInput['task'] = null;
      if (parentKey === null) {
        // The sections createPlan pre-filled (I, II, III) are kept, not replaced: savePlan deletes
        // a dropped item with everything under it, and the carried tasks sit under II.
        const ref = item.ref.replace(/\.$/, '');
        id = created.items.find(
          (other) => other.parentId === null && other.ref.replace(/\.$/, '') === ref,
        )?.id;
      }
      if (item.carries) {
        const { source, prefilled } = prefilledFor(item.carries);
        id = prefilled.id;
        const own = item.task;
        task = {
          time: own?.time ?? source.task.time,
          timeText: own ? (own.timeText ?? null) : source.task.timeText,
          expectedOutput: own?.expectedOutput ?? source.task.expectedOutput,
          programme: own?.programme ?? source.task.programme,
          indicatorCodes: own?.indicatorCodes ?? source.task.indicatorCodes,
          lead: own?.lead ? assignees(own.lead) : [{ orgUnitId: ownUnitId }],
          support: assignees(own?.support ?? []),
          sourceTaskId: source.id,
        };
      } else if (item.task) {
        task = {
          time: item.task.time,
          timeText: item.task.timeText ?? null,
          expectedOutput: item.task.expectedOutput ?? null,
          programme: item.task.programme ?? null,
          indicatorCodes: item.task.indicatorCodes ?? [],
          lead: assignees(item.task.lead ?? []),
          support: assignees(item.task.support ?? []),
          sourceTaskId: null,
        };
      }
      push({
        ...(id === undefined ? {} : { id }),
        key: item.key,
        parentKey,
        ref: item.ref,
        title: item.title,
        body: item.body ?? '',
        task,
      });
      visit(item.children ?? [], item.key);
      if (item.key === spec.carriedTasksUnder) {
        for (const [index, prefilled] of unplaced.entries()) push(keepPrefilled(prefilled, item, index));
      }
    }
  };
  visit(spec.items, null);
  return { inputs, keys };
}

/** A carried task as createPlan pre-filled it, numbered after the section's own items. */
function keepPrefilled(prefilled: PlanItem, section: DemoItem, index: number): PlanItemInput {
  const task = prefilled.task!;
  return {
    id: prefilled.id,
    key: `carried-${prefilled.id}`,
    parentKey: section.key,
    ref: `${(section.children?.length ?? 0) + index + 1}.`,
    title: prefilled.title,
    body: prefilled.body,
    task: {
      time: task.time,
      timeText: task.timeText,
      expectedOutput: task.expectedOutput,
      programme: task.programme,
      indicatorCodes: task.indicatorCodes,
      lead: task.lead.flatMap((assignee) => (assignee.orgUnitId ? [{ orgUnitId: assignee.orgUnitId }] : [])),
      support: [],
      sourceTaskId: task.sourceTaskId,
    },
  };
}

/** One task's progress for one unit, step by step; steps after today are not recorded yet. */
async function recordProgress(
  context: SeedContext,
  config: Pick<AppConfig, 'attachmentsDir' | 'dataDir'>,
  entry: DemoProgress,
  written: Map<DemoPlanKey, WrittenPlan>,
  today: string,
): Promise<{ updates: number; attachments: number }> {
  const task = written.get(entry.plan)?.tasks.get(entry.task);
  if (!task) throw new Error(`Demo progress: no task ${entry.task} in plan ${entry.plan}.`);
  const unitId = context.unitId(entry.unit);
  const steps = entry.steps.filter((step) => step.on <= today);
  let revision = 0;
  for (const step of steps) {
    const progress = await updateTaskProgress({
      db: context.db,
      actor: context.actor,
      meta: context.meta,
      clock: clockAt(context.clock, step.on),
      taskId: task.id,
      unitId,
      input: updateProgressInput.parse({
        revision,
        status: step.status,
        percent: step.percent,
        note: step.note,
        links: [],
      }),
    });
    revision = progress.revision;
  }
  const lastStep = entry.steps.at(-1);
  if (!entry.evidence || !lastStep || steps.length < entry.steps.length) {
    return { updates: steps.length, attachments: 0 };
  }
  await addTaskAttachment({
    db: context.db,
    actor: context.actor,
    meta: context.meta,
    clock: clockAt(context.clock, lastStep.on),
    config,
    taskId: task.id,
    unitId,
    file: checkAttachment(entry.evidence.fileName, buildEvidencePdf(entry.evidence)),
  });
  return { updates: steps.length, attachments: 1 };
}

/** `Biên bản` → `Bien ban`: the standard PDF fonts have no Vietnamese letters. */
function toPdfText(line: string): string {
  return line
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\()]/g, (char) => `\\${char}`);
}

/** A PDF text string in UTF-16 with its byte-order mark, which keeps the diacritics (PDF 1.7, 7.9.2.2). */
function toPdfUnicodeString(text: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index++)
    hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/**
 * A one-page PDF with the record's lines, written by hand so the demo needs no PDF library.
 * The page shows the lines without tone marks (the standard fonts cannot draw them); the
 * document title keeps them.
 */
export function buildEvidencePdf({ title, lines }: { title: string; lines: string[] }): Uint8Array {
  const text = lines
    .map((line, index) => `${index === 0 ? '72 770 Td' : '0 -22 Td'} (${toPdfText(line)}) Tj`)
    .join('\n');
  const content = `BT\n/F1 12 Tf\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title ${toPdfUnicodeString(title)} /Producer (binhdang demo) >>`,
  ];
  // Every byte below is ASCII, so string lengths are byte offsets.
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
