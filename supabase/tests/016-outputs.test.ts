// Sharing outputs (20261201001000): the authorization matrix for slug_redirects; one save
// (save_output) for an output with its credits, outcome tags and evidence link, all or
// nothing; renamed outputs keep their old address; one "we've used this" record per
// organisation, kept up to date by anyone in it.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { becomeActor, targets, tryQuery } from './harness.ts';
import {
  DENIED,
  expectRefused,
  matrixTests,
  useDatabase,
  type TableExpectations
} from './matrix.ts';
import type { Sql } from '../../stack/db/sql.ts';

const NO_SUCH_OUTCOME = '00000000-0000-4000-8000-999999999999';

const tables: TableExpectations[] = [
  {
    table: 'slug_redirects',
    // Readable where the target is: the published output and pattern for everyone, drafts
    // for their contributors, the archived output for its creator; the event for nobody.
    select: { anon: 2, member: 4, anotherMember: 3, lead: 3, steering: 5 },
    insert: {
      sql: `insert into slug_redirects (kind, old_slug, target_id) values ('output', 'fixture-made-up', $2) returning old_slug`,
      params: () => [ids.oMemberPublished],
      expect: {
        anon: DENIED,
        member: DENIED,
        anotherMember: DENIED,
        lead: DENIED,
        steering: DENIED
      }
    },
    update: {
      sql: `update slug_redirects set target_id = $2 where old_slug = 'fixture-old-member-published' returning old_slug`,
      params: () => [ids.oAnotherPublished],
      expect: {
        anon: DENIED,
        member: DENIED,
        anotherMember: DENIED,
        lead: DENIED,
        steering: DENIED
      }
    },
    delete: {
      sql: `delete from slug_redirects where old_slug = 'fixture-old-member-published' returning old_slug`,
      expect: {
        anon: DENIED,
        member: DENIED,
        anotherMember: DENIED,
        lead: DENIED,
        steering: DENIED
      }
    }
  }
];

/** A new output from the signed-in member; contributors as [id, credit] pairs. */
const shareOutput = `select public.save_output(
    p_title => $1, p_kind => 'guide', p_status => $2::public.content_status,
    p_body => '## Steps', p_licence => 'ogl_3', p_outcome_ids => $3::uuid[],
    p_contributor_ids => $4::uuid[], p_contributor_roles => $5::text[],
    p_workstream_id => $6::uuid, p_commitment_id => $7::uuid) as slug`;

const editOutput = `select public.save_output(
    p_id => $1, p_title => $2, p_kind => 'guide', p_status => $3::public.content_status,
    p_version => $4, p_outcome_ids => $5::uuid[], p_contributor_ids => $6::uuid[],
    p_contributor_roles => $7::text[]) as slug`;

async function share(
  tx: Sql,
  title: string,
  opts: {
    status?: string;
    outcomes?: string[];
    people?: [string, string][];
    workstream?: string | null;
    commitment?: string | null;
  } = {}
) {
  const people = opts.people ?? [];
  const r = await tx.query<{ slug: string }>(shareOutput, [
    title,
    opts.status ?? 'published',
    opts.outcomes ?? [],
    people.map((p) => p[0]),
    people.map((p) => p[1]),
    opts.workstream ?? null,
    opts.commitment ?? null
  ]);
  return r.rows[0]!.slug;
}

async function outputState(tx: Sql, slug: string) {
  const row = (
    await tx.query<{ id: string; title: string; version: number; commitment_id: string | null }>(
      'select id, title, version, commitment_id from outputs where slug = $1',
      [slug]
    )
  ).rows[0];
  if (!row) return null;
  const credits = (
    await tx.query<{ user_id: string; role: string | null }>(
      'select user_id, role from output_contributors where output_id = $1 order by user_id',
      [row.id]
    )
  ).rows;
  const tags = (
    await tx.query<{ outcome_id: string }>(
      'select outcome_id from output_outcomes where output_id = $1 order by outcome_id',
      [row.id]
    )
  ).rows.map((t) => t.outcome_id);
  return { ...row, credits, tags };
}

