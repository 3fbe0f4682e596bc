// Event registration is one SQL function that locks the event row and decides going vs
// waitlisted, so capacity holds under concurrency and the waiting list keeps its order;
// cancelling promotes the first on the waiting list in the same transaction.
// The concurrent part needs a real server (PGlite has one connection); the rules
// themselves are also checked one call at a time on every target.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { serverUrl, targets, tryQuery } from './harness.ts';
import { expectRefused, useDatabase } from './matrix.ts';
import { openTestDatabase, type TestDatabase } from './harness.ts';
import type { Sql } from '../../stack/db/sql.ts';

const PEOPLE = 100;
const PLACES = 20;
const userId = (i: number) => `10000000-0000-4000-8000-${i.toString().padStart(12, '0')}`;

interface Reg {
  user_id: string;
  status: string;
  position: number | null;
  registered_at: string;
}

/** Runs fn in its own transaction on its own pooled connection, as the user. */
async function asUser<T>(
  pool: pg.Pool,
  id: string,
  fn: (c: pg.PoolClient) => Promise<T>
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ role: 'authenticated', sub: id })
    ]);
    await client.query('set local role authenticated');
    const out = await fn(client);
    await client.query('commit');
    return out;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

describe.skipIf(!serverUrl())(
  serverUrl()
    ? 'registration under concurrency on the Postgres server'
    : 'registration under concurrency (skipped: needs a Postgres server, set TEST_DATABASE_URL)',
  () => {
    // Skipped without TEST_DATABASE_URL: PGlite serves one connection, so nothing there can
    // race. Run with TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres.
    let db: TestDatabase;
    let pool: pg.Pool;
    let eventId: string;

    const registrations = async () =>
      (
        await db.sql.query<Reg>(
          `select user_id, status::text as status, position, registered_at::text as registered_at
         from registrations where event_id = $1 order by registered_at, user_id`,
          [eventId]
        )
      ).rows;

    beforeAll(async () => {
      db = await openTestDatabase('postgres', { fixtures: false });
      await db.sql.query(
        `insert into auth.users (id, email, raw_user_meta_data)
       select ('10000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
              'person' || i || '@example.test', jsonb_build_object('display_name', 'Person ' || i)
       from generate_series(1, $1) i`,
        [PEOPLE]
      );
      const { rows } = await db.sql.query<{ id: string }>(
        `insert into events (slug, kind, title, starts_at, ends_at, capacity, status, registration_opens_at, registration_closes_at)
       values ('busy-camp', 'camp', 'A very popular camp', now() + interval '30 days', now() + interval '31 days',
               $1, 'published', now() - interval '1 day', now() + interval '20 days')
       returning id`,
        [PLACES]
      );
      eventId = rows[0]!.id;
      pool = new pg.Pool({ connectionString: db.url, max: 30 });
      pool.on('error', () => {});
    });
    afterAll(async () => {
      await pool?.end();
      await db?.close();
    });

    it(`${PEOPLE} people registering at once for ${PLACES} places: exactly ${PLACES} going, the rest waitlisted in order`, async () => {
      const results = await Promise.all(
        Array.from({ length: PEOPLE }, (_, i) =>
          asUser(pool, userId(i + 1), async (c) => {
            const r = await c.query<{ status: string; position: number | null }>(
              'select status::text as status, position from register_for_event($1)',
              [eventId]
            );
            return r.rows[0]!;
          })
        )
      );
      // What each caller was told adds up too.
      expect(results.filter((r) => r.status === 'going')).toHaveLength(PLACES);
      expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(PEOPLE - PLACES);

      const regs = await registrations();
      expect(regs).toHaveLength(PEOPLE);
      const going = regs.filter((r) => r.status === 'going');
      const waiting = regs.filter((r) => r.status === 'waitlisted');
      expect(going).toHaveLength(PLACES);
      expect(waiting).toHaveLength(PEOPLE - PLACES);
      // Positions 1..80, no gaps or duplicates, in the order people registered.
      expect(waiting.map((r) => r.position)).toEqual(
        Array.from({ length: PEOPLE - PLACES }, (_, i) => i + 1)
      );
      // Everyone going registered before everyone waiting.
      const lastGoing = going
        .map((r) => r.registered_at)
        .sort()
        .at(-1)!;
      const firstWaiting = waiting.map((r) => r.registered_at).sort()[0]!;
      expect(lastGoing < firstWaiting).toBe(true);
    });

    it('registering twice changes nothing', async () => {
      const before = await registrations();
      const someoneWaiting = before.find((r) => r.position === 5)!;
      const again = await asUser(
        pool,
        someoneWaiting.user_id,
        async (c) =>
          (
            await c.query<{ status: string; position: number }>(
              'select status::text as status, position from register_for_event($1)',
              [eventId]
            )
          ).rows[0]
      );
      expect(again).toEqual({ status: 'waitlisted', position: 5 });
      expect(await registrations()).toEqual(before);
    });

    it('a cancellation promotes the first on the waiting list in the same transaction', async () => {
      const before = await registrations();
      const leaving = before.find((r) => r.status === 'going')!;
      const first = before.find((r) => r.position === 1)!;
      const second = before.find((r) => r.position === 2)!;
      const inside = await asUser(pool, leaving.user_id, async (c) => {
        await c.query('select cancel_registration($1)', [eventId]);
        // Still inside the cancelling transaction: look with the superuser's eyes.
        await c.query('reset role');
        return (
          await c.query<{ user_id: string; status: string; position: number | null }>(
            `select user_id, status::text as status, position from registrations where event_id = $1 and user_id = any($2)`,
            [eventId, [leaving.user_id, first.user_id, second.user_id]]
          )
        ).rows;
      });
      const byUser = Object.fromEntries(inside.map((r) => [r.user_id, r]));
      expect(byUser[leaving.user_id]).toMatchObject({ status: 'cancelled', position: null });
      expect(byUser[first.user_id]).toMatchObject({ status: 'going', position: null });
      expect(byUser[second.user_id]).toMatchObject({ status: 'waitlisted', position: 1 });
    });

    it('ten cancellations at once promote the next ten in queue order, and capacity still holds', async () => {
      const before = await registrations();
      const leaving = before.filter((r) => r.status === 'going').slice(0, 10);
      const queue = before
        .filter((r) => r.status === 'waitlisted')
        .sort((a, b) => a.position! - b.position!);
      await Promise.all(
        leaving.map((r) =>
          asUser(pool, r.user_id, (c) => c.query('select cancel_registration($1)', [eventId]))
        )
      );
      const after = await registrations();
      const status = Object.fromEntries(after.map((r) => [r.user_id, r]));
      for (const r of queue.slice(0, 10))
        expect(status[r.user_id]!.status, `position ${r.position}`).toBe('going');
      const stillWaiting = queue.slice(10);
      expect(stillWaiting.map((r) => status[r.user_id]!.position)).toEqual(
        stillWaiting.map((_, i) => i + 1)
      );
      expect(after.filter((r) => r.status === 'going')).toHaveLength(PLACES);
      expect(after.filter((r) => r.status === 'cancelled')).toHaveLength(11);
    });

    it('concurrent cancellations and new registrations never exceed capacity', async () => {
      const before = await registrations();
      const cancelled = before.filter((r) => r.status === 'cancelled').map((r) => r.user_id);
      const going = before
        .filter((r) => r.status === 'going')
        .slice(0, 5)
        .map((r) => r.user_id);
      await Promise.all([
        ...going.map((id) =>
          asUser(pool, id, (c) => c.query('select cancel_registration($1)', [eventId]))
        ),
        ...cancelled.map((id) =>
          asUser(pool, id, (c) => c.query('select register_for_event($1)', [eventId]))
        )
      ]);
      const after = await registrations();
      expect(after.filter((r) => r.status === 'going')).toHaveLength(PLACES);
      const waiting = after
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.position)
        .sort((a, b) => a! - b!);
      expect(waiting).toEqual(Array.from({ length: waiting.length }, (_, i) => i + 1));
      expect(waiting.length + PLACES + 5).toBe(PEOPLE);
    });
  }
);

