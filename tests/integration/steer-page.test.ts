// /steering: who can see it, how many data API round trips it takes, and whether its
// numbers are the ones you get by counting the raw tables yourself. Then the CSV export.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayInLondon } from '../../src/lib/dates.ts';
import { londonMonthOf, monthsEnding } from '../../src/lib/chart.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { serviceClient } from './hub.ts';
import { getPage, member, restRoundTrips } from './session.ts';
import { allRows, londonMidnight, parseCsv, rowCells } from './steer-fixtures.ts';

type CommitmentInsert = Database['public']['Tables']['commitments']['Insert'];
type Member = Awaited<ReturnType<typeof member>>;

interface RawCommitment {
  id: string;
  workstream_id: string | null;
  owner_id: string;
  status: string;
  next_check_in_on: string | null;
  completed_at: string | null;
  created_at: string;
  archived_at: string | null;
}

const OPEN = new Set(['planned', 'in_progress', 'blocked']);
const COLUMNS = [
  'planned',
  'in_progress',
  'blocked',
  'overdue',
  'dormant',
  'done',
  'done90',
  'dropped'
] as const;
type Counts = Record<(typeof COLUMNS)[number], number>;
const zero = (): Counts => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Counts;

/** Everything /steering shows, counted here from the raw tables with the service role. */
async function countIndependently() {
  const today = todayInLondon();
  const since90 = londonMidnight(addDaysTo(today, -90));
  const commitments = (
    await allRows<RawCommitment>(
      'commitments',
      'id, workstream_id, owner_id, status, next_check_in_on, completed_at, created_at, archived_at'
    )
  ).filter((c) => c.archived_at === null);
  const byWorkstream = new Map<string | null, Counts>();
  const totals = zero();
  let open = 0;
  for (const c of commitments) {
    const counts = byWorkstream.get(c.workstream_id) ?? zero();
    byWorkstream.set(c.workstream_id, counts);
    const add = (k: keyof Counts) => {
      counts[k] += 1;
      totals[k] += 1;
    };
    if (
      c.status === 'planned' ||
      c.status === 'in_progress' ||
      c.status === 'blocked' ||
      c.status === 'done' ||
      c.status === 'dropped'
    ) {
      add(c.status);
    }
    if (OPEN.has(c.status)) {
      open += 1;
      const next = c.next_check_in_on!;
      if (next < addDaysTo(today, -30)) add('dormant');
      else if (next < today) add('overdue');
    }
    if (c.status === 'done' && new Date(c.completed_at!) >= since90) add('done90');
  }

  const months = new Map(monthsEnding(today, 12).map((m) => [m, { made: 0, done: 0 }]));
  for (const c of commitments) {
    const made = months.get(londonMonthOf(c.created_at));
    if (made) made.made += 1;
    if (c.status === 'done') {
      const done = months.get(londonMonthOf(c.completed_at!));
      if (done) done.done += 1;
    }
  }

  const checkIns = await allRows<{ id: string; author_id: string | null; created_at: string }>(
    'check_ins',
    'id, author_id, created_at'
  );
  const active = new Set<string>();
  for (const c of commitments) if (new Date(c.created_at) >= since90) active.add(c.owner_id);
  for (const x of checkIns)
    if (x.author_id && new Date(x.created_at) >= since90) active.add(x.author_id);
  const profiles = await allRows<{ id: string; organisation_id: string | null }>(
    'profiles',
    'id, organisation_id'
  );
  const orgOf = new Map(profiles.map((p) => [p.id, p.organisation_id]));
  const organisations = new Set([...active].map((id) => orgOf.get(id)).filter(Boolean));

  return {
    byWorkstream,
    totals,
    open,
    months,
    activeMembers: active.size,
    organisations: organisations.size
  };
}

const figure = (html: string, name: string) => {
  const m = new RegExp(`data-figure="${name}"[^>]*>\\s*([\\d,]+)`).exec(html);
  if (!m) throw new Error(`No figure ${name} on the page`);
  return Number(m[1]!.replace(/,/g, ''));
};
const numbers = (cells: string[]) => cells.slice(1).map((c) => Number(c.replace(/,/g, '')));
const asRow = (c: Counts) => COLUMNS.map((k) => c[k]);

