// Authorization matrix, part 2: workstreams, their members and their outcome tags.
// Fixtures: A (wsLeadActive) is led by lead; B (wsOtherActive) by anotherMember;
// C is anotherMember's proposal; D closed; E paused. $1 is the acting user's id.
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

const signedIn = (n: number) => ({ member: n, anotherMember: n, lead: n, steering: n });

const tables: TableExpectations[] = [
  {
    table: 'workstreams',
    // Visitors see active and closed ones (A, B, D); members see all five.
    select: { anon: 3, ...signedIn(5) },
    insert: {
      sql: `insert into workstreams (slug, title, status, created_by) values ('fixture-new', 'A new idea', 'proposed', $1) returning id`,
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update workstreams set purpose = 'A sharper purpose' where id = $2 returning id`,
      params: () => [ids.wsLeadActive],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    },
    more: {
      'update who proposed it': {
        // Lee proposed (and leads) A: leads edit it, but only steering may reassign it.
        sql: `update workstreams set created_by = $3 where id = $2 returning id`,
        params: () => [ids.wsLeadActive, ids.member],
        expect: { anon: DENIED, member: 0, anotherMember: 0, lead: DENIED, steering: 1 }
      },
      // The save functions (supabase/migrations/20261201000200) run as the caller: the
      // policies above decide, and a refused save is an error, not 0 rows.
      'propose through propose_workstream (with a tag)': {
        sql: `select public.propose_workstream(p_slug => 'fixture-proposed-by-rpc', p_title => 'By rpc',
                p_purpose => 'Testing', p_outcome_ids => array[$2]::uuid[]) as slug`,
        params: () => [ids.outcomeNeed],
        expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
      },
      'save through save_workstream (with a tag)': {
        sql: `select public.save_workstream(p_id => $2, p_title => 'Saved by rpc', p_purpose => 'Testing',
                p_status => 'active', p_version => (select version from workstreams where id = $2),
                p_outcome_ids => array[$3]::uuid[])`,
        params: () => [ids.wsLeadActive, ids.outcomeData],
        expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
      }
    },
    delete: {
      sql: `delete from workstreams where id = $2 returning id`,
      params: () => [ids.wsLeadActive],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'workstream_members',
    // A: lead, member, bystander; B: anotherMember, bystander; C: anotherMember; E: member.
    // Visitors see the members of A and B (D, the other public one, has none).
    select: { anon: 5, ...signedIn(7) },
    insert: {
      // Adding steering to A: only A's lead (and steering, joining itself) may.
      sql: `insert into workstream_members (workstream_id, user_id, role) values ($2, $3, 'member') returning user_id`,
      params: () => [ids.wsLeadActive, ids.steering],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update workstream_members set role = 'lead' where workstream_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.wsLeadActive, ids.member],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    },
    delete: {
      sql: `delete from workstream_members where workstream_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.wsLeadActive, ids.bystander],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    }
  },
  {
    table: 'workstream_outcomes',
    // A, B and C are tagged; visitors see the tags of A and B.
    select: { anon: 2, ...signedIn(3) },
    insert: {
      sql: `insert into workstream_outcomes (workstream_id, outcome_id) values ($2, $3) returning workstream_id`,
      params: () => [ids.wsLeadActive, ids.outcomeOpen],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      // No one edits a tag row: it is added or removed.
      sql: `update workstream_outcomes set outcome_id = $3 where workstream_id = $2 returning workstream_id`,
      params: () => [ids.wsLeadActive, ids.outcomeData],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 0 }
    },
    delete: {
      sql: `delete from workstream_outcomes where workstream_id = $2 returning workstream_id`,
      params: () => [ids.wsLeadActive],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 1, steering: 1 }
    }
  }
];

