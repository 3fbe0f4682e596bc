// Authorization matrix, part 3: commitments, check-ins, watchers / offers of help and
// commitment outcome tags. See the commitment table in fixtures.ts. $1 is the acting user.
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

const tables: TableExpectations[] = [
  {
    table: 'commitments',
    // Visitors: the 5 public, unarchived ones. Members: the 7 unarchived plus their own
    // archived ones (member has one). Steering: all 9.
    select: { anon: 5, member: 8, anotherMember: 7, lead: 7, steering: 9 },
    insert: {
      sql: `insert into commitments (owner_id, title, visibility) values ($1, 'Write the guide', 'members') returning id`,
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update commitments set title = 'Write the better guide' where id = $2 returning id`,
      params: () => [ids.cMemberPublic],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    },
    more: {
      'update the owner': {
        // Owners cannot give a commitment away; steering may reassign it.
        sql: `update commitments set owner_id = $3 where id = $2 returning id`,
        params: () => [ids.cMemberPublic, ids.lead],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      },
      // save_commitment (supabase/migrations/20261201000200) runs as the caller: the
      // policies above decide, and a refused save is an error, not 0 rows. Making one is
      // for the signed-in member (steering included: it becomes theirs).
      'make through save_commitment (with a tag)': {
        sql: `select public.save_commitment(p_title => 'Made by rpc', p_so_that => 'it is atomic',
                p_due_on => current_date + 30, p_visibility => 'members',
                p_next_check_in_on => current_date + 14, p_outcome_ids => array[$2]::uuid[]) as id`,
        params: () => [ids.outcomeNeed],
        expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
      },
      'save through save_commitment (with a tag)': {
        sql: `select public.save_commitment(p_id => $2, p_title => 'Saved by rpc', p_so_that => 'it is atomic',
                p_due_on => current_date + 30, p_visibility => 'public',
                p_version => (select version from commitments where id = $2),
                p_outcome_ids => array[$3]::uuid[]) as id`,
        params: () => [ids.cMemberPublic, ids.outcomeData],
        expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: DENIED, steering: 1 }
      }
    },
    delete: {
      // Members archive; only steering deletes.
      sql: `delete from commitments where id = $2 returning id`,
      params: () => [ids.cMemberPublic],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'check_ins',
    // On cMemberPublic, cMemberMembers, cMemberArchived, cAnotherPublic, cAnotherMembers.
    select: { anon: 2, member: 5, anotherMember: 4, lead: 4, steering: 5 },
    insert: {
      sql: `insert into check_ins (commitment_id, author_id, note) values ($2, $1, 'Made progress') returning id`,
      params: () => [ids.cMemberPublic],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      sql: `update check_ins set note = 'Started the content audit (edited)' where commitment_id = $2 returning id`,
      params: () => [ids.cMemberPublic],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    },
    more: {
      'move to another commitment': {
        // Mona's check-in on her public commitment, moved onto her members-only one.
        sql: `update check_ins set commitment_id = $3 where commitment_id = $2 returning id`,
        params: () => [ids.cMemberPublic, ids.cMemberMembers],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      },
      'update the status it recorded': {
        sql: `update check_ins set status_to = 'done' where commitment_id = $2 returning id`,
        params: () => [ids.cMemberPublic],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      },
      'update the author': {
        sql: `update check_ins set author_id = $3 where commitment_id = $2 returning id`,
        params: () => [ids.cMemberPublic, ids.lead],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      }
    },
    delete: {
      sql: `delete from check_ins where commitment_id = $2 returning id`,
      params: () => [ids.cMemberPublic],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'commitment_watchers',
    // Four rows; one is on Bo's archived commitment, which only steering sees.
    select: { anon: 0, member: 3, anotherMember: 3, lead: 3, steering: 4 },
    insert: {
      sql: `insert into commitment_watchers (commitment_id, user_id, kind) values ($2, $1, 'offer_help') returning commitment_id`,
      params: () => [ids.cLeadPublic],
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      // anotherMember watches Mona's public commitment.
      sql: `update commitment_watchers set kind = 'offer_help', note = 'I can help' where commitment_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.cMemberPublic, ids.anotherMember],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 0 }
    },
    more: {
      'move to another commitment': {
        // anotherMember's watch on Mona's public commitment, moved onto Bo's archived one.
        sql: `update commitment_watchers set commitment_id = $4 where commitment_id = $2 and user_id = $3 returning user_id`,
        params: () => [ids.cMemberPublic, ids.anotherMember, ids.cBystanderArchived],
        expect: { anon: DENIED, member: 0, anotherMember: DENIED, lead: 0, steering: 0 }
      }
    },
    delete: {
      sql: `delete from commitment_watchers where commitment_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.cMemberPublic, ids.anotherMember],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
    }
  },
  {
    table: 'commitment_outcomes',
    // Tags on cMemberPublic, cMemberMembers and Mona's archived commitment.
    select: { anon: 1, member: 3, anotherMember: 2, lead: 2, steering: 3 },
    insert: {
      sql: `insert into commitment_outcomes (commitment_id, outcome_id) values ($2, $3) returning commitment_id`,
      params: () => [ids.cMemberPublic, ids.outcomeData],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      sql: `update commitment_outcomes set outcome_id = $3 where commitment_id = $2 returning commitment_id`,
      params: () => [ids.cMemberPublic, ids.outcomeData],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 0 }
    },
    delete: {
      sql: `delete from commitment_outcomes where commitment_id = $2 returning commitment_id`,
      params: () => [ids.cMemberPublic],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    }
  }
];

describe.each(targets())('authorization matrix: commitments on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  describe('rules in words', () => {
    it('anonymous visitors cannot read members-only commitments, or their check-ins and tags', async () => {
      const rows = await rowsAs<{ visibility: string }>(
        db(),
        'anon',
        'select distinct visibility::text as visibility from commitments'
      );
      expect(rows).toEqual([{ visibility: 'public' }]);
      const checkIns = await rowsAs(
        db(),
        'anon',
        'select id from check_ins where commitment_id = $1',
        [ids.cMemberMembers]
      );
      expect(checkIns).toEqual([]);
      const tags = await rowsAs(
        db(),
        'anon',
        'select outcome_id from commitment_outcomes where commitment_id = $1',
        [ids.cMemberMembers]
      );
      expect(tags).toEqual([]);
    });

    it('members read each other’s members-only commitments', async () => {
      const rows = await rowsAs(db(), 'anotherMember', 'select id from commitments where id = $1', [
        ids.cMemberMembers
      ]);
      expect(rows).toHaveLength(1);
    });

    it('a member cannot check in on another member’s commitment', async () => {
      await expectRefused(
        db(),
        'anotherMember',
        `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'Done it for you')`,
        [ids.cMemberPublic, ids.anotherMember]
      );
      // Nor in the owner's name.
      await expectRefused(
        db(),
        'anotherMember',
        `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'Done it for you')`,
        [ids.cMemberPublic, ids.member]
      );
    });

    it('a check-in moves the commitment on: status, next check-in date and version', async () => {
      const after = await db().as('member', async (tx) => {
        const before = (
          await tx.query<{ version: number }>('select version from commitments where id = $1', [
            ids.cMemberPublic
          ])
        ).rows[0]!;
        await tx.query(
          `insert into check_ins (commitment_id, author_id, note, status_to, next_check_in_on)
           values ($1, $2, 'Blocked on access', 'blocked', current_date + 7)`,
          [ids.cMemberPublic, ids.member]
        );
        const r = await tx.query<{ status: string; due: boolean; version: number }>(
          `select status::text as status, next_check_in_on = current_date + 7 as due, version from commitments where id = $1`,
          [ids.cMemberPublic]
        );
        return { ...r.rows[0]!, bumped: r.rows[0]!.version - before.version };
      });
      expect(after).toMatchObject({ status: 'blocked', due: true, bumped: 1 });
    });

    it('a check-in marking a commitment done closes it with the note', async () => {
      const row = await db().as('member', async (tx) => {
        await tx.query(
          `insert into check_ins (commitment_id, author_id, note, status_to) values ($1, $2, 'Published the guide', 'done')`,
          [ids.cMemberPublic, ids.member]
        );
        return (
          await tx.query<{ status: string; closing_note: string; completed: boolean }>(
            `select status::text as status, closing_note, completed_at is not null as completed from commitments where id = $1`,
            [ids.cMemberPublic]
          )
        ).rows[0]!;
      });
      expect(row).toEqual({ status: 'done', closing_note: 'Published the guide', completed: true });
    });

    it('a member cannot make a commitment in someone else’s name or give theirs away', async () => {
      await expectRefused(
        db(),
        'member',
        `insert into commitments (owner_id, title) values ($1, 'For you')`,
        [ids.anotherMember]
      );
      await expectRefused(db(), 'member', `update commitments set owner_id = $1 where id = $2`, [
        ids.anotherMember,
        ids.cMemberPublic
      ]);
    });

    it('a member archives rather than deletes, and still sees their archived commitment', async () => {
      const seen = await db().as('member', async (tx) => {
        const archived = await tx.query(
          `update commitments set archived_at = now() where id = $1 returning id`,
          [ids.cMemberPublic]
        );
        const deleted = await tx.query(`delete from commitments where id = $1 returning id`, [
          ids.cMemberPublic
        ]);
        const visible = await tx.query(`select id from commitments where id = $1`, [
          ids.cMemberPublic
        ]);
        return [archived.rows.length, deleted.rows.length, visible.rows.length];
      });
      expect(seen).toEqual([1, 0, 1]);
      const forOthers = await db().as('anotherMember', async (tx) => {
        await tx.query(`select 1`);
        return (await tx.query(`select id from commitments where id = $1`, [ids.cMemberArchived]))
          .rows.length;
      });
      expect(forOthers).toBe(0);
    });

    it('a check-in’s author can correct its note but not what it recorded', async () => {
      const message = await expectRefused(
        db(),
        'member',
        `update check_ins set next_check_in_on = next_check_in_on + 30 where commitment_id = $1`,
        [ids.cMemberPublic]
      );
      expect(message).toBe('Only the note of a check-in can be changed.');
      const rows = await rowsAs(
        db(),
        'member',
        `update check_ins set note = 'Started the content audit (typo fixed)' where commitment_id = $1 returning id`,
        [ids.cMemberPublic]
      );
      expect(rows).toHaveLength(1);
    });

    it('visitors cannot read check-ins on members-only or archived commitments', async () => {
      const rows = await rowsAs<{ commitment_id: string }>(
        db(),
        'anon',
        'select distinct commitment_id from check_ins order by 1'
      );
      expect(rows.map((r) => r.commitment_id)).toEqual([ids.cMemberPublic, ids.cAnotherPublic]);
    });

    it('a member cannot watch in someone else’s name', async () => {
      await expectRefused(
        db(),
        'member',
        `insert into commitment_watchers (commitment_id, user_id) values ($1, $2)`,
        [ids.cLeadPublic, ids.anotherMember]
      );
    });
  });
});
