import { importRules } from '@binhdang/contracts';

export type ImportFileProblem = 'empty' | 'tooLarge' | 'typeNotAllowed';

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** `.txt,.docx,.pdf`, for the file input. */
export function acceptedImportExtensions(): string {
  return importRules.extensions.map((extension) => `.${extension}`).join(',');
}

/**
 * Checks a chosen document before it goes over a slow connection; the server reads it and says
 * what it cannot read (a scanned or locked PDF). The extension decides: phones often report no
 * type for office files.
 */
export function checkImportFile(file: { name: string; size: number }): ImportFileProblem | null {
  if (file.size === 0) return 'empty';
  if (!(importRules.extensions as readonly string[]).includes(extensionOf(file.name)))
    return 'typeNotAllowed';
  if (file.size > importRules.maxBytes) return 'tooLarge';
  return null;
}

/** Upload progress as a whole percentage, or null while the size is unknown. */
export function progressPercent(sent: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((sent / total) * 100)));
}
