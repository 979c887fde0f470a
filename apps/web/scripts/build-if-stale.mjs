// `npm start` builds the web app only when a source is newer than the last build: a second start
// (and the cold-start benchmark) does not wait for a build nothing has changed. `npm run build`
// and `npm test` always build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repositoryRoot = path.resolve(webDir, '../..');
const builtAt = (() => {
  const index = path.join(webDir, 'dist', 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : 0;
})();

/** The newest modification time under `target` (a file or a folder). */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

const sources = [
  path.join(webDir, 'src'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
  path.join(webDir, 'package.json'),
  path.join(repositoryRoot, 'packages', 'contracts', 'src'),
  path.join(repositoryRoot, 'package-lock.json'),
];
if (builtAt > 0 && sources.every((source) => newest(source) < builtAt)) {
  console.log('Web app up to date (apps/web/dist).');
} else {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: webDir, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
