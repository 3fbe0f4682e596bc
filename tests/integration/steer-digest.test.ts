// /steering/digest: the weekly digest preview groups by workstream and shows each
// commitment once, under its most significant heading; the same digest as plain text.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayInLondon } from '../../src/lib/dates.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { serviceClient } from './hub.ts';
import { getPage, member, restRoundTrips } from './session.ts';
import { londonMidnight } from './steer-fixtures.ts';

type CommitmentInsert = Database['public']['Tables']['commitments']['Insert'];
type Member = Awaited<ReturnType<typeof member>>;

let steering: Member;
let plain: Member;
const tag = randomUUID().slice(0, 8);
const slug = `steer-digest-${tag}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  [steering, plain] = [
    await member('steer-digest-steering', { steering: true }),
    await member('steer-digest-plain')
  ];
  const owner = plain.user.id;
  const db = serviceClient();
  const { data: ws, error: wsError } = await db
    .from('workstreams')
    .insert({ slug, title: `Digest fixture ${tag}`, status: 'active' })
    .select('id')
    .single();
  if (wsError) throw wsError;

  const today = todayInLondon();
  const day = (n: number) => addDaysTo(today, n);
  const noon = (n: number) =>
    new Date(londonMidnight(day(n)).getTime() + 12 * 3600_000).toISOString();
  const base = { owner_id: owner, workstream_id: ws.id, visibility: 'public' as const };
  const fixtures: Record<string, CommitmentInsert> = {
    // Made two days ago and done yesterday, with a check-in: once, under Done.
    madeAndDone: {
      ...base,
      title: `Made and done ${tag}`,
      status: 'done' as const,
      next_check_in_on: null,
      completed_at: noon(-1),
      closing_note: 'Finished it',
      created_at: noon(-2)
    },
    // Two check-ins this week: once, under Check-ins.
    checkedIn: {
      ...base,
      title: `Checked in twice ${tag}`,
      status: 'in_progress' as const,
      next_check_in_on: day(10),
      created_at: noon(-30)
    },
    // Check-in date three days ago: newly overdue.
    newlyOverdue: {
      ...base,
      title: `Newly overdue ${tag}`,
      status: 'planned' as const,
      next_check_in_on: day(-3),
      created_at: noon(-60)
    },
    // Check-in date 33 days ago: became dormant two days ago.
    newlyDormant: {
      ...base,
      title: `Newly dormant ${tag}`,
      status: 'blocked' as const,
      next_check_in_on: day(-33),
      created_at: noon(-90)
    },
    // Overdue for 19 days: nothing new this week, so not in the digest.
    stale: {
      ...base,
      title: `Long overdue ${tag}`,
      status: 'planned' as const,
      next_check_in_on: day(-20),
      created_at: noon(-100)
    },
    // New, in no workstream.
    loose: {
      ...base,
      workstream_id: null,
      title: `No workstream ${tag}`,
      status: 'planned' as const,
      next_check_in_on: day(14),
      created_at: noon(-1)
    }
  };
  for (const [key, row] of Object.entries(fixtures)) {
    const { data, error } = await db.from('commitments').insert(row).select('id').single();
    if (error) throw error;
    ids[key] = data.id;
  }
  const checkIns = [
    {
      commitment_id: ids.madeAndDone!,
      author_id: owner,
      note: 'Nearly there',
      created_at: noon(-2)
    },
    {
      commitment_id: ids.checkedIn!,
      author_id: owner,
      note: 'Started the research',
      created_at: noon(-3)
    },
    {
      commitment_id: ids.checkedIn!,
      author_id: owner,
      note: 'Interviews booked',
      created_at: noon(-1)
    }
  ];
  for (const row of checkIns) {
    const { error } = await db.from('check_ins').insert(row);
    if (error) throw error;
  }
  // A check-in moves its commitment on (status, next date); put the done one back as done.
  const { error } = await db
    .from('commitments')
    .update({ status: 'done', completed_at: noon(-1), closing_note: 'Finished it' })
    .eq('id', ids.madeAndDone!);
  if (error) throw error;
});

/** Headings and the commitments under each, in one workstream group of the page. */
function group(html: string, key: string): Map<string, string[]> {
  const start = html.indexOf(`data-group="${key}"`);
  if (start < 0) throw new Error(`No digest group ${key}`);
  const end = html.indexOf('</section>', start);
  const sections = new Map<string, string[]>();
  for (const chunk of html.slice(start, end).split('<h4').slice(1)) {
    const heading = /^[^>]*>([^<(]+)\(/.exec(chunk)![1]!.trim();
    sections.set(
      heading,
      [...chunk.matchAll(/data-commitment="([^"]+)"/g)].map((m) => m[1]!)
    );
  }
  return sections;
}

/** Every page of the digest (25 workstream groups to a page), as HTML. */
async function allPages(query = ''): Promise<string[]> {
  const pages: string[] = [];
  for (let n = 1; n <= 100; n++) {
    const sep = query ? '&' : '?';
    const { response, html: body } = await getPage(
      `/steering/digest${query}${n > 1 ? `${sep}page=${n}` : ''}`,
      steering.cookie
    );
    if (response.status !== 200) break;
    pages.push(body);
    if (!body.includes('rel="next"')) break;
  }
  return pages;
}

/** The page of the digest holding a group. */
async function pageWith(key: string, query = ''): Promise<string> {
  const found = (await allPages(query)).find((html) => html.includes(`data-group="${key}"`));
  if (!found) throw new Error(`No digest group ${key} on any page`);
  return found;
}

describe('/steering/digest', () => {
  it('answers a steering member in 3 or fewer API round trips', async () => {
    const { response, requestId } = await getPage('/steering/digest', steering.cookie);
    expect(response.status).toBe(200);
    const rest = await restRoundTrips(requestId);
    expect(rest).toBeGreaterThan(0);
    expect(rest).toBeLessThanOrEqual(3);
  });

  it('groups the week by workstream with each commitment once, under its most significant heading', async () => {
    const body = await pageWith(slug);
    expect(Object.fromEntries(group(body, slug))).toEqual({
      Done: [ids.madeAndDone],
      'Newly dormant': [ids.newlyDormant],
      'Newly overdue': [ids.newlyOverdue],
      'Check-ins': [ids.checkedIn]
    });
    const pages = await allPages();
    const last = pages.at(-1)!;
    expect(group(last, 'none').get('New commitments')).toContain(ids.loose);
    expect(pages.join('')).not.toContain(ids.stale);
    // "No workstream" comes last.
    expect(last.lastIndexOf('data-group=')).toBe(last.indexOf('data-group="none"'));
  });

  it('never repeats an item anywhere in the digest', async () => {
    const body = (await allPages()).join('');
    const items = [...body.matchAll(/data-commitment="([^"]+)"/g)].map((m) => m[1]!);
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(items).size).toBe(items.length);
  });

  it('notes what else happened beside an item', async () => {
    const body = await pageWith(slug);
    const at = body.indexOf(`data-commitment="${ids.checkedIn}"`);
    expect(body.slice(at, body.indexOf('</li>', at))).toContain('2 check-ins');
    const done = body.indexOf(`data-commitment="${ids.madeAndDone}"`);
    expect(body.slice(done, body.indexOf('</li>', done))).toContain(
      'also made this period, 1 check-in'
    );
  });

  it('covers an earlier start date given as ?since=', async () => {
    const body = await pageWith(slug, `?since=${addDaysTo(todayInLondon(), -30)}`);
    expect(group(body, slug).get('Newly overdue')).toEqual(
      expect.arrayContaining([ids.newlyOverdue, ids.stale])
    );
  });

  it('says what is wrong with a start date that is not a real date', async () => {
    const { response, html: body } = await getPage(
      '/steering/digest?since=2026-02-30',
      steering.cookie
    );
    expect(response.status).toBe(200);
    expect(body).toContain('govuk-error-summary');
    expect(body).toContain('href="#since"');
    expect(body).toContain('value="2026-02-30"');
  });

  it('gives the same digest as a plain-text email body', async () => {
    const { response, html: body } = await getPage('/steering/digest.txt', steering.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    for (const key of ['madeAndDone', 'checkedIn', 'newlyOverdue', 'newlyDormant', 'loose']) {
      expect(body.split(`/commitments/${ids[key]}\n`).length - 1, key).toBe(1);
    }
    expect(body).not.toContain(ids.stale);
    const section = body.slice(body.indexOf(`Digest fixture ${tag}\n`));
    expect(section.indexOf('Done (1)')).toBeLessThan(section.indexOf(`Made and done ${tag}`));
    expect(body).toContain('No workstream\n-------------');
  });

  it('refuses members who are not in the steering group, and sends visitors to sign in', async () => {
    expect((await getPage('/steering/digest', plain.cookie)).response.status).toBe(403);
    expect((await getPage('/steering/digest.txt', plain.cookie)).response.status).toBe(403);
    const anon = await getPage('/steering/digest');
    expect(anon.response.status).toBe(303);
    expect(anon.response.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/steering/digest')}`
    );
  });
});
