import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../apps/server/test/test-database.ts';
import { hasBrowser, launchBrowser, openPhonePage, startDemoServer } from './browser.ts';

/**
 * A commune reporter on a phone signs in, finds their commune by typing its name without
 * diacritics, opens it, and the API refuses them a unit of another province.
 */
describeEachEngine('journey: commune reporter on a phone', (engine) => {
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
    'signs in, finds Xã Mường Tè by typing "muong te", and is refused Hà Nội',
    async () => {
      const page = await openPhonePage(browser, server.baseUrl);
      await page.goto('/');
      await page.waitForURL(/\/dang-nhap/);
      await expect(page.getByText('Bản trình diễn').first().isVisible()).resolves.toBe(true);

      await page.getByLabel('Tên đăng nhập').fill('baocao.muongte');
      await page.getByLabel('Mật khẩu').fill('demo');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));

      await page.goto('/don-vi');
      await page.getByTestId('org-search').fill('muong te');
      const result = page.getByTestId('org-result').filter({ hasText: 'Xã Mường Tè' });
      await result.first().waitFor();
      await result.first().click();
      await page.waitForURL(/\/don-vi\/\d+$/);
      await page.getByRole('heading', { name: 'Xã Mường Tè' }).waitFor();

      // The page fits a 360-px screen: nothing scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      const haNoi = await server.db
        .selectFrom('org_units')
        .select('id')
        .where('code', '=', '01')
        .executeTakeFirstOrThrow();
      const refused = await page.evaluate(async (id) => {
        const response = await fetch(`/api/org-units/${id}`);
        return { status: response.status, body: (await response.json()) as { error: unknown } };
      }, haNoi.id);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toEqual({
        code: 'auth.out_of_scope',
        message: 'Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.',
      });
    },
  );
});
