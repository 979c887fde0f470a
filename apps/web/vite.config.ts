/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const contractsDir = fileURLToPath(new URL('../../packages/contracts/src/', import.meta.url));

/**
 * The contracts package keeps zod schemas and plain constants (error texts, labels) side by
 * side. Zod is about 25 KB gzipped and the web app only needs the constants at run time (the
 * server validates every input and sends field issues back), so the schemas must not reach the
 * bundle. The bundler cannot tell on its own that building a schema has no side effects, so the
 * names schemas are built from are declared pure: zod's `z` and every top-level constant of a
 * contracts module that uses zod (schemas are built from other schemas and helpers such as
 * `cleanText`). Found by scanning, so a new schema needs no change here.
 *
 * The pure-function list applies to every module, and minified libraries name their own
 * functions `z` (Preact does): inside the contracts `z` is therefore renamed to `ZOD_SCHEMA`,
 * a name nothing else uses, and only that name is declared pure.
 */
const zodAlias = 'ZOD_SCHEMA';

function findSchemaBuilderNames(): string[] {
  const names = new Set([zodAlias]);
  for (const file of readdirSync(contractsDir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = readFileSync(contractsDir + file, 'utf8');
    if (!/from 'zod'/.test(source)) continue;
    for (const match of source.matchAll(/^(?:export\s+)?const\s+(\w+)/gm)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return [...names];
}

function contractsWithoutSideEffects(): Plugin {
  return {
    name: 'binhdang:contracts-without-side-effects',
    transform(code, id) {
      if (!id.startsWith(contractsDir)) return undefined;
      const renamed = code
        .replace(/import\s*\{\s*z\s*\}\s*from\s*'zod'/, `import { z as ${zodAlias} } from 'zod'`)
        .replace(/\bz\./g, `${zodAlias}.`);
      return { code: renamed, map: null, moduleSideEffects: false };
    },
  };
}

export default defineConfig({
  plugins: [preact(), contractsWithoutSideEffects()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which files each page loads, for the size benchmark.
    manifest: true,
    rolldownOptions: {
      treeshake: { manualPureFunctions: findSchemaBuilderNames() },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
