// The signed-in home (issue 12, 20261201000700): "since my last visit" is kept per member
// in public.member_visits, which only its member reads and writes; public.home_for_me()
// returns what needs the member, from what RLS lets them read, and records the visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../stack/db/sql.ts';
import { ids, type Fixtures } from './fixtures.ts';
import {
  becomeActor,
  inRollback,
  openTestDatabase,
  targets,
  tryQuery,
  type Actor,
  type TestDatabase
} from './harness.ts';
import {
  DENIED,
  matrixTests,
  refusedToAll,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const tables: TableExpectations[] = [
  {
    table: 'member_visits',
    // Two rows: member's and lead's; each person sees only their own.
    select: { anon: DENIED, member: 1, anotherMember: 0, lead: 1, steering: 0 },
    insert: {
      sql: `insert into member_visits (user_id) values ($1) on conflict do nothing returning user_id`,
      // member and lead already have a row; the others record their first visit.
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
    },
    update: {
      sql: `update member_visits set visited_at = now() where user_id = $2 returning user_id`,
      params: () => [ids.member],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 0 }
    },
    more: {
      'record a visit for someone else': {
        sql: `insert into member_visits (user_id) values ($2) returning user_id`,
        params: () => [ids.bystander],
        expect: refusedToAll
      },
      'hand a visit row to someone else': {
        sql: `update member_visits set user_id = $2 where user_id = $1 returning user_id`,
        params: () => [ids.bystander],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: DENIED, steering: 0 }
      }
    },
    delete: {
      sql: `delete from member_visits where user_id = $2 returning user_id`,
      params: () => [ids.member],
      expect: refusedToAll
    }
  }
];

interface Home {
  since: string;
  is_steering: boolean;
  is_lead: boolean;
  is_newcomer: boolean;
  commitment_ids: string[];
  lead_stale_ids: string[];
  change_titles: string[];
  network_overdue: number | null;
  patterns_due_for_review: number | null;
}

async function homeAs(tx: Sql, actor: Actor, fixtures: Fixtures) {
  await becomeActor(tx, actor, fixtures);
  const { rows } = await tx.query<Home>(
    `select since, is_steering, is_lead, is_newcomer,
            array(select (c).id from unnest(commitments) c) as commitment_ids,
            array(select (c).id from unnest(lead_stale) c) as lead_stale_ids,
            array(select (c).title from unnest(changes) c) as change_titles,
            network_overdue, patterns_due_for_review
     from home_for_me()`
  );
  return rows[0]!;
}

