import { describe, expect, it } from 'vitest';
import {
  alsoText,
  buildDigest,
  digestText,
  mostSignificant,
  NO_WORKSTREAM,
  parseSince,
  type DigestItemRow
} from './digest.ts';

const period = { since: '2026-11-20', today: '2026-11-27' };

let n = 0;
function item(
  kind: string,
  commitment: string,
  workstream: string | null,
  extra: Partial<DigestItemRow> = {}
): DigestItemRow {
  n += 1;
  return {
    kind,
    commitment_id: commitment,
    commitment_title: `Commitment ${commitment}`,
    commitment_status: 'in_progress',
    workstream_id: workstream ? `ws-${workstream}` : null,
    workstream_slug: workstream,
    workstream_title: workstream ? workstream.replace(/^./, (c) => c.toUpperCase()) : null,
    owner_handle: 'sam',
    owner_display_name: 'Sam Lee',
    occurred_at: `2026-11-2${(n % 6) + 1} 10:00:00+00`,
    note: null,
    check_in_count: kind === 'check_in' ? 1 : null,
    ...extra
  };
}

const allEntries = (d: ReturnType<typeof buildDigest>) =>
  d.groups.flatMap((g) => g.sections.flatMap((s) => s.entries));

describe('mostSignificant', () => {
  it('ranks done over dormant over overdue over new over check-ins', () => {
    expect(mostSignificant(['check_in', 'new', 'done'])).toBe('done');
    expect(mostSignificant(['overdue', 'dormant'])).toBe('dormant');
    expect(mostSignificant(['check_in', 'overdue'])).toBe('overdue');
    expect(mostSignificant(['check_in', 'new'])).toBe('new');
    expect(mostSignificant([])).toBeNull();
  });
});

describe('buildDigest', () => {
  it('shows a commitment that was both made and done this week once, under Done', () => {
    const d = buildDigest(
      [item('new', 'a', 'maps'), item('done', 'a', 'maps', { note: 'Shipped the guide' })],
      period
    );
    expect(d.total).toBe(1);
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0]!.sections.map((s) => s.heading)).toEqual(['Done']);
    const entry = d.groups[0]!.sections[0]!.entries[0]!;
    expect(entry.kind).toBe('done');
    expect(entry.also).toEqual(['new']);
    expect(entry.note).toBe('Shipped the guide');
  });

  it('never repeats a commitment, however many things happened to it', () => {
    const rows = [
      item('new', 'a', 'maps'),
      item('check_in', 'a', 'maps', { check_in_count: 3, note: 'Halfway' }),
      item('done', 'a', 'maps'),
      item('overdue', 'b', 'maps'),
      item('dormant', 'b', 'maps'),
      item('check_in', 'c', null),
      item('new', 'c', null),
      item('check_in', 'd', 'housing')
    ];
    const d = buildDigest(rows, period);
    const ids = allEntries(d).map((e) => e.commitmentId);
    expect(ids.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(d.total).toBe(4);
    expect(d.counts).toEqual({ done: 1, dormant: 1, overdue: 0, new: 1, check_in: 1 });
  });

  it('groups by workstream alphabetically with "No workstream" last', () => {
    const d = buildDigest(
      [item('new', 'x', null), item('new', 'y', 'maps'), item('new', 'z', 'apprenticeships')],
      period
    );
    expect(d.groups.map((g) => g.title)).toEqual(['Apprenticeships', 'Maps', NO_WORKSTREAM]);
    expect(d.groups.at(-1)!.workstream).toBeNull();
    expect(d.groups[0]!.workstream).toEqual({
      id: 'ws-apprenticeships',
      slug: 'apprenticeships',
      title: 'Apprenticeships'
    });
  });

  it('orders headings within a workstream by significance', () => {
    const d = buildDigest(
      [
        item('check_in', 'a', 'maps'),
        item('new', 'b', 'maps'),
        item('overdue', 'c', 'maps'),
        item('done', 'e', 'maps')
      ],
      period
    );
    expect(d.groups[0]!.sections.map((s) => s.kind)).toEqual([
      'done',
      'overdue',
      'new',
      'check_in'
    ]);
    expect(d.groups[0]!.count).toBe(4);
  });

  it('keeps the latest check-in note on an entry filed under another heading', () => {
    const d = buildDigest(
      [item('overdue', 'a', 'maps'), item('check_in', 'a', 'maps', { note: 'Waiting on data' })],
      period
    );
    const entry = allEntries(d)[0]!;
    expect(entry.kind).toBe('overdue');
    expect(entry.note).toBe('Waiting on data');
    expect(entry.checkInCount).toBe(1);
  });

  it('ignores kinds it does not know', () => {
    const d = buildDigest([item('archived', 'a', 'maps')], period);
    expect(d.total).toBe(0);
    expect(d.groups).toEqual([]);
  });

  it('leaves out an item with no kind or no commitment (composite fields may be null)', () => {
    const d = buildDigest(
      [
        item('new', 'a', 'maps', { kind: null }),
        item('done', 'b', 'maps', { commitment_id: null })
      ],
      period
    );
    expect(d.total).toBe(0);
    expect(d.groups).toEqual([]);
  });
});

