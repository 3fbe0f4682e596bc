import { describe, expect, it } from 'vitest';
import { isClosed, openFirst } from './commitment-status.ts';

describe('commitment status rules', () => {
  it('counts done and dropped as closed, everything else as open', () => {
    expect(isClosed('done')).toBe(true);
    expect(isClosed('dropped')).toBe(true);
    expect(isClosed('blocked')).toBe(false);
    expect(isClosed(null)).toBe(false);
  });

  it('puts open commitments before closed ones, keeping each side in order', () => {
    const rows = [
      { id: 1, status: 'done' },
      { id: 2, status: 'planned' },
      { id: 3, status: 'dropped' },
      { id: 4, status: 'in_progress' }
    ];
    expect(openFirst(rows).map((r) => r.id)).toEqual([2, 4, 1, 3]);
  });
});
