import {
  type ActivityKind,
  activityKindLabels,
  type Calendar,
  type CalendarEntry,
  type CalendarEntryKind,
  formatDateVi,
} from '@binhdang/contracts';
import ical from 'ical-generator';
import { sql } from 'kysely';
import { type Actor, isPathInScope, scopeOf } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import { AppError } from '../app/errors.ts';
import { loadUnitInScope } from '../org-units/org-units.policy.ts';
import { ancestorPaths } from '../plans/plans.policy.ts';
import { ensureObservances } from './activities.campaigns.ts';

/*
 * The year calendar of a unit (and, by default, the units under it): its activities, the
 * national observances and the campaigns of the unit, its subtree and the units above it, the
 * dated events of the issued plans it reads (from writing or import), the due days of its tasks,
 * the reports its plans ask for (reporting duties) and the due days of its report rounds. Each
 * kind is shown only to a reader who may read it (plans.read, reports.read on the unit). The same
 * entries are served as iCalendar (RFC 5545, all-day events) for a phone's or Outlook's calendar.
 */

const MAX_ENTRIES = 3000;

const dutyLabels: Record<string, string> = {
  '6-month': 'báo cáo 6 tháng',
  annual: 'báo cáo năm',
  'ad-hoc': 'báo cáo đột xuất',
  'self-inspection': 'báo cáo tự kiểm tra',
  thematic: 'báo cáo chuyên đề',
  other: 'báo cáo',
};

