// Open data's row counts (20261201001600): public.open_data_counts() counts what the
// caller may read, with no rule of its own, so a visitor's counts are the rows of the
// visitor's files. Members-only commitments, drafts and proposed workstreams never count
// for anon.
import { describe, expect, it } from 'vitest';
import { count, targets } from './harness.ts';
import { useDatabase } from './matrix.ts';

const DATA_SETS = ['workstreams', 'commitments', 'outputs', 'patterns', 'events', 'organisations'];

describe.each(targets())('open data counts on %s', (target) => {
  const db = useDatabase(target);

  const countsAs = (actor: 'anon' | 'member') =>
    db().as(actor, async (tx) => {
      const { rows } = await tx.query<{ data_set: string; row_count: string | number }>(
        `select data_set, row_count from public.open_data_counts()`
      );
      return Object.fromEntries(rows.map((r) => [r.data_set, Number(r.row_count)]));
    });

  it('counts, for a visitor, exactly the rows a visitor can read', async () => {
    const counts = await countsAs('anon');
    expect(Object.keys(counts)).toEqual(DATA_SETS);
    const readable = await db().as('anon', async (tx) =>
      Object.fromEntries(
        await Promise.all(
          DATA_SETS.map(async (t) => [t, await count(tx, `select 1 from public.${t}`)] as const)
        )
      )
    );
    expect(counts).toEqual(readable);
  });

  it('never counts a members-only commitment, a draft or a proposed workstream for a visitor', async () => {
    const all = await db().as('service_role', async (tx) => ({
      public: await count(
        tx,
        `select 1 from public.commitments where visibility = 'public' and archived_at is null`
      ),
      membersOnly: await count(tx, `select 1 from public.commitments where visibility = 'members'`),
      publishedOutputs: await count(tx, `select 1 from public.outputs where status = 'published'`),
      drafts: await count(tx, `select 1 from public.outputs where status <> 'published'`),
      shownWorkstreams: await count(
        tx,
        `select 1 from public.workstreams where status in ('active', 'closed')`
      ),
      hiddenWorkstreams: await count(
        tx,
        `select 1 from public.workstreams where status not in ('active', 'closed')`
      )
    }));
    // The fixtures must have something to leave out, or this proves nothing.
    expect(all.membersOnly).toBeGreaterThan(0);
    expect(all.drafts).toBeGreaterThan(0);
    expect(all.hiddenWorkstreams).toBeGreaterThan(0);
    const counts = await countsAs('anon');
    expect(counts.commitments).toBe(all.public);
    expect(counts.outputs).toBe(all.publishedOutputs);
    expect(counts.workstreams).toBe(all.shownWorkstreams);
  });

  it('counts what a member can read when a member asks (security invoker)', async () => {
    const [anon, member] = [await countsAs('anon'), await countsAs('member')];
    expect(member.commitments).toBeGreaterThan(anon.commitments!);
  });
});
