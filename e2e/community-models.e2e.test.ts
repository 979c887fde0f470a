import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../apps/server/test/test-database.ts';
import { hasBrowser, launchBrowser, startDemoServer } from './browser.ts';

/**
 * A commune reporter on a 390×844 phone adds a domestic violence prevention club with this
 * year's members, finds it in the register with the totals, and records last year on its page.
 */
describeEachEngine('journey: models and clubs on a phone', (engine) => {
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

  it.skipIf(!hasBrowser)('adds a club with its members and records another year', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('baocao.muongte');
    await page.getByLabel('Mật khẩu').fill('demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));

    await page.goto('/mo-hinh-cau-lac-bo');
    await page.getByRole('link', { name: 'Thêm mô hình, câu lạc bộ' }).click();
    await page.waitForURL(/\/mo-hinh-cau-lac-bo\/moi/);
    await page
      .getByLabel('Tên mô hình, câu lạc bộ')
      .fill('Câu lạc bộ phòng, chống bạo lực gia đình bản Pa Ủ');
    await page.getByLabel(/^Nam/).fill('7');
    await page.getByLabel(/^Nữ/).fill('19');
    await page.getByLabel('Dân tộc thiểu số').fill('26');
    // Nothing on the form is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Thêm vào sổ' }).click();
    await page.waitForURL(/\/mo-hinh-cau-lac-bo\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Câu lạc bộ phòng, chống bạo lực gia đình bản Pa Ủ',
    );

    await page.getByLabel('Năm', { exact: true }).fill('2025');
    await page.getByRole('radio', { name: 'Tạm ngừng hoạt động' }).check();
    await page.getByLabel(/^Nữ/).fill('15');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('rowheader', { name: '2025' }).waitFor();

    const rows = await server.db
      .selectFrom('community_model_years as y')
      .innerJoin('community_models as m', 'm.id', 'y.model_id')
      .select(['y.year', 'y.status', 'y.members_female', 'y.members_minority'])
      .where('m.name', '=', 'Câu lạc bộ phòng, chống bạo lực gia đình bản Pa Ủ')
      .orderBy('y.year')
      .execute();
    expect(rows).toEqual([
      { year: 2025, status: 'inactive', members_female: 15, members_minority: null },
      { year: new Date().getFullYear(), status: 'active', members_female: 19, members_minority: 26 },
    ]);

    await page.goto('/mo-hinh-cau-lac-bo');
    await page.getByRole('link', { name: 'Câu lạc bộ phòng, chống bạo lực gia đình bản Pa Ủ' }).waitFor();
    await expect(page.getByRole('table').first().textContent()).resolves.toContain(
      'Câu lạc bộ phòng, chống bạo lực gia đình',
    );
    await context.close();
  });
});
