// Members act for themselves (issue 7, 20261201000110): nobody puts things in a workstream
// they are not part of, makes a newcomer a lead in one step, edits others' credit, or turns
// a pitch they only liked into a commitment. People added by someone else are told
// (notifications) and can leave. $1 in the matrix is the acting user's id.
import { describe, expect, it } from 'vitest';
import type { Sql } from '../../stack/db/sql.ts';
import { ids } from './fixtures.ts';
import { becomeActor, inRollback, targets, tryQuery, type ActAs, type Actor } from './harness.ts';
import {
  DENIED,
  expectRefused,
  matrixTests,
  refusedToAll,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const tables: TableExpectations[] = [
  {
    table: 'notifications',
    // Three rows: two for member, one for lead; each person sees only their own.
    select: { anon: DENIED, member: 2, anotherMember: 0, lead: 1, steering: 0 },
    insert: {
      // Written by triggers only: nobody notifies anyone by hand.
      sql: `insert into notifications (user_id, verb) values ($2, 'added_to_workstream') returning id`,
      params: () => [ids.member],
      expect: refusedToAll
    },
    update: {
      sql: `update notifications set read_at = now() where user_id = $2 returning id`,
      params: () => [ids.member],
      expect: { anon: DENIED, member: 2, anotherMember: 0, lead: 0, steering: 0 }
    },
    more: {
      'hand a notification to someone else': {
        sql: `update notifications set user_id = $2 where user_id = $1 returning id`,
        params: () => [ids.anotherMember],
        expect: refusedToAll
      }
    },
    delete: {
      sql: `delete from notifications where user_id = $2 returning id`,
      params: () => [ids.member],
      expect: { anon: DENIED, member: 2, anotherMember: 0, lead: 0, steering: 0 }
    }
  }
];

interface Notice {
  verb: string;
  actor_id: string;
  workstream_id: string;
}

describe.each(targets())('acting for others on %s', (target) => {
  const db = useDatabase(target);

  matrixTests(db, tables);

  /** Runs steps as different actors in one transaction, rolled back after. */
  const story = <T>(fn: (as: (actor: Actor) => Promise<Sql>) => Promise<T>) =>
    inRollback(db().sql, (tx) =>
      fn(async (actor) => {
        await becomeActor(tx, actor, db().fixtures);
        return tx;
      })
    );

  const noticesOf = async (tx: Sql) =>
    (
      await tx.query<Notice>(
        `select verb, actor_id, workstream_id from notifications where created_at = now() order by id`
      )
    ).rows;

  it('someone a lead adds to a workstream is told who added them, and can leave', async () => {
    const { notices, left } = await story(async (as) => {
      await (
        await as('lead')
      ).query(`insert into workstream_members (workstream_id, user_id) values ($1, $2)`, [
        ids.wsLeadActive,
        ids.anotherMember
      ]);
      const tx = await as('anotherMember');
      const notices = await noticesOf(tx);
      const left = await tx.query(
        `delete from workstream_members where workstream_id = $1 and user_id = $2 returning user_id`,
        [ids.wsLeadActive, ids.anotherMember]
      );
      return { notices, left: left.rows.length };
    });
    expect(notices).toEqual([
      { verb: 'added_to_workstream', actor_id: ids.lead, workstream_id: ids.wsLeadActive }
    ]);
    expect(left).toBe(1);
  });

  it('a member a lead promotes is told they now lead the workstream', async () => {
    const notices = await story(async (as) => {
      await (
        await as('lead')
      ).query(
        `update workstream_members set role = 'lead' where workstream_id = $1 and user_id = $2`,
        [ids.wsLeadActive, ids.member]
      );
      return noticesOf(await as('member'));
    });
    expect(notices).toEqual([
      { verb: 'made_workstream_lead', actor_id: ids.lead, workstream_id: ids.wsLeadActive }
    ]);
  });

  it('joining a workstream yourself notifies nobody', async () => {
    const count = await story(async (as) => {
      const tx = await as('anotherMember');
      await tx.query(`insert into workstream_members (workstream_id, user_id) values ($1, $2)`, [
        ids.wsLeadActive,
        ids.anotherMember
      ]);
      return (await noticesOf(tx)).length;
    });
    expect(count).toBe(0);
  });

  it('putting something in a workstream you are not in says to join it first', async () => {
    const message = await expectRefused(
      db(),
      'member',
      `insert into commitments (owner_id, workstream_id, title) values ($1, $2, 'Fix B')`,
      [ids.member, ids.wsOtherActive]
    );
    expect(message).toBe('Only members of a workstream can put things in it.');
  });

  it('someone who left a workstream can still edit what they put in it', async () => {
    const edited = await story(async (as) => {
      const tx = await as('member');
      await tx.query(`delete from workstream_members where workstream_id = $1 and user_id = $2`, [
        ids.wsLeadActive,
        ids.member
      ]);
      const r = await tx.query(
        `update commitments set title = 'Still mine' where id = $1 returning workstream_id`,
        [ids.cMemberPublic]
      );
      return r.rows;
    });
    expect(edited).toEqual([{ workstream_id: ids.wsLeadActive }]);
  });

  it('interest in a pitch is not enough to turn it into a commitment', async () => {
    // Mona is interested in Alex's pitch; she neither pitched nor presents it.
    const message = await expectRefused(db(), 'member', `select commit_to_pitch($1, 'Mine now')`, [
      ids.pitchAnother
    ]);
    expect(message).toMatch(/presenting a pitch, or the event’s organisers/);
  });

  it('the pitcher, a presenter of its session and the organisers can turn a pitch into a commitment', async () => {
    const commit = (actor: ActAs, schedule: boolean) =>
      inRollback(db().sql, async (tx) => {
        // Alex's pitch, scheduled into the session Mona presents.
        if (schedule) {
          await tx.query(`update pitches set session_id = $1 where id = $2`, [
            ids.sCampRoomAEarly,
            ids.pitchAnother
          ]);
        }
        await becomeActor(tx, actor, db().fixtures);
        const r = await tryQuery(tx, `select owner_id from commit_to_pitch($1, 'Do it')`, [
          ids.pitchAnother
        ]);
        return r.error ? r.error.code : r.rows[0]!.owner_id;
      });
    expect(await commit('anotherMember', false)).toBe(ids.anotherMember);
    expect(await commit('member', true)).toBe(ids.member);
    expect(await commit('steering', false)).toBe(ids.steering);
    expect(await commit('lead', true)).toBe('42501');
    // The camp's organiser (bystander in the fixtures) may.
    expect(await commit({ id: ids.bystander }, false)).toBe(ids.bystander);
  });
});
