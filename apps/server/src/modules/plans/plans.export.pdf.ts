import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../app/errors.ts';

/*
 * PDF comes from LibreOffice converting the DOCX, so the PDF and the DOCX are the same document.
 * LibreOffice is optional on a server: without it the PDF export says so and the DOCX still works.
 */

const converterNames = ['soffice', 'libreoffice'] as const;
const conversionTimeoutMs = 60_000;

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The path of `soffice` or `libreoffice` on PATH, or null when LibreOffice is not installed. */
export function findPdfConverter(): string | null {
  const directories = (process.env.PATH ?? '').split(delimiter).filter((directory) => directory.length > 0);
  for (const name of converterNames) {
    for (const directory of directories) {
      const candidate = join(directory, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * Runs the converter in its own process group: `soffice` is a launcher that starts
 * `soffice.bin`, and a timeout has to end both.
 */
function runConverter(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`LibreOffice did not finish within ${conversionTimeoutMs / 1000} s`));
    }, conversionTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/** One conversion at a time: each LibreOffice takes a core and a few hundred MB. */
let conversionQueue: Promise<unknown> = Promise.resolve();

async function convertInTemporaryDirectory(converter: string, docx: Buffer): Promise<Buffer> {
  const workDir = await mkdtemp(join(tmpdir(), 'binhdang-pdf-'));
  try {
    const input = join(workDir, 'plan.docx');
    await writeFile(input, docx);

    // A profile of its own, so the conversion neither needs a writable HOME nor collides
    // with a LibreOffice the server's user may have open.
    const profile = pathToFileURL(join(workDir, 'profile')).href;
    await runConverter(converter, [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      workDir,
      input,
    ]);
    return await readFile(join(workDir, 'plan.pdf'));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Converts a DOCX to PDF with LibreOffice; `plans.pdf_unavailable` when it is not installed. */
export async function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  const converter = findPdfConverter();
  if (!converter) throw new AppError('plans.pdf_unavailable');

  const conversion = conversionQueue.then(() => convertInTemporaryDirectory(converter, docx));
  conversionQueue = conversion.catch(() => undefined);
  try {
    return await conversion;
  } catch (error) {
    console.error('[binhdang] PDF conversion failed', error);
    throw new AppError('plans.pdf_failed');
  }
}
