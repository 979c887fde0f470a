import type { Consolidation, RoundDetail, Submission } from '@binhdang/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../apps/server/test/test-database.ts';
import { hasBrowser, launchBrowser, openPhonePage, startDemoServer } from './browser.ts';

const DAY = 86_400_000;
const MUONG_TE = 'Xã Mường Tè';
const RETURN_REASON = 'Đề nghị bổ sung số người tham gia tập huấn.';

async function signIn(page: Page, username: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

async function openFromMenu(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name, exact: true })
    .click();
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A call of the API from inside the signed-in page, with the session's CSRF token, as the app does. */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const response = await fetch(`/api${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );
  if (result.status !== 200)
    throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as T;
}

/** Saves and submits a unit's report through the API: the units the journey does not watch. */
async function prepareReport(page: Page, submissionId: number, index: number) {
  const saved = await callApi<Submission>(page, 'PUT', `/reporting/submissions/${submissionId}`, {
    revision: 0,
    narrative: { '1': `Đơn vị ${index + 1} đã ban hành kế hoạch.`, '4': 'Thiếu kinh phí.' },
    figures: [
      { dataElement: 'TT_SO_CUOC', disaggregation: 'total', value: index + 1 },
      { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'all', value: 20 + index },
      { dataElement: 'TH_NGUOI_THAM_GIA', disaggregation: 'women', value: 10 + index },
    ],
  });
  await callApi(page, 'POST', `/reporting/submissions/${submissionId}/submit`, { revision: saved.revision });
}

/** `1.234` → 1234, as the app writes whole numbers. */
function readNumber(text: string | null): number | null {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : Number(trimmed.replace(/\./g, '').replace(',', '.'));
}

/**
 * Issue 6 "Done when": the province planner opens an annual round for 10 communes and 3
 * agencies; 8 submit on time (one is returned and resubmitted), 2 submit late, 3 never; the
 * consolidator sees 10/13 complete, 8/13 on time, and each table's totals equal the sum of the
 * accepted reports. The round, Mường Tè's report on a phone, the return and the review run in
 * the browser; the other units' reports are prepared through the API.
 */
