// Kept informed (20261201001400): follows and email settings under RLS, one-click
// unsubscribe without a session, the worker's claim (skip locked, leases, retries), the
// schedules' idempotency, and digests that carry only what the member follows and may read.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { inRollback, targets, tryQuery } from './harness.ts';
import { DENIED, matrixTests, rowsAs, useDatabase, type TableExpectations } from './matrix.ts';
import type { Sql } from '../../stack/db/sql.ts';

const tables: TableExpectations[] = [
  {
    table: 'follows',
    select: { anon: 0, member: 2, anotherMember: 0, lead: 1, steering: 0 },
    insert: {
      sql: `insert into follows (profile_id, workstream_id) values ($1, $2) returning id`,
      params: (f) => [f.ids.wsLeadActive],
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update follows set workstream_id = $2 returning id`,
      params: (f) => [f.ids.wsClosed],
      expect: {
        anon: DENIED,
        member: DENIED,
        anotherMember: DENIED,
        lead: DENIED,
        steering: DENIED
      }
    },
    delete: {
      sql: `delete from follows returning id`,
      expect: { anon: DENIED, member: 2, anotherMember: 0, lead: 1, steering: 0 }
    },
    more: {
      'follow for someone else': {
        sql: `insert into follows (profile_id, outcome_id) values ($2, $3) returning id`,
        params: (f) => [f.ids.bystander, f.ids.outcomeData],
        expect: {
          anon: DENIED,
          member: DENIED,
          anotherMember: DENIED,
          lead: DENIED,
          steering: DENIED
        }
      }
    }
  },
  {
    table: 'email_preferences',
    select: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 0 },
    insert: {
      // member has a row already: nothing to insert.
      sql: `insert into email_preferences (profile_id) values ($1) on conflict do nothing returning profile_id`,
      expect: { anon: DENIED, member: 0, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      sql: `update email_preferences set outcome_outputs_at_once = false returning profile_id`,
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 0 }
    },
    delete: {
      sql: `delete from email_preferences returning profile_id`,
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
const one = async <T>(tx: Sql, text: string, params: unknown[] = []) =>
  (await tx.query<T>(text, params)).rows[0]!;

/** Some news, through the same triggers as the app (the fixtures' own activity is fixed). */
async function news(tx: Sql) {
  await tx.query(
    `insert into check_ins (commitment_id, author_id, note) values
       ($1, $2, 'Booked more interviews.'), ($3, $4, 'Plan agreed.'), ($5, $6, 'Still parked.')`,
    [
      ids.cMemberMembers,
      ids.member,
      ids.cAnotherPublic,
      ids.anotherMember,
      ids.cBystanderArchived,
      ids.lead
    ]
  );
  await tx.query(`update outputs set title = 'Draft output, renamed' where id = $1`, [
    ids.oAnotherDraft
  ]);
}

const queue = (tx: Sql, recipient: string, key: string, kind = 'digest') =>
  tx.query(`select private.enqueue_email($1, $2::email_kind, $3, '{}')`, [recipient, kind, key]);

interface Claimed {
  id: string;
  email: string;
  attempts: number;
}

describe.each(targets())('email on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  describe('settings', () => {
    it('saves the digest frequency and email settings in one call, and refuses a stale form', async () => {
      await db().as('anotherMember', async (tx) => {
        const v = await one<{ v: number }>(
          tx,
          `select save_email_settings('daily', '{event_reminder}', true, 0) as v`
        );
        expect(v.v).toBe(1);
        const p = await one<{ digest_frequency: string }>(
          tx,
          `select digest_frequency from profiles where id = $1`,
          [ids.anotherMember]
        );
        expect(p.digest_frequency).toBe('daily');
        expect(
          (await one<{ v: number }>(tx, `select save_email_settings('never', '{}', false, 1) as v`))
            .v
        ).toBe(2);
        const stale = await tryQuery(tx, `select save_email_settings('weekly', '{}', false, 1)`);
        expect(stale.error?.code).toBe('PT409');
      });
    });

    it('queues nothing of a kind the member switched off', async () => {
      await inRollback(db().sql, async (tx) => {
        await tx.query(`update email_preferences set muted_kinds = '{event_reminder}'`);
        await queue(tx, ids.member, 'event_reminder:x', 'event_reminder');
        await queue(tx, ids.member, 'event_cancelled:x', 'event_cancelled');
        const { rows } = await tx.query(
          `select kind from email_outbox where idempotency_key like 'event_%:x'`
        );
        expect(rows.map((r) => r.kind)).toEqual(['event_cancelled']);
      });
    });
  });

  describe('unsubscribe', () => {
    it('works with only the token from the email, for that kind only', async () => {
      await inRollback(db().sql, async (tx) => {
        await queue(tx, ids.lead, 'digest:token-test');
        const { unsubscribe_token: token } = await one<{ unsubscribe_token: string }>(
          tx,
          `select unsubscribe_token from email_outbox where idempotency_key = 'digest:token-test'`
        );
        await tx.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`);
        await tx.exec('set local role anon');
        expect(await one(tx, `select * from unsubscribe_kind($1)`, [token])).toEqual({
          kind: 'digest',
          already: false
        });
        expect(await one(tx, `select unsubscribe($1) as kind`, [token])).toEqual({
          kind: 'digest'
        });
        expect(await one(tx, `select unsubscribe($1) as kind`, [token])).toEqual({
          kind: 'digest'
        });
        expect(await one(tx, `select * from unsubscribe_kind($1)`, [token])).toEqual({
          kind: 'digest',
          already: true
        });
        expect(
          await one(tx, `select unsubscribe($1) as kind`, ['00000000-0000-0000-0000-000000000000'])
        ).toEqual({ kind: null });
        await tx.exec('reset role');
        const prefs = await one<{ muted_kinds: string }>(
          tx,
          `select muted_kinds::text from email_preferences where profile_id = $1`,
          [ids.lead]
        );
        expect(prefs.muted_kinds).toBe('{digest}');
      });
    });

    it('cannot be used to read anyone’s mail or settings', async () => {
      const rows = await rowsAs(
        db(),
        'anon',
        `select count(*)::int as n from unsubscribe_kind($1)`,
        ['00000000-0000-0000-0000-000000000001']
      );
      expect(rows).toEqual([{ n: 0 }]);
    });
  });

  describe('the worker’s claim', () => {
    const now = '2026-12-01T10:00:00Z';
    const fresh = async (tx: Sql, n: number) => {
      await tx.query(`delete from email_outbox`);
      for (let i = 0; i < n; i++) await queue(tx, ids.member, `digest:claim-${i}`);
      await tx.query(`update email_outbox set next_attempt_at = $1`, [now]);
    };

    it('hands each due email to one claim, with the recipient’s address', async () => {
      await inRollback(db().sql, async (tx) => {
        await fresh(tx, 3);
        const a = (await tx.query<Claimed>(`select * from private.claim_emails(2, $1)`, [now]))
          .rows;
        const b = (await tx.query<Claimed>(`select * from private.claim_emails(2, $1)`, [now]))
          .rows;
        expect(a).toHaveLength(2);
        expect(b).toHaveLength(1);
        expect(new Set([...a, ...b].map((r) => r.id)).size).toBe(3);
        expect(a[0]!.email).toBe('mona.member@example.test');
        expect(a[0]!.attempts).toBe(1);
      });
    });

    it('claims again after the lease of a worker that stopped, and gives up after the last attempt', async () => {
      await inRollback(db().sql, async (tx) => {
        await fresh(tx, 1);
        const at = (minutes: number) => new Date(Date.parse(now) + minutes * 60_000).toISOString();
        const claim = async (t: string) =>
          (await tx.query<Claimed>(`select * from private.claim_emails(5, $1, 300, 3)`, [t])).rows;
        expect(await claim(at(0))).toHaveLength(1);
        expect(await claim(at(1))).toHaveLength(0); // leased
        expect(await claim(at(6))).toHaveLength(1);
        expect(await claim(at(12))).toHaveLength(1);
        expect(await claim(at(18))).toHaveLength(0);
        const row = await one<{ status: string; last_error: string }>(
          tx,
          `select status, last_error from email_outbox`
        );
        expect(row.status).toBe('failed');
        expect(row.last_error).toMatch(/Gave up after 3 attempts/);
      });
    });

    it('retries a failed send with growing waits, then marks it failed', async () => {
      await inRollback(db().sql, async (tx) => {
        await fresh(tx, 1);
        let t = Date.parse(now);
        const waits: number[] = [];
        let status = 'pending';
        while (status === 'pending') {
          const [row] = (
            await tx.query<Claimed>(`select * from private.claim_emails(1, $1, 300, 3)`, [
              new Date(t).toISOString()
            ])
          ).rows;
          expect(row).toBeDefined();
          status = (
            await one<{ s: string }>(
              tx,
              `select private.email_failed($1, 'SMTP said no', $2, 3) as s`,
              [row!.id, new Date(t).toISOString()]
            )
          ).s;
          const next = await one<{ at: Date }>(
            tx,
            `select next_attempt_at as at from email_outbox`
          );
          waits.push((new Date(next.at).getTime() - t) / 60_000);
          t = new Date(next.at).getTime();
        }
        expect(status).toBe('failed');
        expect(waits.slice(0, 2)).toEqual([1, 4]);
        const row = await one<{ last_error: string; attempts: number }>(
          tx,
          `select last_error, attempts from email_outbox`
        );
        expect(row).toEqual({ last_error: 'SMTP said no', attempts: 3 });
      });
    });

    it('marks a sent email sent once', async () => {
      await inRollback(db().sql, async (tx) => {
        await fresh(tx, 1);
        const [row] = (await tx.query<Claimed>(`select * from private.claim_emails(1, $1)`, [now]))
          .rows;
        await tx.query(`select private.email_sent($1, $2)`, [row!.id, now]);
        expect(
          (await tx.query(`select * from private.claim_emails(1, $1)`, ['2027-01-01T00:00:00Z']))
            .rows
        ).toHaveLength(0);
        expect(await one(tx, `select status from email_outbox`)).toEqual({ status: 'sent' });
      });
    });

    it.runIf(target === 'postgres')(
      'skips rows another worker holds, without waiting for it',
      async () => {
        const a = new pg.Client({ connectionString: db().url });
        const b = new pg.Client({ connectionString: db().url });
        await a.connect();
        await b.connect();
        try {
          await db().sql.query(
            `delete from email_outbox where idempotency_key like 'digest:skip-%'`
          );
          for (let i = 0; i < 4; i++)
            await db().sql.query(`select private.enqueue_email($1, 'digest', $2, '{}')`, [
              ids.bystander,
              `digest:skip-${i}`
            ]);
          // Due before anything else queued, so the first claim takes two of these.
          await db().sql.query(
            `update email_outbox set next_attempt_at = '2000-01-01' where idempotency_key like 'digest:skip-%'`
          );
          const far = '2030-01-01T00:00:00Z';
          await a.query('begin');
          const first = await a.query(
            `select id from private.claim_emails(2, $1) where email = 'bo.bystander@example.test'`,
            [far]
          );
          await b.query('begin');
          await b.query(`set local lock_timeout = '2s'`);
          const second = await b.query(
            `select id from private.claim_emails(10, $1) where email = 'bo.bystander@example.test'`,
            [far]
          );
          await a.query('rollback');
          await b.query('rollback');
          expect(first.rows).toHaveLength(2);
          expect(second.rows).toHaveLength(2);
          const overlap = first.rows.filter((r) => second.rows.some((s) => s.id === r.id));
          expect(overlap).toEqual([]);
        } finally {
          await a.end();
          await b.end();
          await db().sql.query(
            `delete from email_outbox where idempotency_key like 'digest:skip-%'`
          );
        }
      }
    );
  });

  describe('schedules', () => {
    // A minute ahead, so what the test itself changes counts as already happened.
    const now = new Date(Date.now() + 60_000).toISOString();

    it('queue each nudge, reminder and digest once however often they run', async () => {
      await inRollback(db().sql, async (tx) => {
        await news(tx);
        await tx.query(`update commitments set next_check_in_on = current_date - 3 where id = $1`, [
          ids.cMemberPublic
        ]);
        await tx.query(
          `update commitments set next_check_in_on = current_date - 40 where id = $1`,
          [ids.cLeadPublic]
        );
        const first = await one<{ r: Record<string, number> }>(
          tx,
          `select private.run_email_schedules($1) as r`,
          [now]
        );
        expect(first.r.digests).toBeGreaterThan(0);
        // Due at the worker's time, so the same round sends them.
        expect(
          await one(
            tx,
            `select count(*)::int as n from email_outbox where status = 'pending' and next_attempt_at > $1`,
            [now]
          )
        ).toEqual({ n: 0 });
        const second = await one(tx, `select private.run_email_schedules($1) as r`, [now]);
        expect(second).toEqual({ r: { digests: 0, nudges: 0, reminders: 0 } });
        const nudges = (
          await tx.query<{ recipient_id: string; kind: string; title: string }>(
            `select recipient_id, kind::text, payload ->> 'commitment_title' as title
             from email_outbox where kind in ('commitment_overdue', 'commitment_dormant')
               and payload ->> 'commitment_id' in ($1, $2) order by kind::text desc`,
            [ids.cMemberPublic, ids.cLeadPublic]
          )
        ).rows;
        // Overdue: its owner. Dormant: the leads of its workstream (A is led by lead).
        expect(nudges).toEqual([
          {
            recipient_id: ids.member,
            kind: 'commitment_overdue',
            title: 'Mona’s public commitment'
          },
          { recipient_id: ids.lead, kind: 'commitment_dormant', title: 'Lee’s public commitment' }
        ]);
        // A check-in starts a new episode: the next lapse nudges again.
        await tx.query(`update commitments set next_check_in_on = current_date - 1 where id = $1`, [
          ids.cMemberPublic
        ]);
        const third = await one<{ r: Record<string, number> }>(
          tx,
          `select private.run_email_schedules($1) as r`,
          [now]
        );
        expect(third.r.nudges).toBe(1);
      });
    });

    it('reminds people going to an event the day before', async () => {
      await inRollback(db().sql, async (tx) => {
        await tx.query(
          `update events set starts_at = $2::timestamptz + interval '1 day' where id = $1`,
          [ids.eMeetup, now]
        );
        const going = (
          await tx.query<{ user_id: string }>(
            `select user_id from registrations where event_id = $1 and status = 'going' order by 1`,
            [ids.eMeetup]
          )
        ).rows.map((r) => r.user_id);
        expect(going.length).toBeGreaterThan(0);
        await tx.query(`select private.enqueue_event_reminders($1)`, [now]);
        const reminded = (
          await tx.query<{ recipient_id: string }>(
            `select recipient_id from email_outbox where idempotency_key = $1 order by 1`,
            [`event_reminder:${ids.eMeetup}`]
          )
        ).rows.map((r) => r.recipient_id);
        expect(reminded).toEqual(going);
      });
    });
  });

  describe('digests', () => {
    const now = () => new Date(Date.now() + 1000).toISOString();
    const items = async (tx: Sql, who: string) =>
      (
        await tx.query<{ title: string; workstream_title: string | null; path: string }>(
          `select title, workstream_title, path from private.digest_items($1, null, '-infinity', $2)`,
          [who, now()]
        )
      ).rows;

    it('carry what the member follows, each thing once, and nothing private or archived', async () => {
      await inRollback(db().sql, async (tx) => {
        await news(tx);
        const bo = await items(tx, ids.bystander);
        const titles = bo.map((i) => i.title);
        // Bo is in workstreams A and B: members-only commitments there are for members.
        expect(titles).toContain('Mona’s members-only commitment');
        expect(titles).toContain('Alex’s public commitment');
        expect(titles).not.toContain('Draft output, renamed');
        expect(new Set(titles).size).toBe(titles.length);
        // Never archived commitments or drafts, even in a followed workstream.
        expect(titles).not.toContain('Bo’s archived members-only commitment');
        expect(titles).not.toContain('Mona’s archived commitment');
        const { rows: drafts } = await tx.query<{ title: string }>(
          `select title from outputs where status <> 'published'`
        );
        for (const d of drafts) expect(titles).not.toContain(d.title);
        // Steering follows nothing: nothing to digest.
        expect(await items(tx, ids.steering)).toEqual([]);
      });
    });

    it('leave out a members-only commitment that became private (archived) since', async () => {
      await inRollback(db().sql, async (tx) => {
        await news(tx);
        expect((await items(tx, ids.bystander)).map((i) => i.title)).toContain(
          'Mona’s members-only commitment'
        );
        await tx.query(`update commitments set archived_at = now() where id = $1`, [
          ids.cMemberMembers
        ]);
        const titles = (await items(tx, ids.bystander)).map((i) => i.title);
        expect(titles).not.toContain('Mona’s members-only commitment');
      });
    });

    it('never repeat an item in the next digest, and an empty digest is not queued', async () => {
      await inRollback(db().sql, async (tx) => {
        await tx.query(`delete from email_outbox where kind = 'digest'`);
        await news(tx);
        await tx.query(`update profiles set digest_frequency = 'never' where id <> $1`, [
          ids.bystander
        ]);
        const t1 = now();
        expect(await one(tx, `select private.enqueue_digests($1) as n`, [t1])).toEqual({ n: 1 });
        const week2 = new Date(Date.parse(t1) + 7 * 86_400_000).toISOString();
        // Nothing new happened: no second digest.
        expect(await one(tx, `select private.enqueue_digests($1) as n`, [week2])).toEqual({ n: 0 });
        await tx.query(
          `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'Week two news.')`,
          [ids.cAnotherPublic, ids.anotherMember]
        );
        expect(await one(tx, `select private.enqueue_digests($1) as n`, [week2])).toEqual({ n: 1 });
        const { rows } = await tx.query<{ payload: { total: number; groups: unknown[] } }>(
          `select payload from email_outbox where kind = 'digest' order by id`
        );
        expect(rows).toHaveLength(2);
        expect(rows[1]!.payload.total).toBe(1);
        expect(JSON.stringify(rows[1]!.payload.groups)).toContain('Alex’s public commitment');
      });
    });
  });

  describe('outputs tagged with a followed outcome', () => {
    it('email followers who asked for them at once, once per output', async () => {
      await inRollback(db().sql, async (tx) => {
        // member follows "open by default" and wants them at once; lead follows "need" but not at once.
        await tx.query(
          `insert into output_outcomes (output_id, outcome_id) values ($1, $2), ($1, $3)`,
          [ids.oAnotherPublished, ids.outcomeOpen, ids.outcomeNeed]
        );
        await tx.query(`insert into output_outcomes (output_id, outcome_id) values ($1, $2)`, [
          ids.oAnotherDraft,
          ids.outcomeOpen
        ]);
        const { rows } = await tx.query<{ recipient_id: string; key: string }>(
          `select recipient_id, idempotency_key as key from email_outbox where kind = 'outcome_output'`
        );
        expect(rows).toEqual([
          { recipient_id: ids.member, key: `outcome_output:${ids.oAnotherPublished}` }
        ]);
      });
    });
  });
});
