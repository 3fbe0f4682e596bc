// Authorization matrix, part 6: the activity record (append-only, written by triggers),
// the views the pages read (security invoker: the reader's RLS applies) and the logging of
// hard deletes by the steering group.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { actors, targets, type Actor } from './harness.ts';
import { DENIED, matrixTests, rowsAs, useDatabase, type TableExpectations } from './matrix.ts';

const nobody = {
  anon: DENIED,
  member: DENIED,
  anotherMember: DENIED,
  lead: DENIED,
  steering: DENIED
} as const;

const tables: TableExpectations[] = [
  {
    table: 'activity',
    // Five known rows: public (member), members (anotherMember), and private rows by
    // member, anotherMember and steering. You see public + members + your own private.
    select: { anon: 1, member: 3, anotherMember: 3, lead: 2, steering: 5 },
    insert: {
      sql: `insert into activity (actor_id, verb, subject_table, summary, audience) values ($1, 'published', 'outputs', 'Forged', 'public') returning id`,
      expect: nobody
    },
    update: {
      sql: `update activity set summary = 'Rewritten history' returning id`,
      expect: nobody
    },
    delete: {
      sql: `delete from activity returning id`,
      expect: nobody
    }
  }
];

// What each actor sees through the views: the same as through the tables beneath.
const views: { view: string; expect: Record<Actor, number> }[] = [
  {
    view: 'commitment_overview',
    expect: { anon: 5, member: 8, anotherMember: 7, lead: 7, steering: 9, service_role: 9 }
  },
  {
    view: 'workstream_summary',
    expect: { anon: 3, member: 5, anotherMember: 5, lead: 5, steering: 5, service_role: 5 }
  },
  // Reuse of oMemberPublished and oAnotherPublished for everyone; drafts and archived
  // outputs only where their output is visible.
  {
    view: 'output_reuse_counts',
    expect: { anon: 2, member: 3, anotherMember: 3, lead: 3, steering: 4, service_role: 4 }
  },
  {
    view: 'pattern_adoption_counts',
    expect: { anon: 1, member: 2, anotherMember: 2, lead: 2, steering: 3, service_role: 3 }
  }
];

// Every table the 003a-003f (and 010) files cover. A new table fails the coverage test below
// until it gets its row in the matrix.
const coveredTables = [
  // 003a
  'profiles',
  'organisations',
  'network_roles',
  'outcomes',
  // 003b
  'workstreams',
  'workstream_members',
  'workstream_outcomes',
  // 003c
  'commitments',
  'check_ins',
  'commitment_watchers',
  'commitment_outcomes',
  // 003d
  'outputs',
  'output_contributors',
  'output_reuses',
  'patterns',
  'pattern_examples',
  'pattern_adoptions',
  'output_outcomes',
  'pattern_outcomes',
  // 003e
  'events',
  'event_organisers',
  'event_private_details',
  'event_sessions',
  'session_presenters',
  'session_outputs',
  'pitches',
  'pitch_interests',
  'registrations',
  'event_outcomes',
  // 003f
  'activity',
  // 010
  'notifications',
  // 014
  'member_visits',
  // 015
  'email_outbox',
  // 016
  'slug_redirects',
  // 017
  'pattern_reviews',
  'outcome_redirects',
  // 018
  'calendar_feeds',
  // 019
  'show_offers',
  // 020
  'follows',
  'email_preferences'
];

