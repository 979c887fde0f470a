import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The production build must carry no zod schema (vite.config.ts: the contracts' schemas are
 * declared pure so that only their constants reach the browser). A schema that survives tree
 * shaking would reference the renamed `ZOD_SCHEMA` binding whose import was dropped, and the page
 * that loads it would fail at run time. Typical cause: a plain object of schema fields spread into
 * a schema call (`z.strictObject({ ...fields })`), which the bundler must keep; build such schemas
 * with `.extend()` instead. `npm test` builds the web app first, so this runs on the real bundle.
 */
const assetsDir = fileURLToPath(new URL('../../../dist/assets/', import.meta.url));

describe('production bundle', () => {
  it.skipIf(!existsSync(assetsDir))('carries no zod schema', () => {
    const offenders = readdirSync(assetsDir)
      .filter((file) => file.endsWith('.js'))
      .filter((file) => readFileSync(assetsDir + file, 'utf8').includes('ZOD_SCHEMA'));
    expect(offenders).toEqual([]);
  });
});
