import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './app.paths.ts';

describe('safeReturnPath', () => {
  it('returns to our own pages', () => {
    expect(safeReturnPath('/don-vi?q=muong%20te')).toBe('/don-vi?q=muong%20te');
  });

  it('never leaves the site or loops back to the login page', () => {
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('/\\evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/dang-nhap?next=/')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
