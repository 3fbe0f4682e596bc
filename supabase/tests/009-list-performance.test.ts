// The faster list paths (20261127001400_performance) must show exactly what the slow ones
// did: commitments_with_outcome is commitment_overview filtered by a tag, under the same
// Row Level Security, and the rewritten view still counts check-ins and finds the latest.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { actAs, actors, targets } from './harness.ts';
import { useDatabase } from './matrix.ts';

const outcomes = ['fixture-focusing-on-need', 'fixture-open-by-default', 'fixture-better-data'];

describe.each(targets())('list paths on %s', (target) => {
  const db = useDatabase(target);

  const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

  describe.each(actors)('as %s', (actor) => {
    it.each(outcomes)(
      'commitments_with_outcome(%s) gives the commitments the view shows with that tag',
      async (slug) => {
        const [viaFunction, viaView] = await actAs(db().sql, actor, db().fixtures, async (tx) => [
          (
            await tx.query<{ id: string }>('select id from public.commitments_with_outcome($1)', [
              slug
            ])
          ).rows,
          (
            await tx.query<{ id: string }>(
              `select v.id from public.commitment_overview v
                 join public.commitment_outcomes co on co.commitment_id = v.id
                 join public.outcomes o on o.id = co.outcome_id
                 where o.slug = $1`,
              [slug]
            )
          ).rows
        ]);
        expect(idsOf(viaFunction)).toEqual(idsOf(viaView));
      }
    );
  });

  it('a visitor sees public tagged commitments only, a member their members-only ones too', async () => {
    const visible = async (actor: 'anon' | 'member', slug: string) =>
      idsOf(
        await actAs(
          db().sql,
          actor,
          db().fixtures,
          async (tx) =>
            (
              await tx.query<{ id: string }>('select id from public.commitments_with_outcome($1)', [
                slug
              ])
            ).rows
        )
      );
    expect(await visible('anon', 'fixture-focusing-on-need')).toEqual([ids.cMemberPublic]);
    expect(await visible('anon', 'fixture-open-by-default')).toEqual([]);
    expect(await visible('member', 'fixture-open-by-default')).toEqual([ids.cMemberMembers]);
    expect(await visible('anon', 'no-such-outcome')).toEqual([]);
  });

  it('commitment_overview counts each commitment’s check-ins and finds the latest', async () => {
    const rows = await actAs(db().sql, 'steering', db().fixtures, async (tx) => {
      await tx.query(
        `insert into public.check_ins (commitment_id, author_id, note, created_at)
         values ($1, $2, 'A later check-in.', now() + interval '1 hour')`,
        [ids.cMemberPublic, db().fixtures.users.steering.id]
      );
      return (
        await tx.query<{
          id: string;
          check_in_count: number;
          last_matches: boolean;
        }>(
          `select v.id, v.check_in_count,
                  v.last_check_in_at is not distinct from
                    (select max(x.created_at) from public.check_ins x where x.commitment_id = v.id)
                    as last_matches
           from public.commitment_overview v
           where v.id = any($1::uuid[])
           order by v.id`,
          [[ids.cMemberPublic, ids.cMemberDone, ids.cAnotherPublic]]
        )
      ).rows;
    });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[ids.cMemberPublic]).toMatchObject({ check_in_count: 2, last_matches: true });
    expect(byId[ids.cAnotherPublic]).toMatchObject({ check_in_count: 1, last_matches: true });
    expect(byId[ids.cMemberDone]).toMatchObject({ check_in_count: 0, last_matches: true });
  });
});

// Which index a list query reads (20261201000600_large_list_paths). The fixtures are tiny,
// so sequential scans are switched off: the plan then shows the path Postgres takes on a
// large network, where the index is what keeps a page from reading every row.
describe.each(targets())('large list paths on %s', (target) => {
  const db = useDatabase(target);

  const planOf = (query: string) =>
    actAs(db().sql, 'anon', db().fixtures, async (tx) => {
      await tx.query('set local enable_seqscan = off');
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${query}`);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });

  it('published patterns are read in title order from an index, not all sorted', async () => {
    const plan = await planOf(
      `select id from public.patterns where status = 'published' order by title, id limit 25`
    );
    expect(plan).toContain('patterns_published_title_idx');
    expect(plan).not.toMatch(/Sort Key/);
  });

  it('a workstream’s open commitments are counted from an index of open ones', async () => {
    const plan = await planOf(`select slug, open_commitments from public.workstream_summary`);
    expect(plan).toContain('commitments_workstream_open_idx');
  });
  it('a tag’s commitment is checked by its key, not by hashing every commitment', async () => {
    const plan = await planOf(
      `select count(*) from public.commitment_outcomes co
         join public.outcomes o on o.id = co.outcome_id
         where o.slug = 'fixture-focusing-on-need'`
    );
    expect(plan).toContain('commitments_pkey');
    expect(plan).not.toContain('hashed SubPlan');
  });
});
