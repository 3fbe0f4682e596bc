// Running events (20261201001200): save_event and cancel_event in one call each, emails
// queued in the same transaction as a cancellation or a promotion from the waiting list,
// the organisers' registration list, "before you go", and personal calendar feeds read by
// a secret token without a session.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { actAs, tryQuery, targets } from './harness.ts';
import {
  DENIED,
  expectRefused,
  matrixTests,
  refusedToAll,
  rowsAs,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const tables: TableExpectations[] = [
  {
    table: 'calendar_feeds',
    select: { anon: DENIED, member: 1, anotherMember: 0, lead: 1, steering: 0 },
    insert: {
      // Someone else's feed: nobody may start it for them.
      sql: `insert into calendar_feeds (user_id) values ($2) returning user_id`,
      params: (f) => [f.ids.bystander],
      expect: refusedToAll
    },
    update: {
      sql: `update calendar_feeds set token = default returning user_id`,
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 1, steering: 0 }
    },
    delete: {
      sql: `delete from calendar_feeds returning user_id`,
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 1, steering: 0 }
    }
  }
];

const SAVE = `select public.save_event(
  p_slug => $1, p_kind => 'meetup', p_title => $2,
  p_starts_at => now() + interval '7 days', p_ends_at => now() + interval '7 days 2 hours',
  p_status => 'published', p_id => $3, p_version => $4, p_venue => 'Leeds',
  p_capacity => 10, p_outcome_ids => $5::uuid[], p_organiser_handles => $6::text[],
  p_online_url => 'https://meet.example.test/x', p_joining_instructions => 'Side door'
) as slug`;