describeEachEngine('journey: a reporting round from opening to consolidation', (engine) => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  /** The server's clock runs ahead of the real one by this much once the due day is over. */
  let offset = 0;

  beforeAll(async () => {
    if (!hasBrowser) return;
    server = await startDemoServer(engine, { clock: () => new Date(Date.now() + offset) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!hasBrowser)(
    'a planner opens a round for 13 units; Mường Tè reports on a phone, is returned, resubmits; the totals add up',
    { timeout: 180_000 },
    async () => {
      const dueOn = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
      const province = await server.db
        .selectFrom('org_units')
        .select('id')
        .where('code', '=', '12')
        .executeTakeFirstOrThrow();
      const children = await server.db
        .selectFrom('org_units')
        .select(['id', 'code', 'name', 'kind'])
        .where('parent_id', '=', province.id)
        .where('valid_to', 'is', null)
        .orderBy('code')
        .execute();
      const communes = [
        ...children.filter((unit) => unit.name === MUONG_TE),
        ...children.filter((unit) => unit.kind === 'commune' && unit.name !== MUONG_TE).slice(0, 9),
      ];
      const agencies = children.filter((unit) => unit.kind === 'agency').slice(0, 3);
      expect([communes.length, agencies.length]).toEqual([10, 3]);

      // The province planner, at a desk, opens the annual round for the 13 units.
      const planner = await (
        await browser.newContext({
          baseURL: server.baseUrl,
          viewport: { width: 1280, height: 900 },
          locale: 'vi-VN',
        })
      ).newPage();
      await signIn(planner, 'kehoach.laichau');
      await openFromMenu(planner, 'Báo cáo');
      await planner.getByRole('link', { name: 'Mở đợt báo cáo' }).click();
      await planner.getByLabel('Mẫu báo cáo').selectOption({
        label: 'Báo cáo kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm',
      });
      await planner.getByText('Thời gian chốt số liệu: từ').waitFor();
      await planner.getByLabel('Hạn nộp').fill(dueOn);
      await expect(planner.getByText('Tỉnh Lai Châu', { exact: true }).count()).resolves.toBe(1);
      for (const unit of [...communes, ...agencies]) {
        await planner.getByLabel('Thêm đơn vị báo cáo').fill(unit.name);
        await planner.getByRole('button', { name: new RegExp(`^${unit.name} .*${unit.code}$`) }).click();
        await planner.getByRole('button', { name: `Bỏ ${unit.name}` }).waitFor();
      }
      await planner.getByText('Đã chọn riêng 13 đơn vị.').waitFor();
      await planner.getByRole('button', { name: 'Mở đợt báo cáo' }).click();
      await planner.waitForURL(/\/bao-cao\/dot\/\d+$/);
      const roundId = Number(/\/dot\/(\d+)$/.exec(planner.url())?.[1]);
      await expect(planner.locator('#completeness').textContent()).resolves.toContain('0/13');

      const round = await callApi<RoundDetail>(planner, 'GET', `/reporting/rounds/${roundId}`);
      const submissionOf = (unitId: number) => round.submissions.find((s) => s.orgUnit.id === unitId)!.id;
      const muongTeId = submissionOf(communes[0]!.id);

      // The commune's reporter, on a phone, finds the report in the inbox and writes it.
      const reporter = await openPhonePage(browser, server.baseUrl);
      await signIn(reporter, 'baocao.muongte');
      await openFromMenu(reporter, 'Báo cáo');
      const toSubmit = reporter.getByRole('region', { name: 'Đơn vị tôi cần nộp' });
      await toSubmit.getByRole('link', { name: round.title }).click();
      await reporter.waitForURL(`**/bao-cao/nop/${muongTeId}`);
      await reporter.getByLabel('I. Công tác chỉ đạo, điều hành').fill('Xã đã ban hành kế hoạch năm 2026.');
      await reporter.getByLabel('Số cuộc truyền thông', { exact: false }).first().fill('12');
      await reporter.getByText('Đã tự động lưu lúc').waitFor();
      await expectNoSidewaysScroll(reporter);
      await reporter.getByRole('button', { name: 'Nộp báo cáo' }).click();
      await reporter.getByText('Đã nộp báo cáo.').waitFor();
      await reporter.getByText('Báo cáo đã nộp, đang chờ duyệt').waitFor();

      // Seven more communes report on time (through the API).
      for (const [index, unit] of communes.slice(1, 8).entries())
        await prepareReport(planner, submissionOf(unit.id), index + 1);

      // The planner sends Mường Tè's report back with a reason…
      await planner.reload();
      await planner.getByRole('button', { name: `Trả lại báo cáo của ${MUONG_TE}` }).click();
      await planner.getByRole('button', { name: 'Trả lại báo cáo', exact: true }).click();
      await planner.getByText('Cần ghi lý do trả lại').waitFor();
      await planner.getByLabel(`Lý do trả lại báo cáo của ${MUONG_TE}`).fill(RETURN_REASON);
      await planner.getByRole('button', { name: 'Trả lại báo cáo', exact: true }).click();
      const muongTeRow = planner.locator(`tr[data-unit="${communes[0]!.code}"]`);
      await muongTeRow.getByText('Bị trả lại').first().waitFor();

      // …the commune reads it, corrects a figure and submits again, still before the due day.
      await reporter.reload();
      await reporter.getByText(RETURN_REASON).first().waitFor();
      await reporter
        .getByLabel(/^Số người tham gia tập huấn – Tổng/)
        .first()
        .fill('500');
      await reporter.getByText('Đã tự động lưu lúc').waitFor();
      await reporter.getByRole('button', { name: 'Nộp lại báo cáo' }).click();
      await reporter.getByText('Đã nộp báo cáo.').waitFor();
      await expectNoSidewaysScroll(reporter);

      // Five days later (past the due day) two communes report late; the agencies never do.
      offset = 5 * DAY;
      await signIn(planner, 'kehoach.laichau');
      for (const [index, unit] of communes.slice(8, 10).entries())
        await prepareReport(planner, submissionOf(unit.id), index + 8);

      // The consolidator accepts Mường Tè in the browser and the others through the API.
      await planner.goto(`/bao-cao/dot/${roundId}`);
      await planner.getByRole('button', { name: `Duyệt báo cáo của ${MUONG_TE}` }).click();
      await muongTeRow.getByText('Đã duyệt').waitFor();
      for (const unit of communes.slice(1))
        await callApi(planner, 'POST', `/reporting/submissions/${submissionOf(unit.id)}/accept`, {});
      await planner.reload();

      await expect(planner.locator('#completeness').textContent()).resolves.toContain('10/13');
      await expect(planner.locator('#timeliness').textContent()).resolves.toContain('8/13');
      const standings = await planner.locator('tr[data-unit] td:nth-child(2)').allTextContents();
      expect(standings.filter((text) => text === 'Đúng hạn')).toHaveLength(8);
      expect(standings.filter((text) => text === 'Nộp muộn')).toHaveLength(2);
      expect(standings.filter((text) => text === 'Chưa nộp')).toHaveLength(3);
      await planner.getByText('Tổng hợp từ 10 báo cáo.').waitFor();

      // Each consolidated cell on screen equals the sum of the accepted reports' cells.
      const accepted = await Promise.all(
        communes.map((unit) =>
          callApi<Submission>(planner, 'GET', `/reporting/submissions/${submissionOf(unit.id)}`),
        ),
      );
      const consolidation = await callApi<Consolidation>(
        planner,
        'GET',
        `/reporting/rounds/${roundId}/consolidation`,
      );
      let checked = 0;
      for (const table of consolidation.appendix) {
        for (const row of table.rows) {
          const shown = planner.locator(
            `#consolidated-${table.code} ~ div tr[data-element="${row.dataElement}"]`,
          );
          for (const [column, cell] of row.cells.entries()) {
            const values = accepted
              .map(
                (report) =>
                  report.tables
                    .find((t) => t.code === table.code)!
                    .rows.find((r) => r.dataElement === row.dataElement)!.cells[column]!.value,
              )
              .filter((value): value is number => value !== null);
            const sum = values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
            const text = await shown.locator(`td[data-cell="${cell.key}"]`).textContent();
            expect([row.dataElement, cell.key, readNumber(text)]).toEqual([row.dataElement, cell.key, sum]);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(10);
      // Drill-down: Mường Tè's own number under the row.
      await planner.getByRole('button', { name: 'Số cuộc truyền thông', exact: false }).first().click();
      await planner
        .locator('tr.drill-row')
        .filter({ hasText: MUONG_TE })
        .getByText('12', { exact: true })
        .waitFor();

      // The consolidated report downloads as DOCX and XLSX (both zip containers).
      for (const format of ['DOCX', 'XLSX']) {
        const [download] = await Promise.all([
          planner.waitForEvent('download'),
          planner.getByRole('link', { name: `Tải ${format}` }).click(),
        ]);
        const stream = await download.createReadStream();
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        expect([format, Buffer.concat(chunks).subarray(0, 2).toString()]).toEqual([format, 'PK']);
      }
    },
  );
});
