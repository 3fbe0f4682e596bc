// The migration runner against our real migrations: they apply from empty, re-running
// applies nothing, an edited applied migration stops start-up naming the file, and the
// demo seed loads with the shape the product brief asks for.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  applyPlatform,
  migrationFiles,
  migrationsDir,
  MigrationChangedError,
  seedFile,
  seedIfEmpty
} from '../../stack/db/migrate.ts';
import type { Sql } from '../../stack/db/sql.ts';
import { openBareDatabase, openTestDatabase, targets, type TestDatabase } from './harness.ts';

const ourMigrations = () => migrationFiles().map((f) => basename(f));

describe.each(targets())('migrations on %s', (target) => {
  let bare: { sql: Sql; close: () => Promise<void> };
  let copy: string;
  beforeAll(async () => {
    bare = await openBareDatabase(target);
    await applyPlatform(bare.sql);
    copy = mkdtempSync(join(tmpdir(), 'hub-migrations-'));
  });
  afterAll(async () => {
    await bare?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('there are migrations, named <timestamp>_<what>.sql', () => {
    const names = ourMigrations();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^\d{14}_[a-z0-9_]+\.sql$/);
  });

  it('apply in order on an empty database', async () => {
    const result = await applyMigrations(bare.sql);
    expect(result.applied).toEqual(ourMigrations());
    expect(result.skipped).toEqual([]);
    const { rows } = await bare.sql.query<{ name: string }>(
      'select name from supabase_migrations.schema_migrations order by version'
    );
    expect(rows.map((r) => r.name)).toEqual(ourMigrations());
  });

  it('re-running applies none of them', async () => {
    const result = await applyMigrations(bare.sql);
    expect(result.applied).toEqual([]);
    expect(result.skipped).toEqual(ourMigrations());
  });

  it('an edited applied migration stops with a message naming the file', async () => {
    cpSync(migrationsDir, copy, { recursive: true });
    const files = readdirSync(copy)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const edited = files[0]!;
    appendFileSync(join(copy, edited), '\n-- an edit after it was applied\n');
    const error = await applyMigrations(bare.sql, copy).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(MigrationChangedError);
    expect((error as MigrationChangedError).file).toBe(`supabase/migrations/${edited}`);
    expect((error as Error).message).toContain(edited);
    expect((error as Error).message).toMatch(/new migration file/);
  });

  it('an unedited copy of the folder is accepted as already applied', async () => {
    const clean = mkdtempSync(join(tmpdir(), 'hub-migrations-clean-'));
    try {
      cpSync(migrationsDir, clean, { recursive: true });
      const result = await applyMigrations(bare.sql, clean);
      expect(result.applied).toEqual([]);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });
});

// The eight workstreams and six principles named in the product brief.
const workstreamTitles = [
  'Content platform',
  'Transactional platform',
  'Capacity and skills development',
  'Quality standards',
  'Assisted digital and digital inclusion',
  'Open and linked data',
  'Democracy and transparency',
  'Sustainability'
];
const principles = [
  'Focusing on need',
  'Open by default',
  'Digital by design',
  'Networked and collaborative',
  'Doing and showing',
  'Evidence and data driven'
];

describe.each(targets())('the demo seed on %s', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target, { seed: true });
  });
  afterAll(async () => {
    await db?.close();
  });
  const one = async <T>(text: string, params?: unknown[]) =>
    (await db.sql.query<T>(text, params)).rows[0]!;
  const num = async (text: string) => (await one<{ n: number }>(`select (${text})::int as n`)).n;

  it('has the eight workstreams, each by its title, and a lead for each', async () => {
    const { rows } = await db.sql.query<{ title: string; leads: number }>(
      `select w.title, (select count(*)::int from workstream_members m
                         where m.workstream_id = w.id and m.role = 'lead') as leads
       from workstreams w`
    );
    for (const title of workstreamTitles) {
      const found = rows.find((r) => r.title.toLowerCase().startsWith(title.toLowerCase()));
      expect(found, title).toBeDefined();
      expect(found!.leads, title).toBeGreaterThanOrEqual(1);
    }
  });

  it('has the six principles among at least a dozen outcome tags', async () => {
    const { rows } = await db.sql.query<{ title: string; is_principle: boolean }>(
      'select title, is_principle from outcomes'
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const p of principles) {
      const found = rows.find((r) => r.title.toLowerCase() === p.toLowerCase());
      expect(found, p).toBeDefined();
      expect(found!.is_principle, p).toBe(true);
    }
  });

  it('has about thirty members across about fifteen councils and suppliers, each with a profile', async () => {
    const users = await num('select count(*) from auth.users');
    expect(users).toBeGreaterThanOrEqual(25);
    expect(users).toBeLessThanOrEqual(45);
    expect(await num('select count(*) from profiles')).toBe(users);
    const orgs = await num('select count(*) from organisations');
    expect(orgs).toBeGreaterThanOrEqual(12);
    expect(
      await num(`select count(*) from organisations where kind = 'council'`)
    ).toBeGreaterThanOrEqual(8);
    expect(
      await num(`select count(*) from organisations where kind = 'supplier'`)
    ).toBeGreaterThanOrEqual(1);
    expect(
      await num('select count(distinct organisation_id) from profiles')
    ).toBeGreaterThanOrEqual(10);
    expect(
      await num(`select count(*) from network_roles where role = 'steering'`)
    ).toBeGreaterThanOrEqual(1);
  });

  it('has commitments in every status, with some overdue and some stale', async () => {
    const { rows } = await db.sql.query<{ status: string }>(
      `select distinct status::text as status from commitments order by 1`
    );
    const all = (
      await db.sql.query<{ v: string }>(
        `select unnest(enum_range(null::commitment_status))::text as v order by 1`
      )
    ).rows.map((r) => r.v);
    expect(rows.map((r) => r.status)).toEqual(all);
    expect(
      await num(`select count(*) from commitments where visibility = 'members'`)
    ).toBeGreaterThanOrEqual(1);
    expect(
      await num(`select count(*) from commitments where visibility = 'public'`)
    ).toBeGreaterThanOrEqual(1);
    expect(await num(`select count(*) from check_ins`)).toBeGreaterThanOrEqual(5);
    const { rows: stale } = await db.sql.query<{ staleness: string; n: number }>(
      `select staleness::text as staleness, count(*)::int as n from commitment_overview group by 1`
    );
    const by = Object.fromEntries(stale.map((r) => [r.staleness, r.n]));
    expect(by.overdue ?? 0, JSON.stringify(by)).toBeGreaterThanOrEqual(1);
    expect(by.dormant ?? 0, JSON.stringify(by)).toBeGreaterThanOrEqual(1);
  });

  it('has published outputs and patterns with reuse records and adoptions', async () => {
    expect(
      await num(`select count(*) from outputs where status = 'published'`)
    ).toBeGreaterThanOrEqual(5);
    expect(await num(`select count(*) from patterns`)).toBeGreaterThanOrEqual(3);
    expect(await num(`select count(*) from output_reuses`)).toBeGreaterThanOrEqual(3);
    expect(await num(`select count(*) from pattern_adoptions`)).toBeGreaterThanOrEqual(1);
    expect(await num(`select count(*) from pattern_examples`)).toBeGreaterThanOrEqual(1);
  });

  it('has past and upcoming events, a two-day camp with pitches and a session grid, and a show-and-tell with slots', async () => {
    expect(await num(`select count(*) from events where ends_at < now()`)).toBeGreaterThanOrEqual(
      1
    );
    expect(await num(`select count(*) from events where starts_at > now()`)).toBeGreaterThanOrEqual(
      1
    );
    const camp = await one<{
      id: string;
      days: number;
      rooms: number;
      slots: number;
      pitches: number;
    }>(`
      select e.id,
             (e.ends_at::date - e.starts_at::date + 1)::int as days,
             (select count(distinct s.room)::int from event_sessions s where s.event_id = e.id) as rooms,
             (select count(distinct s.starts_at)::int from event_sessions s where s.event_id = e.id) as slots,
             (select count(*)::int from pitches p where p.event_id = e.id) as pitches
      from events e where e.kind = 'camp'
      order by (select count(*) from event_sessions s where s.event_id = e.id) desc limit 1`);
    expect(camp).toBeDefined();
    expect(camp.days).toBeGreaterThanOrEqual(2);
    expect(camp.rooms).toBeGreaterThanOrEqual(2);
    expect(camp.slots).toBeGreaterThanOrEqual(2);
    expect(camp.pitches).toBeGreaterThanOrEqual(1);
    expect(
      await num(
        `select count(*) from event_sessions s join events e on e.id = s.event_id where e.kind = 'show_and_tell'`
      )
    ).toBeGreaterThanOrEqual(2);
    expect(
      await num(`select count(*) from registrations where status = 'going'`)
    ).toBeGreaterThanOrEqual(5);
  });

  it('puts each presenter on the session of the event the seed means, even where a title recurs', async () => {
    // A title used in more than one event: the check below would be empty without one.
    const recurring = await num(`
      select count(*) from (select title from event_sessions
                            group by title having count(distinct event_id) > 1) t`);
    expect(recurring).toBeGreaterThanOrEqual(1);
    // Nobody presents same-titled sessions in two events (the seed means no such pair).
    const { rows: crossed } = await db.sql.query<{ title: string; events: number }>(`
      select s.title, count(distinct s.event_id)::int as events
      from session_presenters sp join event_sessions s on s.id = sp.session_id
      group by sp.user_id, s.title having count(distinct s.event_id) > 1`);
    expect(crossed).toEqual([]);
    // The show-and-tell slot has its presenter; the camp session of the same title has none.
    const { rows } = await db.sql.query<{ slug: string; presenters: number }>(`
      select e.slug, (select count(*)::int from session_presenters sp
                      where sp.session_id = s.id) as presenters
      from event_sessions s join events e on e.id = s.event_id
      where s.title = 'Committee papers as open data' order by e.slug`);
    expect(rows).toEqual([
      { slug: 'localgovcamp-spring', presenters: 0 },
      { slug: 'show-and-tell-data-and-democracy', presenters: 1 }
    ]);
  });

  it('has the demo sign-in people its header lists, in the roles it says', async () => {
    // The header of seed.sql lists "--   <role>   <email>   (<note>)" lines for the README.
    const listed = [
      ...readFileSync(seedFile, 'utf8').matchAll(
        /^--\s+(Steering group member|Workstream lead|Plain member|Newcomer)\s+(\S+@\S+)/gm
      )
    ].map((m) => ({ role: m[1], email: m[2] }));
    expect(listed.map((l) => l.role)).toEqual([
      'Steering group member',
      'Workstream lead',
      'Plain member',
      'Newcomer'
    ]);
    for (const { role, email } of listed) {
      const row = await one<{ steering: boolean; leads: number; memberships: number } | undefined>(
        `select exists (select 1 from network_roles r where r.user_id = u.id and r.role = 'steering') as steering,
                (select count(*)::int from workstream_members m where m.user_id = u.id and m.role = 'lead') as leads,
                (select count(*)::int from workstream_members m where m.user_id = u.id) as memberships
         from auth.users u where u.email = $1`,
        [email]
      );
      expect(row, email).toBeDefined();
      if (role === 'Steering group member') expect(row!.steering, email).toBe(true);
      if (role === 'Workstream lead') expect(row!.leads, email).toBeGreaterThanOrEqual(1);
      if (role === 'Plain member') expect([row!.steering, row!.leads], email).toEqual([false, 0]);
      if (role === 'Newcomer') expect([row!.steering, row!.memberships], email).toEqual([false, 0]);
    }
  });

  it('loads only into an empty database (a second run does nothing)', async () => {
    const before = await num('select count(*) from auth.users');
    expect(await seedIfEmpty(db.sql)).toBe(false);
    expect(await num('select count(*) from auth.users')).toBe(before);
  });
});
