import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../apps/server/test/test-database.ts';
import { hasBrowser, launchBrowser, openPhonePage, startDemoServer } from './browser.ts';

const PLAN_TITLE = 'Thực hiện công tác bình đẳng giới trên địa bàn tỉnh năm 2026';
const SECTION = 'Nâng cao nhận thức về bình đẳng giới';
/** One task for each unit, found in the unit picker by its name typed without diacritics. */
const TASKS = [
  { text: 'Tổ chức truyền thông về bình đẳng giới tại thôn, bản', query: 'muong te', unit: 'Xã Mường Tè' },
  { text: 'Tổng hợp báo cáo kết quả thực hiện của tỉnh', query: 'so noi vu', unit: 'Sở Nội vụ' },
  { text: 'Tập huấn kỹ năng lồng ghép giới cho cán bộ xã', query: 'bum to', unit: 'Xã Bum Tở' },
] as const;
const EVIDENCE = 'bien-ban-truyen-thong.pdf';

async function signIn(page: Page, username: string) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

/** Opens a screen from the main menu, as a user would. */
async function openFromMenu(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Types into a unit picker and picks the unit with exactly that name (not "… Mường Tè 2"). */
async function pickUnit(page: Page, label: string, query: string, name: string) {
  await page.getByLabel(label).fill(query);
  await page.getByRole('button', { name: new RegExp(`^${name} `) }).click();
}

/** The page fits a 360-px phone: nothing scrolls sideways. Call once the content has loaded. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function cell(row: Locator, column: string): Locator {
  return row.locator(`td[data-label="${column}"]`);
}

/** `2026-12-23` → `23/12/2026`, as the app writes dates. */
function shownDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('/');
}

/**
 * The plans feature end to end: a province planner writes a plan, assigns its tasks to three
 * units and issues it; the commune's reporter, on a phone, starts the commune's own plan from
 * it and reports progress with evidence; the planner sees it in the traceability view.
 */
