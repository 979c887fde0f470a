import type { Submission } from '@binhdang/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../apps/server/src/modules/app/config.ts';
import { seedDemoActivities } from '../apps/server/src/modules/seed/demo-activities.ts';
import { seedDemoPlans } from '../apps/server/src/modules/seed/demo-plans.ts';
import { describeEachEngine } from '../apps/server/test/test-database.ts';
import { hasBrowser, launchBrowser, startDemoServer } from './browser.ts';

/*
 * Issue 7 "Done when": on a phone-sized screen (390 × 844) Mường Tè's reporter logs three
 * activities, one against the province plan's Action-Month task, opens the commune's draft annual
 * report, sees the counts and participants by sex grown by exactly what was logged, and clicking a
 * number lists the activities behind it.
 */

async function signIn(page: Page, username: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

async function callApi<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => (await fetch(`/api${path}`)).json(), path) as Promise<T>;
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const logged = [
  {
    kind: 'Lễ phát động, mít tinh, diễu hành',
    title: 'Mít tinh hưởng ứng Tháng hành động tại bản Nậm Củm',
    people: { 'Nam – Kinh': '3', 'Nam – DTTS': '21', 'Nữ – Kinh': '4', 'Nữ – DTTS': '37' },
    actionMonthTask: true,
  },
  {
    kind: 'Tập huấn, bồi dưỡng',
    title: 'Tập huấn kỹ năng tư vấn cho tổ hòa giải bản Pa Ủ',
    people: { 'Nam – DTTS': '9', 'Nữ – DTTS': '11' },
    actionMonthTask: false,
  },
  {
    kind: 'Sinh hoạt câu lạc bộ, mô hình',
    title: 'Sinh hoạt câu lạc bộ "Ông bố trách nhiệm" bản Mường Tè',
    people: { 'Nam – Kinh': '2', 'Nam – DTTS': '16' },
    actionMonthTask: false,
  },
];

describeEachEngine('journey: activities logged on a phone fill the draft annual report', (engine) => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!hasBrowser) return;
    server = await startDemoServer(engine);
    // The demo year: the plans with their Action-Month task, the activities and the open annual round.
    await seedDemoPlans({ db: server.db, clock: () => new Date(), config: loadConfig({}, { demo: true }) });
    const seeded = await seedDemoActivities(server.db);
    expect(seeded).toMatchObject({ seeded: true });
    // Seeding again adds nothing.
    expect(await seedDemoActivities(server.db)).toEqual({ seeded: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!hasBrowser)(
    'logs three activities (one for the Action-Month task) and sees them in the report, number by number',
    { timeout: 60_000 },
    async () => {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 390, height: 844 },
        locale: 'vi-VN',
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      await signIn(page, 'baocao.muongte');

      const inbox = await callApi<{
        toSubmit: { submissionId: number; roundTitle: string; orgUnit: { name: string } }[];
      }>(page, '/reporting/inbox');
      const draft = inbox.toSubmit.find(
        (item) => item.roundTitle.includes('năm 2026') && item.orgUnit.name === 'Xã Mường Tè',
      );
      expect(draft).toBeDefined();
      const before = await callApi<Submission>(page, `/reporting/submissions/${draft!.submissionId}`);
      const totalRow = (submission: Submission) =>
        submission.activityTables.tables
          .find((table) => table.code === 'HD01')!
          .rows.find((row) => row.key === 'total')!.values;
      const [activitiesBefore, maleBefore, femaleBefore] = totalRow(before);

      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Hoạt động', exact: true })
        .click();
      await page.getByRole('link', { name: 'Ghi hoạt động' }).click();
      await page.waitForURL(/\/hoat-dong\/moi/);
      await expectNoSidewaysScroll(page);

      for (const activity of logged) {
        await page.getByLabel('Loại hoạt động').selectOption({ label: activity.kind });
        await page.getByLabel('Tên hoạt động').fill(activity.title);
        await page.getByLabel('Ngày tổ chức').fill('2026-11-18');
        for (const [cell, value] of Object.entries(activity.people)) await page.getByLabel(cell).fill(value);
        if (activity.actionMonthTask) {
          const task = page.getByLabel('Thực hiện nhiệm vụ');
          const option = task.locator('option', { hasText: 'Tháng hành động vì bình đẳng giới' }).first();
          await option.waitFor({ state: 'attached' });
          await task.selectOption({ value: (await option.getAttribute('value'))! });
        } else {
          await page.getByLabel('Thực hiện nhiệm vụ').selectOption({ value: '' });
        }
        await page.getByRole('button', { name: 'Lưu hoạt động' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Đã lưu hoạt động «${activity.title}».` })
          .waitFor();
      }
      await expectNoSidewaysScroll(page);

      // All three are in the log, the launch linked to the Action-Month task.
      const listed = await callApi<{ items: { id: number; title: string }[] }>(page, '/activities?limit=10');
      expect(listed.items.map((item) => item.title)).toEqual(
        expect.arrayContaining(logged.map((activity) => activity.title)),
      );

      const launch = listed.items.find((item) => item.title === logged[0]!.title)!;
      const stored = await callApi<{ tasks: { text: string; assignedUnitId: number | null }[] }>(
        page,
        `/activities/${launch.id}`,
      );
      expect(stored.tasks).toHaveLength(1);
      expect(stored.tasks[0]!.text).toMatch(/Tháng hành động vì bình đẳng giới/);

      await page.goto(`/bao-cao/nop/${draft!.submissionId}`);
      const table = page.locator('table[data-table="HD01"]');
      await table.waitFor();
      const cell = (row: string, column: string) => table.locator(`button[data-cell="${row}:${column}"]`);
      await expect(cell('total', 'activities').textContent()).resolves.toBe(String(activitiesBefore! + 3));
      const ours = { male: 3 + 21 + 9 + 2 + 16, female: 4 + 37 + 11 };
      await expect(cell('total', 'male').textContent()).resolves.toBe(String(maleBefore! + ours.male));
      await expect(cell('total', 'female').textContent()).resolves.toBe(String(femaleBefore! + ours.female));
      await expect(cell('training', 'female').textContent()).resolves.toBeTruthy();
      await expectNoSidewaysScroll(page);

      // The number of launch events lists the activities behind it, ours among them.
      await cell('campaign_event', 'activities').click();
      const panel = page.locator('.activity-cell-panel');
      await panel.getByRole('link', { name: logged[0]!.title }).waitFor();
      const titles = await panel.locator('.activity-item strong').allTextContents();
      expect(titles).toContain(logged[0]!.title);
      expect(titles).not.toContain(logged[1]!.title);
      await panel.getByRole('button', { name: 'Đóng' }).click();

      await cell('total', 'female').click();
      await page.locator('.activity-cell-panel').getByRole('link', { name: logged[1]!.title }).waitFor();
      const femaleTitles = await page.locator('.activity-cell-panel .activity-item strong').allTextContents();
      expect(femaleTitles).toEqual(expect.arrayContaining([logged[0]!.title, logged[1]!.title]));
      expect(femaleTitles).not.toContain(logged[2]!.title);
      await context.close();
    },
  );
});
