import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
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
      `/commitments/${commitmentId}`
    ]) {
      const r = await visit(path);
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      expect(r.rest, path).toBeLessThanOrEqual(3);
    }
  });
});
