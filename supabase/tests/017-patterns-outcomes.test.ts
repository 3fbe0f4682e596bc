// Patterns and outcome tags (20261201001100): the matrix for pattern_reviews and
// outcome_redirects; save_pattern (one call with tags and examples, version conflicts);
// who may review a pattern; "review due" and "useful"; merging and retiring outcome tags;
// the organisations taking part in an outcome and the matchmaking rule; inviting people
// when proposing a workstream.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { becomeActor, inRollback, targets, tryQuery, type Actor } from './harness.ts';
import {
  DENIED,
  expectRefused,
  matrixTests,
  useDatabase,
  type TableExpectations
} from './matrix.ts';
import type { Sql } from '../../stack/db/sql.ts';

const tables: TableExpectations[] = [
  {
    table: 'pattern_reviews',
    // Lee's published pattern's review is seen by all; the review of Alex's draft in A by
    // Alex, Lee (A's lead) and steering.
    select: { anon: 1, member: 1, anotherMember: 2, lead: 2, steering: 2 },
    insert: {
      // Alex's draft in A: only A's lead and steering may review it.
      sql: `insert into pattern_reviews (pattern_id, maturity, note, reviewed_by) values ($2, 'beta', 'Looks good', $1) returning id`,
      params: () => [ids.pAnotherDraftInA],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: 1, steering: 1 }
    },
    update: {
      sql: `update pattern_reviews set note = 'Changed' where pattern_id = $2 returning id`,
      params: () => [ids.pLeadPublished],
      expect: {
        anon: DENIED,
        member: DENIED,
        anotherMember: DENIED,
        lead: DENIED,
        steering: DENIED
      }
    },
    delete: {
      sql: `delete from pattern_reviews where pattern_id = $2 returning id`,
      params: () => [ids.pLeadPublished],
      expect: {
        anon: DENIED,
        member: DENIED,
        anotherMember: DENIED,
        lead: DENIED,
        steering: DENIED
      }
    }
  },
  {
    table: 'outcome_redirects',
    select: { anon: 1, member: 1, anotherMember: 1, lead: 1, steering: 1 },
    insert: {
      sql: `insert into outcome_redirects (old_slug, outcome_id) values ('fixture-older', $2) returning old_slug`,
      params: () => [ids.outcomeData],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      sql: `update outcome_redirects set outcome_id = $2 returning old_slug`,
      params: () => [ids.outcomeData],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    },
    delete: {
      sql: `delete from outcome_redirects returning old_slug`,
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  }
];

const proposePattern = `select public.save_pattern(
    p_title => $1, p_summary => 'A summary', p_problem => 'A problem',
    p_known_gaps => 'Not tried offline', p_outcome_ids => $2::uuid[],
    p_example_output_ids => $3::uuid[]) as slug`;

const editPattern = `select public.save_pattern(
    p_id => $1, p_title => $2, p_summary => 'A summary', p_problem => 'A problem',
    p_version => $3, p_outcome_ids => $4::uuid[], p_example_output_ids => $5::uuid[]) as slug`;

const review = `select public.review_pattern($1, $2::public.pattern_maturity, $3, $4)`;

async function versionOf(tx: Sql, id: string): Promise<number> {
  return (await tx.query<{ version: number }>('select version from patterns where id = $1', [id]))
    .rows[0]!.version;
}

async function tagsOf(tx: Sql, table: string, column: string, id: string) {
  return (
    await tx.query<{ outcome_id: string }>(
      `select outcome_id from ${table} where ${column} = $1 order by outcome_id`,
      [id]
    )
  ).rows.map((r) => r.outcome_id);
}

