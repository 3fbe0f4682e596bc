// Saves that never half-succeed: a commitment or workstream and its outcome tags are
// written by one function (save_commitment, propose_workstream, save_workstream), so when
// the tags cannot be written the row is not saved either, and the error reaches the
// caller. Each failing case forces the second part (the tags) to fail with an outcome id
// that does not exist. The policies still decide who may save, and a stale version is
// still refused. Also: workstream_commitment_groups, the workstream page's one read.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { becomeActor, inRollback, targets, tryQuery, type Actor } from './harness.ts';
import { useDatabase } from './matrix.ts';
import type { Sql } from '../../stack/db/sql.ts';

const NO_SUCH_OUTCOME = '00000000-0000-4000-8000-999999999999';

const makeCommitment = `select public.save_commitment(
    p_title => $1, p_so_that => 'people find advice', p_due_on => current_date + 30,
    p_visibility => 'public', p_next_check_in_on => current_date + 14,
    p_outcome_ids => $2::uuid[]) as id`;

const editCommitment = `select public.save_commitment(
    p_id => $1, p_title => $2, p_so_that => 'people find advice', p_due_on => current_date + 30,
    p_visibility => 'public', p_version => $3, p_outcome_ids => $4::uuid[]) as id`;

const editWorkstream = `select public.save_workstream(
    p_id => $1, p_title => $2, p_purpose => 'Testing leads', p_status => 'active',
    p_version => $3, p_outcome_ids => $4::uuid[])`;

async function commitmentState(tx: Sql, id: string) {
  const row = (
    await tx.query<{ title: string; version: number }>(
      'select title, version from commitments where id = $1',
      [id]
    )
  ).rows[0]!;
  const tags = (
    await tx.query<{ outcome_id: string }>(
      'select outcome_id from commitment_outcomes where commitment_id = $1 order by outcome_id',
      [id]
    )
  ).rows.map((r) => r.outcome_id);
  return { ...row, tags };
}

async function workstreamState(tx: Sql, id: string) {
  const row = (
    await tx.query<{ title: string; version: number }>(
      'select title, version from workstreams where id = $1',
      [id]
    )
  ).rows[0]!;
  const tags = (
    await tx.query<{ outcome_id: string }>(
      'select outcome_id from workstream_outcomes where workstream_id = $1 order by outcome_id',
      [id]
    )
  ).rows.map((r) => r.outcome_id);
  return { ...row, tags };
}

const versionOf = async (tx: Sql, table: string, id: string) =>
  (await tx.query<{ version: number }>(`select version from ${table} where id = $1`, [id])).rows[0]!
    .version;

