import { describe, expect, it } from 'vitest';
import { acceptedImportExtensions, checkImportFile, progressPercent } from './imports.upload.ts';

const MB = 1024 * 1024;

describe('checkImportFile', () => {
  it('accepts the documents a plan arrives as', () => {
    expect(checkImportFile({ name: 'KH 125-UBND.docx', size: 80_000 })).toBeNull();
    expect(checkImportFile({ name: 'ke-hoach.PDF', size: 2 * MB })).toBeNull();
    expect(checkImportFile({ name: 'ke-hoach.txt', size: 20 * MB })).toBeNull();
  });

  it('refuses empty, oversized and other files before sending them', () => {
    expect(checkImportFile({ name: 'a.docx', size: 0 })).toBe('empty');
    expect(checkImportFile({ name: 'a.pdf', size: 20 * MB + 1 })).toBe('tooLarge');
    expect(checkImportFile({ name: 'scan.jpg', size: 1000 })).toBe('typeNotAllowed');
    expect(checkImportFile({ name: 'ke-hoach.doc', size: 1000 })).toBe('typeNotAllowed');
    expect(checkImportFile({ name: 'ke-hoach', size: 1000 })).toBe('typeNotAllowed');
  });

  it('offers the same types to the file chooser', () => {
    expect(acceptedImportExtensions()).toBe('.txt,.docx,.pdf');
  });
});

describe('progressPercent', () => {
  it('is a whole percentage, unknown without a size', () => {
    expect(progressPercent(512, 1024)).toBe(50);
    expect(progressPercent(1023, 1024)).toBe(99);
    expect(progressPercent(10, 0)).toBeNull();
  });
});
