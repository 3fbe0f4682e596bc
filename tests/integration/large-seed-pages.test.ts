import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import Papa from 'papaparse';
import { CHUNK_ROWS } from '../../src/lib/server/open-data.ts';
import { connectPg } from '../../stack/db/pg.ts';
import type { Sql } from '../../stack/db/sql.ts';
import { DEFAULT_ANON_KEY } from '../../stack/keys.ts';
import { seedLarge } from '../../scripts/seed-large.ts';
import { sessionCookie } from './session.ts';
import { spawnStack, type RunningStack } from '../../stack/spawn-stack.ts';
import { testPorts } from '../port-offset.ts';

// Pages must keep to 3 data API round trips however much data there is: a stack of its
// own, loaded by the large-seed generator (at a tenth of its full size, so the run stays short:
// 10,000 commitments and 30 workstreams, so every list paginates), and a steering member of it.
const ports = testPorts({ app: 3300, api: 27421, db: 27422, mailbox: 27424, postgrest: 27425 });
const appUrl = `http://127.0.0.1:${ports.app}`;
const apiUrl = `http://127.0.0.1:${ports.api}`;
let stack: RunningStack | undefined;
let sql: Sql;
let steeringCookie: string;
let workstreamSlug: string;
let commitmentId: string;
let outputSlug: string;
let memberHandle: string;
let organisationSlug: string;
let eventSlug: string;
// Event sessions (brief D): the camp and show-and-tell with the most sessions, one session.
let campSlug: string;
let showSlug: string;
let sessionPath: string;

beforeAll(async () => {
  stack = await spawnStack(ports, { args: ['--no-seed'] });
  sql = connectPg(stack.dbUrl, 2);
  await seedLarge(sql, { seed: 42, scale: 0.1 });

  const { rows } = await sql.query<{ email: string }>(
    `select u.email from public.network_roles r join auth.users u on u.id = r.user_id
      where r.role = 'steering' order by u.email limit 1`
  );
  const email = rows[0]!.email;
  const client = createClient(apiUrl, DEFAULT_ANON_KEY, { auth: { persistSession: false } });
  const sent = await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  if (sent.error) throw sent.error;
  const mail = await (
    await fetch(
      `http://127.0.0.1:${ports.mailbox}/api/messages/latest?to=${encodeURIComponent(email)}`
    )
  ).json();
  const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
  const verified = await client.auth.verifyOtp({ email, token: code, type: 'email' });
  if (verified.error) throw verified.error;
  steeringCookie = sessionCookie(verified.data.session!);

  workstreamSlug = (
    await sql.query<{ slug: string }>(
      `select slug from public.workstreams where status = 'active' order by slug limit 1`
    )
  ).rows[0]!.slug;
  commitmentId = (
    await sql.query<{ id: string }>(
      `select id from public.commitments where visibility = 'public' order by id limit 1`
    )
  ).rows[0]!.id;
  outputSlug = (
    await sql.query<{ slug: string }>(
      `select slug from public.outputs where status = 'published' order by slug limit 1`
    )
  ).rows[0]!.slug;
  memberHandle = (
    await sql.query<{ handle: string }>(
      `select handle from public.profiles where is_public order by handle limit 1`
    )
  ).rows[0]!.handle;
  // The organisation with the most people: its page has the most to show.
  organisationSlug = (
    await sql.query<{ slug: string }>(
      `select g.slug from public.organisations g join public.profiles p on p.organisation_id = g.id
        group by g.slug order by count(*) desc, g.slug limit 1`
    )
  ).rows[0]!.slug;
  // The busiest upcoming event: the most registrations to list and count.
  eventSlug = (
    await sql.query<{ slug: string }>(
      `select e.slug from public.events e
        where e.status = 'published' and e.ends_at > now()
        order by (select count(*) from public.registrations r where r.event_id = e.id) desc, e.slug
        limit 1`
    )
  ).rows[0]!.slug;
  const busiest = async (kind: string) =>
    (
      await sql.query<{ slug: string; session_id: string }>(
        `select e.slug, min(s.id::text) as session_id from public.events e
           join public.event_sessions s on s.event_id = e.id
          where e.kind = $1 and e.status = 'published'
          group by e.slug order by count(*) desc, e.slug limit 1`,
        [kind]
      )
    ).rows[0];
  const camp = await busiest('camp');
  const show = (await busiest('show_and_tell')) ?? camp;
  campSlug = camp?.slug ?? 'no-camp';
  showSlug = show?.slug ?? 'no-show';
  sessionPath = `/events/${campSlug}/sessions/${camp?.session_id}`;
}, 300_000);

afterAll(async () => {
  await sql?.close();
  await stack?.stop();
});

async function visit(path: string, cookie?: string) {
  const id = randomUUID();
  const res = await fetch(appUrl + path, {
    headers: { 'x-request-id': id, ...(cookie ? { cookie } : {}) },
    redirect: 'manual'
  });
  await res.arrayBuffer();
  const log = (await (await fetch(`${apiUrl}/__hub/requests?request_id=${id}`)).json()) as {
    service: string;
  }[];
  return { status: res.status, rest: log.filter((r) => r.service === 'rest').length };
}