describe.each(targets())('registration rules, one call at a time, on %s', (target) => {
  const db = useDatabase(target);
  // Runs as a sequence of users in one rolled-back transaction.
  const inTurn = (
    steps: (
      call: (who: string, fn: string, event: string) => Promise<Reg>,
      tx: Sql
    ) => Promise<void>
  ) =>
    db().as('member', async (tx) => {
      const call = async (who: string, fn: string, event: string) => {
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ role: 'authenticated', sub: who })
        ]);
        const r = await tx.query<Reg>(
          `select user_id, status::text as status, position, registered_at::text as registered_at from ${fn}($1)`,
          [event]
        );
        return r.rows[0]!;
      };
      await steps(call, tx);
    });

  /** A fresh 2-place workshop in a week (as the superuser, organised by nobody), then back to acting. */
  const newEvent = async (
    tx: Sql,
    o: { status?: string; opens?: string; closes?: string } = {}
  ) => {
    await tx.exec('reset role');
    const { rows } = await tx.query<{ id: string }>(
      `insert into events (slug, kind, title, starts_at, ends_at, capacity, status, registration_opens_at, registration_closes_at, created_by)
       values ('fixture-small-' || replace(gen_random_uuid()::text, '-', ''), 'workshop', 'A small workshop',
               now() + interval '7 days', now() + interval '7 days 3 hours', 2,
               coalesce($1, 'published')::event_status, $2::timestamptz, $3::timestamptz, null)
       returning id`,
      [o.status ?? null, o.opens ?? null, o.closes ?? null]
    );
    await tx.exec('set local role authenticated');
    return rows[0]!.id;
  };

  it('places go first come, first served; then a numbered waiting list', async () => {
    await inTurn(async (call, tx) => {
      const ev = await newEvent(tx);
      const got = [];
      for (const who of [ids.member, ids.anotherMember, ids.lead, ids.steering, ids.bystander])
        got.push(await call(who, 'register_for_event', ev));
      expect(got.map((r) => [r.status, r.position])).toEqual([
        ['going', null],
        ['going', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
        ['waitlisted', 3]
      ]);
    });
  });

  it('cancelling a place promotes position 1 and renumbers the list; leaving the list renumbers it', async () => {
    await inTurn(async (call, tx) => {
      const ev = await newEvent(tx);
      for (const who of [ids.member, ids.anotherMember, ids.lead, ids.steering, ids.bystander])
        await call(who, 'register_for_event', ev);
      await call(ids.member, 'cancel_registration', ev); // lead (1) goes; steering 1, bystander 2
      await call(ids.steering, 'cancel_registration', ev); // bystander 1
      await tx.exec('reset role');
      const { rows } = await tx.query<{ user_id: string; status: string; position: number | null }>(
        `select user_id, status::text as status, position from registrations where event_id = $1 order by user_id`,
        [ev]
      );
      expect(rows).toEqual([
        { user_id: ids.member, status: 'cancelled', position: null },
        { user_id: ids.anotherMember, status: 'going', position: null },
        { user_id: ids.lead, status: 'going', position: null },
        { user_id: ids.steering, status: 'cancelled', position: null },
        { user_id: ids.bystander, status: 'waitlisted', position: 1 }
      ]);
      await tx.exec('set local role authenticated');
    });
  });

  it('coming back after cancelling puts you at the back of the queue', async () => {
    await inTurn(async (call, tx) => {
      const ev = await newEvent(tx);
      for (const who of [ids.member, ids.anotherMember, ids.lead])
        await call(who, 'register_for_event', ev);
      await call(ids.member, 'cancel_registration', ev); // lead promoted
      await call(ids.bystander, 'register_for_event', ev); // waitlisted 1
      const back = await call(ids.member, 'register_for_event', ev);
      expect([back.status, back.position]).toEqual(['waitlisted', 2]);
    });
  });

  it('raising the capacity gives the new places to the waiting list at once', async () => {
    await inTurn(async (call, tx) => {
      const ev = await newEvent(tx);
      for (const who of [ids.member, ids.anotherMember, ids.lead, ids.steering])
        await call(who, 'register_for_event', ev);
      await tx.exec('reset role');
      await tx.query('update events set capacity = 3 where id = $1', [ev]);
      const { rows } = await tx.query<{ status: string; n: number }>(
        `select status::text as status, count(*)::int as n from registrations where event_id = $1 group by 1 order by 1`,
        [ev]
      );
      expect(rows).toEqual([
        { status: 'going', n: 3 },
        { status: 'waitlisted', n: 1 }
      ]);
      await tx.exec('set local role authenticated');
    });
  });

  const refusal = async (o: Parameters<typeof newEvent>[1]) =>
    db().as('member', async (tx) => {
      const ev = await newEvent(tx, o);
      const r = await tryQuery(tx, 'select register_for_event($1)', [ev]);
      return r.error?.message;
    });
  const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

  it('registration is refused before the window opens, saying when it opens', async () => {
    expect(await refusal({ opens: inHours(48) })).toMatch(
      /^Registration opens on \d+ \w+ \d{4} at \d\d:\d\d\.$/
    );
  });

  it('registration is refused after the window closes', async () => {
    expect(await refusal({ opens: inHours(-48), closes: inHours(-1) })).toMatch(
      /^Registration closed on /
    );
  });

  it('registration is accepted inside the window', async () => {
    expect(await refusal({ opens: inHours(-48), closes: inHours(48) })).toBeUndefined();
  });

  it('registration is refused for a cancelled event', async () => {
    expect(await refusal({ status: 'cancelled' })).toBe(
      'This event has been cancelled, so you cannot register.'
    );
  });

  it('registration for a draft event is refused as if it did not exist', async () => {
    expect(await refusal({ status: 'draft' })).toBe(
      'That event does not exist or is not open yet.'
    );
  });

  it('registration for an event that has happened is refused', async () => {
    await expectRefused(db(), 'member', 'select register_for_event($1)', [ids.ePast], 'P0001');
  });

  it('cancelling when not registered says so', async () => {
    const message = await expectRefused(
      db(),
      'lead',
      'select cancel_registration($1)',
      [ids.eMeetup],
      'P0002'
    );
    expect(message).toBe('You are not registered for this event.');
  });
});
