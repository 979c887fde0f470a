import type { PlanDetail, SavePlanInput } from '@binhdang/contracts';
import type { TestApp, TestClient } from './test-app.ts';

/** A draft body with one section and the given tasks, for PUT /plans/{id}. */
export function draftBody(
  plan: Pick<PlanDetail, 'revision' | 'title' | 'year'>,
  tasks: { text: string; lead: number[]; support?: number[]; due?: string; sourceTaskId?: number }[],
): SavePlanInput {
  return {
    revision: plan.revision,
    title: plan.title,
    year: plan.year,
    symbol: 'KH-UBND',
    place: 'Lai Châu',
    basisIds: [],
    purpose: 'Nâng cao nhận thức về bình đẳng giới.',
    budget: '',
    implementation: '',
    reportingRegime: 'Báo cáo 6 tháng trước ngày 15/6.',
    recipients: ['Sở Nội vụ', 'Lưu: VT'],
    signer: {
      authority: 'TM. ỦY BAN NHÂN DÂN',
      deputy: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Văn A',
    },
    cascadeDueOn: null,
    items: [
      { key: 's1', parentKey: null, ref: 'I', title: 'NHIỆM VỤ', body: '', task: null },
      ...tasks.map((task, index) => ({
        key: `t${index}`,
        parentKey: 's1',
        ref: String(index + 1),
        title: task.text,
        body: '',
        task: {
          time: task.due ? { kind: 'date' as const, due: task.due } : { kind: 'ongoing' as const },
          timeText: null,
          expectedOutput: null,
          programme: null,
          indicatorCodes: [],
          lead: task.lead.map((orgUnitId) => ({ orgUnitId })),
          support: (task.support ?? []).map((orgUnitId) => ({ orgUnitId })),
          sourceTaskId: task.sourceTaskId ?? null,
        },
      })),
    ],
  };
}

async function expectOk<T>(response: { status: number; body: T }, what: string): Promise<T> {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Creates (and optionally issues) a plan of `unitId` through the API as `client`, with tasks for `assignees`. */
export async function makePlan(
  client: TestClient,
  {
    unitId,
    assignees,
    issue = true,
    title = 'Kế hoạch thực hiện công tác bình đẳng giới năm 2026',
    due,
  }: { unitId: number; assignees: number[]; issue?: boolean; title?: string; due?: string },
): Promise<PlanDetail> {
  const created = await expectOk<PlanDetail>(
    await client.request('POST', '/plans', { orgUnitId: unitId, title, year: 2026, symbol: 'KH-UBND' }),
    'create plan',
  );
  let plan = await expectOk<PlanDetail>(
    await client.request(
      'PUT',
      `/plans/${created.id}`,
      draftBody(
        created,
        assignees.map((lead, index) => ({
          text: `Tuyên truyền về bình đẳng giới số ${index + 1}`,
          lead: [lead],
          due,
        })),
      ),
    ),
    'save plan',
  );
  if (issue) {
    plan = await expectOk<PlanDetail>(
      await client.request('POST', `/plans/${plan.id}/issue`, {
        revision: plan.revision,
        number: '12',
        issuedOn: '2026-03-02',
      }),
      'issue plan',
    );
  }
  return plan;
}

export function firstTaskId(plan: PlanDetail): number {
  return plan.items.find((item) => item.task !== null)!.id;
}

/** A small PDF's first bytes are enough for the type check. */
export function evidenceFile(name = 'bien-ban.pdf'): FormData {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode('%PDF-1.4\n% binhdang test\n%%EOF\n')], name));
  return form;
}

export async function newUnitId(app: TestApp, parentCode: string, code: string, name: string) {
  const { foldForSearch } = await import('@binhdang/contracts');
  const row = await app.db
    .insertInto('org_units')
    .values({
      code,
      name,
      search_name: foldForSearch(name),
      kind: 'public_unit',
      parent_id: await app.unitId(parentCode),
      valid_from: '2025-07-01',
      valid_to: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
