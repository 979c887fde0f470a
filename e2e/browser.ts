import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../apps/server/src/modules/app/config.ts';
import { createServerApp, listen } from '../apps/server/src/modules/app/server.ts';
import { ensureDemoAccounts } from '../apps/server/src/modules/seed/demo-accounts.ts';
import { createTestDatabase, type Engine } from '../apps/server/test/test-database.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Locally the journeys need Debian's chromium; CI installs it, so there a missing browser is a failure. */
export const hasBrowser = existsSync(chromiumPath) || process.env.CI === 'true';

/**
 * The real server (API + built web app) in demo mode on a fresh database, on a free loopback port.
 * A journey about deadlines passes its own clock to move the server's "now" past a due day.
 */
export async function startDemoServer(
  engine: Engine,
  { clock = () => new Date() }: { clock?: () => Date } = {},
) {
  const handle = await createTestDatabase(engine, { seed: true });
  await ensureDemoAccounts(handle.db);
  const config = loadConfig({}, { demo: true });
  const app = createServerApp({ db: handle.db, engine: handle.engine, config, clock });
  const server = await listen(app, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db: handle.db,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await handle.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    // Flags for a closed network: no background calls home, no first-run or sync traffic.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A 360-px phone, the screen commune officers have. */
export async function openPhonePage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}