describeEachEngine('journey: a plan cascades from the province to a commune', (engine) => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let tempDir: string;

  beforeAll(async () => {
    if (!hasBrowser) return;
    tempDir = await mkdtemp(path.join(tmpdir(), 'binhdang-e2e-'));
    server = await startDemoServer(engine);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  it.skipIf(!hasBrowser)(
    'a planner issues a plan to three units; Xã Mường Tè plans from it and reports; the planner follows',
    { timeout: 120_000 },
    async () => {
      // Days ahead of whatever today is, so the task is never overdue when the journey runs.
      const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

      // The province planner, at a desk, writes the plan from scratch.
      const planner = await (
        await browser.newContext({
          baseURL: server.baseUrl,
          viewport: { width: 1280, height: 900 },
          locale: 'vi-VN',
        })
      ).newPage();
      await signIn(planner, 'kehoach.laichau');
      await openFromMenu(planner, 'Kế hoạch');
      await planner.getByRole('link', { name: 'Tạo kế hoạch' }).click();
      await pickUnit(planner, 'Đơn vị ban hành', 'lai chau', 'Tỉnh Lai Châu');
      await planner.getByLabel('Trích yếu (tên kế hoạch)').fill(PLAN_TITLE);
      await planner.getByLabel('Năm kế hoạch').fill('2026');
      await planner.getByRole('button', { name: 'Tạo dự thảo' }).click();
      await planner.waitForURL(/\/ke-hoach\/\d+\/sua$/);
      const planId = Number(/\/ke-hoach\/(\d+)\//.exec(planner.url())?.[1]);

      // One section and its three tasks; adding an item opens it alone, so each label is unique.
      await planner.getByRole('button', { name: 'Thêm mục lớn' }).click();
      await planner.getByLabel('Tiêu đề').fill(SECTION);
      for (const [index, task] of TASKS.entries()) {
        const add = index === 0 ? 'Thêm mục con' : 'Thêm mục cùng cấp';
        await planner.getByRole('button', { name: add }).click();
        await planner.getByLabel('Tiêu đề').fill(task.text);
        await planner.getByLabel('Là nhiệm vụ (giao đơn vị thực hiện)').check();
        if (index === 0) {
          await planner.getByLabel('Loại thời gian').selectOption({ label: 'Một ngày' });
          await planner.getByLabel('Ngày', { exact: true }).fill(dueOn);
        }
        await pickUnit(planner, 'Thêm đơn vị chủ trì', task.query, task.unit);
        await planner.getByRole('button', { name: `Bỏ ${task.unit}` }).waitFor();
      }
      await planner.getByRole('button', { name: 'Lưu dự thảo' }).click();
      await planner.getByText('Đã lưu dự thảo.').waitFor();

      await planner.getByRole('link', { name: 'Xem kế hoạch' }).click();
      await planner.getByRole('button', { name: 'Ban hành', exact: true }).click();
      const issue = planner.getByRole('dialog', { name: 'Ban hành kế hoạch' });
      await issue.getByLabel('Số văn bản').fill('125');
      await issue.getByLabel('Ngày ban hành').fill('2026-03-02');
      await issue.getByRole('button', { name: 'Ban hành' }).click();
      await planner.getByText('Đã ban hành kế hoạch.').waitFor();
      await expect(planner.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(PLAN_TITLE);

      // Nothing is done yet: no unit has a plan, Xã Mường Tè has not started.
      await planner.getByRole('link', { name: 'Theo dõi thực hiện' }).click();
      const withoutPlan = planner.getByRole('region', { name: 'Đơn vị chưa lập kế hoạch' });
      const muongTeRow = planner.getByRole('row').filter({ hasText: 'Xã Mường Tè' });
      await expect(cell(muongTeRow, 'Trạng thái').textContent()).resolves.toBe('Chưa thực hiện');
      const noPlanYet = await withoutPlan.getByRole('listitem').allTextContents();
      expect(noPlanYet.sort()).toEqual(['Sở Nội vụ', 'Xã Bum Tở', 'Xã Mường Tè']);

      // The commune's reporter, on a phone, finds the task among theirs.
      const reporter = await openPhonePage(browser, server.baseUrl);
      await signIn(reporter, 'baocao.muongte');
      await openFromMenu(reporter, 'Nhiệm vụ');
      const taskLink = reporter.getByRole('link', { name: TASKS[0].text });
      const taskRow = reporter.getByRole('row').filter({ has: taskLink });
      await expect(cell(taskRow, 'Thời hạn').textContent()).resolves.toBe(shownDate(dueOn));
      await expect(reporter.getByRole('link', { name: TASKS[1].text }).count()).resolves.toBe(0);
      await expectNoSidewaysScroll(reporter);

      // … opens the plan and starts the commune's own plan from it.
      await taskRow.getByRole('link', { name: '125/KH-UBND' }).click();
      const cascade = reporter.getByRole('link', { name: 'Lập kế hoạch của Xã Mường Tè' });
      await cascade.waitFor();
      await expectNoSidewaysScroll(reporter);
      await cascade.click();
      await expect(
        reporter.getByRole('combobox', { name: 'Đơn vị ban hành' }).locator('option:checked').textContent(),
      ).resolves.toBe('Xã Mường Tè');
      await expectNoSidewaysScroll(reporter);
      await reporter.getByRole('button', { name: 'Tạo dự thảo' }).click();
      await reporter.waitForURL(/\/ke-hoach\/\d+\/sua$/);
      const childId = Number(/\/ke-hoach\/(\d+)\//.exec(reporter.url())?.[1]);
      expect(childId).not.toBe(planId);

      // The new draft holds the task the province gave the commune, with its due date; only that one.
      const prefilled = reporter.getByRole('button', { name: TASKS[0].text });
      await expect(prefilled.textContent()).resolves.toContain(shownDate(dueOn));
      await expect(reporter.getByText(TASKS[1].text).count()).resolves.toBe(0);
      await expect(reporter.getByText(TASKS[2].text).count()).resolves.toBe(0);
      await expectNoSidewaysScroll(reporter);

      // … then reports progress on the task, with a file as evidence.
      await openFromMenu(reporter, 'Nhiệm vụ');
      await taskLink.click();
      await reporter.getByLabel('Tình trạng').selectOption({ label: 'Đang thực hiện' });
      await reporter.getByLabel('Mức độ hoàn thành (%)').fill('40');
      await reporter.getByLabel('Kết quả, ghi chú').fill('Đã tổ chức 3 buổi truyền thông tại bản Nậm Củm.');
      await reporter.getByRole('button', { name: 'Lưu tiến độ' }).click();
      await reporter.getByText('Đã lưu tiến độ.').waitFor();

      const evidence = path.join(tempDir, EVIDENCE);
      await writeFile(evidence, '%PDF-1.4\n%%EOF\n');
      await reporter.getByLabel('Tải lên tệp minh chứng').setInputFiles(evidence);
      await reporter.getByText(`Đã tải lên ${EVIDENCE}.`).waitFor();
      const attachments = reporter.getByRole('region', { name: 'Minh chứng', exact: true });
      await attachments.getByRole('link', { name: EVIDENCE }).waitFor();
      await expectNoSidewaysScroll(reporter);

      // Back at the desk, the traceability view shows the commune's plan, progress and evidence.
      await planner.reload();
      const status = cell(muongTeRow, 'Trạng thái');
      await status.getByText('Đang thực hiện', { exact: true }).waitFor();
      await expect(status.textContent()).resolves.toContain('Đã tổ chức 3 buổi truyền thông');
      await expect(cell(muongTeRow, 'Tiến độ').textContent()).resolves.toContain('40%');
      await expect(cell(muongTeRow, 'Minh chứng').textContent()).resolves.toBe('1');
      const childPlan = cell(muongTeRow, 'Đã lập kế hoạch').getByRole('link');
      await expect(childPlan.getAttribute('href')).resolves.toBe(`/ke-hoach/${childId}`);
      await expect(cell(muongTeRow, 'Đã lập kế hoạch').textContent()).resolves.toContain('Dự thảo');
      // A draft is not yet a plan: Mường Tè stays on the list, marked as drafting.
      const stillWithoutPlan = await withoutPlan.getByRole('listitem').allTextContents();
      expect(stillWithoutPlan.sort()).toEqual(['Sở Nội vụ', 'Xã Bum Tở', 'Xã Mường Tèđang soạn']);
    },
  );
});