describe.each(targets())('sharing outputs on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  describe('save_output', () => {
    it('shares an output with its slug from the title, credits and outcome tags in one call', async () => {
      const state = await db().as('member', async (tx) => {
        const slug = await share(tx, 'Bin collection API: a how-to!', {
          outcomes: [ids.outcomeNeed, ids.outcomeData],
          people: [
            [ids.member, 'author'],
            [ids.bystander, 'research']
          ]
        });
        return { slug, ...(await outputState(tx, slug)) };
      });
      expect(state.slug).toBe('bin-collection-api-a-how-to');
      expect(state.credits).toEqual([
        { user_id: ids.member, role: 'author' },
        { user_id: ids.bystander, role: 'research' }
      ]);
      expect(state.tags).toEqual([ids.outcomeNeed, ids.outcomeData].sort());
    });

    it('credits the member who shares it even when they leave themselves off the list', async () => {
      const credits = await db().as('member', async (tx) => {
        const slug = await share(tx, 'Shared by Mona', { people: [[ids.lead, 'code']] });
        return (await outputState(tx, slug))!.credits;
      });
      expect(credits).toEqual([
        { user_id: ids.member, role: 'author' },
        { user_id: ids.lead, role: 'code' }
      ]);
    });

    it('gives a second output with the same title its own slug', async () => {
      const slugs = await db().as('member', async (tx) => [
        await share(tx, 'Fixture: Mona’s published guide'),
        await share(tx, 'Fixture: Mona’s published guide')
      ]);
      // fixture-mona-s-published-guide is free; the fixture's own slug differs.
      expect(slugs).toEqual(['fixture-mona-s-published-guide', 'fixture-mona-s-published-guide-2']);
    });

    it('saves nothing when the outcome tags cannot be written', async () => {
      const left = await db().as('member', async (tx) => {
        const r = await tryQuery(tx, shareOutput, [
          'Never half saved',
          'published',
          [NO_SUCH_OUTCOME],
          [],
          [],
          null,
          null
        ]);
        const rows = await tx.query(`select 1 from outputs where title = 'Never half saved'`);
        return { code: r.error?.code, rows: rows.rows.length };
      });
      expect(left).toEqual({ code: '23503', rows: 0 });
    });

    it('makes a new output the evidence of its sharer’s commitment, and of nobody else’s', async () => {
      const evidence = await db().as('member', async (tx) => {
        const slug = await share(tx, 'What my commitment produced', {
          commitment: ids.cMemberPublic
        });
        return (await outputState(tx, slug))!.commitment_id;
      });
      expect(evidence).toBe(ids.cMemberPublic);
      const refusal = await expectRefused(db(), 'member', shareOutput, [
        'Evidence for Lee',
        'published',
        [],
        [],
        [],
        null,
        ids.cLeadPublic
      ]);
      expect(refusal).toBe('Only the owner of a commitment can mark an output as its evidence.');
    });

    it('refuses to place an output in a workstream the member is not in', async () => {
      const refusal = await expectRefused(db(), 'member', shareOutput, [
        'In B',
        'published',
        [],
        [],
        [],
        ids.wsOtherActive,
        null
      ]);
      expect(refusal).toBe('Only members of a workstream can put things in it.');
    });

    it('refuses an edit by someone who is not a contributor, saying who can', async () => {
      const refusal = await expectRefused(db(), 'anotherMember', editOutput, [
        ids.oMemberPublished,
        'Taken over',
        'published',
        1,
        [],
        [ids.member],
        ['author']
      ]);
      expect(refusal).toBe(
        'Only the contributors of an output and the steering group can edit it.'
      );
    });

    it('refuses an edit made against a version someone else has since changed', async () => {
      const error = await db().as('member', async (tx) => {
        const { version } = (await outputState(tx, 'fixture-member-published'))!;
        await tx.query(editOutput, [
          ids.oMemberPublished,
          'First writer',
          'published',
          version,
          [],
          [ids.member, ids.bystander],
          ['author', 'research']
        ]);
        return (
          await tryQuery(tx, editOutput, [
            ids.oMemberPublished,
            'Second writer',
            'published',
            version,
            [],
            [ids.member, ids.bystander],
            ['author', 'research']
          ])
        ).error;
      });
      expect(error?.code).toBe('PT409');
    });

    it('lets a contributor change their own credit but not take others off, changing nothing', async () => {
      // Alex's draft, which Mona contributes to ('writing'): the list is Alex's to manage.
      const result = await db().as('member', async (tx) => {
        const { version } = (await outputState(tx, 'fixture-another-draft'))!;
        const own = await tryQuery(tx, editOutput, [
          ids.oAnotherDraft,
          'Fixture: Alex’s draft research',
          'draft',
          version,
          [ids.outcomeData],
          [ids.anotherMember, ids.member],
          ['author', 'writing and review']
        ]);
        const after = (await outputState(tx, 'fixture-another-draft'))!;
        const others = await tryQuery(tx, editOutput, [
          ids.oAnotherDraft,
          'Fixture: Alex’s draft research',
          'draft',
          after.version,
          [ids.outcomeData],
          [ids.member],
          ['everything']
        ]);
        return {
          own: own.error?.message,
          credits: after.credits,
          others: others.error?.message,
          finally: (await outputState(tx, 'fixture-another-draft'))!.credits
        };
      });
      expect(result.own).toBeUndefined();
      expect(result.others).toBe(
        'Only the person who shared an output, or its workstream’s leads, can change who else is credited.'
      );
      expect(result.finally).toEqual(result.credits);
    });

    it('refuses to take a published output back to draft, saying to archive it', async () => {
      const error = await db().as('member', async (tx) => {
        const { version } = (await outputState(tx, 'fixture-member-published'))!;
        return (
          await tryQuery(tx, editOutput, [
            ids.oMemberPublished,
            'Fixture: Mona’s published guide',
            'draft',
            version,
            [],
            [ids.member, ids.bystander],
            ['author', 'research']
          ])
        ).error;
      });
      expect(error?.code).toBe('42501');
      expect(error?.message).toBe('A published output cannot go back to being a draft.');
    });
  });

  describe('slugs that outlive renames', () => {
    it('renaming an output gives it a new slug and its old one leads there, for anyone', async () => {
      const renamed = await db().as('member', async (tx) => {
        const slug = await share(tx, 'Old name for a guide');
        const { id, version, credits } = (await outputState(tx, slug))!;
        const r = await tx.query<{ slug: string }>(editOutput, [
          id,
          'New name for a guide',
          'published',
          version,
          [],
          credits.map((c) => c.user_id),
          credits.map((c) => c.role)
        ]);
        await tx.exec('reset role');
        await becomeActor(tx, 'anon');
        const found = await tx.query<{ slug: string; status: string }>(
          `select slug, status from public.find_output_by_old_slug('old-name-for-a-guide')`
        );
        return { slug: r.rows[0]!.slug, found: found.rows };
      });
      expect(renamed.slug).toBe('new-name-for-a-guide');
      expect(renamed.found).toEqual([{ slug: 'new-name-for-a-guide', status: 'published' }]);
    });

    it('keeps the slug when an edit leaves the title alone', async () => {
      const slug = await db().as('member', async (tx) => {
        const { version } = (await outputState(tx, 'fixture-member-published'))!;
        return (
          await tx.query<{ slug: string }>(editOutput, [
            ids.oMemberPublished,
            'Fixture: Mona’s published guide',
            'published',
            version,
            [],
            [ids.member, ids.bystander],
            ['author', 'research']
          ])
        ).rows[0]!.slug;
      });
      expect(slug).toBe('fixture-member-published');
    });

    it('tells anyone an archived output is archived, and keeps drafts unknown', async () => {
      const found = await db().as('anon', async (tx) => ({
        archived: (
          await tx.query(`select slug, title, status from public.find_output_by_old_slug($1)`, [
            'fixture-lead-archived'
          ])
        ).rows,
        draft: (
          await tx.query(`select slug from public.find_output_by_old_slug($1)`, [
            'fixture-old-member-draft'
          ])
        ).rows,
        renamedDraft: (
          await tx.query(`select slug from public.find_output_by_old_slug($1)`, [
            'fixture-member-draft'
          ])
        ).rows
      }));
      expect(found.archived).toEqual([
        {
          slug: 'fixture-lead-archived',
          title: 'Fixture: Lee’s archived slides',
          status: 'archived'
        }
      ]);
      expect(found.draft).toEqual([]);
      expect(found.renamedDraft).toEqual([]);
    });
  });

  describe('we’ve used this', () => {
    const record = `select public.record_output_reuse($1, $2::public.delivery_phase, $3) as id`;

    it('keeps one record per organisation, which a colleague updates rather than duplicates', async () => {
      const result = await db().as('member', async (tx) => {
        const first = (
          await tx.query<{ id: string }>(record, [ids.oAnotherPublished, 'alpha', 'Trying it'])
        ).rows[0]!.id;
        // Lee works at the same council.
        await tx.exec('reset role');
        await becomeActor(tx, 'lead', db().fixtures);
        const second = (
          await tx.query<{ id: string }>(record, [ids.oAnotherPublished, 'live', 'Now live'])
        ).rows[0]!.id;
        const rows = (
          await tx.query<{ phase: string; note: string; user_id: string }>(
            `select phase, note, user_id from output_reuses where output_id = $1 and organisation_id = $2`,
            [ids.oAnotherPublished, ids.orgCouncil]
          )
        ).rows;
        return { same: first === second, rows };
      });
      expect(result.same).toBe(true);
      // Still Mona's record (she made it); Lee brought it up to date.
      expect(result.rows).toEqual([{ phase: 'live', note: 'Now live', user_id: ids.member }]);
    });

    it('refuses a second record for the same organisation made another way', async () => {
      const error = await db().as(
        'lead',
        async (tx) =>
          (
            await tryQuery(
              tx,
              `insert into output_reuses (output_id, organisation_id, user_id, phase) values ($1, $2, $3, 'beta')`,
              [ids.oMemberPublished, ids.orgCouncil, ids.lead]
            )
          ).error
      );
      expect(error?.code).toBe('23505');
    });

    it('asks a member without an organisation to add one to their profile', async () => {
      const message = await expectRefused(db(), 'steering', record, [
        ids.oAnotherPublished,
        'beta',
        null
      ]);
      expect(message).toBe('Your profile does not say which organisation you work for.');
    });
  });
});
