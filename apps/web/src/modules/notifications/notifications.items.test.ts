import type { Notification } from '@binhdang/contracts';
import { describe, expect, it } from 'vitest';
import { notificationHref, withRead } from './notifications.items.ts';

function notice(id: number, readAt: string | null = null): Notification {
  return {
    id,
    kind: 'overdue',
    title: `Quá hạn nộp báo cáo ${id}`,
    body: '',
    orgUnitId: 1,
    roundId: 7,
    submissionId: 30 + id,
    createdAt: '2026-06-01T01:00:00Z',
    readAt,
  };
}

describe('notificationHref', () => {
  it('opens the submission, else the round, else nothing', () => {
    expect(notificationHref({ submissionId: 31, roundId: 7 })).toEqual({
      href: '/bao-cao/nop/31',
      target: 'submission',
    });
    expect(notificationHref({ submissionId: null, roundId: 7 })).toEqual({
      href: '/bao-cao/dot/7',
      target: 'round',
    });
    expect(notificationHref({ submissionId: null, roundId: null })).toBeNull();
  });
});

describe('withRead', () => {
  it('replaces the item in place and counts it read once', () => {
    const list = { items: [notice(1), notice(2), notice(3, '2026-05-01T00:00:00Z')], unread: 2 };
    const once = withRead(list, notice(2, '2026-06-02T00:00:00Z'));
    expect(once.items.map((item) => item.id)).toEqual([1, 2, 3]);
    expect(once.items[1]?.readAt).toBe('2026-06-02T00:00:00Z');
    expect(once.unread).toBe(1);
    expect(withRead(once, notice(2, '2026-06-02T00:00:00Z')).unread).toBe(1);
  });
});