describe.each(targets())('authorization matrix: activity and views on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  it('every table and view in the exposed schema is in the authorization matrix', async () => {
    const { rows } = await db().sql.query<{ name: string }>(
      `select c.relname::text as name from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
       order by 1`
    );
    const covered = [...coveredTables, ...views.map((v) => v.view)].sort();
    expect(rows.map((r) => r.name)).toEqual(covered);
  });

  describe.each(views)('the $view view', ({ view, expect: counts }) => {
    it.each(actors)(`%s sees what the tables beneath let them see`, async (actor) => {
      const rows = await rowsAs<{ n: number }>(
        db(),
        actor,
        `select count(*)::int as n from ${view}`
      );
      expect(rows[0]!.n).toBe(counts[actor]);
    });
  });

  describe('rules in words', () => {
    it('steering can hard delete a commitment and it is logged as private activity', async () => {
      const logged = await db().as('steering', async (tx) => {
        const deleted = await tx.query(`delete from commitments where id = $1 returning id`, [
          ids.cMemberPublic
        ]);
        const log = await tx.query<{
          actor_id: string;
          verb: string;
          subject_table: string;
          audience: string;
          summary: string;
        }>(
          `select actor_id, verb, subject_table, audience, summary from activity where subject_id = $1 and verb = 'deleted'`,
          [ids.cMemberPublic]
        );
        return { deleted: deleted.rows.length, log: log.rows };
      });
      expect(logged.deleted).toBe(1);
      expect(logged.log).toHaveLength(1);
      expect(logged.log[0]).toMatchObject({
        actor_id: ids.steering,
        verb: 'deleted',
        subject_table: 'commitments',
        audience: 'private'
      });
      expect(logged.log[0]!.summary).toContain('Mona’s public commitment');
    });

    it('the log of a hard delete is not readable by the member whose thing it was', async () => {
      const seen = await db().as('steering', async (tx) => {
        await tx.query(`delete from outputs where id = $1`, [ids.oMemberPublished]);
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ role: 'authenticated', sub: ids.member })
        ]);
        const r = await tx.query(
          `select id from activity where subject_id = $1 and verb = 'deleted'`,
          [ids.oMemberPublished]
        );
        return r.rows.length;
      });
      expect(seen).toBe(0);
    });

    it.each([
      ['a workstream', `delete from workstreams where id = $1`, ids.wsPaused, 'workstreams'],
      ['a pattern', `delete from patterns where id = $1`, ids.pMemberDraft, 'patterns'],
      ['an event', `delete from events where id = $1`, ids.eDraft, 'events'],
      ['a profile', `delete from profiles where id = $1`, ids.bystander, 'profiles']
    ])('steering deleting %s is logged', async (_what, text, id, table) => {
      const log = await db().as('steering', async (tx) => {
        await tx.query(text, [id]);
        return (
          await tx.query<{ subject_table: string }>(
            `select subject_table from activity where subject_id = $1 and verb = 'deleted' and actor_id = $2`,
            [id, ids.steering]
          )
        ).rows;
      });
      expect(log).toEqual([{ subject_table: table }]);
    });

    it('a new public commitment is public activity that visitors can read', async () => {
      const summary = await db().as('member', async (tx) => {
        const c = await tx.query<{ id: string }>(
          `insert into commitments (owner_id, title, visibility) values ($1, 'Run a discovery on bin collections', 'public') returning id`,
          [ids.member]
        );
        await tx.exec('set local role anon');
        await tx.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
        const r = await tx.query<{ verb: string; audience: string }>(
          `select verb, audience from activity where subject_id = $1`,
          [c.rows[0]!.id]
        );
        return r.rows;
      });
      expect(summary).toEqual([{ verb: 'committed', audience: 'public' }]);
    });

    it('a members-only commitment is activity that visitors cannot read but members can', async () => {
      const seen = await db().as('member', async (tx) => {
        const c = await tx.query<{ id: string }>(
          `insert into commitments (owner_id, title, visibility) values ($1, 'Interview service managers', 'members') returning id`,
          [ids.member]
        );
        const id = c.rows[0]!.id;
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ role: 'authenticated', sub: ids.anotherMember })
        ]);
        const asMember = (await tx.query(`select id from activity where subject_id = $1`, [id]))
          .rows.length;
        await tx.exec('set local role anon');
        await tx.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
        const asAnon = (await tx.query(`select id from activity where subject_id = $1`, [id])).rows
          .length;
        return { asMember, asAnon };
      });
      expect(seen).toEqual({ asMember: 1, asAnon: 0 });
    });

    it('a check-in on a members-only commitment is activity visitors cannot read', async () => {
      const seen = await db().as('member', async (tx) => {
        await tx.query(
          `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'Interviews done')`,
          [ids.cMemberMembers, ids.member]
        );
        const asOwner = (
          await tx.query(`select id from activity where subject_id = $1 and verb = 'checked_in'`, [
            ids.cMemberMembers
          ])
        ).rows.length;
        await tx.exec('set local role anon');
        await tx.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
        const asAnon = (
          await tx.query(`select id from activity where subject_id = $1`, [ids.cMemberMembers])
        ).rows.length;
        return { asOwner, asAnon };
      });
      expect(seen).toEqual({ asOwner: 1, asAnon: 0 });
    });

    it('a public commitment made members-only takes its earlier activity out of public view', async () => {
      const seen = await db().as('member', async (tx) => {
        const c = await tx.query<{ id: string }>(
          `insert into commitments (owner_id, title, visibility) values ($1, 'Map the planning journey', 'public') returning id`,
          [ids.member]
        );
        const id = c.rows[0]!.id;
        await tx.query(
          `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'First workshop held')`,
          [id, ids.member]
        );
        await tx.query(`update commitments set visibility = 'members' where id = $1`, [id]);
        const asMember = (await tx.query(`select id from activity where subject_id = $1`, [id]))
          .rows.length;
        await tx.exec('set local role anon');
        await tx.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
        const asAnon = (await tx.query(`select id from activity where subject_id = $1`, [id])).rows
          .length;
        return { asMember, asAnon };
      });
      // committed, checked in, updated: all still there for members, none for visitors.
      expect(seen).toEqual({ asMember: 3, asAnon: 0 });
    });

    it('an archived commitment’s activity is not readable by visitors', async () => {
      const seen = await db().as('member', async (tx) => {
        await tx.query(
          `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'Wrapping up')`,
          [ids.cMemberPublic, ids.member]
        );
        await tx.query(`update commitments set archived_at = now() where id = $1`, [
          ids.cMemberPublic
        ]);
        await tx.exec('set local role anon');
        await tx.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
        return (
          await tx.query(`select id from activity where subject_id = $1`, [ids.cMemberPublic])
        ).rows.length;
      });
      expect(seen).toBe(0);
    });

    it('a check-in is logged against its commitment, with the status it moved to', async () => {
      const log = await db().as('member', async (tx) => {
        await tx.query(
          `insert into check_ins (commitment_id, author_id, note, status_to) values ($1, $2, 'Blocked on data access', 'blocked')`,
          [ids.cMemberPublic, ids.member]
        );
        return (
          await tx.query<{ verb: string; subject_table: string }>(
            `select verb, subject_table from activity where subject_id = $1 and actor_id = $2`,
            [ids.cMemberPublic, ids.member]
          )
        ).rows;
      });
      expect(log).toEqual([{ verb: 'checked_in_blocked', subject_table: 'commitments' }]);
    });

    it('registering for an event is logged privately for the person registering', async () => {
      const log = await db().as('member', async (tx) => {
        const r = await tx.query<{ id: string }>(`select id from register_for_event($1)`, [
          ids.eCamp
        ]);
        return (
          await tx.query<{ actor_id: string; verb: string; audience: string }>(
            `select actor_id, verb, audience from activity where subject_id = $1`,
            [r.rows[0]!.id]
          )
        ).rows;
      });
      expect(log).toEqual([{ actor_id: ids.member, verb: 'registered', audience: 'private' }]);
    });
  });
});