export async function getCalendar({
  db,
  actor,
  query,
}: {
  db: Db;
  clock: () => Date;
  actor: Actor;
  query: { year: number; orgUnitId?: number | undefined; subtree: boolean; kinds: CalendarEntryKind[] };
}): Promise<Calendar> {
  const unitId = query.orgUnitId ?? actor.grants.find((grant) => grant.orgUnitId !== null)?.orgUnitId;
  if (!unitId)
    throw new AppError('request.invalid', { issues: [{ path: 'orgUnitId', message: 'Hãy chọn đơn vị.' }] });
  const unit = await loadUnitInScope(db, actor, 'activities.read', unitId);
  const { year } = query;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const wants = new Set(query.kinds);
  const under = query.subtree ? sql`u.path like ${`${unit.path}%`}` : sql`u.id = ${unit.id}`;
  const above = ancestorPaths(unit.path);
  const canPlans = isPathInScope(scopeOf(actor, 'plans.read'), unit.path);
  const canReports = isPathInScope(scopeOf(actor, 'reports.read'), unit.path);
  const unitRef = (row: { unit_id: number | null; unit_code: string | null; unit_name: string | null }) =>
    row.unit_id === null ? null : { id: row.unit_id, code: row.unit_code!, name: row.unit_name! };
  type UnitColumns = { unit_id: number | null; unit_code: string | null; unit_name: string | null };
  const entries: CalendarEntry[] = [];

  if (wants.has('activity')) {
    const rows = await sql<
      UnitColumns & {
        id: number;
        kind: ActivityKind;
        title: string;
        starts_on: string;
        ends_on: string;
        place: string | null;
      }
    >`
      select a.id, a.kind, a.title, a.starts_on, a.ends_on, coalesce(pu.name, a.place_text) as place,
        u.id as unit_id, u.code as unit_code, u.name as unit_name
      from activities a join org_units u on u.id = a.org_unit_id left join org_units pu on pu.id = a.place_unit_id
      where a.deleted_at is null and ${under} and a.starts_on <= ${to} and a.ends_on >= ${from}
      order by a.starts_on, a.id limit ${MAX_ENTRIES}`.execute(db);
    for (const row of rows.rows)
      entries.push({
        uid: `activity:${row.id}`,
        kind: 'activity',
        title: row.title,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        orgUnit: unitRef(row),
        link: { to: 'activity', id: row.id },
        detail: [activityKindLabels[row.kind].vi, row.place].filter(Boolean).join(' · '),
      });
  }

  if (wants.has('observance') || wants.has('campaign')) {
    await ensureObservances(db, year);
    const rows = await sql<
      UnitColumns & {
        id: number;
        name: string;
        starts_on: string;
        ends_on: string;
        observance: string | null;
        launch_on: string | null;
      }
    >`
      select c.id, c.name, c.starts_on, c.ends_on, c.observance, c.launch_on,
        u.id as unit_id, u.code as unit_code, u.name as unit_name
      from campaigns c left join org_units u on u.id = c.org_unit_id
      where c.year = ${year} and (c.org_unit_id is null or ${under} or u.path in (${sql.join(above)}))
      order by c.starts_on, c.id`.execute(db);
    for (const row of rows.rows) {
      const kind: CalendarEntryKind = row.observance ? 'observance' : 'campaign';
      if (!wants.has(kind)) continue;
      entries.push({
        uid: `campaign:${row.id}`,
        kind,
        title: row.name,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        orgUnit: unitRef(row),
        link: { to: 'campaign', id: row.id },
        detail: row.launch_on ? `Phát động ${formatDateVi(row.launch_on)}` : null,
      });
    }
  }

  if (wants.has('plan_event') && canPlans) {
    const rows = await sql<
      UnitColumns & {
        id: number;
        name: string;
        starts_on: string;
        ends_on: string;
        plan_id: number;
        plan_title: string;
      }
    >`
      select e.id, e.name, e.starts_on, e.ends_on, p.id as plan_id, p.title as plan_title,
        po.id as unit_id, po.code as unit_code, po.name as unit_name
      from plan_events e join plans p on p.id = e.plan_id join org_units po on po.id = p.org_unit_id
      where p.status = 'issued' and e.starts_on <= ${to} and e.ends_on >= ${from}
        and (po.path in (${sql.join(above)}) or po.path like ${`${unit.path}%`}
          or exists (select 1 from plan_items i join task_assignments ta on ta.item_id = i.id
            join org_units u on u.id = ta.org_unit_id where i.plan_id = p.id and ${under}))
      order by e.starts_on, e.id limit ${MAX_ENTRIES}`.execute(db);
    for (const row of rows.rows)
      entries.push({
        uid: `plan-event:${row.id}`,
        kind: 'plan_event',
        title: row.name,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        orgUnit: unitRef(row),
        link: { to: 'plan', id: row.plan_id },
        detail: row.plan_title,
      });
  }

  if (wants.has('task_deadline') && canPlans) {
    const rows = await sql<
      UnitColumns & {
        task_id: number;
        ref: string;
        title: string;
        body: string;
        due_on: string;
        status: string | null;
      }
    >`
      select i.id as task_id, i.ref, i.title, i.body, i.due_on, tp.status,
        u.id as unit_id, u.code as unit_code, u.name as unit_name
      from task_assignments ta join plan_items i on i.id = ta.item_id join plans p on p.id = i.plan_id
      join org_units u on u.id = ta.org_unit_id
      left join task_progress tp on tp.item_id = i.id and tp.org_unit_id = ta.org_unit_id
      where i.is_task and p.status = 'issued' and i.due_on between ${from} and ${to} and ${under}
      order by i.due_on, i.id, u.id limit ${MAX_ENTRIES}`.execute(db);
    for (const row of rows.rows)
      entries.push({
        uid: `task:${row.task_id}:${row.unit_id}`,
        kind: 'task_deadline',
        title: `Hạn nhiệm vụ ${row.ref}: ${row.title || row.body}`.slice(0, 300),
        startsOn: row.due_on,
        endsOn: row.due_on,
        orgUnit: unitRef(row),
        link: { to: 'task', taskId: row.task_id, unitId: row.unit_id! },
        detail: row.status === 'done' ? 'Đã hoàn thành' : null,
      });
  }

  if (wants.has('reporting_duty') && canPlans) {
    const rows = await sql<
      UnitColumns & { id: number; kind: string; due_on: string; recipient: string | null; plan_id: number }
    >`
      select d.id, d.kind, d.due_on, d.recipient, d.plan_id, u.id as unit_id, u.code as unit_code, u.name as unit_name
      from reporting_duties d join plans p on p.id = d.plan_id join org_units u on u.id = d.org_unit_id
      where p.status = 'issued' and d.due_on between ${from} and ${to} and ${under}
      order by d.due_on, d.id limit ${MAX_ENTRIES}`.execute(db);
    for (const row of rows.rows)
      entries.push({
        uid: `duty:${row.id}`,
        kind: 'reporting_duty',
        title: `Hạn gửi ${dutyLabels[row.kind] ?? 'báo cáo'}`,
        startsOn: row.due_on,
        endsOn: row.due_on,
        orgUnit: unitRef(row),
        link: { to: 'plan', id: row.plan_id },
        detail: row.recipient,
      });
  }

  if (wants.has('report_due') && canReports) {
    const rows = await sql<UnitColumns & { id: number; title: string; due_on: string; status: string }>`
      select s.id, r.title, r.due_on, s.status, u.id as unit_id, u.code as unit_code, u.name as unit_name
      from report_submissions s join report_rounds r on r.id = s.round_id join org_units u on u.id = s.org_unit_id
      where r.due_on between ${from} and ${to} and ${under}
      order by r.due_on, s.id limit ${MAX_ENTRIES}`.execute(db);
    for (const row of rows.rows)
      entries.push({
        uid: `report:${row.id}`,
        kind: 'report_due',
        title: `Hạn nộp: ${row.title}`,
        startsOn: row.due_on,
        endsOn: row.due_on,
        orgUnit: unitRef(row),
        link: { to: 'submission', id: row.id },
        detail: row.status === 'submitted' || row.status === 'accepted' ? 'Đã nộp' : null,
      });
  }

  entries.sort(
    (a, b) =>
      a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.uid.localeCompare(b.uid),
  );
  return {
    year,
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    subtree: query.subtree,
    entries: entries.slice(0, MAX_ENTRIES),
    truncated: entries.length > MAX_ENTRIES,
  };
}

/** Midday UTC of a date: the same calendar day in every time zone the server may run in. */
const dayOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The calendar as an iCalendar file: all-day events, stable UIDs, texts escaped by the generator. */
export function calendarToIcs(calendar: Calendar, options: { now: Date; host: string }): string {
  const file = ical({
    name: `Lịch công tác ${calendar.year} — ${calendar.orgUnit.name}`,
    prodId: { company: 'binhdang', product: 'lich-cong-tac', language: 'VI' },
  });
  for (const entry of calendar.entries) {
    file.createEvent({
      id: `${entry.uid}@${options.host}`,
      start: dayOf(entry.startsOn),
      // DTEND of an all-day event is the day after the last day (RFC 5545 §3.6.1).
      end: dayOf(nextDay(entry.endsOn)),
      allDay: true,
      stamp: options.now,
      summary: entry.title,
      description: [entry.orgUnit?.name, entry.detail].filter(Boolean).join('\n') || null,
    });
  }
  return file.toString();
}