describe.each(targets())('authorization matrix: workstreams on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  describe('rules in words', () => {
    it('a membership has created_at as well as joined_at, and a role change bumps its version', async () => {
      const row = await db().as('lead', async (tx) => {
        const before = (
          await tx.query<{ version: number; same: boolean }>(
            `select version, created_at = joined_at as same from workstream_members
             where workstream_id = $1 and user_id = $2`,
            [ids.wsLeadActive, ids.member]
          )
        ).rows[0]!;
        const after = (
          await tx.query<{ version: number }>(
            `update workstream_members set role = 'lead' where workstream_id = $1 and user_id = $2
             returning version`,
            [ids.wsLeadActive, ids.member]
          )
        ).rows[0]!;
        return { same: before.same, bumped: after.version - before.version };
      });
      expect(row).toEqual({ same: true, bumped: 1 });
    });

    it('anonymous visitors see only active and closed workstreams', async () => {
      const rows = await rowsAs<{ status: string }>(
        db(),
        'anon',
        'select distinct status::text as status from workstreams order by 1'
      );
      expect(rows.map((r) => r.status)).toEqual(['active', 'closed']);
    });

    it('whoever proposes a workstream leads it', async () => {
      const after = await db().as('member', async (tx) => {
        await tx.query(
          `insert into workstreams (slug, title, created_by) values ('fixture-mine', 'Mine', $1)`,
          [ids.member]
        );
        const r = await tx.query<{ role: string }>(
          `select m.role::text as role from workstream_members m join workstreams w on w.id = m.workstream_id
           where w.slug = 'fixture-mine' and m.user_id = $1`,
          [ids.member]
        );
        return r.rows;
      });
      expect(after).toEqual([{ role: 'lead' }]);
    });

    it('a member cannot create a workstream that is already active', async () => {
      await expectRefused(
        db(),
        'member',
        `insert into workstreams (slug, title, status, created_by) values ('fixture-active', 'Active', 'active', $1)`,
        [ids.member]
      );
    });

    it('a lead cannot approve their own proposal; steering can', async () => {
      await expectRefused(
        db(),
        'anotherMember',
        `update workstreams set status = 'active' where id = $1`,
        [ids.wsProposed]
      );
      const rows = await rowsAs(
        db(),
        'steering',
        `update workstreams set status = 'active' where id = $1 returning id`,
        [ids.wsProposed]
      );
      expect(rows).toHaveLength(1);
    });

    it('a lead can pause and close their active workstream', async () => {
      const rows = await rowsAs<{ status: string }>(
        db(),
        'lead',
        `update workstreams set status = 'closed' where id = $1 returning status::text as status`,
        [ids.wsLeadActive]
      );
      expect(rows).toEqual([{ status: 'closed' }]);
    });

    it('leads manage their own workstream’s members but not another workstream’s', async () => {
      // Own workstream A: add, promote, remove.
      const own = await db().as('lead', async (tx) => {
        const added = await tx.query(
          `insert into workstream_members (workstream_id, user_id) values ($1, $2) returning user_id`,
          [ids.wsLeadActive, ids.anotherMember]
        );
        const promoted = await tx.query(
          `update workstream_members set role = 'lead' where workstream_id = $1 and user_id = $2 returning user_id`,
          [ids.wsLeadActive, ids.member]
        );
        const removed = await tx.query(
          `delete from workstream_members where workstream_id = $1 and user_id = $2 returning user_id`,
          [ids.wsLeadActive, ids.bystander]
        );
        return [added.rows.length, promoted.rows.length, removed.rows.length];
      });
      expect(own).toEqual([1, 1, 1]);
      // Workstream B (led by anotherMember): nothing.
      await expectRefused(
        db(),
        'lead',
        `insert into workstream_members (workstream_id, user_id) values ($1, $2)`,
        [ids.wsOtherActive, ids.member]
      );
      const other = await db().as('lead', async (tx) => {
        const promoted = await tx.query(
          `update workstream_members set role = 'lead' where workstream_id = $1 and user_id = $2 returning user_id`,
          [ids.wsOtherActive, ids.bystander]
        );
        const removed = await tx.query(
          `delete from workstream_members where workstream_id = $1 and user_id = $2 returning user_id`,
          [ids.wsOtherActive, ids.bystander]
        );
        return [promoted.rows.length, removed.rows.length];
      });
      expect(other).toEqual([0, 0]);
    });

    it('a member can join an open workstream as a member, not as a lead, and not a closed one', async () => {
      const joined = await rowsAs(
        db(),
        'member',
        `insert into workstream_members (workstream_id, user_id) values ($1, $2) returning role`,
        [ids.wsOtherActive, ids.member]
      );
      expect(joined).toEqual([{ role: 'member' }]);
      await expectRefused(
        db(),
        'member',
        `insert into workstream_members (workstream_id, user_id, role) values ($1, $2, 'lead')`,
        [ids.wsOtherActive, ids.member]
      );
      await expectRefused(
        db(),
        'member',
        `insert into workstream_members (workstream_id, user_id) values ($1, $2)`,
        [ids.wsClosed, ids.member]
      );
    });

    it('a member can leave a workstream but cannot remove someone else', async () => {
      const left = await rowsAs(
        db(),
        'member',
        `delete from workstream_members where workstream_id = $1 and user_id = $2 returning user_id`,
        [ids.wsLeadActive, ids.member]
      );
      expect(left).toHaveLength(1);
      const removed = await rowsAs(
        db(),
        'member',
        `delete from workstream_members where workstream_id = $1 and user_id = $2 returning user_id`,
        [ids.wsLeadActive, ids.bystander]
      );
      expect(removed).toHaveLength(0);
    });
  });
});