describe('pages on the large seed', () => {
  const pages = () => [
    '/',
    '/workstreams',
    '/workstreams?page=2',
    `/workstreams/${workstreamSlug}`,
    '/commitments',
    '/commitments?page=5&sort=check_in',
    `/commitments/${commitmentId}`,
    '/me',
    '/steering',
    '/steering/digest',
    '/outputs',
    '/outputs?page=3',
    `/outputs/${outputSlug}`,
    '/outputs/new',
    `/outputs/${outputSlug}/edit`,
    '/search?q=council',
    '/search?q=counicl&kind=commitment',
    `/members/${memberHandle}`,
    '/organisations?page=2',
    `/organisations/${organisationSlug}`,
    // 017: patterns and outcome tags
    '/patterns',
    '/patterns/large-pattern-1',
    '/patterns/new',
    '/outcomes',
    '/outcomes/large-outcome-1',
    '/workstreams/new?outcome=large-outcome-1',
    '/events',
    '/events?when=past&page=3',
    `/events/${eventSlug}`,
    `/events/${eventSlug}/edit`,
    `/events/${eventSlug}/registrations`,
    '/events/new',
    '/me/calendar',
    `/events/${campSlug}/board`,
    `/events/${campSlug}/programme`,
    `/events/${showSlug}/programme`,
    sessionPath,
    '/me/settings',
    '/me/follows',
    '/steering/emails'
  ];

  it('every page answers 200 to a steering member and reads its data in 3 or fewer round trips', async () => {
    for (const path of pages()) {
      const r = await visit(path, steeringCookie);
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      expect(r.rest, path).toBeGreaterThan(0);
      expect(r.rest, path).toBeLessThanOrEqual(3);
    }
  });

  it('public pages answer anonymous visitors in 3 or fewer round trips too', async () => {
    for (const path of [
      '/',
      '/workstreams',
      `/workstreams/${workstreamSlug}`,
      '/commitments',
      `/commitments/${commitmentId}`,
      '/outputs',
      `/outputs/${outputSlug}`,
      '/search?q=council',
      `/members/${memberHandle}`,
      `/organisations/${organisationSlug}`,
      '/data',
      '/patterns/large-pattern-1',
      '/outcomes',
      '/outcomes/large-outcome-1',
      '/events',
      `/events/${eventSlug}`,
      `/events/${campSlug}/board`,
      `/events/${campSlug}/programme`,
      sessionPath
    ]) {
      const r = await visit(path);
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      expect(r.rest, path).toBeLessThanOrEqual(3);
    }
  });
});

describe('open data on the large seed', () => {
  const restCalls = async (id: string) =>
    (
      (await (await fetch(`${apiUrl}/__hub/requests?request_id=${id}`)).json()) as {
        service: string;
      }[]
    ).filter((r) => r.service === 'rest').length;

  it('streams /data/commitments.csv a chunk at a time: the first bytes arrive before most of it is read', async () => {
    const publicRows = Number(
      (
        await sql.query<{ n: string }>(
          `select count(*) as n from public.commitments where visibility = 'public' and archived_at is null`
        )
      ).rows[0]!.n
    );
    // Enough rows that the file is many chunks, or this proves nothing.
    expect(publicRows).toBeGreaterThan(10 * CHUNK_ROWS);
    const id = randomUUID();
    const res = await fetch(`${appUrl}/data/commitments.csv`, { headers: { 'x-request-id': id } });
    expect(res.status).toBe(200);
    // Sent as it is made: no length known up front.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    const first = await reader.read();
    parts.push(first.value!);
    // The first bytes are here while the server is still reading the first few chunks. (A
    // reader that pauses proves little on loopback: the kernel's socket buffers hold the
    // whole file.)
    const readAtFirstBytes = await restCalls(id);
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      parts.push(next.value);
    }
    const readInAll = await restCalls(id);

    const text = new TextDecoder().decode(Buffer.concat(parts));
    const rows = Papa.parse(text, { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.length).toBe(publicRows);
    // One data API call per chunk of rows (and one that finds the end, when it falls on one).
    expect(readInAll).toBeGreaterThanOrEqual(Math.ceil(publicRows / CHUNK_ROWS));
    expect(readInAll).toBeLessThanOrEqual(Math.ceil(publicRows / CHUNK_ROWS) + 1);
    // The file was sent while it was read, not read whole and then sent.
    expect(readAtFirstBytes).toBeLessThan(readInAll / 2);
    // And the body arrived in many pieces, not one buffer.
    expect(parts.length).toBeGreaterThan(readInAll);
  });

  it('stops reading the data API when the downloader goes away', async () => {
    const full = Math.ceil(
      Number(
        (
          await sql.query<{ n: string }>(
            `select count(*) as n from public.commitments where visibility = 'public' and archived_at is null`
          )
        ).rows[0]!.n
      ) / CHUNK_ROWS
    );
    const id = randomUUID();
    const abort = new AbortController();
    const res = await fetch(`${appUrl}/data/commitments.json`, {
      headers: { 'x-request-id': id },
      signal: abort.signal
    });
    await res.body!.getReader().read();
    abort.abort();
    // Give the server time to have read the whole file, had it carried on (or had it read
    // the file whole before sending any of it).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await restCalls(id)).toBeLessThan(full / 2);
  });
});
