// Sessions that lead somewhere (20261201001300): offers to show and who sees and decides
// them, accepting an offer into a slot in one transaction (with its email), placing
// pitches in a camp's grid, clashes, "I'd go", who writes a session's notes, and a
// session's "what next" becoming a commitment its interested people watch.
// $1 is the acting user's id. See the 20261201001300 block in fixtures.ts.
import { describe, expect, it } from 'vitest';
import { ids, sessionIds } from './fixtures.ts';
import { targets, tryQuery, type ActAs } from './harness.ts';
import {
  DENIED,
  expectRefused,
  matrixTests,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const tables: TableExpectations[] = [
  {
    table: 'show_offers',
    // member: their own and the offer at their past show-and-tell; anotherMember: their
    // own; lead: both at their meetup and their own; steering: all four. Never visitors.
    select: { anon: DENIED, member: 2, anotherMember: 1, lead: 3, steering: 4 },
    insert: {
      sql: `insert into show_offers (event_id, offered_by, title) values ($2, $1, 'Our new form') returning id`,
      params: () => [ids.eMeetup],
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update show_offers set description = 'Ten minutes' where id = $2 returning id`,
      params: () => [sessionIds.offerMemberOpen],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 1, steering: 1 }
    },
    more: {
      'offer at a camp (camps have pitches)': {
        sql: `insert into show_offers (event_id, offered_by, title) values ($2, $1, 'X') returning id`,
        params: () => [ids.eCamp],
        expect: {
          anon: DENIED,
          member: DENIED,
          anotherMember: DENIED,
          lead: DENIED,
          steering: DENIED
        }
      },
      'offer at an event that is over': {
        sql: `insert into show_offers (event_id, offered_by, title) values ($2, $1, 'X') returning id`,
        params: () => [ids.ePast],
        expect: {
          anon: DENIED,
          member: DENIED,
          anotherMember: DENIED,
          lead: DENIED,
          steering: DENIED
        }
      },
      'offer in someone else’s name': {
        sql: `insert into show_offers (event_id, offered_by, title) values ($2, $3, 'X') returning id`,
        params: () => [ids.eMeetup, ids.bystander],
        expect: {
          anon: DENIED,
          member: DENIED,
          anotherMember: DENIED,
          lead: DENIED,
          steering: DENIED
        }
      },
      'accept by setting the status': {
        // Only organisers decide; member may not accept their own offer.
        sql: `update show_offers set status = 'accepted' where id = $2 returning id`,
        params: () => [sessionIds.offerMemberOpen],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 1, steering: 1 }
      },
      'withdraw an open offer': {
        sql: `update show_offers set status = 'withdrawn' where id = $2 returning id`,
        params: () => [sessionIds.offerAnotherOpen],
        expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 1, steering: 1 }
      },
      'pass the offer to someone else': {
        sql: `update show_offers set offered_by = $3 where id = $2 returning id`,
        params: () => [sessionIds.offerMemberOpen, ids.bystander],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: DENIED, steering: 1 }
      }
    },
    delete: {
      sql: `delete from show_offers where id = $2 returning id`,
      params: () => [sessionIds.offerMemberOpen],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  }
];

const acceptNew = `select public.accept_show_offer(p_offer_id => $1, p_starts_at => now() + interval '10 days 30 minutes',
  p_ends_at => now() + interval '10 days 45 minutes') as id`;

describe.each(targets())('event sessions on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  describe('accepting an offer to show', () => {
    it('makes the slot, its presenter and the offer’s decision in one call, and queues the email', async () => {
      const out = await db().as('lead', async (tx) => {
        const id = (await tx.query<{ id: string }>(acceptNew, [sessionIds.offerMemberOpen]))
          .rows[0]!.id;
        const session = (
          await tx.query<{ title: string; event_id: string }>(
            'select title, event_id from event_sessions where id = $1',
            [id]
          )
        ).rows[0];
        const presenters = (
          await tx.query<{ user_id: string }>(
            'select user_id from session_presenters where session_id = $1',
            [id]
          )
        ).rows.map((r) => r.user_id);
        const offer = (
          await tx.query<{ status: string; session_id: string }>(
            'select status, session_id from show_offers where id = $1',
            [sessionIds.offerMemberOpen]
          )
        ).rows[0];
        return { id, session, presenters, offer };
      });
      expect(out.session).toEqual({ title: 'Fixture: our bin day API', event_id: ids.eMeetup });
      expect(out.presenters).toEqual([ids.member]);
      expect(out.offer).toEqual({ status: 'accepted', session_id: out.id });
    });

    it('tells the presenter by email with what the email needs', async () => {
      const mail = await db().as('lead', async (tx) => {
        const id = (await tx.query<{ id: string }>(acceptNew, [sessionIds.offerMemberOpen]))
          .rows[0]!.id;
        await tx.exec('reset role');
        const rows = (
          await tx.query<{
            recipient_id: string;
            idempotency_key: string;
            payload: Record<string, unknown>;
          }>(
            `select recipient_id, idempotency_key, payload from email_outbox where kind = 'offer_accepted'`
          )
        ).rows;
        return { id, rows };
      });
      expect(mail.rows).toHaveLength(1);
      expect(mail.rows[0]!.recipient_id).toBe(ids.member);
      expect(mail.rows[0]!.idempotency_key).toBe(`offer_accepted:${mail.id}`);
      expect(Object.keys(mail.rows[0]!.payload).sort()).toEqual([
        'event_id',
        'event_slug',
        'event_title',
        'session_id',
        'session_title',
        'starts_at'
      ]);
      expect(mail.rows[0]!.payload).toMatchObject({
        event_slug: 'fixture-meetup',
        session_title: 'Fixture: our bin day API'
      });
    });

    it('changes nothing when the chosen slot already has a presenter', async () => {
      const out = await db().as('lead', async (tx) => {
        // A slot at lead's meetup, already presented by anotherMember.
        const slot = (
          await tx.query<{ id: string }>(
            `insert into event_sessions (event_id, title) values ($1, 'Taken') returning id`,
            [ids.eMeetup]
          )
        ).rows[0]!.id;
        await tx.query('insert into session_presenters (session_id, user_id) values ($1, $2)', [
          slot,
          ids.anotherMember
        ]);
        const r = await tryQuery(
          tx,
          'select public.accept_show_offer(p_offer_id => $1, p_session_id => $2)',
          [sessionIds.offerMemberOpen, slot]
        );
        return r.error?.code;
      });
      expect(out).toBe('PT409');
      const after = await db().sql.query<{ status: string; n: number }>(
        `select status, (select count(*)::int from email_outbox where kind = 'offer_accepted') as n
         from show_offers where id = $1`,
        [sessionIds.offerMemberOpen]
      );
      expect(after.rows[0]).toEqual({ status: 'open', n: 0 });
    });

    it('fills an open slot with the offer', async () => {
      const out = await db().as('lead', async (tx) => {
        const slot = (
          await tx.query<{ id: string }>(
            `insert into event_sessions (event_id, title, starts_at) values ($1, 'Open slot', now() + interval '10 days') returning id`,
            [ids.eMeetup]
          )
        ).rows[0]!.id;
        const id = (
          await tx.query<{ id: string }>(
            'select public.accept_show_offer(p_offer_id => $1, p_session_id => $2) as id',
            [sessionIds.offerAnotherOpen, slot]
          )
        ).rows[0]!.id;
        const title = (
          await tx.query<{ title: string }>('select title from event_sessions where id = $1', [
            slot
          ])
        ).rows[0]!.title;
        return { slot, id, title };
      });
      expect(out.id).toBe(out.slot);
      expect(out.title).toBe('Fixture: planning data');
    });

    it('is refused to anyone but the organisers, and a decided offer cannot be accepted again', async () => {
      await expectRefused(db(), 'member', acceptNew, [sessionIds.offerMemberOpen]);
      await expectRefused(db(), 'member', acceptNew, [sessionIds.offerBystanderDeclined], 'PT409');
    });
  });

  describe('the camp grid', () => {
    const place = `select public.place_pitch($1, $2, $3::timestamptz, $4::timestamptz) as id`;
    const earlyBlock = async () =>
      (
        await db().sql.query<{ starts_at: string; ends_at: string }>(
          'select starts_at, ends_at from event_sessions where id = $1',
          [ids.sCampRoomAEarly]
        )
      ).rows[0]!;

    it('lets only the organisers place a pitch, which makes a session its pitcher presents', async () => {
      const b = await earlyBlock();
      await expectRefused(db(), 'member', place, [
        ids.pitchMember,
        'Room C',
        b.starts_at,
        b.ends_at
      ]);
      const out = await db().as({ id: ids.bystander }, async (tx) => {
        const id = (
          await tx.query<{ id: string }>(place, [ids.pitchMember, 'Room C', b.starts_at, b.ends_at])
        ).rows[0]!.id;
        const pitch = (
          await tx.query<{ session_id: string }>('select session_id from pitches where id = $1', [
            ids.pitchMember
          ])
        ).rows[0]!;
        const presenters = (
          await tx.query<{ user_id: string }>(
            'select user_id from session_presenters where session_id = $1',
            [id]
          )
        ).rows.map((r) => r.user_id);
        // Placed again, it moves rather than making a second session.
        const again = (
          await tx.query<{ id: string }>(place, [ids.pitchMember, 'Room D', b.starts_at, b.ends_at])
        ).rows[0]!.id;
        const room = (
          await tx.query<{ room: string }>('select room from event_sessions where id = $1', [id])
        ).rows[0]!.room;
        return { id, pitch, presenters, again, room };
      });
      expect(out.pitch.session_id).toBe(out.id);
      expect(out.presenters).toEqual([ids.member]);
      expect(out.again).toBe(out.id);
      expect(out.room).toBe('Room D');
    });

    it('flags a presenter in two places at once, and two sessions in one room at once', async () => {
      const b = await earlyBlock();
      const clashes = await db().as({ id: ids.bystander }, async (tx) => {
        // member presents "content design clinic" in Room A at this time already.
        const placed = (
          await tx.query<{ id: string }>(place, [ids.pitchMember, 'Room C', b.starts_at, b.ends_at])
        ).rows[0]!.id;
        // anotherMember's pitch into Room B at the same time: a room clash, not a presenter one.
        const roomClash = (
          await tx.query<{ id: string }>(place, [
            ids.pitchAnother,
            'Room B',
            b.starts_at,
            b.ends_at
          ])
        ).rows[0]!.id;
        const rows = (
          await tx.query<{ session_id: string; kind: string; other_session_id: string }>(
            `select session_id, kind, other_session_id from public.session_clashes('fixture-camp')`
          )
        ).rows;
        return { placed, roomClash, rows };
      });
      expect(clashes.rows).toEqual(
        expect.arrayContaining([
          { session_id: clashes.placed, kind: 'presenter', other_session_id: ids.sCampRoomAEarly },
          { session_id: ids.sCampRoomAEarly, kind: 'presenter', other_session_id: clashes.placed },
          { session_id: clashes.roomClash, kind: 'room', other_session_id: ids.sCampRoomBEarly }
        ])
      );
      expect(clashes.rows.filter((r) => r.kind === 'presenter')).toHaveLength(2);
    });

    it('has no clashes in a grid where nobody is double-booked', async () => {
      const rows = await db().as(
        'anon',
        async (tx) => (await tx.query(`select * from public.session_clashes('fixture-camp')`)).rows
      );
      expect(rows).toEqual([]);
    });

    it('toggles “I’d go” for the signed-in member', async () => {
      const states = await db().as('member', async (tx) => {
        const q = 'select public.toggle_pitch_interest($1) as on';
        const first = (await tx.query<{ on: boolean }>(q, [ids.pitchAnother])).rows[0]!.on;
        const second = (await tx.query<{ on: boolean }>(q, [ids.pitchAnother])).rows[0]!.on;
        return [first, second];
      });
      // member was interested in the fixtures: off, then on again.
      expect(states).toEqual([false, true]);
      await expectRefused(db(), 'anon', 'select public.toggle_pitch_interest($1)', [
        ids.pitchAnother
      ]);
      await expectRefused(
        db(),
        'member',
        'select public.toggle_pitch_interest($1)',
        [ids.pitchLeadWithdrawn],
        'PT409'
      );
    });
  });

  describe('session notes', () => {
    const writeNotes = `update event_sessions set notes = 'Said', what_next = 'Do' where id = $1 returning id`;

    it('are written by presenters, organisers, steering and the people going, nobody else', async () => {
      const n = async (actor: ActAs, session: string) =>
        db().as(actor, async (tx) => {
          const r = await tryQuery(tx, writeNotes, [session]);
          return r.error ? DENIED : r.rows.length;
        });
      // The camp: member presents Room A early; anotherMember and lead are going; bystander organises.
      expect(await n('member', ids.sCampRoomAEarly)).toBe(1);
      expect(await n('anotherMember', ids.sCampRoomAEarly)).toBe(1);
      expect(await n({ id: ids.bystander }, ids.sCampRoomAEarly)).toBe(1);
      expect(await n('steering', ids.sCampRoomAEarly)).toBe(1);
      // member is not going to the camp and does not present Room B.
      expect(await n('member', ids.sCampRoomBEarly)).toBe(0);
      expect(await n('anon', ids.sCampRoomAEarly)).toBe(DENIED);
    });

    it('do not let the people going move a session or rename it', async () => {
      const message = await expectRefused(
        db(),
        'anotherMember',
        `update event_sessions set room = 'Room Z' where id = $1 returning id`,
        [ids.sCampRoomAEarly]
      );
      expect(message).toMatch(/organisers and presenters/);
    });

    it('refuse a save against a stale version', async () => {
      await expectRefused(
        db(),
        'member',
        `update event_sessions set notes = 'Late', version = 0 where id = $1 returning id`,
        [ids.sCampRoomAEarly],
        'PT409'
      );
    });

    it('say who may write them through can_write_session_notes', async () => {
      const ask = 'select public.can_write_session_notes($1) as ok';
      const as = async (actor: 'member' | 'anotherMember') =>
        db().as(
          actor,
          async (tx) => (await tx.query<{ ok: boolean }>(ask, [ids.sCampRoomBEarly])).rows[0]!.ok
        );
      expect(await as('anotherMember')).toBe(true);
      expect(await as('member')).toBe(false);
    });
  });

  describe('commit_to_session', () => {
    const commit = `select * from public.commit_to_session($1, $2)`;

    it('makes a commitment of the caller’s that the interested people and presenters watch', async () => {
      const b = (
        await db().sql.query<{ starts_at: string; ends_at: string }>(
          'select starts_at, ends_at from event_sessions where id = $1',
          [ids.sCampRoomALate]
        )
      ).rows[0]!;
      // The camp's organiser places member's pitch (interest: anotherMember, lead) and
      // writes its what next; then steering, who was not interested, commits to it.
      const out = await db().as('steering', async (tx) => {
        const id = (
          await tx.query<{ id: string }>(
            'select public.place_pitch($1, $2, $3::timestamptz, $4::timestamptz) as id',
            [ids.pitchMember, 'Room C', b.starts_at, b.ends_at]
          )
        ).rows[0]!.id;
        await tx.query(
          `update event_sessions set what_next = 'A shared bin content model' where id = $1`,
          [id]
        );
        const c = (
          await tx.query<{ id: string; owner_id: string; title: string }>(commit, [
            id,
            'Write the bin content model'
          ])
        ).rows[0]!;
        const watchers = (
          await tx.query<{ user_id: string }>(
            'select user_id from commitment_watchers where commitment_id = $1 order by user_id',
            [c.id]
          )
        ).rows.map((r) => r.user_id);
        const links = (
          await tx.query<{ s: string; p: string }>(
            `select (select commitment_id from event_sessions where id = $1) as s,
                    (select commitment_id from pitches where id = $2) as p`,
            [id, ids.pitchMember]
          )
        ).rows[0]!;
        const again = await tryQuery(tx, commit, [id, 'Again']);
        return { c, watchers, links, again: again.error?.code };
      });
      expect(out.c.owner_id).toBe(ids.steering);
      expect(out.c.title).toBe('Write the bin content model');
      expect(out.watchers).toEqual([ids.member, ids.anotherMember, ids.lead].sort());
      expect(out.links).toEqual({ s: out.c.id, p: out.c.id });
      expect(out.again).toBe('PT409');
    });

    it('is open to anyone signed in, once there is a what next', async () => {
      const owner = await db().as('anotherMember', async (tx) => {
        return (await tx.query<{ owner_id: string }>(commit, [ids.sPastFirst, 'Publish the model']))
          .rows[0]!.owner_id;
      });
      expect(owner).toBe(ids.anotherMember);
      await expectRefused(db(), 'member', commit, [ids.sPastSecond, 'Nothing yet'], '22023');
      await expectRefused(db(), 'anon', commit, [ids.sPastFirst, 'X']);
      // A draft event's session does not exist for someone who cannot see the event.
      await expectRefused(db(), 'member', commit, [ids.sDraft, 'X'], 'P0002');
    });
  });

  describe('organisers managing sessions (20261201001900)', () => {
    // What a statement did for an actor: the rows it touched, or the error's code.
    const outcome = async (actor: ActAs, text: string, params: unknown[]) =>
      db().as(actor, async (tx) => {
        const r = await tryQuery(tx, text, params);
        return r.error ? r.error.code : r.rowCount;
      });
    // The camp: bystander organises it, member presents sCampRoomAEarly, anotherMember and
    // lead are going. The past show-and-tell: member organises it, anotherMember presents
    // sPastSecond, lead has nothing to do with it.
    const campOrganiser: ActAs = { id: ids.bystander };

    it('lets only the organisers and steering add an open slot', async () => {
      const add = `insert into event_sessions (event_id, title, starts_at, ends_at)
        values ($1, 'Open slot', now() + interval '10 days', now() + interval '10 days 15 minutes')`;
      expect(await outcome('lead', add, [ids.eMeetup])).toBe(1);
      expect(await outcome('steering', add, [ids.eMeetup])).toBe(1);
      // member and bystander are registered going at the meetup; anotherMember is waitlisted.
      for (const actor of ['member', 'anotherMember', { id: ids.bystander }, 'anon'] as ActAs[])
        expect(await outcome(actor, add, [ids.eMeetup])).toBe('42501');
    });

    it('lets organisers and presenters edit a session’s title, room and time, nobody else', async () => {
      const edit = `update event_sessions set title = 'Renamed', room = 'Room C',
        starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour'
        where id = $1`;
      expect(await outcome(campOrganiser, edit, [ids.sCampRoomAEarly])).toBe(1);
      expect(await outcome('member', edit, [ids.sCampRoomAEarly])).toBe(1); // presenter
      expect(await outcome('steering', edit, [ids.sCampRoomAEarly])).toBe(1);
      // People going may write the notes only.
      expect(await outcome('anotherMember', edit, [ids.sCampRoomAEarly])).toBe('42501');
      expect(await outcome('anon', edit, [ids.sCampRoomAEarly])).toBe('42501');
      // Someone with nothing to do with the event does not see it to change.
      expect(await outcome('lead', edit, [ids.sPastSecond])).toBe(0);
      expect(await outcome('anotherMember', edit, [ids.sPastSecond])).toBe(1); // presenter
    });

    it('refuses an edit made against a version someone else has replaced', async () => {
      const stale = `update event_sessions set title = 'Mine', version = version - 1 where id = $1`;
      expect(await outcome(campOrganiser, stale, [ids.sCampRoomAEarly])).toBe('PT409');
    });

    it('takes a camp session off the grid and puts its pitch back, for organisers only', async () => {
      const out = await db().as(campOrganiser, async (tx) => {
        const id = (
          await tx.query<{ id: string }>(
            `select public.place_pitch($1, 'Room C', now() + interval '20 days', now() + interval '20 days 1 hour') as id`,
            [ids.pitchMember]
          )
        ).rows[0]!.id;
        await tx.query('select public.remove_session($1)', [id]);
        return (
          await tx.query<{ session_id: string | null; n: number }>(
            `select session_id, (select count(*)::int from event_sessions where id = $2) as n
             from pitches where id = $1`,
            [ids.pitchMember, id]
          )
        ).rows[0];
      });
      expect(out).toEqual({ session_id: null, n: 0 });
      const remove = 'select public.remove_session($1)';
      for (const actor of ['member', 'anotherMember', 'lead', 'anon'] as ActAs[])
        expect(await outcome(actor, remove, [ids.sCampRoomAEarly])).toBe('42501');
      expect(
        await outcome('member', 'delete from event_sessions where id = $1', [ids.sCampRoomAEarly])
      ).toBe(0);
      const steering = await db().as('steering', async (tx) => {
        await tx.query(remove, [ids.sCampRoomAEarly]);
        return (await tx.query('select 1 from event_sessions where id = $1', [ids.sCampRoomAEarly]))
          .rows.length;
      });
      expect(steering).toBe(0);
    });

    it('opens an accepted offer again when its slot is removed', async () => {
      const status = await db().as('lead', async (tx) => {
        const id = (await tx.query<{ id: string }>(acceptNew, [sessionIds.offerMemberOpen]))
          .rows[0]!.id;
        await tx.query('select public.remove_session($1)', [id]);
        return (
          await tx.query<{ status: string; session_id: string | null }>(
            'select status, session_id from show_offers where id = $1',
            [sessionIds.offerMemberOpen]
          )
        ).rows[0];
      });
      expect(status).toEqual({ status: 'open', session_id: null });
    });

    it('refuses to remove a session with notes, however asked, but lets its event go', async () => {
      const message = await expectRefused(
        db(),
        'member',
        'select public.remove_session($1)',
        [ids.sPastFirst],
        'PT409'
      );
      expect(message).toBe('This session has notes, so it cannot be removed.');
      expect(
        await outcome('steering', 'delete from event_sessions where id = $1', [ids.sPastFirst])
      ).toBe('PT409');
      const left = await db().as('lead', async (tx) => {
        await tx.exec('reset role');
        await tx.query('delete from events where id = $1', [ids.ePast]);
        return (
          await tx.query<{ n: number }>(
            'select count(*)::int as n from event_sessions where id = $1',
            [ids.sPastFirst]
          )
        ).rows[0]!.n;
      });
      expect(left).toBe(0);
    });
  });
});