describe.each(targets())('running events on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  const handleOf = async (id: string) =>
    (await db().sql.query<{ handle: string }>(`select handle from profiles where id = $1`, [id]))
      .rows[0]!.handle;

  it('saves a new event with its tags, co-organisers and joining details in one call', async () => {
    const lead = await handleOf(ids.lead);
    const out = await actAs(db().sql, 'member', db().fixtures, async (tx) => {
      await tx.query(SAVE, ['new-meetup', 'A new meetup', null, null, [ids.outcomeNeed], [lead]]);
      const { rows } = await tx.query<{ organisers: string[]; tags: number; url: string }>(
        `select array(select user_id::text from event_organisers o where o.event_id = e.id order by 1) as organisers,
                (select count(*)::int from event_outcomes t where t.event_id = e.id) as tags,
                (select online_url from event_private_details d where d.event_id = e.id) as url
         from events e where e.slug = 'new-meetup'`
      );
      return rows[0];
    });
    expect(out).toEqual({
      organisers: [ids.member, ids.lead].sort(),
      tags: 1,
      url: 'https://meet.example.test/x'
    });
  });

  it('keeps the creator an organiser whoever edits, and lets a co-organiser edit', async () => {
    const member = await handleOf(ids.member);
    const organisers = await actAs(db().sql, 'lead', db().fixtures, async (tx) => {
      // lead created eMeetup; adding member makes them a co-organiser...
      await tx.query(SAVE, ['fixture-meetup', 'Meetup', ids.eMeetup, 1, [], [member]]);
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ role: 'authenticated', sub: ids.member })
      ]);
      // ...who may then edit it, and cannot drop its creator by leaving the field empty.
      await tx.query(SAVE, ['fixture-meetup', 'Meetup', ids.eMeetup, 2, [], [member]]);
      return (
        await tx.query<{ user_id: string }>(
          `select user_id from event_organisers where event_id = $1 order by user_id`,
          [ids.eMeetup]
        )
      ).rows.map((r) => r.user_id);
    });
    expect(organisers).toEqual([ids.member, ids.lead].sort());
  });

  it('refuses a co-organiser handle nobody has, naming it', async () => {
    const error = await db().as('member', async (tx) => {
      return (await tryQuery(tx, SAVE, ['x-meetup', 'X', null, null, [], ['nobody-here']])).error;
    });
    expect(error?.code).toBe('22023');
    expect(error?.message).toContain('nobody-here');
  });

  it('lets only organisers and the steering group edit an event, against the version they saw', async () => {
    // eMeetup is organised by lead; version 1.
    const args = ['fixture-meetup', 'Renamed', ids.eMeetup, 1, [], []];
    await expectRefused(db(), 'member', SAVE, args);
    const renamed = await rowsAs<{ slug: string }>(db(), 'lead', SAVE, args);
    expect(renamed[0]?.slug).toBe('fixture-meetup');
    await expectRefused(db(), 'lead', SAVE, [...args.slice(0, 3), 0, [], []], 'PT409');
    const bySteering = await rowsAs<{ slug: string }>(db(), 'steering', SAVE, args);
    expect(bySteering).toHaveLength(1);
  });

  it('cancels an event in one call: a new version and one email per person registered', async () => {
    const out = await actAs(db().sql, 'lead', db().fixtures, async (tx) => {
      await tx.query(`select public.cancel_event($1, 1)`, [ids.eMeetup]);
      const ev = await tx.query<{ status: string; version: number }>(
        `select status, version from events where id = $1`,
        [ids.eMeetup]
      );
      await tx.exec(`reset role`);
      const mail = await tx.query<{ recipient_id: string; key: string; title: string }>(
        `select recipient_id, idempotency_key as key, payload->>'event_title' as title
         from email_outbox where kind = 'event_cancelled' order by recipient_id`
      );
      return { ev: ev.rows[0], mail: mail.rows };
    });
    expect(out.ev).toEqual({ status: 'cancelled', version: 2 });
    // Going: member and bystander; waiting: anotherMember.
    expect(out.mail.map((m) => m.recipient_id)).toEqual(
      [ids.member, ids.anotherMember, ids.bystander].sort()
    );
    expect(new Set(out.mail.map((m) => m.key))).toEqual(
      new Set([`event_cancelled:${ids.eMeetup}`])
    );
    expect(out.mail[0]!.title).toBe('Fixture: online meetup');
  });

  it('refuses to cancel for anyone but its organisers and the steering group, and queues nothing', async () => {
    await expectRefused(db(), 'member', `select public.cancel_event($1, 1)`, [ids.eMeetup]);
    await expectRefused(db(), 'anon', `select public.cancel_event($1, 1)`, [ids.eMeetup]);
    await expectRefused(db(), 'lead', `select public.cancel_event($1, 7)`, [ids.eMeetup], 'PT409');
  });

  it('emails the person promoted from the waiting list in the same transaction', async () => {
    const mail = await actAs(db().sql, 'member', db().fixtures, async (tx) => {
      await tx.query(`select public.cancel_registration($1)`, [ids.eMeetup]);
      await tx.exec(`reset role`);
      return (
        await tx.query<{ recipient_id: string; key: string; slug: string }>(
          `select o.recipient_id, o.idempotency_key as key, o.payload->>'event_slug' as slug
           from email_outbox o where o.kind = 'waitlist_promotion'`
        )
      ).rows;
    });
    const reg = await db().sql.query<{ id: string }>(
      `select id from registrations where event_id = $1 and user_id = $2`,
      [ids.eMeetup, ids.anotherMember]
    );
    expect(mail).toEqual([
      {
        recipient_id: ids.anotherMember,
        // The fixture row is version 1; the promotion makes it 2.
        key: `waitlist_promotion:${reg.rows[0]!.id}:2`,
        slug: 'fixture-meetup'
      }
    ]);
  });

  it('refuses registration before it opens and after it closes, saying when', async () => {
    await db()
      .sql.transaction(async (tx) => {
        await tx.query(
          `update events set registration_opens_at = now() + interval '1 day' where id = $1`,
          [ids.eCamp]
        );
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ role: 'authenticated', sub: ids.member })
        ]);
        await tx.exec(`set local role authenticated`);
        const early = await tryQuery(tx, `select public.register_for_event($1)`, [ids.eCamp]);
        expect(early.error?.message).toMatch(/^Registration opens on /);
        await tx.exec(`reset role`);
        await tx.query(
          `update events set registration_opens_at = now() - interval '2 days', registration_closes_at = now() - interval '1 day' where id = $1`,
          [ids.eCamp]
        );
        await tx.exec(`set local role authenticated`);
        const late = await tryQuery(tx, `select public.register_for_event($1)`, [ids.eCamp]);
        expect(late.error?.message).toMatch(/^Registration closed on /);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
  });

  it('gives organisers their registration list in waitlist order, and others nothing', async () => {
    const list = `select handle, status, waitlist_position from public.event_registrations($1)`;
    const forLead = await rowsAs<{
      handle: string;
      status: string;
      waitlist_position: number | null;
    }>(db(), 'lead', list, [ids.eMeetup]);
    expect(forLead.map((r) => r.status)).toEqual(['going', 'going', 'waitlisted']);
    expect(forLead[2]!.waitlist_position).toBe(1);
    expect(await rowsAs(db(), 'member', list, [ids.eMeetup])).toHaveLength(0);
    expect(await rowsAs(db(), 'steering', list, [ids.eMeetup])).toHaveLength(3);
    // Organisers of an event nobody has registered for get one empty row, not none.
    const empty = await rowsAs<{ handle: string | null }>(db(), 'anotherMember', list, [
      ids.eDraft
    ]);
    expect(empty).toEqual([{ handle: null, status: null, waitlist_position: null }]);
  });

  it('counts places for events people may see, never for drafts they may not', async () => {
    const counts = `select e.slug, public.going_count(e) as going, public.waitlist_count(e) as waiting
                    from events e where e.id = any ($1::uuid[]) order by e.slug`;
    const seen = await rowsAs(db(), 'anon', counts, [[ids.eMeetup]]);
    expect(seen).toEqual([{ slug: 'fixture-meetup', going: 2, waiting: 1 }]);
    // Handed a made-up row naming a draft it cannot see (with a registration added so
    // there is something to count), the count stays empty.
    const forged = await db().as('member', async (tx) => {
      await tx.exec(`reset role`);
      await tx.query(
        `insert into registrations (event_id, user_id, status) values ($1, $2, 'going')`,
        [ids.eDraft, ids.bystander]
      );
      await tx.exec(`set local role authenticated`);
      const sql = `select public.going_count(jsonb_populate_record(null::events,
                     jsonb_build_object('id', $1::uuid, 'status', 'published'))) as going`;
      return (await tx.query<{ going: number }>(sql, [ids.eDraft])).rows;
    });
    expect(forged).toEqual([{ going: 0 }]);
  });

  it('lists published outputs and patterns from the event’s workstream and outcomes before you go', async () => {
    const [row] = await rowsAs<{
      r: { outputs: { slug: string }[]; patterns: { slug: string }[] };
    }>(db(), 'anon', `select public.event_before_you_go('fixture-meetup') as r`);
    expect(row!.r.outputs.map((o) => o.slug)).toEqual(['fixture-member-published']);
    expect(row!.r.patterns.map((p) => p.slug)).toEqual(['fixture-member-published']);
  });

  it('serves a personal feed by its token to anyone holding it, until it is reset', async () => {
    const feed = `select public.calendar_feed($1) as f`;
    const [byToken] = await rowsAs<{ f: { slug: string; status: string }[] }>(db(), 'anon', feed, [
      'a'.repeat(64)
    ]);
    // member is going to the meetup and the past show-and-tell (within 30 days).
    expect(byToken!.f.map((e) => e.slug).sort()).toEqual(['fixture-meetup', 'fixture-past']);
    const [unknown] = await rowsAs<{ f: unknown }>(db(), 'anon', feed, ['c'.repeat(64)]);
    expect(unknown!.f).toBeNull();
    const after = await actAs(db().sql, 'member', db().fixtures, async (tx) => {
      const fresh = (await tx.query<{ t: string }>(`select public.reset_calendar_feed() as t`))
        .rows[0]!.t;
      const old = (await tx.query<{ f: unknown }>(feed, ['a'.repeat(64)])).rows[0]!.f;
      const renewed = (await tx.query<{ f: unknown[] }>(feed, [fresh])).rows[0]!.f;
      return { fresh, old, renewed: renewed.length };
    });
    expect(after.fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(after.old).toBeNull();
    expect(after.renewed).toBe(2);
  });

  it('lets a member start their own feed, and nobody start one for anonymous callers', async () => {
    const [t] = await rowsAs<{ t: string }>(
      db(),
      'anotherMember',
      `select public.reset_calendar_feed() as t`
    );
    expect(t!.t).toMatch(/^[0-9a-f]{64}$/);
    await expectRefused(db(), 'anon', `select public.reset_calendar_feed()`);
  });
});
