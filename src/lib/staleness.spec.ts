import { describe, expect, it } from 'vitest';
import { groupByStatus, stalenessTag, statusTag, workstreamStatusTag } from './staleness.ts';

describe('staleness and status tags', () => {
  it('flags an overdue commitment orange and a dormant one red, with the days', () => {
    expect(stalenessTag('overdue', 3)).toEqual({
      text: 'Overdue (3 days)',
      className: 'govuk-tag--orange'
    });
    expect(stalenessTag('dormant', 45)).toEqual({
      text: 'Dormant (45 days)',
      className: 'govuk-tag--red'
    });
    expect(stalenessTag('overdue', 1)?.text).toBe('Overdue (1 day)');
  });

  it('shows nothing for a commitment on track', () => {
    expect(stalenessTag('on_track', 0)).toBeNull();
    expect(stalenessTag(null)).toBeNull();
  });

  it('shows done in green and an unknown status as grey rather than failing', () => {
    expect(statusTag('done')).toEqual({ text: 'Done', className: 'govuk-tag--green' });
    expect(statusTag('in_progress').text).toBe('In progress');
    expect(statusTag('mystery').className).toBe('govuk-tag--grey');
    expect(workstreamStatusTag('proposed').text).toBe('Proposed');
  });

  it('groups commitments by status, open ones first, leaving out empty groups', () => {
    const items = [
      { id: 1, status: 'done' },
      { id: 2, status: 'planned' },
      { id: 3, status: 'in_progress' },
      { id: 4, status: 'planned' }
    ];
    expect(groupByStatus(items).map((g) => [g.status, g.items.map((i) => i.id)])).toEqual([
      ['in_progress', [3]],
      ['planned', [2, 4]],
      ['done', [1]]
    ]);
  });
});