describe('alsoText', () => {
  it('says what else happened to the commitment', () => {
    const d = buildDigest(
      [
        item('done', 'a', 'm'),
        item('new', 'a', 'm'),
        item('check_in', 'a', 'm', { check_in_count: 2 })
      ],
      period
    );
    expect(alsoText(allEntries(d)[0]!)).toBe('also made this period, 2 check-ins');
  });

  it('counts several check-ins on a check-in entry and says nothing for one', () => {
    const many = buildDigest([item('check_in', 'a', 'm', { check_in_count: 3 })], period);
    const one = buildDigest([item('check_in', 'a', 'm', { check_in_count: 1 })], period);
    expect(alsoText(allEntries(many)[0]!)).toBe('3 check-ins');
    expect(alsoText(allEntries(one)[0]!)).toBe('');
  });
});

describe('digestText', () => {
  const options = { siteName: 'Network Hub', siteUrl: 'https://hub.example/' };

  it('writes a plain-text email with each workstream, its headings and links', () => {
    const d = buildDigest(
      [
        item('done', 'a', 'maps', { note: 'Published\nthe  guide' }),
        item('new', 'a', 'maps'),
        item('new', 'b', null, { commitment_title: '=cmd' })
      ],
      period
    );
    const text = digestText(d, options);
    expect(text).toContain('Network Hub: what moved from 20 November 2026 to 27 November 2026');
    expect(text).toContain('Maps\n----\nhttps://hub.example/workstreams/maps\n');
    expect(text).toContain(
      'Done (1)\n- Sam Lee: Commitment a (also made this period)\n  "Published the guide"\n  https://hub.example/commitments/a\n'
    );
    expect(text).toContain(
      `${NO_WORKSTREAM}\n-------------\n\nNew commitments (1)\n- Sam Lee: =cmd\n`
    );
    expect(text.indexOf('Maps')).toBeLessThan(text.indexOf(NO_WORKSTREAM));
    // Once per commitment in the text too.
    expect(text.match(/commitments\/a\n/g)).toHaveLength(1);
  });

  it('says when nothing moved', () => {
    expect(digestText(buildDigest([], period), options)).toContain(
      'Nothing changed on any commitment in this period.'
    );
  });
});

describe('parseSince', () => {
  const today = '2026-11-27';

  it('means the default week when empty', () => {
    expect(parseSince('', today)).toEqual({ ok: true, since: undefined });
    expect(parseSince(null, today)).toEqual({ ok: true, since: undefined });
  });

  it('accepts a real date up to a year back, including today', () => {
    expect(parseSince('2026-11-01', today)).toEqual({ ok: true, since: '2026-11-01' });
    expect(parseSince(' 2026-11-27 ', today)).toEqual({ ok: true, since: '2026-11-27' });
    expect(parseSince('2025-11-26', today)).toEqual({ ok: true, since: '2025-11-26' });
  });

  it('refuses dates that do not exist or are badly written', () => {
    for (const bad of ['2026-02-30', '27/11/2026', '2026-1-5', 'last week']) {
      expect(parseSince(bad, today)).toEqual({
        ok: false,
        message: 'Enter the start date as a real date, for example 2026-11-20'
      });
    }
  });

  it('refuses the future and more than a year back', () => {
    expect(parseSince('2026-11-28', today)).toMatchObject({
      ok: false,
      message: 'The start date must be today or in the past'
    });
    expect(parseSince('2025-11-25', today)).toMatchObject({
      ok: false,
      message: 'The start date must be within the last year'
    });
  });
});

describe('digest summary', () => {
  it('lists the headings that have commitments, most significant first, with counts', () => {
    const d = buildDigest(
      [item('new', 'a', 'm'), item('check_in', 'b', 'm'), item('new', 'c', null)],
      period
    );
    expect(d.summary).toEqual([
      { kind: 'new', heading: 'New commitments', count: 2 },
      { kind: 'check_in', heading: 'Check-ins', count: 1 }
    ]);
    expect(allEntries(d).find((e) => e.commitmentId === 'a')!.alsoText).toBe('');
  });
});

describe('long digests', () => {
  const rows = Array.from({ length: 14 }, (_, i) =>
    item('check_in', `c${String(i).padStart(2, '0')}`, 'maps', {
      occurred_at: `2026-11-2${i % 7} 0${i % 10}:00:00+00`
    })
  );

  it('shows the first entries under a heading and counts the rest', () => {
    const d = buildDigest(rows, period, { perSection: 5 });
    const section = d.groups[0]!.sections[0]!;
    expect(section.entries).toHaveLength(5);
    expect(section.total).toBe(14);
    expect(d.total).toBe(14);
    expect(d.counts.check_in).toBe(14);
    // The earliest first.
    const times = section.entries.map((e) => e.occurredAt);
    expect([...times].sort()).toEqual(times);
  });

  it('says how many more there are in the text, with where to see them', () => {
    const text = digestText(buildDigest(rows, period, { perSection: 5 }), {
      siteName: 'Network Hub',
      siteUrl: 'https://hub.example'
    });
    expect(text).toContain('Check-ins (14)');
    expect(text).toContain('- and 9 more: https://hub.example/workstreams/maps');
    expect(text.match(/\/commitments\/c\d\d\n/g)).toHaveLength(5);
  });
});
