// The activity record's audience follows the read policies: private.log_change labels a
// row with the same predicates the policies use (private.workstream_is_public,
// private.commitment_is_public, ...). Checked as an invariant over every activity row about
// a workstream, commitment, output, pattern or event, after the fixtures and a few changes
// of visibility: no row is readable by more people than may read its subject now, and the
// newest row about each subject is labelled exactly as widely as the subject is readable.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { becomeActor, inRollback, targets, type ActAs } from './harness.ts';
import { useDatabase } from './matrix.ts';
import type { Sql } from '../../stack/db/sql.ts';
import type { Fixtures } from './fixtures.ts';

const SUBJECTS = ['workstreams', 'commitments', 'outputs', 'patterns', 'events'];
const WIDTH: Record<string, number> = { private: 0, members: 1, public: 2 };

/** Ids of the subjects the actor may read now (RLS), as `table:id`. */
async function readable(tx: Sql, actor: ActAs, fixtures: Fixtures): Promise<Set<string>> {
  await becomeActor(tx, actor, fixtures);
  const { rows } = await tx.query<{ key: string }>(
    SUBJECTS.map((t) => `select '${t}:' || id as key from public.${t}`).join(' union all ')
  );
  await tx.exec('reset role');
  return new Set(rows.map((r) => r.key));
}

describe.each(targets())('activity audience on %s', (target) => {
  const db = useDatabase(target);

  async function check(change: (tx: Sql) => Promise<void>) {
    return inRollback(db().sql, async (tx) => {
      await change(tx);
      await tx.exec('reset role');
      const rows = (
        await tx.query<{ key: string; verb: string; audience: string; newest: boolean }>(
          `select subject_table || ':' || subject_id as key, verb, audience,
                  row_number() over (partition by subject_table, subject_id
                                     order by created_at desc, id desc) = 1 as newest
           from public.activity
           where subject_table = any ($1) and subject_id is not null
             and verb not in ('watched', 'offered_help', 'deleted')`,
          [SUBJECTS]
        )
      ).rows;
      // The bystander is in two workstreams and contributes to one output: a member
      // whose reads are the members' baseline for these subjects.
      const visitors = await readable(tx, 'anon', db().fixtures);
      const members = await readable(tx, { id: ids.bystander }, db().fixtures);
      const widthNow = (key: string) => (visitors.has(key) ? 2 : members.has(key) ? 1 : 0);
      return {
        tooWide: rows
          .filter((r) => WIDTH[r.audience]! > widthNow(r.key))
          .map((r) => `${r.key} ${r.verb} ${r.audience}`),
        newestWrong: rows
          .filter((r) => r.newest && WIDTH[r.audience]! !== widthNow(r.key))
          .map((r) => `${r.key} ${r.verb} ${r.audience}`),
        checked: rows.length
      };
    });
  }

  it('after the fixtures, every activity row is labelled as its subject’s read policy says', async () => {
    const out = await check(async () => {});
    expect(out.checked).toBeGreaterThan(0);
    expect(out.tooWide).toEqual([]);
    expect(out.newestWrong).toEqual([]);
  });

  it('archiving a commitment makes its activity as private as the commitment', async () => {
    const out = await check(async (tx) => {
      await becomeActor(tx, 'member', db().fixtures);
      await tx.query(
        `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'Nearly there')`,
        [ids.cMemberPublic, ids.member]
      );
      await tx.query(`update commitments set archived_at = now() where id = $1`, [
        ids.cMemberPublic
      ]);
    });
    expect(out.checked).toBeGreaterThanOrEqual(2);
    expect(out.tooWide).toEqual([]);
    expect(out.newestWrong).toEqual([]);
  });

  it('publishing an output, cancelling an event and pausing a workstream label their news as widely as they are readable', async () => {
    const out = await check(async (tx) => {
      await becomeActor(tx, 'member', db().fixtures);
      await tx.query(`update outputs set status = 'published' where id = $1`, [ids.oMemberDraft]);
      await tx.exec('reset role');
      await becomeActor(tx, 'lead', db().fixtures);
      await tx.query(`update events set status = 'cancelled' where id = $1`, [ids.eMeetup]);
      await tx.query(`update workstreams set status = 'paused' where id = $1`, [ids.wsLeadActive]);
    });
    expect(out.checked).toBeGreaterThanOrEqual(3);
    expect(out.tooWide).toEqual([]);
    expect(out.newestWrong).toEqual([]);
  });

  it('the read policies and log_change share the predicates (one statement of each rule)', async () => {
    const { rows } = await db().sql.query<{ tablename: string; qual: string }>(
      `select tablename::text, qual from pg_policies
       where schemaname = 'public' and cmd = 'SELECT'
         and tablename in ('workstreams', 'commitments', 'outputs', 'patterns', 'events')
         and roles && array['anon']::name[]`
    );
    expect(rows.map((r) => r.tablename).sort()).toEqual([...SUBJECTS].sort());
    for (const r of rows) expect(r.qual, r.tablename).toMatch(/private\.\w+_is_public\(/);
    const body = (
      await db().sql.query<{ src: string }>(
        `select prosrc as src from pg_proc where oid = 'private.log_change'::regproc`
      )
    ).rows[0]!.src;
    for (const predicate of [
      'workstream_is_public',
      'commitment_is_public',
      'commitment_is_listed',
      'content_is_public',
      'event_is_public',
      'event_is_listed'
    ])
      expect(body).toContain(`private.${predicate}(`);
    // No visibility values spelled out in it any more.
    expect(body).not.toMatch(/in \('active', 'closed'\)|= 'published' then 'public'/);
  });
});
