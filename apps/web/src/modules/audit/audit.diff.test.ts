import { describe, expect, it } from 'vitest';
import { changedFields } from './audit.diff.ts';

describe('changedFields', () => {
  it('lists only the keys whose values differ', () => {
    expect(
      changedFields({ name: 'Cũ', code: 'A' }, { name: 'Mới', code: 'A', effectiveOn: '2025-07-01' }),
    ).toEqual([
      { field: 'name', before: 'Cũ', after: 'Mới' },
      { field: 'effectiveOn', before: '—', after: '2025-07-01' },
    ]);
  });

  it('treats a missing side as empty and shows nested values as JSON', () => {
    expect(changedFields(null, { sources: [{ id: 1 }] })).toEqual([
      { field: 'sources', before: '—', after: '[{"id":1}]' },
    ]);
    expect(changedFields(null, null)).toEqual([]);
  });

  it('compares snapshots that are not objects as one value', () => {
    expect(changedFields('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b' }]);
  });
});
