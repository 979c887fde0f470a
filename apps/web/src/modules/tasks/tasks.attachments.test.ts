import { describe, expect, it } from 'vitest';
import { checkAttachment, contentTypeFor, formatFileSize } from './tasks.attachments.ts';

const MB = 1024 * 1024;

describe('checkAttachment', () => {
  it('accepts the documents and photos officers send as evidence', () => {
    expect(checkAttachment({ name: 'Bao cao.PDF', size: 2 * MB, type: 'application/pdf' })).toBeNull();
    expect(checkAttachment({ name: 'anh-hoi-nghi.jpg', size: MB, type: 'image/jpeg' })).toBeNull();
    // Phones often give office files no type at all.
    expect(checkAttachment({ name: 'danh-sach.xlsx', size: 1000, type: '' })).toBeNull();
    expect(
      checkAttachment({ name: 'bien-ban.doc', size: 1000, type: 'application/octet-stream' }),
    ).toBeNull();
  });

  it('refuses empty, oversized and other files', () => {
    expect(checkAttachment({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('empty');
    expect(checkAttachment({ name: 'a.pdf', size: 10 * MB + 1, type: 'application/pdf' })).toBe('tooLarge');
    expect(checkAttachment({ name: 'setup.exe', size: 1000, type: 'application/x-msdownload' })).toBe(
      'typeNotAllowed',
    );
    expect(checkAttachment({ name: 'video.mp4', size: 1000, type: '' })).toBe('typeNotAllowed');
    // A type that contradicts the extension is not trusted.
    expect(checkAttachment({ name: 'anh.png', size: 1000, type: 'text/html' })).toBe('typeNotAllowed');
  });

  it('knows the type an extension stands for', () => {
    expect(contentTypeFor('x.JPEG')).toBe('image/jpeg');
    expect(contentTypeFor('x')).toBeNull();
  });

  it('writes sizes with a decimal comma', () => {
    expect(formatFileSize(2.45 * MB)).toBe('2,5 MB');
    expect(formatFileSize(350 * 1024)).toBe('350 KB');
  });
});
