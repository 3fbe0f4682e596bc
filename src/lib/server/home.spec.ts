import { describe, expect, it } from 'vitest';
import { groupChanges, type HomeChange } from './home.ts';

const change = (title: string, workstream: string | null): HomeChange => ({
  kind: 'commitment',
  title,
  href: `/commitments/${title}`,
  actor_display_name: 'Tom',
  occurred_at: '2026-12-01T10:00:00Z',
  workstream_slug: workstream,
  workstream_title: workstream && workstream.toUpperCase()
});

describe('groupChanges', () => {
  it('puts each change under its workstream, keeping the order they came in', () => {
    const groups = groupChanges([change('a', 'ws-1'), change('b', 'ws-1'), change('c', null)]);
    expect(groups.map((g) => [g.slug, g.changes.map((c) => c.title)])).toEqual([
      ['ws-1', ['a', 'b']],
      [null, ['c']]
    ]);
    expect(groups[0]!.title).toBe('WS-1');
  });
});
