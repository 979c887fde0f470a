import type { CommunityModelDetail, CommunityModelList } from '@binhdang/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoCommunityModels } from '../src/modules/seed/demo-community-models.ts';
import { createTestApp, type TestApp, type TestClient } from './test-app.ts';
import { describeEachEngine } from './test-database.ts';

/*
 * The register of models and clubs: added by a commune's reporter with its first year, listed
 * with totals by kind for the province, edited with a revision check (a stale form changes
 * nothing), years recorded and removed, bad input refused field by field, and scope: a
 * commune writes its own register only; the province reads every commune's; Hà Nội none.
 */

const PROVINCE = '12';

describeEachEngine('community models and clubs', (engine) => {
  let app: TestApp;
  let communes: { id: number; code: string }[];
  let reporter: TestClient;
  let provincePlanner: TestClient;

  beforeAll(async () => {
    app = await createTestApp(engine);
    communes = await app.db
      .selectFrom('org_units')
      .select(['id', 'code'])
      .where('parent_id', '=', await app.unitId(PROVINCE))
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('code')
      .limit(2)
      .execute();
    reporter = await app.signInAs('reporter', communes[0]!.code, 'baocao.xa');
    provincePlanner = await app.signInAs('planner', PROVINCE, 'kehoach.tinh');
  });
  afterAll(() => app?.close());

  const create = (client: TestClient, body: Record<string, unknown>) =>
    client.request<CommunityModelDetail>('POST', '/community-models', body);
  const list = (client: TestClient, query: string) =>
    client.request<CommunityModelList>('GET', `/community-models?${query}`);

  it('adds a model with its first year and lists it with totals by kind', async () => {
    const club = await create(reporter, {
      orgUnitId: communes[0]!.id,
      kind: 'domestic_violence_club',
      name: '  Câu lạc bộ phòng, chống bạo lực gia đình  bản Nậm Cấu ',
      placeUnitId: communes[0]!.id,
      establishedOn: '2019-03-08',
      managingOrganisation: 'Hội Liên hiệp Phụ nữ xã',
      firstYear: {
        year: 2026,
        status: 'active',
        membersMale: 8,
        membersFemale: 22,
        membersKinh: 5,
        membersMinority: 25,
      },
    });
    expect(club.status).toBe(201);
    expect(club.body).toMatchObject({
      name: 'Câu lạc bộ phòng, chống bạo lực gia đình bản Nậm Cấu',
      place: { id: communes[0]!.id },
      revision: 0,
      years: [
        {
          year: 2026,
          status: 'active',
          membersMale: 8,
          membersFemale: 22,
          membersKinh: 5,
          membersMinority: 25,
        },
      ],
      can: { edit: true },
    });
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'community_model')
      .where('entity_id', '=', String(club.body.id))
      .execute();
    expect(audit).toEqual([{ action: 'communityModels.create' }]);

    const address = await create(reporter, {
      orgUnitId: communes[0]!.id,
      kind: 'trusted_address',
      name: 'Địa chỉ tin cậy nhà bà Lò Thị Hoa',
      firstYear: { year: 2026, status: 'active' },
    });
    expect(address.status).toBe(201);
    const other = await create(provincePlanner, {
      orgUnitId: communes[1]!.id,
      kind: 'domestic_violence_club',
      name: 'Câu lạc bộ phòng, chống bạo lực gia đình bản Mới',
      firstYear: { year: 2025, status: 'inactive', membersMale: 3, membersFemale: 9 },
    });
    expect(other.status).toBe(201);

    const province = await list(provincePlanner, `orgUnitId=${await app.unitId(PROVINCE)}&year=2026`);
    expect(province.status).toBe(200);
    expect(province.body.items).toHaveLength(3);
    expect(province.body.totals).toMatchObject({
      models: 3,
      active: 2,
      noData: 1,
      membersMale: 8,
      membersFemale: 22,
      membersKinh: 5,
      membersMinority: 25,
    });
    expect(province.body.totalsByKind.map((row) => [row.kind, row.models, row.active])).toEqual([
      ['domestic_violence_club', 2, 1],
      ['trusted_address', 1, 1],
    ]);

    const in2025 = await list(
      provincePlanner,
      `orgUnitId=${await app.unitId(PROVINCE)}&year=2025&status=inactive`,
    );
    expect(in2025.body.items.map((item) => item.id)).toEqual([other.body.id]);
    expect(in2025.body.totals).toMatchObject({ models: 1, inactive: 1, membersMale: 3, membersFemale: 9 });

    // Search ignores diacritics; a kind filter narrows the totals too.
    const searched = await list(
      provincePlanner,
      `orgUnitId=${await app.unitId(PROVINCE)}&year=2026&q=nam cau`,
    );
    expect(searched.body.items.map((item) => item.id)).toEqual([club.body.id]);
    const addresses = await list(
      provincePlanner,
      `orgUnitId=${await app.unitId(PROVINCE)}&year=2026&kind=trusted_address`,
    );
    expect(addresses.body.totals.models).toBe(1);

    // The commune sees its own register only.
    const own = await list(reporter, `orgUnitId=${communes[0]!.id}&year=2026`);
    expect(own.body.items).toHaveLength(2);
    expect(own.body.can.create).toBe(true);
  });

  it('edits with a revision check: a stale form is refused and changes nothing', async () => {
    const created = await create(reporter, {
      orgUnitId: communes[0]!.id,
      kind: 'sustainable_family_club',
      name: 'Câu lạc bộ gia đình phát triển bền vững thôn 1',
    });
    const id = created.body.id;
    const header = {
      kind: 'sustainable_family_club',
      name: 'CLB gia đình phát triển bền vững thôn 1 (đổi tên)',
    };
    const first = await reporter.request<CommunityModelDetail>('PUT', `/community-models/${id}`, {
      revision: 0,
      ...header,
    });
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(1);

    const stale = await provincePlanner.request('PUT', `/community-models/${id}`, {
      revision: 0,
      ...header,
      name: 'Tên của người thứ hai',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('communityModels.conflict');
    const staleYear = await provincePlanner.request('PUT', `/community-models/${id}/years/2026`, {
      revision: 0,
      status: 'active',
    });
    expect(staleYear.status).toBe(409);
    const stored = await app.db
      .selectFrom('community_models')
      .select(['name', 'revision'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: 'CLB gia đình phát triển bền vững thôn 1 (đổi tên)', revision: 1 });
    expect(
      await app.db.selectFrom('community_model_years').select('id').where('model_id', '=', id).execute(),
    ).toEqual([]);

    // Years: recorded, corrected, removed — each with the revision of the moment.
    const year2025 = await reporter.request<CommunityModelDetail>(
      'PUT',
      `/community-models/${id}/years/2025`,
      {
        revision: 1,
        status: 'active',
        membersMale: 10,
        membersFemale: 12,
      },
    );
    expect(year2025.status).toBe(200);
    const year2026 = await reporter.request<CommunityModelDetail>(
      'PUT',
      `/community-models/${id}/years/2026`,
      {
        revision: 2,
        status: 'dissolved',
        notes: 'Giải thể do sáp nhập thôn.',
      },
    );
    expect(year2026.body.years.map((row) => [row.year, row.status])).toEqual([
      [2026, 'dissolved'],
      [2025, 'active'],
    ]);
    const corrected = await reporter.request<CommunityModelDetail>(
      'PUT',
      `/community-models/${id}/years/2025`,
      {
        revision: 3,
        status: 'active',
        membersMale: 11,
        membersFemale: 12,
      },
    );
    expect(corrected.body.years[1]).toMatchObject({ year: 2025, membersMale: 11 });
    const removed = await reporter.request<CommunityModelDetail>(
      'DELETE',
      `/community-models/${id}/years/2026?revision=4`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.years.map((row) => row.year)).toEqual([2025]);
    expect(removed.body.revision).toBe(5);

    const actions = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'community_model')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'communityModels.create',
      'communityModels.update',
      'communityModels.year_save',
      'communityModels.year_save',
      'communityModels.year_save',
      'communityModels.year_delete',
    ]);
  });

  it('refuses bad input with a Vietnamese message per field and writes nothing', async () => {
    const before = await app.db.selectFrom('community_models').select('id').execute();
    const hanoiCommune = await app.db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', await app.unitId('01'))
      .where('kind', 'in', ['commune', 'ward'])
      .executeTakeFirstOrThrow();
    const bad = await create(reporter, {
      orgUnitId: communes[0]!.id,
      kind: 'livelihood_model',
      name: 'Mô hình sinh kế cho phụ nữ dân tộc thiểu số',
      placeUnitId: hanoiCommune.id,
      establishedOn: '2027-01-01',
      firstYear: {
        year: 2026,
        status: 'active',
        membersMale: 1,
        membersFemale: 2,
        membersKinh: 2,
        membersMinority: 2,
      },
    });
    expect(bad.status).toBe(400);
    const issues = (bad.body as unknown as { error: { issues: { path: string; message: string }[] } }).error
      .issues;
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'establishedOn',
      'firstYear.membersMinority',
      'firstYear.year',
      'placeUnitId',
    ]);
    for (const issue of issues) expect(issue.message).toMatch(/[à-ỹ]/);

    const schema = await create(reporter, {
      orgUnitId: communes[0]!.id,
      kind: 'club',
      name: 'x',
      firstYear: { year: 2026, status: 'active', membersFemale: -1 },
    });
    expect(schema.status).toBe(400);
    expect(schema.body).toMatchObject({ error: { code: 'request.invalid' } });
    expect(await app.db.selectFrom('community_models').select('id').execute()).toEqual(before);
  });

  it('checks role and scope on every route', async () => {
    const model = await create(provincePlanner, {
      orgUnitId: communes[1]!.id,
      kind: 'change_leaders_club',
      name: 'Câu lạc bộ Thủ lĩnh của sự thay đổi trường THCS',
    });
    const id = model.body.id;

    // A commune's reporter: not another commune's register, not the province's list.
    expect((await reporter.request('GET', `/community-models/${id}`)).status).toBe(403);
    expect(
      (await reporter.request('PUT', `/community-models/${id}`, { revision: 0, kind: 'other', name: 'Đổi' }))
        .status,
    ).toBe(403);
    expect((await list(reporter, `orgUnitId=${await app.unitId(PROVINCE)}&year=2026`)).status).toBe(403);
    const refused = await create(reporter, { orgUnitId: communes[1]!.id, kind: 'other', name: 'Không được' });
    expect(refused.status).toBe(403);

    // A province viewer reads but cannot write.
    const viewer = await app.signInAs('viewer', PROVINCE);
    expect((await viewer.request<CommunityModelDetail>('GET', `/community-models/${id}`)).body.can.edit).toBe(
      false,
    );
    const viewerWrite = await viewer.request('PUT', `/community-models/${id}/years/2026`, {
      revision: 0,
      status: 'active',
    });
    expect(viewerWrite.status).toBe(403);
    expect(viewerWrite.body.error.code).toBe('auth.forbidden');

    // Another province's administrator sees nothing of it.
    const hanoi = await app.signInAs('unit_admin', '01');
    const outside = await hanoi.request('GET', `/community-models/${id}`);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('auth.out_of_scope');
    expect((await hanoi.request('GET', '/community-models/999999')).status).toBe(404);
  });

  it('seeds the demo register once, with rows the API reads back', async () => {
    const first = await seedDemoCommunityModels(app.db);
    // The tests above already put models in Lai Châu, so the demo seed leaves the province alone.
    expect(first).toEqual({ seeded: false, models: 0 });

    await app.db.deleteFrom('community_model_years').execute();
    await app.db.deleteFrom('community_models').execute();
    const seeded = await seedDemoCommunityModels(app.db);
    expect(seeded.seeded).toBe(true);
    expect(seeded.models).toBeGreaterThanOrEqual(12);
    expect(await seedDemoCommunityModels(app.db)).toEqual({ seeded: false, models: 0 });

    const province = await list(provincePlanner, `orgUnitId=${await app.unitId(PROVINCE)}&year=2026`);
    expect(province.body.totals.models).toBe(seeded.models);
    expect(province.body.totals.noData).toBe(0);
    expect(province.body.totals.membersFemale).toBeGreaterThan(province.body.totals.membersMale);
    const muongTe = await list(provincePlanner, `orgUnitId=${await app.unitId('03445')}&year=2026`);
    expect(muongTe.body.items.length).toBeGreaterThan(0);
    for (const kind of province.body.totalsByKind)
      expect(kind.membersKinh + kind.membersMinority).toBeLessThanOrEqual(
        kind.membersMale + kind.membersFemale,
      );
  });
});