describe.each(targets())('the signed-in home on %s', (target) => {
  const db = useDatabase(target);

  matrixTests(db, tables);

  it('refuses a visitor who is not signed in', async () => {
    const result = await inRollback(db().sql, async (tx) => {
      await becomeActor(tx, 'anon');
      return tryQuery(tx, `select * from home_for_me()`);
    });
    expect(result.error?.code).toBe('42501');
  });

  it('lists only the member’s own open commitments, overdue ones first', async () => {
    const home = await inRollback(db().sql, async (tx) => {
      await tx.query(
        `update commitments set next_check_in_on = private.london_today() - 3 where id = $1`,
        [ids.cMemberMembers]
      );
      return homeAs(tx, 'member', db().fixtures);
    });
    // Done and archived commitments are not "needs you"; nobody else's appear.
    expect(home.commitment_ids).toEqual([ids.cMemberMembers, ids.cMemberPublic]);
    expect(home.is_lead).toBe(false);
    expect(home.is_steering).toBe(false);
    expect(home.network_overdue).toBeNull();
  });

  it('shows a lead their workstream’s overdue commitments and not another workstream’s', async () => {
    const home = await inRollback(db().sql, async (tx) => {
      await tx.query(
        `update commitments set next_check_in_on = private.london_today() - 5
         where id = any($1::uuid[])`,
        [[ids.cMemberPublic, ids.cAnotherMembers]]
      );
      return homeAs(tx, 'lead', db().fixtures);
    });
    expect(home.is_lead).toBe(true);
    expect(home.lead_stale_ids).toEqual([ids.cMemberPublic]);
  });

  it('gives the steering group the network’s overdue count, counted by the staleness rule', async () => {
    const [home, expected] = await inRollback(db().sql, async (tx) => {
      await tx.query(
        `update commitments set next_check_in_on = private.london_today() - 5 where id = $1`,
        [ids.cAnotherMembers]
      );
      const { rows } = await tx.query<{ n: number }>(
        `select count(*)::int as n from commitments
         where private.staleness(status, next_check_in_on, private.london_today()) = 'overdue'`
      );
      return [await homeAs(tx, 'steering', db().fixtures), rows[0]!.n] as const;
    });
    expect(home.is_steering).toBe(true);
    expect(home.network_overdue).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('gives the steering group the count of patterns due for review, by the patterns’ own rule', async () => {
    const [home, expected] = await inRollback(db().sql, async (tx) => {
      // Never reviewed, and published longer ago than the review interval.
      await tx.query(
        `update patterns set last_reviewed_on = null,
           published_at = now() - make_interval(days => private.pattern_review_after_days() + 5)
         where id = $1`,
        [ids.pLeadPublished]
      );
      const { rows } = await tx.query<{ n: number }>(
        `select count(*)::int as n from patterns p where public.review_due(p)`
      );
      return [await homeAs(tx, 'steering', db().fixtures), rows[0]!.n] as const;
    });
    expect(expected).toBeGreaterThan(0);
    expect(home.patterns_due_for_review).toBe(expected);
  });

  it('shows changes in the member’s workstreams since the last visit, and none from others', async () => {
    const titles = await inRollback(db().sql, async (tx) => {
      await tx.query(
        `insert into commitments (owner_id, workstream_id, title, visibility) values
           ($1, $2, 'New in A', 'members'), ($3, $4, 'New in B', 'members')`,
        [ids.lead, ids.wsLeadActive, ids.anotherMember, ids.wsOtherActive]
      );
      return (await homeAs(tx, 'member', db().fixtures)).change_titles;
    });
    expect(titles).toContain('New in A');
    expect(titles).not.toContain('New in B');
  });

  it('moves "since" on to the previous visit once a visit is over an hour old', async () => {
    const [first, second] = await inRollback(db().sql, async (tx) => {
      const a = (await homeAs(tx, 'member', db().fixtures)).since;
      const b = (await homeAs(tx, 'member', db().fixtures)).since;
      return [a, b];
    });
    // Fixture: member visited 2 days ago (and 9 days ago before that).
    const days = (at: string) => (Date.now() - new Date(at).getTime()) / 86_400_000;
    expect(Math.round(days(first))).toBe(2);
    // Reloading within the hour is the same visit.
    expect(second).toEqual(first);
  });

  it('calls someone with no workstreams and no commitments a newcomer', async () => {
    const home = await inRollback(db().sql, (tx) => homeAs(tx, 'steering', db().fixtures));
    expect(home.is_newcomer).toBe(true);
    const member = await inRollback(db().sql, (tx) => homeAs(tx, 'member', db().fixtures));
    expect(member.is_newcomer).toBe(false);
  });
});

interface PersonaHome {
  is_steering: boolean;
  is_lead: boolean;
  is_newcomer: boolean;
  commitments: number;
  needs: number;
  offers: number;
  events: number;
  changes: number;
  lead_stale: number;
  network_overdue: number | null;
}

describe.each(targets())('the demo personas’ homes on %s', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(target, { seed: true });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function homeOf(email: string): Promise<PersonaHome> {
    return inRollback(db.sql, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `select id from auth.users where email = $1`,
        [email]
      );
      await becomeActor(tx, { id: rows[0]!.id, email });
      const home = await tx.query<PersonaHome>(
        `select is_steering, is_lead, is_newcomer,
                cardinality(commitments) as commitments,
                (select count(*)::int from unnest(commitments) c where (c).needs_check_in) as needs,
                cardinality(offers) as offers, cardinality(events) as events,
                cardinality(changes) as changes, cardinality(lead_stale) as lead_stale,
                network_overdue
         from home_for_me()`
      );
      return home.rows[0]!;
    });
  }

  it('gives Priya (steering) the network’s overdue count', async () => {
    const home = await homeOf('priya.shah@demo.localgov.test');
    expect(home.is_steering).toBe(true);
    expect(home.network_overdue).toBeGreaterThan(0);
  });

  it('gives Tom (lead) his workstream’s overdue commitments and news since his last visit', async () => {
    const home = await homeOf('tom.fletcher@demo.localgov.test');
    expect(home.is_lead).toBe(true);
    expect(home.lead_stale).toBeGreaterThan(0);
    expect(home.offers).toBeGreaterThan(0);
    expect(home.changes).toBeGreaterThan(0);
  });

  it('gives Aisha (member) a check-in due, an offer of help and her events', async () => {
    const home = await homeOf('aisha.khan@demo.localgov.test');
    expect(home.needs).toBeGreaterThan(0);
    expect(home.offers).toBeGreaterThan(0);
    expect(home.events).toBeGreaterThan(0);
    expect(home.is_lead).toBe(false);
  });

  it('gives Jo (newcomer) the start here', async () => {
    const home = await homeOf('jo.newton@demo.localgov.test');
    expect(home.is_newcomer).toBe(true);
    expect(home.commitments).toBe(0);
  });
});
