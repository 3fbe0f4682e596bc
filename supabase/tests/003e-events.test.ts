// Authorization matrix, part 5: events, organisers, joining details, sessions, presenters,
// linked outputs, pitches, interest marks, registrations and event outcome tags.
// See the events table in fixtures.ts. $1 is the acting user's id.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { targets } from './harness.ts';
import {
  DENIED,
  expectRefused,
  matrixTests,
  rowsAs,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const noEdits = { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 0 } as const;
const nobody = {
  anon: DENIED,
  member: DENIED,
  anotherMember: DENIED,
  lead: DENIED,
  steering: DENIED
} as const;

const tables: TableExpectations[] = [
  {
    table: 'events',
    // Visitors: the three published. Members: published + cancelled (4); anotherMember
    // also their draft; steering all five.
    select: { anon: 3, member: 4, anotherMember: 5, lead: 4, steering: 5 },
    insert: {
      sql: `insert into events (slug, kind, title, starts_at, ends_at, status, created_by)
            values ('fixture-new-event', 'meetup', 'New meetup', now() + interval '7 days', now() + interval '7 days 2 hours', 'published', $1)
            returning id`,
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update events set summary = 'Bring a laptop' where id = $2 returning id`,
      params: () => [ids.eMeetup],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    },
    more: {
      'update who created it': {
        // Lee's meetup: Lee organises it, but only steering may reassign it.
        sql: `update events set created_by = $3 where id = $2 returning id`,
        params: () => [ids.eMeetup, ids.member],
        expect: { anon: DENIED, member: 0, anotherMember: 0, lead: DENIED, steering: 1 }
      },
      'create one in a workstream you are not in': {
        sql: `insert into events (slug, kind, title, starts_at, ends_at, status, workstream_id, created_by)
              values ('fixture-in-b', 'meetup', 'B meetup', now() + interval '7 days', now() + interval '7 days 2 hours', 'published', $2, $1)
              returning id`,
        params: () => [ids.wsOtherActive],
        expect: { anon: DENIED, member: DENIED, anotherMember: 1, lead: DENIED, steering: 1 }
      },
      'move one into a workstream you are not in': {
        // Lee's meetup, in A, moved to B.
        sql: `update events set workstream_id = $3 where id = $2 returning id`,
        params: () => [ids.eMeetup, ids.wsOtherActive],
        expect: { anon: DENIED, member: 0, anotherMember: 0, lead: DENIED, steering: 1 }
      }
    },
    delete: {
      sql: `delete from events where id = $2 returning id`,
      params: () => [ids.eMeetup],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'event_organisers',
    select: { anon: 3, member: 4, anotherMember: 5, lead: 4, steering: 5 },
    insert: {
      sql: `insert into event_organisers (event_id, user_id) values ($2, $3) returning user_id`,
      params: () => [ids.eMeetup, ids.member],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update event_organisers set user_id = $3 where event_id = $2 returning user_id`,
      params: () => [ids.eMeetup, ids.member],
      expect: noEdits
    },
    delete: {
      sql: `delete from event_organisers where event_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.eMeetup, ids.lead],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    }
  },
  {
    table: 'event_private_details',
    // Meetup (member is going, lead organises) and the draft (anotherMember organises).
    // anotherMember is only waitlisted for the meetup, so does not see its link.
    select: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 2 },
    insert: {
      sql: `insert into event_private_details (event_id, online_url) values ($2, 'https://meet.example.test/new') returning event_id`,
      params: () => [ids.eCancelled],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update event_private_details set joining_instructions = 'Door code 1234' where event_id = $2 returning event_id`,
      params: () => [ids.eMeetup],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    },
    delete: {
      sql: `delete from event_private_details where event_id = $2 returning event_id`,
      params: () => [ids.eMeetup],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    }
  },
  {
    table: 'event_sessions',
    // Camp 4, past show-and-tell 2, draft 1.
    select: { anon: 6, member: 6, anotherMember: 7, lead: 6, steering: 7 },
    insert: {
      sql: `insert into event_sessions (event_id, title) values ($2, 'Lightning talks') returning id`,
      params: () => [ids.eMeetup],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      // member presents this camp session (the camp is bystander's); anotherMember and
      // lead are going, and people going write notes too (20261201001300).
      sql: `update event_sessions set notes = 'What we said, and what next' where id = $2 returning id`,
      params: () => [ids.sCampRoomAEarly],
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    more: {
      'move to another event': {
        // Mona presents this camp session and organises the past show-and-tell: she may
        // edit the session, not carry it off into her own event's grid.
        sql: `update event_sessions set event_id = $3 where id = $2 returning id`,
        params: () => [ids.sCampRoomAEarly, ids.ePast],
        expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: DENIED, steering: 1 }
      }
    },
    delete: {
      sql: `delete from event_sessions where id = $2 returning id`,
      params: () => [ids.sCampRoomAEarly],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'session_presenters',
    select: { anon: 3, member: 3, anotherMember: 4, lead: 3, steering: 4 },
    insert: {
      // The past show-and-tell is member's.
      sql: `insert into session_presenters (session_id, user_id) values ($2, $3) returning user_id`,
      params: () => [ids.sPastSecond, ids.lead],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      sql: `update session_presenters set user_id = $3 where session_id = $2 returning user_id`,
      params: () => [ids.sPastSecond, ids.lead],
      expect: noEdits
    },
    delete: {
      sql: `delete from session_presenters where session_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.sPastSecond, ids.anotherMember],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'session_outputs',
    // Visible when both the session and the output are.
    select: { anon: 1, member: 3, anotherMember: 2, lead: 1, steering: 3 },
    insert: {
      sql: `insert into session_outputs (session_id, output_id) values ($2, $3) returning output_id`,
      params: () => [ids.sCampRoomAEarly, ids.oMemberPublished],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      sql: `update session_outputs set output_id = $3 where session_id = $2 returning output_id`,
      params: () => [ids.sPastFirst, ids.oAnotherPublished],
      expect: noEdits
    },
    delete: {
      sql: `delete from session_outputs where session_id = $2 and output_id = $3 returning output_id`,
      params: () => [ids.sPastFirst, ids.oMemberPublished],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'pitches',
    select: { anon: 3, member: 3, anotherMember: 3, lead: 3, steering: 3 },
    insert: {
      sql: `insert into pitches (event_id, pitched_by, title) values ($2, $1, 'Let us talk about forms') returning id`,
      params: () => [ids.eCamp],
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update pitches set description = 'Sharper' where id = $2 returning id`,
      params: () => [ids.pitchMember],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    },
    more: {
      'update who pitched it': {
        sql: `update pitches set pitched_by = $3 where id = $2 returning id`,
        params: () => [ids.pitchMember, ids.anotherMember],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      },
      'put it in the session grid': {
        // The grid is the organisers' (bystander's camp): the pitcher cannot schedule it.
        sql: `update pitches set session_id = $3 where id = $2 returning id`,
        params: () => [ids.pitchMember, ids.sCampRoomBLate],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      },
      'point it at someone else’s commitment': {
        sql: `update pitches set commitment_id = $3 where id = $2 returning id`,
        params: () => [ids.pitchMember, ids.cLeadPublic],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      },
      'move to another event': {
        sql: `update pitches set event_id = $3 where id = $2 returning id`,
        params: () => [ids.pitchMember, ids.ePast],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      }
    },
    delete: {
      sql: `delete from pitches where id = $2 returning id`,
      params: () => [ids.pitchMember],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'pitch_interests',
    select: { anon: 3, member: 3, anotherMember: 3, lead: 3, steering: 3 },
    insert: {
      sql: `insert into pitch_interests (pitch_id, user_id) values ($2, $1) returning pitch_id`,
      params: () => [ids.pitchLeadWithdrawn],
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update pitch_interests set created_at = now() where pitch_id = $2 returning user_id`,
      params: () => [ids.pitchMember],
      expect: noEdits
    },
    delete: {
      sql: `delete from pitch_interests where pitch_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.pitchMember, ids.anotherMember],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
    }
  },
  {
    table: 'registrations',
    // Your own; organisers see their events' lists (lead: meetup 3 + cancelled 1 + own 1).
    select: { anon: DENIED, member: 3, anotherMember: 2, lead: 5, steering: 7 },
    // Only register_for_event / cancel_registration write registrations.
    insert: {
      sql: `insert into registrations (event_id, user_id, status) values ($2, $1, 'going') returning id`,
      params: () => [ids.eCamp],
      expect: nobody
    },
    update: {
      sql: `update registrations set status = 'going', position = null where event_id = $2 and status = 'waitlisted' returning id`,
      params: () => [ids.eMeetup],
      expect: nobody
    },
    delete: {
      sql: `delete from registrations where event_id = $2 and user_id = $3 returning id`,
      params: () => [ids.eMeetup, ids.member],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'event_outcomes',
    select: { anon: 2, member: 2, anotherMember: 3, lead: 2, steering: 3 },
    insert: {
      sql: `insert into event_outcomes (event_id, outcome_id) values ($2, $3) returning event_id`,
      params: () => [ids.eMeetup, ids.outcomeOpen],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update event_outcomes set outcome_id = $3 where event_id = $2 returning event_id`,
      params: () => [ids.eMeetup, ids.outcomeOpen],
      expect: noEdits
    },
    delete: {
      sql: `delete from event_outcomes where event_id = $2 returning event_id`,
      params: () => [ids.eMeetup],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    }
  }
];

describe.each(targets())('authorization matrix: events on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  describe('rules in words', () => {
    it('a member can create a draft event (without reading it back in the same statement)', async () => {
      const n = await db().as('member', async (tx) => {
        await tx.query(
          `insert into events (slug, kind, title, starts_at, ends_at, created_by)
           values ('fixture-my-draft', 'workshop', 'Draft', now() + interval '9 days', now() + interval '9 days 1 hour', $1)`,
          [ids.member]
        );
        return (await tx.query(`select id from events where slug = 'fixture-my-draft'`)).rows
          .length;
      });
      expect(n).toBe(1);
    });

    // Regression: the organiser row comes from an after-insert trigger, so the read policy
    // must not depend on it alone for INSERT ... RETURNING of a draft to work.
    it('a member can create a draft event and read it back in one request (PostgREST return=representation)', async () => {
      const rows = await rowsAs(
        db(),
        'member',
        `insert into events (slug, kind, title, starts_at, ends_at, created_by)
         values ('fixture-my-draft', 'workshop', 'Draft', now() + interval '9 days', now() + interval '9 days 1 hour', $1)
         returning id`,
        [ids.member]
      );
      expect(rows).toHaveLength(1);
    });

    it('the online link is readable only by people going, organisers and steering', async () => {
      const link = `select online_url from event_private_details where event_id = $1`;
      const seen = async (actor: 'member' | 'anotherMember' | 'lead' | 'steering') =>
        (await rowsAs<{ online_url: string }>(db(), actor, link, [ids.eMeetup])).map(
          (r) => r.online_url
        );
      const url = 'https://meet.example.test/fixture-meetup';
      expect(await seen('member')).toEqual([url]); // going
      expect(await seen('anotherMember')).toEqual([]); // waitlisted
      expect(await seen('lead')).toEqual([url]); // organiser
      expect(await seen('steering')).toEqual([url]);
      await expectRefused(db(), 'anon', link, [ids.eMeetup]);
    });

    it('someone promoted from the waiting list can then read the link', async () => {
      const url = await db().as('member', async (tx) => {
        await tx.query('select cancel_registration($1)', [ids.eMeetup]);
        // anotherMember was first on the waiting list: now going.
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ role: 'authenticated', sub: ids.anotherMember })
        ]);
        const r = await tx.query<{ online_url: string }>(
          `select online_url from event_private_details where event_id = $1`,
          [ids.eMeetup]
        );
        return r.rows.map((x) => x.online_url);
      });
      expect(url).toEqual(['https://meet.example.test/fixture-meetup']);
    });

    it('someone who cancelled can no longer read the link', async () => {
      const url = await db().as('member', async (tx) => {
        await tx.query('select cancel_registration($1)', [ids.eMeetup]);
        const r = await tx.query<{ online_url: string }>(
          `select online_url from event_private_details where event_id = $1`,
          [ids.eMeetup]
        );
        return r.rows.map((x) => x.online_url);
      });
      expect(url).toEqual([]);
    });

    it('a member can only register themselves', async () => {
      // No direct writes: not for yourself, not for anyone else.
      await expectRefused(
        db(),
        'member',
        `insert into registrations (event_id, user_id, status) values ($1, $2, 'going')`,
        [ids.eCamp, ids.bystander]
      );
      // register_for_event takes no person: it registers whoever calls it.
      const rows = await rowsAs<{ user_id: string }>(
        db(),
        'member',
        'select user_id from register_for_event($1)',
        [ids.eCamp]
      );
      expect(rows).toEqual([{ user_id: ids.member }]);
      await expectRefused(
        db(),
        'member',
        `update registrations set status = 'cancelled', position = null where user_id = $1`,
        [ids.anotherMember]
      );
    });

    it('the organiser puts a pitch in the grid', async () => {
      // Bo organises the camp (not one of the matrix's actors).
      const rows = await db().as(
        { id: ids.bystander },
        async (tx) =>
          (
            await tx.query(`update pitches set session_id = $2 where id = $1 returning id`, [
              ids.pitchMember,
              ids.sCampRoomBLate
            ])
          ).rows
      );
      expect(rows).toHaveLength(1);
    });

    it('visitors see how many places are left but never who registered', async () => {
      const rows = await rowsAs<{ going: number; waitlisted: number; places_left: number }>(
        db(),
        'anon',
        'select going, waitlisted, places_left from event_attendance($1)',
        [[ids.eMeetup, ids.eDraft]]
      );
      expect(rows).toEqual([{ going: 2, waitlisted: 1, places_left: 0 }]);
      await expectRefused(db(), 'anon', 'select * from registrations');
    });

    it('visitors cannot register or cancel', async () => {
      await expectRefused(db(), 'anon', 'select register_for_event($1)', [ids.eCamp]);
      await expectRefused(db(), 'anon', 'select cancel_registration($1)', [ids.eCamp]);
    });

    it('a member cannot pitch at a draft event, or in someone else’s name', async () => {
      await expectRefused(
        db(),
        'member',
        `insert into pitches (event_id, pitched_by, title) values ($1, $2, 'X')`,
        [ids.eDraft, ids.member]
      );
      await expectRefused(
        db(),
        'member',
        `insert into pitches (event_id, pitched_by, title) values ($1, $2, 'X')`,
        [ids.eCamp, ids.anotherMember]
      );
    });

    it('a member cannot mark interest in someone else’s name', async () => {
      await expectRefused(
        db(),
        'member',
        `insert into pitch_interests (pitch_id, user_id) values ($1, $2)`,
        [ids.pitchLeadWithdrawn, ids.bystander]
      );
    });

    it('a pitch becomes a commitment that carries the interested people as watchers', async () => {
      const watchers = await db().as('member', async (tx) => {
        const c = await tx.query<{ id: string }>(
          `select id from commit_to_pitch($1, 'Fix bin collection content')`,
          [ids.pitchMember]
        );
        const w = await tx.query<{ user_id: string }>(
          `select user_id from commitment_watchers where commitment_id = $1 order by user_id`,
          [c.rows[0]!.id]
        );
        return w.rows.map((r) => r.user_id);
      });
      expect(watchers).toEqual([ids.anotherMember, ids.lead].sort());
    });

    it('someone with no part in a pitch cannot turn it into a commitment', async () => {
      await expectRefused(db(), 'lead', `select commit_to_pitch($1, 'Mine now')`, [
        ids.pitchAnother
      ]);
    });

    it('visitors cannot see draft events or their sessions', async () => {
      const rows = await rowsAs(db(), 'anon', 'select id from event_sessions where event_id = $1', [
        ids.eDraft
      ]);
      expect(rows).toEqual([]);
      const events = await rowsAs(db(), 'anon', 'select id from events where id = $1', [
        ids.eDraft
      ]);
      expect(events).toEqual([]);
    });

    it('members do not see each other’s registrations', async () => {
      const rows = await rowsAs(
        db(),
        'anotherMember',
        'select user_id from registrations where event_id = $1',
        [ids.eMeetup]
      );
      expect(rows).toEqual([{ user_id: ids.anotherMember }]);
    });
  });
});
