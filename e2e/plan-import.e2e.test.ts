import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { docxFile, readPlanFixture } from '../apps/server/test/import-fixtures.ts';
import { describeEachEngine } from '../apps/server/test/test-database.ts';
import { hasBrowser, launchBrowser, startDemoServer } from './browser.ts';

/** Nghệ An's 2024 plan (002): no number, tasks for the labour department, the Action Month, four reports. */
const FIXTURE = '002_3b76a6af748f569d.txt';
const PLAN_TITLE = 'Thực hiện công tác bình đẳng giới và hoạt động vì sự tiến bộ phụ nữ năm 2024';
const ACTION_MONTH = 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới';
/** Abolished in 2025, so the registry no longer matches it; its work is now Sở Nội vụ's. */
const LABOUR = 'Sở Lao động - Thương binh và Xã hội';
const DUTIES = [
  { due: '05/06/2024', kind: 'Báo cáo 6 tháng' },
  { due: '05/12/2024', kind: 'Báo cáo năm' },
  { due: '05/12/2024', kind: 'Báo cáo tự kiểm tra' },
  { due: '25/12/2024', kind: 'Báo cáo năm' },
];

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

/**
 * The plan-import journey: the province's planner uploads a plan received as a Word document,
 * maps a unit name the registry no longer knows, accepts it, and finds its tasks, the Action
 * Month in the calendar and its reporting deadlines.
 */
describeEachEngine('journey: a received plan is imported', (engine) => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!hasBrowser) return;
    server = await startDemoServer(engine);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!hasBrowser)(
    'uploads 002 as DOCX, maps one unit, accepts, and finds the tasks, the Action Month and the deadlines',
    { timeout: 120_000 },
    async () => {
      // The document as an office would have typed it: one paragraph per line of the text.
      const file = await docxFile(readPlanFixture(FIXTURE), 'KH-binh-dang-gioi-2024.docx');
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        viewport: { width: 1280, height: 900 },
        locale: 'vi-VN',
      });
      const page = await context.newPage();
      await signIn(page, 'kehoach.laichau');

      // Upload, for the planner's own unit.
      await openFromMenu(page, 'Kế hoạch');
      await page.getByRole('link', { name: 'Nhập kế hoạch nhận được' }).click();
      const receiving = page.getByRole('group', { name: 'Đơn vị nhận văn bản' });
      await expect(receiving.textContent()).resolves.toContain('Tỉnh Lai Châu');
      await page.getByLabel('Tệp văn bản').setInputFiles({
        name: file.name,
        mimeType: file.type,
        buffer: Buffer.from(await file.arrayBuffer()),
      });
      await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
      await page.waitForURL(/\/nhap-ke-hoach\/\d+$/);

      // Review: what the reader was unsure of comes first; the names it could not match are marked.
      await page.getByRole('heading', { name: 'Xem lại văn bản nhận được', level: 1 }).waitFor();
      await page.getByText('Không tìm thấy dòng “Số:”', { exact: false }).waitFor();
      await expect(page.getByLabel('Trích yếu (tên kế hoạch)').inputValue()).resolves.toBe(PLAN_TITLE);
      const source = page.getByRole('region', { name: 'Nội dung văn bản gốc' });
      await expect(source.textContent()).resolves.toContain('Bùi Đình Long');

      const names = page.getByRole('region', { name: 'Đơn vị nêu trong văn bản' });
      const labour = names.getByRole('listitem').filter({ hasText: LABOUR });
      await expect(labour.textContent()).resolves.toContain('Chưa khớp với đơn vị nào trong danh mục.');
      await labour.getByRole('button', { name: `Chọn đơn vị cho “${LABOUR}”` }).click();
      await labour.getByLabel(`Đơn vị ứng với “${LABOUR}”`).fill('so noi vu');
      await labour.getByRole('button', { name: /^Sở Nội vụ / }).click();
      await labour.getByText('Đã chọn đơn vị: Sở Nội vụ').waitFor();

      // On a phone the source and what was read are two tabs, and nothing scrolls sideways.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByRole('tab', { name: 'Văn bản gốc' }).click();
      await expect(source.isVisible()).resolves.toBe(true);
      await expect(names.isVisible()).resolves.toBe(false);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByRole('tab', { name: 'Thông tin đọc được' }).click();
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('button', { name: 'Tiếp nhận kế hoạch' }).click();
      await page.waitForURL(/\/ke-hoach\/\d+$/);
      const planPath = new URL(page.url()).pathname;

      // The plan lists every task, the labour department's now given to Sở Nội vụ.
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(PLAN_TITLE);
      const plan = page.getByRole('article', { name: 'Nội dung kế hoạch' });
      await expect(plan.getByText('Nhiệm vụ', { exact: true }).count()).resolves.toBe(27);
      const reportTask = plan
        .getByRole('listitem')
        .filter({ hasText: 'chủ trì tham mưu, tổng hợp báo cáo UBND tỉnh' })
        .last();
      await expect(reportTask.getByRole('definition').first().textContent()).resolves.toBe('Sở Nội vụ');

      // The calendar of 2024 shows the Action Month.
      await openFromMenu(page, 'Lịch, hạn báo cáo');
      await page.getByLabel('Năm', { exact: true }).selectOption('2024');
      const events = page.getByRole('region', { name: 'Sự kiện, đợt cao điểm năm 2024' });
      const actionMonth = events
        .getByRole('listitem')
        .filter({ hasText: ACTION_MONTH })
        .filter({ hasText: '15/11/2024 – 15/12/2024' });
      await actionMonth.waitFor();
      await expect(actionMonth.getByRole('link').getAttribute('href')).resolves.toBe(planPath);

      // The deadlines: all four reports, past due in 2024, to the department as printed.
      const duties = page.getByRole('region', { name: 'Hạn báo cáo' });
      await duties.getByRole('button', { name: 'Quá hạn' }).click();
      const fromPlan = duties.getByRole('row').filter({ has: page.locator(`a[href="${planPath}"]`) });
      await expect.poll(() => fromPlan.count()).toBe(DUTIES.length);
      const rows = await fromPlan.allTextContents();
      for (const [index, duty] of DUTIES.entries()) {
        expect(rows[index]).toContain(duty.due);
        expect(rows[index]).toContain(duty.kind);
        expect(rows[index]).toContain('Quá hạn');
        expect(rows[index]).toContain(LABOUR);
      }
      await context.close();
    },
  );
});
