// Authorization matrix, part 4: outputs, contributors, reuse records, patterns, examples,
// adoptions and their outcome tags. See the tables in fixtures.ts. $1 is the acting user.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { targets, tryQuery } from './harness.ts';
import {
  DENIED,
  expectRefused,
  matrixTests,
  refusedToAll,
  rowsAs,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const noEdits = { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 0 } as const;

const tables: TableExpectations[] = [
  {
    table: 'outputs',
    // Two published; member also sees their draft and the draft they contribute to;
    // anotherMember their draft; lead their archived one; steering all five.
    select: { anon: 2, member: 4, anotherMember: 3, lead: 3, steering: 5 },
    insert: {
      sql: `insert into outputs (slug, title, status, created_by) values ('fixture-new-output', 'New output', 'published', $1) returning id`,
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update outputs set summary = 'A better summary' where id = $2 returning id`,
      params: () => [ids.oMemberPublished],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    },
    more: {
      'update who created it': {
        // Alex's draft, which Mona contributes to: neither may hand it to someone else.
        sql: `update outputs set created_by = $3 where id = $2 returning id`,
        params: () => [ids.oAnotherDraft, ids.member],
        expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 0, steering: 1 }
      },
      'link to someone else’s commitment': {
        // Mona's draft as evidence for Lee's commitment: Lee's call, not Mona's.
        sql: `update outputs set commitment_id = $3 where id = $2 returning id`,
        params: () => [ids.oMemberDraft, ids.cLeadPublic],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      },
      'share one in a workstream you are not in': {
        // B's members: anotherMember (its lead) and bystander.
        sql: `insert into outputs (slug, title, status, workstream_id, created_by) values ('fixture-in-b', 'In B', 'published', $2, $1) returning id`,
        params: () => [ids.wsOtherActive],
        expect: { anon: DENIED, member: DENIED, anotherMember: 1, lead: DENIED, steering: 1 }
      },
      'move one into a workstream you are not in': {
        // Mona's draft (in no workstream) into B.
        sql: `update outputs set workstream_id = $3 where id = $2 returning id`,
        params: () => [ids.oMemberDraft, ids.wsOtherActive],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      }
    },
    delete: {
      sql: `delete from outputs where id = $2 returning id`,
      params: () => [ids.oMemberPublished],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'output_contributors',
    // Seven rows; each visible where its output is. Mona's published guide is in A, so
    // Lee (A's lead) manages its list along with Mona, its creator.
    select: { anon: 3, member: 6, anotherMember: 5, lead: 4, steering: 7 },
    insert: {
      sql: `insert into output_contributors (output_id, user_id, role) values ($2, $3, 'review') returning user_id`,
      params: () => [ids.oMemberPublished, ids.lead],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update output_contributors set role = 'editing' where output_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.oMemberPublished, ids.bystander],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 1, steering: 1 }
    },
    more: {
      'a contributor adds someone': {
        // Alex's draft, which Mona contributes to: the list is Alex's to manage.
        sql: `insert into output_contributors (output_id, user_id, role) values ($2, $3, 'review') returning user_id`,
        params: () => [ids.oAnotherDraft, ids.lead],
        expect: { anon: DENIED, member: DENIED, anotherMember: 1, lead: DENIED, steering: 1 }
      },
      'a contributor edits someone else’s credit': {
        sql: `update output_contributors set role = 'lead author' where output_id = $2 and user_id = $3 returning user_id`,
        params: () => [ids.oAnotherDraft, ids.anotherMember],
        expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
      },
      'a contributor removes someone else': {
        sql: `delete from output_contributors where output_id = $2 and user_id = $3 returning user_id`,
        params: () => [ids.oAnotherDraft, ids.anotherMember],
        expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
      },
      'edit your own credit': {
        sql: `update output_contributors set role = 'editing' where output_id = $2 and user_id = $1 returning user_id`,
        params: () => [ids.oAnotherDraft],
        expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 0, steering: 0 }
      },
      'remove your own credit': {
        sql: `delete from output_contributors where output_id = $2 and user_id = $1 returning user_id`,
        params: () => [ids.oAnotherDraft],
        expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 0, steering: 0 }
      },
      'move a credit to another output': {
        // A credit's role is edited in place; its output and person are not.
        sql: `update output_contributors set output_id = $3 where output_id = $2 and user_id = $1 returning user_id`,
        params: () => [ids.oAnotherDraft, ids.oMemberPublished],
        expect: refusedToAll
      }
    },
    delete: {
      sql: `delete from output_contributors where output_id = $2 and user_id = $3 returning user_id`,
      params: () => [ids.oMemberPublished, ids.bystander],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 1, steering: 1 }
    }
  },
  {
    table: 'output_reuses',
    select: { anon: 3, member: 4, anotherMember: 4, lead: 4, steering: 5 },
    insert: {
      // For the council: Mona and Lee work there, Alex is at the supplier; steering may
      // record reuse for any organisation.
      sql: `insert into output_reuses (output_id, organisation_id, user_id, phase) values ($2, $3, $1, 'beta') returning id`,
      params: () => [ids.oAnotherPublished, ids.orgCouncil],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update output_reuses set note = 'Now live' where output_id = $2 and user_id = $3 returning id`,
      params: () => [ids.oMemberPublished, ids.anotherMember],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
    },
    more: {
      'update the organisation': {
        // Alex's record for the supplier, taken off it (the council has its own record of
        // this output, and an organisation has one record per output).
        sql: `update output_reuses set organisation_id = $4 where output_id = $2 and user_id = $3 returning id`,
        params: () => [ids.oMemberPublished, ids.anotherMember, null],
        expect: { anon: DENIED, member: 0, anotherMember: DENIED, lead: 0, steering: 1 }
      },
      'update whose it is': {
        sql: `update output_reuses set user_id = $4 where output_id = $2 and user_id = $3 returning id`,
        params: () => [ids.oMemberPublished, ids.anotherMember, ids.member],
        expect: { anon: DENIED, member: 0, anotherMember: DENIED, lead: 0, steering: 1 }
      },
      'move to another output': {
        // Onto Mona's draft, which Alex cannot even see.
        sql: `update output_reuses set output_id = $4 where output_id = $2 and user_id = $3 returning id`,
        params: () => [ids.oMemberPublished, ids.anotherMember, ids.oMemberDraft],
        expect: { anon: DENIED, member: 0, anotherMember: DENIED, lead: 0, steering: 1 }
      }
    },
    delete: {
      sql: `delete from output_reuses where output_id = $2 and user_id = $3 returning id`,
      params: () => [ids.oMemberPublished, ids.anotherMember],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
    }
  },
  {
    table: 'patterns',
    // Two published; each member sees the one draft they may edit (lead: as A's lead).
    select: { anon: 2, member: 3, anotherMember: 3, lead: 3, steering: 4 },
    insert: {
      sql: `insert into patterns (slug, title, status, created_by) values ('fixture-new-pattern', 'New pattern', 'published', $1) returning id`,
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update patterns set summary = 'Clearer' where id = $2 returning id`,
      params: () => [ids.pAnotherDraftInA],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 1, steering: 1 }
    },
    more: {
      'update who wrote it': {
        // Alex's draft in A: Alex and A's lead edit it; only steering may reassign it.
        sql: `update patterns set created_by = $3 where id = $2 returning id`,
        params: () => [ids.pAnotherDraftInA, ids.lead],
        expect: { anon: DENIED, member: 0, anotherMember: DENIED, lead: DENIED, steering: 1 }
      },
      'write one in a workstream you are not in': {
        sql: `insert into patterns (slug, title, status, workstream_id, created_by) values ('fixture-in-b', 'In B', 'published', $2, $1) returning id`,
        params: () => [ids.wsOtherActive],
        expect: { anon: DENIED, member: DENIED, anotherMember: 1, lead: DENIED, steering: 1 }
      },
      'move one into a workstream you are not in': {
        // Lee's published pattern (in no workstream) into B.
        sql: `update patterns set workstream_id = $3 where id = $2 returning id`,
        params: () => [ids.pLeadPublished, ids.wsOtherActive],
        expect: { anon: DENIED, member: 0, anotherMember: 0, lead: DENIED, steering: 1 }
      }
    },
    delete: {
      sql: `delete from patterns where id = $2 returning id`,
      params: () => [ids.pAnotherDraftInA],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'pattern_examples',
    // An example is visible when both its pattern and its output are.
    select: { anon: 1, member: 2, anotherMember: 3, lead: 2, steering: 3 },
    insert: {
      sql: `insert into pattern_examples (pattern_id, output_id) values ($2, $3) returning pattern_id`,
      params: () => [ids.pAnotherDraftInA, ids.oMemberPublished],
      expect: { anon: DENIED, member: DENIED, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update pattern_examples set note = 'A good example' where pattern_id = $2 returning output_id`,
      params: () => [ids.pMemberPublished],
      expect: { anon: DENIED, member: 2, anotherMember: 0, lead: 0, steering: 2 }
    },
    delete: {
      sql: `delete from pattern_examples where pattern_id = $2 and output_id = $3 returning output_id`,
      params: () => [ids.pMemberPublished, ids.oMemberPublished],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'pattern_adoptions',
    select: { anon: 1, member: 2, anotherMember: 2, lead: 2, steering: 3 },
    insert: {
      sql: `insert into pattern_adoptions (pattern_id, organisation_id, user_id, phase) values ($2, $3, $1, 'beta') returning id`,
      params: () => [ids.pLeadPublished, ids.orgCouncil],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update pattern_adoptions set phase = 'live' where pattern_id = $2 and user_id = $3 returning id`,
      params: () => [ids.pMemberPublished, ids.anotherMember],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
    },
    more: {
      'update the organisation': {
        sql: `update pattern_adoptions set organisation_id = $4 where pattern_id = $2 and user_id = $3 returning id`,
        params: () => [ids.pMemberPublished, ids.anotherMember, ids.orgCouncil],
        expect: { anon: DENIED, member: 0, anotherMember: DENIED, lead: 0, steering: 1 }
      },
      'move to another pattern': {
        sql: `update pattern_adoptions set pattern_id = $4 where pattern_id = $2 and user_id = $3 returning id`,
        params: () => [ids.pMemberPublished, ids.anotherMember, ids.pLeadPublished],
        expect: { anon: DENIED, member: 0, anotherMember: DENIED, lead: 0, steering: 1 }
      }
    },
    delete: {
      sql: `delete from pattern_adoptions where pattern_id = $2 and user_id = $3 returning id`,
      params: () => [ids.pMemberPublished, ids.anotherMember],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 0, steering: 1 }
    }
  },
  {
    table: 'output_outcomes',
    select: { anon: 1, member: 3, anotherMember: 2, lead: 1, steering: 3 },
    insert: {
      sql: `insert into output_outcomes (output_id, outcome_id) values ($2, $3) returning output_id`,
      params: () => [ids.oMemberPublished, ids.outcomeData],
      expect: { anon: DENIED, member: 1, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      sql: `update output_outcomes set outcome_id = $3 where output_id = $2 returning output_id`,
      params: () => [ids.oMemberPublished, ids.outcomeData],
      expect: noEdits
    },
    delete: {
      sql: `delete from output_outcomes where output_id = $2 returning output_id`,
      params: () => [ids.oMemberPublished],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'pattern_outcomes',
    select: { anon: 1, member: 1, anotherMember: 2, lead: 2, steering: 2 },
    insert: {
      sql: `insert into pattern_outcomes (pattern_id, outcome_id) values ($2, $3) returning pattern_id`,
      params: () => [ids.pAnotherDraftInA, ids.outcomeOpen],
      expect: { anon: DENIED, member: DENIED, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update pattern_outcomes set outcome_id = $3 where pattern_id = $2 returning pattern_id`,
      params: () => [ids.pAnotherDraftInA, ids.outcomeOpen],
      expect: noEdits
    },
    delete: {
      sql: `delete from pattern_outcomes where pattern_id = $2 returning pattern_id`,
      params: () => [ids.pAnotherDraftInA],
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 1, steering: 1 }
    }
  }
];

describe.each(targets())('authorization matrix: outputs and patterns on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  describe('rules in words', () => {
    it('anonymous visitors see only published outputs and patterns', async () => {
      const outputs = await rowsAs<{ status: string }>(
        db(),
        'anon',
        'select distinct status::text as status from outputs'
      );
      const patterns = await rowsAs<{ status: string }>(
        db(),
        'anon',
        'select distinct status::text as status from patterns'
      );
      expect(outputs).toEqual([{ status: 'published' }]);
      expect(patterns).toEqual([{ status: 'published' }]);
    });

    it('a member can share a draft output (without reading it back in the same statement)', async () => {
      const n = await db().as('member', async (tx) => {
        const r = await tryQuery(
          tx,
          `insert into outputs (slug, title, created_by) values ('fixture-my-draft', 'Draft', $1)`,
          [ids.member]
        );
        if (r.error) throw r.error;
        return (await tx.query(`select id from outputs where slug = 'fixture-my-draft'`)).rows
          .length;
      });
      expect(n).toBe(1);
    });

    // Regression: the draft read policy once depended only on helpers that look the row up
    // in its own table, which an INSERT ... RETURNING cannot see yet (supabase-js
    // .insert().select(), PostgREST return=representation).
    it('a member can share a draft output and read it back in one request (PostgREST return=representation)', async () => {
      const rows = await rowsAs(
        db(),
        'member',
        `insert into outputs (slug, title, created_by) values ('fixture-my-draft', 'Draft', $1) returning id`,
        [ids.member]
      );
      expect(rows).toHaveLength(1);
    });

    it('a member can write a draft pattern and read it back in one request (PostgREST return=representation)', async () => {
      const rows = await rowsAs(
        db(),
        'member',
        `insert into patterns (slug, title, created_by) values ('fixture-my-draft', 'Draft', $1) returning id`,
        [ids.member]
      );
      expect(rows).toHaveLength(1);
    });

    it('a contributor can edit someone else’s output; a non-contributor cannot', async () => {
      const byContributor = await rowsAs(
        db(),
        'member',
        `update outputs set body = 'Edited' where id = $1 returning id`,
        [ids.oAnotherDraft]
      );
      expect(byContributor).toHaveLength(1);
      const byOther = await rowsAs(
        db(),
        'lead',
        `update outputs set body = 'Edited' where id = $1 returning id`,
        [ids.oAnotherDraft]
      );
      expect(byOther).toHaveLength(0);
    });

    it('a member cannot share an output in someone else’s name', async () => {
      await expectRefused(
        db(),
        'member',
        `insert into outputs (slug, title, status, created_by) values ('x', 'X', 'published', $1)`,
        [ids.anotherMember]
      );
    });

    it('a member cannot record reuse in someone else’s name', async () => {
      await expectRefused(
        db(),
        'member',
        `insert into output_reuses (output_id, organisation_id, user_id) values ($1, $2, $3)`,
        [ids.oMemberPublished, ids.orgCouncil, ids.anotherMember]
      );
    });

    it('reuse and adoption are recorded for your own organisation, and say so when not', async () => {
      const reuse = await expectRefused(
        db(),
        'anotherMember',
        `insert into output_reuses (output_id, organisation_id, user_id) values ($1, $2, $3)`,
        [ids.oMemberPublished, ids.orgCouncil, ids.anotherMember]
      );
      expect(reuse).toBe('You can only add reuse records for your own organisation.');
      const adoption = await expectRefused(
        db(),
        'anotherMember',
        `insert into pattern_adoptions (pattern_id, organisation_id, user_id) values ($1, null, $2)`,
        [ids.pLeadPublished, ids.anotherMember]
      );
      expect(adoption).toBe('You can only add adoption records for your own organisation.');
      const own = await rowsAs(
        db(),
        'anotherMember',
        `insert into output_reuses (output_id, organisation_id, user_id) values ($1, $2, $3) returning id`,
        [ids.oAnotherPublished, ids.orgSupplier, ids.anotherMember]
      );
      expect(own).toHaveLength(1);
    });

    it('a reuse record stays editable after its maker moves organisation', async () => {
      const rows = await db().as('anotherMember', async (tx) => {
        await tx.query(`update profiles set organisation_id = $2 where id = $1`, [
          ids.anotherMember,
          ids.orgCouncil
        ]);
        return (
          await tx.query(
            `update output_reuses set note = 'Still in use' where output_id = $1 and user_id = $2 returning id`,
            [ids.oMemberPublished, ids.anotherMember]
          )
        ).rows;
      });
      expect(rows).toHaveLength(1);
    });

    it('the owner of a commitment can mark their own output as its evidence', async () => {
      const rows = await rowsAs(
        db(),
        'member',
        `update outputs set commitment_id = $2 where id = $1 returning id`,
        [ids.oMemberDraft, ids.cMemberPublic]
      );
      expect(rows).toHaveLength(1);
    });

    it('a contributor credit and a pattern example note are versioned edits', async () => {
      const bumped = await db().as('member', async (tx) => {
        const credit = await tx.query<{ version: number }>(
          `update output_contributors set role = 'editing' where output_id = $1 and user_id = $2 returning version`,
          [ids.oMemberPublished, ids.bystander]
        );
        const example = await tx.query<{ version: number }>(
          `update pattern_examples set note = 'Shows the pattern well' where pattern_id = $1 and output_id = $2 returning version`,
          [ids.pMemberPublished, ids.oMemberPublished]
        );
        return [credit.rows[0]!.version, example.rows[0]!.version];
      });
      expect(bumped).toEqual([2, 2]);
    });

    it('a member cannot record reuse of a draft they cannot see', async () => {
      await expectRefused(
        db(),
        'lead',
        `insert into output_reuses (output_id, organisation_id, user_id) values ($1, $2, $3)`,
        [ids.oMemberDraft, ids.orgCouncil, ids.lead]
      );
    });

    it('a workstream lead can edit patterns in their workstream but not others', async () => {
      const own = await rowsAs(
        db(),
        'lead',
        `update patterns set summary = 'x' where id = $1 returning id`,
        [ids.pAnotherDraftInA]
      );
      const other = await rowsAs(
        db(),
        'lead',
        `update patterns set summary = 'x' where id = $1 returning id`,
        [ids.pMemberDraft]
      );
      expect([own.length, other.length]).toEqual([1, 0]);
    });

    it('publishing an output stamps published_at once', async () => {
      const row = await db().as('member', async (tx) => {
        await tx.query(`update outputs set status = 'published' where id = $1`, [ids.oMemberDraft]);
        const first = (
          await tx.query<{ p: string }>(`select published_at as p from outputs where id = $1`, [
            ids.oMemberDraft
          ])
        ).rows[0]!.p;
        await tx.query(`update outputs set status = 'archived' where id = $1`, [ids.oMemberDraft]);
        await tx.query(`update outputs set status = 'published' where id = $1`, [ids.oMemberDraft]);
        const second = (
          await tx.query<{ p: string }>(`select published_at as p from outputs where id = $1`, [
            ids.oMemberDraft
          ])
        ).rows[0]!.p;
        return { first, second };
      });
      expect(row.first).toBeTruthy();
      expect(row.second).toBe(row.first);
    });
  });
});
