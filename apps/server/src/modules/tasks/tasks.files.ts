import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { attachmentRules } from '@binhdang/contracts';
import type { AppConfig } from '../app/config.ts';
import { AppError } from '../app/errors.ts';

/*
 * Evidence files on disk. Names on disk are random, never the user's; the type is decided by
 * the file's own first bytes as well as its name, so a renamed executable is refused.
 */

export function attachmentsDirectory(config: Pick<AppConfig, 'attachmentsDir' | 'dataDir'>): string {
  return config.attachmentsDir ?? path.join(config.dataDir, 'attachments');
}

function extensionOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** What the bytes are, as far as the accepted types go; null for anything else. */
function sniffContentType(bytes: Uint8Array, extension: string): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // Office Open XML files are zip archives; the extension says which kind.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (extension === 'docx')
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (extension === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return null;
  }
  // Legacy Office files share the OLE compound-file header.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (extension === 'doc') return 'application/msword';
    if (extension === 'xls') return 'application/vnd.ms-excel';
    return null;
  }
  if (extension === 'txt' && !bytes.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return 'text/plain';
    } catch {
      return null;
    }
  }
  return null;
}

export interface CheckedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Refuses empty, oversized and unaccepted files with the Vietnamese message for each. */
export function checkAttachment(fileName: string, bytes: Uint8Array): CheckedFile {
  if (bytes.byteLength === 0) throw new AppError('attachments.missing_file');
  if (bytes.byteLength > attachmentRules.maxBytes) throw new AppError('attachments.too_large');
  const extension = extensionOf(fileName);
  const contentType = sniffContentType(bytes, extension);
  if (!contentType || !attachmentRules.contentTypes[contentType]?.includes(extension)) {
    throw new AppError('attachments.type_not_allowed');
  }
  const safeName = path
    .basename(fileName.normalize('NFC'))
    .replace(/["\\/]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .slice(-200);
  return { fileName: safeName, contentType, bytes };
}

/**
 * Writes the bytes under a new random key and flushes them to disk before returning, so a
 * database row that names the key never points at a file lost in a crash.
 */
export async function storeAttachment(directory: string, bytes: Uint8Array) {
  const storageKey = randomUUID();
  const shard = path.join(directory, storageKey.slice(0, 2));
  await mkdir(shard, { recursive: true });
  const finalPath = path.join(shard, storageKey);
  const temporaryPath = `${finalPath}.partial`;
  const handle = await open(temporaryPath, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporaryPath, finalPath);
  const directoryHandle = await open(shard, 'r');
  try {
    await directoryHandle.sync();
  } finally {
    await directoryHandle.close();
  }
  return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function removeStoredAttachment(directory: string, storageKey: string) {
  await rm(path.join(directory, storageKey.slice(0, 2), storageKey), { force: true });
}

export async function readStoredAttachment(directory: string, storageKey: string): Promise<Buffer> {
  if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new AppError('attachments.not_found');
  try {
    return await readFile(path.join(directory, storageKey.slice(0, 2), storageKey));
  } catch {
    throw new AppError('attachments.not_found');
  }
}
