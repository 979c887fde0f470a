import { attachmentRules } from '@binhdang/contracts';

export type AttachmentProblem = 'empty' | 'tooLarge' | 'typeNotAllowed';

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The content type the server accepts for a file name's extension, or null. */
export function contentTypeFor(fileName: string): string | null {
  const extension = extensionOf(fileName);
  for (const [contentType, extensions] of Object.entries(attachmentRules.contentTypes)) {
    if (extensions.includes(extension)) return contentType;
  }
  return null;
}

/** The accepted extensions as the file input's `accept` and the message list them (`.pdf,.docx,…`). */
export function acceptedExtensions(): string[] {
  return Object.values(attachmentRules.contentTypes).flat();
}

/**
 * Checks a chosen file before it goes over a slow connection; the server checks again. Phones
 * often report no type (or a generic one) for office files, so the extension decides and a
 * reported type must only not contradict it.
 */
export function checkAttachment(file: {
  name: string;
  size: number;
  type: string;
}): AttachmentProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > attachmentRules.maxBytes) return 'tooLarge';
  const expected = contentTypeFor(file.name);
  if (expected === null) return 'typeNotAllowed';
  const reported = file.type.toLowerCase();
  const isGeneric = reported === '' || reported === 'application/octet-stream';
  if (!isGeneric && !(attachmentRules.contentTypes[reported] ?? []).includes(extensionOf(file.name))) {
    return 'typeNotAllowed';
  }
  return null;
}

/** The file with the content type its extension stands for, so the server never sees a blank type. */
export function withAcceptedType(file: File): File {
  const contentType = contentTypeFor(file.name);
  if (!contentType || file.type === contentType) return file;
  return new File([file], file.name, { type: contentType, lastModified: file.lastModified });
}

/** `2,4 MB`, `350 KB` — Vietnamese decimal comma. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('vi-VN')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