let steering: Member;
let plain: Member;
let owner: Member;
const tag = randomUUID().slice(0, 8);
const slug = `steer-fixture-${tag}`;
// A formula in a title: the CSV must defuse it.
const title = `=HYPERLINK("http://evil.example","x") Steering fixture ${tag}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [steering, plain, owner] = [
    await member('steer-steering', { steering: true }),
    await member('steer-plain'),
    await member('steer-owner')
  ];
  const db = serviceClient();
  const { data: org, error: orgError } = await db
    .from('organisations')
    .insert({ slug: `steer-org-${tag}`, name: `Steering Test Council ${tag}`, kind: 'council' })
    .select('id')
    .single();
  if (orgError) throw orgError;
  const { error: profileError } = await db
    .from('profiles')
    .update({ organisation_id: org.id, display_name: `Owner ${tag}` })
    .eq('id', owner.user.id);
  if (profileError) throw profileError;
  const { data: ws, error: wsError } = await db
    .from('workstreams')
    .insert({ slug, title, status: 'active', purpose: 'Fixture for the steering tests' })
    .select('id')
    .single();
  if (wsError) throw wsError;

  const today = todayInLondon();
  const day = (n: number) => addDaysTo(today, n);
  const noon = (n: number) =>
    new Date(londonMidnight(day(n)).getTime() + 12 * 3600_000).toISOString();
  const base = { owner_id: owner.user.id, workstream_id: ws.id, visibility: 'public' as const };
  const fixtures: Record<string, CommitmentInsert> = {
    onTrack: {
      ...base,
      title: 'On track',
      status: 'planned' as const,
      next_check_in_on: day(7),
      created_at: noon(-3)
    },
    overdue: {
      ...base,
      title: `Overdue ${tag}`,
      status: 'in_progress' as const,
      next_check_in_on: day(-5),
      created_at: noon(-50)
    },
    dormant: {
      ...base,
      title: `Dormant ${tag}`,
      status: 'blocked' as const,
      next_check_in_on: day(-40),
      created_at: noon(-80)
    },
    doneRecently: {
      ...base,
      title: 'Done recently',
      status: 'done' as const,
      next_check_in_on: null,
      completed_at: noon(-10),
      closing_note: 'Shipped',
      created_at: noon(-60)
    },
    doneLongAgo: {
      ...base,
      title: 'Done long ago',
      status: 'done' as const,
      next_check_in_on: null,
      completed_at: noon(-200),
      closing_note: 'Shipped',
      created_at: noon(-250)
    },
    dropped: {
      ...base,
      title: 'Dropped',
      status: 'dropped' as const,
      next_check_in_on: null,
      closing_note: 'No longer needed',
      created_at: noon(-40)
    },
    archived: {
      ...base,
      title: 'Archived',
      status: 'planned' as const,
      next_check_in_on: day(-10),
      created_at: noon(-30),
      archived_at: noon(-1)
    }
  };
  for (const [key, row] of Object.entries(fixtures)) {
    const { data, error } = await db.from('commitments').insert(row).select('id').single();
    if (error) throw error;
    ids[key] = data.id;
  }
});

/** The fixture workstream's row, from whichever page of the table it is on. */
async function findFixtureRow(cookie: string): Promise<string[]> {
  for (let page = 1; page <= 100; page++) {
    const { response, html: body } = await getPage(`/steering?workstreams_page=${page}`, cookie);
    if (response.status !== 200) break;
    const cells = rowCells(body, 'workstream', slug);
    if (cells) return cells;
  }
  throw new Error(`The fixture workstream ${slug} is on no page of /steering`);
}

describe('/steering', () => {
  it('answers a steering member with the page, reading its data in 3 or fewer API round trips', async () => {
    const { response, html: body, requestId } = await getPage('/steering', steering.cookie);
    expect(response.status).toBe(200);
    expect(body).toContain('How commitments are moving');
    const rest = await restRoundTrips(requestId);
    expect(rest).toBeGreaterThan(0);
    expect(rest).toBeLessThanOrEqual(3);
  });

  it('refuses a member who is not in the steering group with a 403 that says who can see it', async () => {
    const { response, html: body } = await getPage('/steering', plain.cookie);
    expect(response.status).toBe(403);
    expect(body).toContain('Only the steering group can see this page');
    expect(body).not.toContain(slug);
  });

  it('sends a visitor who is not signed in to sign in, coming back to the page', async () => {
    const { response } = await getPage('/steering?overdue_page=2', undefined);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/steering?overdue_page=2')}`
    );
  });

  it('shows the counts the fixture workstream should have, leaving out archived commitments', async () => {
    const cells = await findFixtureRow(steering.cookie);
    expect(cells[0]).toContain(`Steering fixture ${tag}`);
    // planned, in progress, blocked, overdue, dormant, done, done in 90 days, dropped
    expect(numbers(cells)).toEqual([1, 1, 1, 1, 1, 2, 1, 1]);
  });

  it('shows the same numbers you get by counting the raw tables', async () => {
    const { html: body } = await getPage('/steering', steering.cookie);
    const expected = await countIndependently();

    // Every workstream row on the first page, and the "No workstream" row if there.
    const slugs = [...body.matchAll(/data-workstream="([^"]*)"/g)].map((m) => m[1]!);
    expect(slugs.length).toBeGreaterThan(1);
    const { data: workstreams } = await serviceClient().from('workstreams').select('id, slug');
    const idOf = new Map(workstreams!.map((w) => [w.slug, w.id]));
    for (const s of slugs) {
      const cells = rowCells(body, 'workstream', s)!;
      const key = s === 'all' ? 'all' : s === '' ? null : idOf.get(s)!;
      const counts = key === 'all' ? expected.totals : (expected.byWorkstream.get(key) ?? zero());
      expect(numbers(cells), `row ${s || 'No workstream'}`).toEqual(asRow(counts));
    }

    expect(figure(body, 'open')).toBe(expected.open);
    expect(figure(body, 'overdue')).toBe(expected.totals.overdue);
    expect(figure(body, 'dormant')).toBe(expected.totals.dormant);
    expect(figure(body, 'done_last_90_days')).toBe(expected.totals.done90);
    expect(figure(body, 'active_members')).toBe(expected.activeMembers);
    expect(figure(body, 'organisations_total')).toBe(expected.organisations);

    for (const [month, counts] of expected.months) {
      const cells = rowCells(body, 'month', month);
      expect(cells, `month ${month}`).not.toBeNull();
      expect(numbers(cells!), `month ${month}`).toEqual([counts.made, counts.done]);
    }
    // The fixture's own commitments count: something was made and done in the last year.
    expect([...expected.months.values()].some((m) => m.made > 0 && m.done > 0)).toBe(true);
  });

  it('draws the chart as an accessible SVG with the numbers also in a table', async () => {
    const { html: body } = await getPage('/steering', steering.cookie);
    expect(body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="months-chart-title"/);
    expect(body).toContain('<title id="months-chart-title">');
    expect(body).toMatch(/<desc id="months-chart-desc">[^<]*made[^<]*done/);
    expect((body.match(/<rect[^>]*steer-chart__bar--made/g) ?? []).length).toBe(12);
    expect((body.match(/data-month="/g) ?? []).length).toBe(12);
  });

  it('lists the longest-overdue commitments first, with owners and the last check-in', async () => {
    const { html: body } = await getPage('/steering', steering.cookie);
    const rows = [...body.matchAll(/data-commitment="([^"]+)"/g)].map((m) => m[1]!);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(25);
    // Longest overdue first: check-in dates never go forward down the list.
    const { data } = await serviceClient()
      .from('commitments')
      .select('id, next_check_in_on')
      .in('id', rows);
    const due = new Map(data!.map((c) => [c.id, c.next_check_in_on!]));
    const dates = rows.map((id) => due.get(id)!);
    expect([...dates].sort()).toEqual(dates);
    expect(body).not.toContain(ids.archived!);
  });
});

describe('/steering/commitments.csv', () => {
  it('downloads the per-workstream table and the overdue list as a CSV attachment', async () => {
    const {
      response,
      html: body,
      requestId
    } = await getPage('/steering/commitments.csv', steering.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="steering-commitments-\d{4}-\d{2}-\d{2}\.csv"$/
    );
    expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);

    const rows = parseCsv(body.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      'Workstream',
      'Workstream status',
      'Planned',
      'In progress',
      'Blocked',
      'Done',
      'Dropped',
      'Open',
      'Overdue',
      'Dormant',
      'Done in the last 90 days',
      'Total'
    ]);
    // The formula in the title comes out as text, with a leading apostrophe.
    const fixture = rows.find((r) => r[0]!.includes(`Steering fixture ${tag}`))!;
    expect(fixture[0]).toBe(`'${title}`);
    expect(fixture.slice(1)).toEqual(['active', '1', '1', '1', '2', '1', '3', '1', '1', '1', '6']);

    // One row per workstream (plus "No workstream" when some commitments have none).
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
    const workstreamRows = rows.slice(1, blank - 1);
    const { count } = await serviceClient()
      .from('workstreams')
      .select('id', { count: 'exact', head: true });
    const expected = await countIndependently();
    expect(workstreamRows.length).toBe(count! + (expected.byWorkstream.has(null) ? 1 : 0));
    expect(rows[blank - 1]![0]).toBe('All workstreams');

    const overdueHeader = rows[blank + 1]!;
    expect(overdueHeader[0]).toBe('Overdue commitment');
    const overdue = rows.slice(blank + 2).filter((r) => r.length > 1);
    expect(overdue.length).toBe(expected.totals.overdue + expected.totals.dormant);
    const mine = overdue.filter((r) => r[3] === `Owner ${tag}`);
    expect(mine.map((r) => [r[0], r[2], r[4], r[7]])).toEqual([
      [`Dormant ${tag}`, 'Dormant', `Steering Test Council ${tag}`, '40'],
      [`Overdue ${tag}`, 'Overdue', `Steering Test Council ${tag}`, '5']
    ]);
    expect(mine.every((r) => r[8] === 'Never')).toBe(true);
  });

  it('refuses a member who is not in the steering group', async () => {
    const { response, html: body } = await getPage('/steering/commitments.csv', plain.cookie);
    expect(response.status).toBe(403);
    expect(body).not.toContain(slug);
  });

  it('sends a visitor to sign in', async () => {
    const { response } = await getPage('/steering/commitments.csv');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});
