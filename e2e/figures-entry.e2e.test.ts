import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../apps/server/test/test-database.ts';
import { hasBrowser, launchBrowser, openPhonePage, startDemoServer } from './browser.ts';

const ACTIVITY_FORM = 'Hoạt động truyền thông, tập huấn về bình đẳng giới';
const STRATEGY_FORM = 'Số liệu các chỉ tiêu Chiến lược quốc gia về bình đẳng giới (Nghị quyết 28/NQ-CP)';
const OUTREACH = 'Số người tham gia truyền thông';
const TRAINED = 'Số người tham gia tập huấn';
const DIRECTORS = 'Số giám đốc, chủ doanh nghiệp, hợp tác xã';

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

async function waitUntilSaved(page: Page) {
  await page.getByRole('status').filter({ hasText: 'Mọi thay đổi đã được lưu.' }).waitFor();
}

/**
 * Figures end to end: a commune's reporter fills a sex × ethnicity grid on a phone with the
 * keyboard, a rule refuses more women than people trained and names the cell, and the
 * province's progress page shows the reporter's figure against the national target at once.
 */
describeEachEngine('journey: figures entered in a commune show on the province progress page', (engine) => {
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
    'a reporter enters a disaggregated grid on a phone; a rule names the wrong cell; the province sees the figure',
    { timeout: 90_000 },
    async () => {
      const year = new Date().getFullYear();

      const reporter = await openPhonePage(browser, server.baseUrl);
      await signIn(reporter, 'baocao.muongte');
      await openFromMenu(reporter, 'Số liệu');
      await reporter.waitForURL(/\/so-lieu\/nhap/);
      await expect(reporter.getByLabel('Đơn vị').locator('option:checked').textContent()).resolves.toBe(
        'Xã Mường Tè',
      );
      await expect(reporter.getByLabel('Kỳ báo cáo').locator('option:checked').textContent()).resolves.toBe(
        `Năm ${year}`,
      );
      await reporter.getByLabel('Biểu nhập').selectOption({ label: ACTIVITY_FORM });

      // Sex × ethnicity, typed as officers write numbers, moving with the arrow keys.
      const first = reporter.getByLabel(`${OUTREACH} – Nam – Kinh`);
      await first.click();
      await reporter.keyboard.type('1.200');
      for (const figure of ['345', '1.100', '410']) {
        await reporter.keyboard.press('ArrowRight');
        await reporter.keyboard.type(figure);
      }
      await expect(reporter.getByLabel(`${OUTREACH} – Nữ – Dân tộc thiểu số`).inputValue()).resolves.toBe(
        '410',
      );
      await expect(reporter.getByLabel(`${OUTREACH} – Tổng`).textContent()).resolves.toBe('3.055');
      await expect(first.getAttribute('inputmode')).resolves.toBe('decimal');
      await waitUntilSaved(reporter);
      await expectNoSidewaysScroll(reporter);

      // More women trained than people trained: refused, and the message names the cell.
      await reporter.getByLabel(`${TRAINED} – Tổng`).fill('40');
      await reporter.getByLabel(`${TRAINED} – Nữ`).fill('45');
      const refusal = reporter
        .getByRole('alert')
        .filter({ hasText: `${TRAINED} – Nữ (45) không được lớn hơn ${TRAINED} – Tổng (40).` });
      await refusal.waitFor();
      await expect(reporter.getByLabel(`${TRAINED} – Nữ`).getAttribute('aria-invalid')).resolves.toBe('true');
      await expectNoSidewaysScroll(reporter);
      await reporter.getByLabel(`${TRAINED} – Nữ`).fill('25');
      await refusal.waitFor({ state: 'detached' });
      await waitUntilSaved(reporter);

      // Reloading shows what the server holds, in Vietnamese number format.
      await reporter.reload();
      await expect(reporter.getByLabel(`${OUTREACH} – Nam – Kinh`).inputValue()).resolves.toBe('1.200');
      await expect(reporter.getByLabel(`${TRAINED} – Nữ`).inputValue()).resolves.toBe('25');

      // The strategy's figures: women directors, from which an indicator is computed.
      await reporter.getByLabel('Biểu nhập').selectOption({ label: STRATEGY_FORM });
      await reporter.getByLabel(`${DIRECTORS} – Nam`).fill('30');
      await reporter.getByLabel(`${DIRECTORS} – Nữ`).fill('20');
      await expect(reporter.getByLabel(`${DIRECTORS} – Tổng`).textContent()).resolves.toBe('50');
      await waitUntilSaved(reporter);

      // At the province, the progress page shows the commune's figure against the national target.
      const planner = await (
        await browser.newContext({
          baseURL: server.baseUrl,
          viewport: { width: 1280, height: 900 },
          locale: 'vi-VN',
        })
      ).newPage();
      await signIn(planner, 'kehoach.laichau');
      await openFromMenu(planner, 'Số liệu');
      await planner.getByRole('link', { name: 'Tiến độ chỉ tiêu' }).click();
      await expect(planner.getByLabel('Đơn vị').locator('option:checked').textContent()).resolves.toBe(
        'Tỉnh Lai Châu',
      );
      const card = planner.getByRole('article', { name: /MT2\.CT3/ });
      await card.getByText(`40% (${year})`).waitFor();
      await expect(card.textContent()).resolves.toContain('ít nhất 30% vào năm 2030');
      await expect(card.textContent()).resolves.toContain('theo chỉ tiêu quốc gia');
      await expect(card.getByText('Đạt', { exact: true }).count()).resolves.toBeGreaterThan(0);
      await expect(card.getByRole('img').getAttribute('aria-label')).resolves.toContain(`năm ${year}: 40%`);
    },
  );
});