describe.each(targets())('atomic saves on %s', (target) => {
  const db = useDatabase(target);

  describe('save_commitment', () => {
    it('makes a commitment for the signed-in member with its outcome tags, in one call', async () => {
      const out = await db().as('member', async (tx) => {
        const made = await tx.query<{ id: string }>(makeCommitment, [
          'Write the guide',
          [ids.outcomeNeed, ids.outcomeData]
        ]);
        const id = made.rows[0]!.id;
        const owner = (
          await tx.query<{ owner_id: string }>('select owner_id from commitments where id = $1', [
            id
          ])
        ).rows[0]!.owner_id;
        return { owner, ...(await commitmentState(tx, id)) };
      });
      expect(out).toEqual({
        owner: ids.member,
        title: 'Write the guide',
        version: 1,
        tags: [ids.outcomeNeed, ids.outcomeData].sort()
      });
    });

    it('saves nothing when a tag cannot be written, and says why', async () => {
      const out = await db().as('member', async (tx) => {
        const r = await tryQuery(tx, makeCommitment, [
          'Write the half-saved guide',
          [ids.outcomeNeed, NO_SUCH_OUTCOME]
        ]);
        const left = await tx.query(`select 1 from commitments where title = $1`, [
          'Write the half-saved guide'
        ]);
        return { code: r.error?.code, left: left.rows.length };
      });
      expect(out).toEqual({ code: '23503', left: 0 });
    });

    it('an edit saves the text and replaces the tags, bumping the version once', async () => {
      const out = await db().as('member', async (tx) => {
        const version = await versionOf(tx, 'commitments', ids.cMemberPublic);
        await tx.query(editCommitment, [
          ids.cMemberPublic,
          'Rewrite the advice pages',
          version,
          [ids.outcomeOpen, ids.outcomeData]
        ]);
        return { version, now: await commitmentState(tx, ids.cMemberPublic) };
      });
      expect(out.now).toEqual({
        title: 'Rewrite the advice pages',
        version: out.version + 1,
        tags: [ids.outcomeOpen, ids.outcomeData].sort()
      });
    });

    it('an edit whose tags cannot be written changes nothing: text, tags and version stay', async () => {
      const out = await db().as('member', async (tx) => {
        const before = await commitmentState(tx, ids.cMemberPublic);
        const r = await tryQuery(tx, editCommitment, [
          ids.cMemberPublic,
          'Rewrite the advice pages',
          before.version,
          [NO_SUCH_OUTCOME]
        ]);
        return { code: r.error?.code, before, after: await commitmentState(tx, ids.cMemberPublic) };
      });
      expect(out.code).toBe('23503');
      expect(out.after).toEqual(out.before);
      expect(out.before.tags).toEqual([ids.outcomeNeed]);
    });

    it('an edit from a stale version is refused as a conflict (PT409) and changes nothing', async () => {
      const out = await db().as('member', async (tx) => {
        const before = await commitmentState(tx, ids.cMemberPublic);
        const r = await tryQuery(tx, editCommitment, [
          ids.cMemberPublic,
          'Rewrite the advice pages',
          before.version - 1,
          []
        ]);
        return {
          code: r.error?.code,
          message: r.error?.message,
          before,
          after: await commitmentState(tx, ids.cMemberPublic)
        };
      });
      expect(out.code).toBe('PT409');
      expect(out.message).toBe('This commitment was changed by someone else since you opened it.');
      expect(out.after).toEqual(out.before);
    });

    it.each<[Actor, string]>([
      ['anotherMember', '42501'],
      ['lead', '42501'],
      ['anon', '42501']
    ])(
      '%s cannot save someone else’s commitment through it (refused, nothing changes)',
      async (actor, code) => {
        const before = await db().as('steering', (tx) => commitmentState(tx, ids.cMemberPublic));
        const out = await db().as(actor, async (tx) => {
          const r = await tryQuery(tx, editCommitment, [
            ids.cMemberPublic,
            'Taken over',
            before.version,
            []
          ]);
          return r.error?.code;
        });
        expect(out).toBe(code);
        const after = await db().as('steering', (tx) => commitmentState(tx, ids.cMemberPublic));
        expect(after).toEqual(before);
      }
    );

    it('steering may save a member’s commitment (moderation), as the policies allow', async () => {
      const out = await db().as('steering', async (tx) => {
        const version = await versionOf(tx, 'commitments', ids.cMemberPublic);
        await tx.query(editCommitment, [ids.cMemberPublic, 'Moderated title', version, []]);
        return commitmentState(tx, ids.cMemberPublic);
      });
      expect(out.title).toBe('Moderated title');
      expect(out.tags).toEqual([]);
    });
  });

  describe('propose_workstream', () => {
    const propose = `select public.propose_workstream(p_slug => $1, p_title => $2,
      p_purpose => 'Testing proposals', p_outcome_ids => $3::uuid[]) as slug`;

    it('proposes a workstream led by its proposer, with its outcome tags, in one call', async () => {
      const out = await db().as('member', async (tx) => {
        const slug = (
          await tx.query<{ slug: string }>(propose, [
            'fixture-new-proposal',
            'A new proposal',
            [ids.outcomeNeed]
          ])
        ).rows[0]!.slug;
        const row = (
          await tx.query<{ id: string; status: string; lead: string }>(
            `select w.id, w.status::text, m.user_id as lead from workstreams w
             join workstream_members m on m.workstream_id = w.id and m.role = 'lead'
             where w.slug = $1`,
            [slug]
          )
        ).rows;
        return { slug, row, tags: (await workstreamState(tx, row[0]!.id)).tags };
      });
      expect(out.slug).toBe('fixture-new-proposal');
      expect(out.row).toEqual([expect.objectContaining({ status: 'proposed', lead: ids.member })]);
      expect(out.tags).toEqual([ids.outcomeNeed]);
    });

    it('proposes nothing when a tag cannot be written, so sending the form again is no duplicate', async () => {
      const out = await db().as('member', async (tx) => {
        const first = await tryQuery(tx, propose, [
          'fixture-half-proposal',
          'A half proposal',
          [NO_SUCH_OUTCOME]
        ]);
        const left = await tx.query(
          `select 1 from workstreams where slug = 'fixture-half-proposal'`
        );
        const again = await tryQuery(tx, propose, [
          'fixture-half-proposal',
          'A half proposal',
          [ids.outcomeNeed]
        ]);
        return { first: first.error?.code, left: left.rows.length, again: again.rows };
      });
      expect(out).toEqual({ first: '23503', left: 0, again: [{ slug: 'fixture-half-proposal' }] });
    });

    it('a slug in use is refused as before (23505), so the form can say the title is taken', async () => {
      const code = await db().as('member', async (tx) => {
        const r = await tryQuery(tx, propose, ['fixture-lead-active', 'Taken', []]);
        return r.error?.code;
      });
      expect(code).toBe('23505');
    });

    it('visitors cannot propose', async () => {
      const code = await db().as('anon', async (tx) => {
        const r = await tryQuery(tx, propose, ['fixture-anon', 'Anon', []]);
        return r.error?.code;
      });
      expect(code).toBe('42501');
    });
  });

  describe('save_workstream', () => {
    it('a lead saves the text, status and tags in one call', async () => {
      const out = await db().as('lead', async (tx) => {
        const version = await versionOf(tx, 'workstreams', ids.wsLeadActive);
        await tx.query(editWorkstream, [
          ids.wsLeadActive,
          'Renamed',
          version,
          [ids.outcomeOpen, ids.outcomeData]
        ]);
        return { version, now: await workstreamState(tx, ids.wsLeadActive) };
      });
      expect(out.now).toEqual({
        title: 'Renamed',
        version: out.version + 1,
        tags: [ids.outcomeOpen, ids.outcomeData].sort()
      });
    });

    it('an edit whose tags cannot be written changes nothing', async () => {
      const out = await db().as('lead', async (tx) => {
        const before = await workstreamState(tx, ids.wsLeadActive);
        const r = await tryQuery(tx, editWorkstream, [
          ids.wsLeadActive,
          'Renamed',
          before.version,
          [ids.outcomeOpen, NO_SUCH_OUTCOME]
        ]);
        return { code: r.error?.code, before, after: await workstreamState(tx, ids.wsLeadActive) };
      });
      expect(out.code).toBe('23503');
      expect(out.after).toEqual(out.before);
      expect(out.before.tags).toEqual([ids.outcomeNeed]);
    });

    it('an edit from a stale version is refused as a conflict (PT409)', async () => {
      const out = await db().as('lead', async (tx) => {
        const before = await workstreamState(tx, ids.wsLeadActive);
        const r = await tryQuery(tx, editWorkstream, [
          ids.wsLeadActive,
          'Renamed',
          before.version + 1,
          []
        ]);
        return { code: r.error?.code, before, after: await workstreamState(tx, ids.wsLeadActive) };
      });
      expect(out.code).toBe('PT409');
      expect(out.after).toEqual(out.before);
    });

    it.each<Actor>(['member', 'anotherMember', 'anon'])(
      '%s (not its lead) cannot save the workstream through it',
      async (actor) => {
        const before = await db().as('steering', (tx) => workstreamState(tx, ids.wsLeadActive));
        const code = await db().as(actor, async (tx) => {
          const r = await tryQuery(tx, editWorkstream, [
            ids.wsLeadActive,
            'Taken over',
            before.version,
            []
          ]);
          return r.error?.code;
        });
        expect(code).toBe('42501');
        const after = await db().as('steering', (tx) => workstreamState(tx, ids.wsLeadActive));
        expect(after).toEqual(before);
      }
    );

    it('a lead cannot approve their own proposal through it (the status guard still applies)', async () => {
      const code = await db().as('anotherMember', async (tx) => {
        const version = await versionOf(tx, 'workstreams', ids.wsProposed);
        const r = await tryQuery(tx, editWorkstream, [ids.wsProposed, 'Approved?', version, []]);
        return r.error?.code;
      });
      expect(code).toBe('42501');
    });
  });

  describe('workstream_commitment_groups', () => {
    const groups = `select status::text, status_total, id, title from
      public.workstream_commitment_groups($1, $2) order by status, next_check_in_on, id`;

    it.each<[Actor, Record<string, number>]>([
      // Lee's workstream: Mona's public (in progress) and members-only (planned), Lee's public.
      ['anon', { in_progress: 2 }],
      ['member', { in_progress: 2, planned: 1 }],
      ['steering', { in_progress: 2, planned: 1 }]
    ])('%s sees the commitments they may read, counted by status', async (actor, totals) => {
      const rows = await db().as(
        actor,
        async (tx) =>
          (
            await tx.query<{ status: string; status_total: number }>(groups, [
              'fixture-lead-active',
              10
            ])
          ).rows
      );
      const seen = Object.fromEntries(rows.map((r) => [r.status, r.status_total]));
      expect(seen).toEqual(totals);
      expect(rows.length).toBe(Object.values(totals).reduce((a, b) => a + b, 0));
    });

    it('lists the first few of each status but counts them all', async () => {
      const rows = await db().as(
        'member',
        async (tx) =>
          (
            await tx.query<{ status: string; status_total: number }>(groups, [
              'fixture-lead-active',
              1
            ])
          ).rows
      );
      expect(rows.map((r) => [r.status, r.status_total])).toEqual([
        ['in_progress', 2],
        ['planned', 1]
      ]);
    });

    it('shows what commitment_overview shows for each commitment (staleness included)', async () => {
      const out = await db().as('member', async (tx) => {
        await tx.query(
          `update commitments set next_check_in_on = current_date - 40 where id = $1`,
          [ids.cMemberPublic]
        );
        const fromGroups = await tx.query(
          `select id, title, so_that, staleness, days_overdue, due_on::text, next_check_in_on::text,
                  owner_display_name, organisation_name
           from public.workstream_commitment_groups('fixture-lead-active') order by id`
        );
        const fromView = await tx.query(
          `select id, title, so_that, staleness, days_overdue, due_on::text, next_check_in_on::text,
                  owner_display_name, organisation_name
           from commitment_overview
           where workstream_slug = 'fixture-lead-active' and archived_at is null order by id`
        );
        return { fromGroups: fromGroups.rows, fromView: fromView.rows };
      });
      expect(out.fromGroups).toEqual(out.fromView);
      expect(out.fromGroups.map((r) => r.staleness)).toContain('dormant');
    });

    it('a workstream the reader may not see has no groups, even with public commitments', async () => {
      const rows = await inRollback(db().sql, async (tx) => {
        await tx.query(
          `insert into commitments (owner_id, workstream_id, title, visibility)
           values ($1, $2, 'Public, in a proposal', 'public')`,
          [ids.anotherMember, ids.wsProposed]
        );
        await becomeActor(tx, 'anon', db().fixtures);
        const proposal = await tx.query(groups, ['fixture-proposed', 10]);
        const active = await tx.query(groups, ['fixture-other-active', 10]);
        return { proposal: proposal.rows.length, active: active.rows.length };
      });
      // Alex's active workstream shows visitors its one public commitment.
      expect(rows).toEqual({ proposal: 0, active: 1 });
    });
  });
});