describe.each(targets())('patterns and outcome tags on %s', (target) => {
  const db = useDatabase(target);

  describe('authorization matrix', () => {
    matrixTests(db, tables);
  });

  describe('save_pattern', () => {
    it('proposes a published, experimental pattern with its tags and examples in one call', async () => {
      const out = await db().as('member', async (tx) => {
        const slug = (
          await tx.query<{ slug: string }>(proposePattern, [
            'Tell people what happens next',
            [ids.outcomeNeed],
            [ids.oAnotherPublished]
          ])
        ).rows[0]!.slug;
        const row = (
          await tx.query<{
            id: string;
            status: string;
            maturity: string;
            known_gaps: string;
            created_by: string;
          }>('select id, status, maturity, known_gaps, created_by from patterns where slug = $1', [
            slug
          ])
        ).rows[0]!;
        const examples = (
          await tx.query<{ output_id: string }>(
            'select output_id from pattern_examples where pattern_id = $1',
            [row.id]
          )
        ).rows.map((r) => r.output_id);
        return {
          slug,
          row,
          examples,
          tags: await tagsOf(tx, 'pattern_outcomes', 'pattern_id', row.id)
        };
      });
      expect(out.slug).toBe('tell-people-what-happens-next');
      expect(out.row).toMatchObject({
        status: 'published',
        maturity: 'experimental',
        known_gaps: 'Not tried offline',
        created_by: ids.member
      });
      expect(out.tags).toEqual([ids.outcomeNeed]);
      expect(out.examples).toEqual([ids.oAnotherPublished]);
    });

    it('gives a second pattern with the same title a numbered slug', async () => {
      const slugs = await db().as('member', async (tx) => {
        const a = (await tx.query<{ slug: string }>(proposePattern, ['Same title', [], []]))
          .rows[0]!;
        const b = (await tx.query<{ slug: string }>(proposePattern, ['Same title', [], []]))
          .rows[0]!;
        return [a.slug, b.slug];
      });
      expect(slugs).toEqual(['same-title', 'same-title-2']);
    });

    it('saves nothing when a tag cannot be written', async () => {
      const r = await db().as('member', async (tx) => {
        const res = await tryQuery(tx, proposePattern, [
          'Half saved',
          ['00000000-0000-4000-8000-999999999999'],
          []
        ]);
        const left = await tx.query('select 1 from patterns where slug = $1', ['half-saved']);
        return { code: res.error?.code, left: left.rows.length };
      });
      expect(r).toEqual({ code: '23503', left: 0 });
    });

    it('edits against the version opened, replacing tags and examples, and keeps the slug', async () => {
      const out = await db().as('member', async (tx) => {
        const v = await versionOf(tx, ids.pMemberPublished);
        const slug = (
          await tx.query<{ slug: string }>(editPattern, [
            ids.pMemberPublished,
            'A new title',
            v,
            [ids.outcomeData],
            []
          ])
        ).rows[0]!.slug;
        const stale = await tryQuery(tx, editPattern, [
          ids.pMemberPublished,
          'Another title',
          v,
          [],
          []
        ]);
        return {
          slug,
          staleCode: stale.error?.code,
          tags: await tagsOf(tx, 'pattern_outcomes', 'pattern_id', ids.pMemberPublished)
        };
      });
      expect(out).toEqual({
        slug: 'fixture-member-published',
        staleCode: 'PT409',
        tags: [ids.outcomeData]
      });
    });

    it('refuses an edit by someone who is not its author, a lead of its workstream or steering', async () => {
      const v = await db().as('member', (tx) => versionOf(tx, ids.pLeadPublished));
      await expectRefused(db(), 'anotherMember', editPattern, [
        ids.pLeadPublished,
        'Mine now',
        v,
        [],
        []
      ]);
    });
  });

  describe('review_pattern', () => {
    const reviewAs = (actor: Actor, pattern = ids.pAnotherDraftInA) =>
      db().as(actor, async (tx) => {
        const v = await versionOf(tx, pattern);
        const r = await tryQuery(tx, review, [pattern, 'beta', 'Two councils tried it', v]);
        if (r.error) return r.error.code;
        const row = (
          await tx.query<{ maturity: string; reviewed: boolean }>(
            `select maturity, last_reviewed_on = private.london_today() as reviewed from patterns where id = $1`,
            [pattern]
          )
        ).rows[0]!;
        const history = (
          await tx.query<{ maturity: string; previous_maturity: string; note: string }>(
            `select maturity, previous_maturity, note from pattern_reviews
             where pattern_id = $1 order by created_at desc, id limit 1`,
            [pattern]
          )
        ).rows[0]!;
        return { ...row, history };
      });

    it('lets the lead of the pattern’s workstream move it to beta, with a history row', async () => {
      expect(await reviewAs('lead')).toEqual({
        maturity: 'beta',
        reviewed: true,
        history: {
          maturity: 'beta',
          previous_maturity: 'experimental',
          note: 'Two councils tried it'
        }
      });
    });

    it('lets the steering group review any pattern', async () => {
      expect(await reviewAs('steering')).toMatchObject({ maturity: 'beta' });
    });

    it('refuses its author and other members', async () => {
      expect(await reviewAs('anotherMember')).toBe('42501');
      expect(await reviewAs('member', ids.pLeadPublished)).toBe('42501');
      expect(await reviewAs('member', ids.pMemberPublished)).toBe('42501');
    });

    it('refuses an author setting the maturity by editing the row', async () => {
      await expectRefused(
        db(),
        'member',
        `update patterns set maturity = 'recommended' where id = $1 returning id`,
        [ids.pMemberPublished]
      );
    });

    it('refuses a stale review', async () => {
      const code = await db().as('lead', async (tx) => {
        const v = await versionOf(tx, ids.pAnotherDraftInA);
        await tx.query(review, [ids.pAnotherDraftInA, 'beta', 'First', v]);
        return (await tryQuery(tx, review, [ids.pAnotherDraftInA, 'recommended', 'Second', v]))
          .error?.code;
      });
      expect(code).toBe('PT409');
    });
  });

  describe('review due and useful', () => {
    it('says a pattern is due for review the pattern_review_after_days after its last review', async () => {
      const due = await inRollback(db().sql, async (tx) => {
        await tx.query(
          `update patterns set last_reviewed_on = private.london_today() - private.pattern_review_after_days() - 1
           where id = $1`,
          [ids.pLeadPublished]
        );
        await tx.query(
          `update patterns set last_reviewed_on = private.london_today() - private.pattern_review_after_days()
           where id = $1`,
          [ids.pMemberPublished]
        );
        return (
          await tx.query<{ id: string; due: boolean }>(
            `select p.id, public.review_due(p) as due from patterns p where id in ($1, $2) order by id`,
            [ids.pMemberPublished, ids.pLeadPublished]
          )
        ).rows;
      });
      expect(due).toEqual([
        { id: ids.pMemberPublished, due: false },
        { id: ids.pLeadPublished, due: true }
      ]);
    });

    it('marks a pattern useful once two organisations have recorded using it', async () => {
      const useful = await inRollback(db().sql, async (tx) => {
        const before = (
          await tx.query<{ is_useful: boolean }>(
            'select is_useful from pattern_adoption_counts where pattern_id = $1',
            [ids.pMemberPublished]
          )
        ).rows[0]!.is_useful;
        await tx.query(
          `insert into pattern_adoptions (pattern_id, organisation_id, user_id, phase) values ($1, $2, $3, 'live')`,
          [ids.pMemberPublished, ids.orgCouncil, ids.member]
        );
        const after = (
          await tx.query<{ is_useful: boolean }>(
            'select is_useful from pattern_adoption_counts where pattern_id = $1',
            [ids.pMemberPublished]
          )
        ).rows[0]!.is_useful;
        return { before, after };
      });
      expect(useful).toEqual({ before: false, after: true });
    });
  });

  describe('merge_outcomes', () => {
    it('moves every link to the survivor, redirects the old slug and removes the old tag', async () => {
      const out = await db().as('steering', async (tx) => {
        const survivor = (
          await tx.query<{ slug: string }>('select public.merge_outcomes($1, $2) as slug', [
            ids.outcomeOpen,
            ids.outcomeNeed
          ])
        ).rows[0]!.slug;
        const left = await tx.query('select 1 from outcomes where id = $1', [ids.outcomeOpen]);
        const redirect = (
          await tx.query<{ outcome_id: string }>(
            `select outcome_id from outcome_redirects where old_slug = 'fixture-open-by-default'`
          )
        ).rows[0]?.outcome_id;
        return {
          survivor,
          left: left.rows.length,
          redirect,
          workstream: await tagsOf(tx, 'workstream_outcomes', 'workstream_id', ids.wsOtherActive),
          commitment: await tagsOf(tx, 'commitment_outcomes', 'commitment_id', ids.cMemberMembers),
          output: await tagsOf(tx, 'output_outcomes', 'output_id', ids.oMemberDraft)
        };
      });
      expect(out).toEqual({
        survivor: 'fixture-focusing-on-need',
        left: 0,
        redirect: ids.outcomeNeed,
        workstream: [ids.outcomeNeed],
        commitment: [ids.outcomeNeed],
        output: [ids.outcomeNeed]
      });
    });

    it('refuses anyone outside the steering group, changing nothing', async () => {
      for (const actor of ['member', 'lead'] as const) {
        await expectRefused(db(), actor, 'select public.merge_outcomes($1, $2)', [
          ids.outcomeOpen,
          ids.outcomeNeed
        ]);
      }
      await expectRefused(db(), 'anon', 'select public.merge_outcomes($1, $2)', [
        ids.outcomeOpen,
        ids.outcomeNeed
      ]);
    });

    it('refuses merging a tag into itself', async () => {
      await expectRefused(
        db(),
        'steering',
        'select public.merge_outcomes($1, $1)',
        [ids.outcomeOpen],
        '22023'
      );
    });

    it('leaves a renamed tag’s old slug redirecting', async () => {
      const redirect = await db().as('steering', async (tx) => {
        await tx.query(`update outcomes set slug = 'fixture-data-renamed' where id = $1`, [
          ids.outcomeData
        ]);
        return (
          await tx.query<{ outcome_id: string }>(
            `select outcome_id from outcome_redirects where old_slug = 'fixture-better-data'`
          )
        ).rows[0]?.outcome_id;
      });
      expect(redirect).toBe(ids.outcomeData);
    });
  });

  describe('retiring an outcome tag', () => {
    it('stops offering it in forms but keeps what it tagged, even when that is edited', async () => {
      const out = await inRollback(db().sql, async (tx) => {
        await tx.query('update outcomes set retired_at = now() where id = $1', [ids.outcomeNeed]);
        await becomeActor(tx, 'member', db().fixtures);
        const offered = (
          await tx.query<{ id: string }>(
            `select id from public.filter_options() where kind = 'outcome'`
          )
        ).rows.map((r) => r.id);
        const v = (
          await tx.query<{ version: number }>('select version from commitments where id = $1', [
            ids.cMemberPublic
          ])
        ).rows[0]!.version;
        // The edit form no longer offers the retired tag, so none is ticked.
        await tx.query(
          `select public.save_commitment(p_id => $1, p_title => 'Edited', p_so_that => 'people find advice',
             p_due_on => current_date + 30, p_visibility => 'public', p_version => $2, p_outcome_ids => '{}')`,
          [ids.cMemberPublic, v]
        );
        return {
          offered,
          tags: await tagsOf(tx, 'commitment_outcomes', 'commitment_id', ids.cMemberPublic)
        };
      });
      expect(out.offered).not.toContain(ids.outcomeNeed);
      expect(out.offered).toContain(ids.outcomeData);
      expect(out.tags).toEqual([ids.outcomeNeed]);
    });
  });

  describe('outcome_organisations and matchmaking', () => {
    const organisations = (actor: Actor, setUp: string[]) =>
      inRollback(db().sql, async (tx) => {
        for (const s of setUp) await tx.exec(s);
        await becomeActor(tx, actor, db().fixtures);
        return (
          await tx.query<{
            organisation_slug: string;
            working: boolean;
            apart: boolean;
            suggest_workstream: boolean;
            member_ids: string[];
          }>(
            `select organisation_slug, working, apart, suggest_workstream, member_ids
             from public.outcome_organisations('fixture-open-by-default')`
          )
        ).rows;
      });
    // Alex (the supplier) commits to the same outcome as Mona (the council), who is not in
    // Alex's workstream on it.
    const alexToo = `insert into commitment_outcomes (commitment_id, outcome_id) values ('${ids.cAnotherPublic}', '${ids.outcomeOpen}')`;

    it('suggests a workstream when two organisations work on an outcome apart', async () => {
      const rows = await organisations('member', [alexToo]);
      expect(rows).toEqual([
        {
          organisation_slug: 'fixture-council',
          working: true,
          apart: true,
          suggest_workstream: true,
          member_ids: [ids.member]
        },
        {
          organisation_slug: 'fixture-supplier',
          working: true,
          apart: true,
          suggest_workstream: true,
          member_ids: [ids.anotherMember]
        }
      ]);
    });

    it('suggests nothing when they already share a workstream on it', async () => {
      const rows = await organisations('member', [
        alexToo,
        `insert into workstream_members (workstream_id, user_id) values ('${ids.wsOtherActive}', '${ids.member}')`
      ]);
      expect(rows.map((r) => [r.organisation_slug, r.apart, r.suggest_workstream])).toEqual([
        ['fixture-council', false, false],
        ['fixture-supplier', false, false]
      ]);
    });

    it('suggests nothing for one organisation alone', async () => {
      const rows = await organisations('member', []);
      expect(rows.some((r) => r.suggest_workstream)).toBe(false);
    });

    it('counts the outcome’s open and done commitments on every row, and on one row when nobody takes part', async () => {
      const counts = await inRollback(db().sql, async (tx) => {
        await tx.exec(
          `insert into commitment_outcomes (commitment_id, outcome_id) values ('${ids.cMemberDone}', '${ids.outcomeOpen}');
           insert into outcomes (slug, title) values ('fixture-empty', 'Fixture: nothing tagged')`
        );
        await becomeActor(tx, 'member', db().fixtures);
        const open = (
          await tx.query<{ commitments_open: number; commitments_done: number }>(
            `select distinct commitments_open, commitments_done
             from public.outcome_organisations('fixture-open-by-default')`
          )
        ).rows;
        const none = (
          await tx.query<{ organisation_slug: string | null; commitments_open: number }>(
            `select organisation_slug, commitments_open from public.outcome_organisations('fixture-empty')`
          )
        ).rows;
        return { open, none };
      });
      // Mona's members-only planned commitment and her done one; her archived one is left out.
      expect(counts.open).toEqual([{ commitments_open: 1, commitments_done: 1 }]);
      expect(counts.none).toEqual([{ organisation_slug: null, commitments_open: 0 }]);
    });

    it('shows visitors only what they may see: members-only commitments do not count', async () => {
      const rows = await organisations('anon', [alexToo]);
      expect(rows.map((r) => r.organisation_slug)).toEqual(['fixture-supplier']);
    });
  });

  describe('propose_workstream with invitations', () => {
    it('adds the invited members, who are told, and makes the proposer lead', async () => {
      const out = await db().as('member', async (tx) => {
        const slug = (
          await tx.query<{ slug: string }>(
            `select public.propose_workstream(p_slug => 'fixture-matched', p_title => 'Matched',
               p_purpose => 'Working together', p_outcome_ids => $1::uuid[], p_invite_ids => $2::uuid[]) as slug`,
            [[ids.outcomeOpen], [ids.anotherMember, ids.member]]
          )
        ).rows[0]!.slug;
        const members = (
          await tx.query<{ user_id: string; role: string }>(
            `select m.user_id, m.role::text as role from workstream_members m
             join workstreams w on w.id = m.workstream_id where w.slug = $1 order by m.role, m.user_id`,
            [slug]
          )
        ).rows;
        return { slug, members };
      });
      expect(out.slug).toBe('fixture-matched');
      expect(out.members).toEqual([
        { user_id: ids.member, role: 'lead' },
        { user_id: ids.anotherMember, role: 'member' }
      ]);
      const told = await inRollback(db().sql, async (tx) => {
        await becomeActor(tx, 'member', db().fixtures);
        await tx.query(
          `select public.propose_workstream(p_slug => 'fixture-matched', p_title => 'Matched',
             p_purpose => 'Working together', p_invite_ids => $1::uuid[])`,
          [[ids.anotherMember]]
        );
        await tx.exec('reset role');
        return (
          await tx.query<{ n: number }>(
            `select count(*)::int as n from notifications n join workstreams w on w.id = n.workstream_id
             where w.slug = 'fixture-matched' and n.user_id = $1 and n.verb = 'added_to_workstream'`,
            [ids.anotherMember]
          )
        ).rows[0]!.n;
      });
      expect(told).toBe(1);
    });
  });

  describe('we use this pattern (20261201001800)', () => {
    const record = `select public.record_pattern_adoption($1, $2::public.delivery_phase, $3, $4) as id`;

    it('keeps one record per organisation, which a colleague updates rather than duplicates', async () => {
      const result = await db().as('member', async (tx) => {
        const first = (
          await tx.query<{ id: string }>(record, [ids.pLeadPublished, 'alpha', 'Trying it', null])
        ).rows[0]!.id;
        // Lee works at the same council and says so again, without having seen Mona's record.
        await tx.exec('reset role');
        await becomeActor(tx, 'lead', db().fixtures);
        const second = (
          await tx.query<{ id: string }>(record, [ids.pLeadPublished, 'live', 'Now live', null])
        ).rows[0]!.id;
        const rows = (
          await tx.query<{ phase: string; note: string; user_id: string }>(
            `select phase, note, user_id from pattern_adoptions where pattern_id = $1 and organisation_id = $2`,
            [ids.pLeadPublished, ids.orgCouncil]
          )
        ).rows;
        return { same: first === second, rows };
      });
      expect(result.same).toBe(true);
      // Still Mona's record (she made it); Lee brought it up to date.
      expect(result.rows).toEqual([{ phase: 'live', note: 'Now live', user_id: ids.member }]);
    });

    it('lets a colleague edit the organisation’s record directly, but not someone of another organisation', async () => {
      const result = await inRollback(db().sql, async (tx) => {
        await tx.query(
          `insert into pattern_adoptions (pattern_id, organisation_id, user_id, phase) values ($1, $2, $3, 'beta')`,
          [ids.pLeadPublished, ids.orgCouncil, ids.lead]
        );
        const update = `update pattern_adoptions set note = $3 where pattern_id = $1 and organisation_id = $2 returning id`;
        await becomeActor(tx, 'anotherMember', db().fixtures);
        const stranger = (await tx.query(update, [ids.pLeadPublished, ids.orgCouncil, 'Not ours']))
          .rows.length;
        await tx.exec('reset role');
        await becomeActor(tx, 'member', db().fixtures);
        const colleague = (await tx.query(update, [ids.pLeadPublished, ids.orgCouncil, 'Ours']))
          .rows.length;
        return { stranger, colleague };
      });
      expect(result).toEqual({ stranger: 0, colleague: 1 });
    });

    it('refuses a stale version of the record', async () => {
      const error = await db().as('anotherMember', async (tx) => {
        // Alex saves the supplier's record from version 1 (it becomes 2); saving again from 1 is stale.
        await tx.query(record, [ids.pMemberPublished, 'beta', null, 1]);
        return (await tryQuery(tx, record, [ids.pMemberPublished, 'live', null, 1])).error;
      });
      expect(error?.code).toBe('PT409');
    });

    it('refuses a second record for the same organisation made another way', async () => {
      const error = await db().as(
        'anotherMember',
        async (tx) =>
          (
            await tryQuery(
              tx,
              `insert into pattern_adoptions (pattern_id, organisation_id, user_id, phase) values ($1, $2, $3, 'beta')`,
              [ids.pMemberPublished, ids.orgSupplier, ids.anotherMember]
            )
          ).error
      );
      expect(error?.code).toBe('23505');
    });

    it('asks a member without an organisation to add one to their profile', async () => {
      const message = await expectRefused(db(), 'steering', record, [
        ids.pLeadPublished,
        'beta',
        null,
        null
      ]);
      expect(message).toBe('Your profile does not say which organisation you work for.');
    });
  });
});
