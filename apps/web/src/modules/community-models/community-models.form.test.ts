import { describe, expect, it } from 'vitest';
import { emptyYearDraft, parseCount, totalMembers, yearFieldsFrom } from './community-models.form.ts';

describe('parseCount', () => {
  it('reads whole numbers with Vietnamese thousands dots or spaces', () => {
    expect(parseCount('25')).toBe(25);
    expect(parseCount('1.250')).toBe(1250);
    expect(parseCount(' 1 250 ')).toBe(1250);
  });

  it('treats empty as unknown and anything else as invalid', () => {
    expect(parseCount('')).toBeNull();
    expect(parseCount('   ')).toBeNull();
    expect(parseCount('-3')).toBe('invalid');
    expect(parseCount('2,5')).toBe('invalid');
    expect(parseCount('mười')).toBe('invalid');
  });
});

describe('yearFieldsFrom', () => {
  it('gives the fields to send', () => {
    expect(yearFieldsFrom({ ...emptyYearDraft(), membersFemale: '20', notes: '  ' })).toEqual({
      ok: true,
      fields: {
        status: 'active',
        membersMale: null,
        membersFemale: 20,
        membersKinh: null,
        membersMinority: null,
        notes: null,
      },
    });
  });

  it('names every field that is not a whole number', () => {
    expect(yearFieldsFrom({ ...emptyYearDraft(), membersMale: 'x', membersMinority: '1,5' })).toEqual({
      ok: false,
      invalid: ['membersMale', 'membersMinority'],
    });
  });
});

describe('totalMembers', () => {
  it('adds the known counts and is unknown when neither is known', () => {
    expect(totalMembers({ membersMale: 3, membersFemale: null })).toBe(3);
    expect(totalMembers({ membersMale: null, membersFemale: null })).toBeNull();
  });
});
