// Nothing may silently go stale: commitment_overview computes staleness from the next
// check-in date. On track until it passes, overdue after, dormant more than 30 days after;
// done and dropped are never stale. Closing a commitment needs words.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { becomeActor, inRollback, targets, tryQuery } from './harness.ts';
import { useDatabase } from './matrix.ts';

// [status, next check-in as days from today, expected staleness, expected days overdue]
const cases: [string, number, string, number][] = [
  ['planned', 7, 'on_track', 0],
  ['in_progress', 0, 'on_track', 0],
  ['in_progress', -1, 'overdue', 1],
  ['blocked', -29, 'overdue', 29],
  ['planned', -30, 'overdue', 30],
  ['planned', -31, 'dormant', 31],
  ['in_progress', -200, 'dormant', 200],
  ['done', -200, 'on_track', 0],
  ['dropped', -45, 'on_track', 0]
];

describe.each(targets())('staleness on %s', (target) => {
  const db = useDatabase(target);

  it.each(cases)(
    '%s with its next check-in %i days from today is %s (%i days overdue)',
    async (status, days, staleness, overdue) => {
      const row = await inRollback(db().sql, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `insert into commitments (owner_id, title, status, next_check_in_on, closing_note)
         values ($1, 'Staleness probe', $2::commitment_status, private.london_today() + $3::int,
                 case when $2 in ('done', 'dropped') then 'Closed with a note' end)
         returning id`,
          [ids.member, status, days]
        );
        await becomeActor(tx, 'member', db().fixtures);
        return (
          await tx.query<{ staleness: string; days_overdue: number }>(
            'select staleness, days_overdue from commitment_overview where id = $1',
            [rows[0]!.id]
          )
        ).rows[0]!;
      });
      expect(row).toEqual({ staleness, days_overdue: overdue });
    }
  );

  // "Today" is the London calendar day whatever the server's time zone. Kiritimati
  // (UTC+14) and Pago Pago (UTC-11) are 25 hours apart, so at any moment at least one of
  // them is on a different date from London: a rule that used the session's private.london_today()
  // would get one of the two runs wrong, whatever the time of day.
  const farApart = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];

  it.each(farApart)(
    'private.london_today() is the London date with the session in %s',
    async (tz) => {
      const row = await inRollback(db().sql, async (tx) => {
        await tx.exec(`set local timezone = '${tz}'`);
        await becomeActor(tx, 'anon', db().fixtures);
        return (
          await tx.query<{ same: boolean; volatility: string }>(
            `select private.london_today() = (now() at time zone 'Europe/London')::date as same,
                  (select provolatile::text from pg_proc where oid = 'private.london_today'::regproc) as volatility`
          )
        ).rows[0]!;
      });
      expect(row).toEqual({ same: true, volatility: 's' });
    }
  );

  it.each(farApart)(
    'staleness turns at the London day boundary with the session in %s',
    async (tz) => {
      const seen = await inRollback(db().sql, async (tx) => {
        await tx.exec(`set local timezone = '${tz}'`);
        const out: Record<string, string> = {};
        for (const days of [0, -1, -30, -31]) {
          const { rows } = await tx.query<{ id: string }>(
            `insert into commitments (owner_id, title, next_check_in_on)
             values ($1, 'London day probe', private.london_today() + $2::int) returning id`,
            [ids.member, days]
          );
          out[days] = (
            await tx.query<{ s: string; d: number }>(
              `select staleness || ' ' || days_overdue as s from commitment_overview where id = $1`,
              [rows[0]!.id]
            )
          ).rows[0]!.s;
        }
        return out;
      });
      expect(seen).toEqual({
        '0': 'on_track 0',
        '-1': 'overdue 1',
        '-30': 'overdue 30',
        '-31': 'dormant 31'
      });
    }
  );

  it.each(farApart)(
    'a workstream counts overdue commitments by the London date with the session in %s',
    async (tz) => {
      const counts = await inRollback(db().sql, async (tx) => {
        await tx.exec(`set local timezone = '${tz}'`);
        const overdue = async () =>
          (
            await tx.query<{ n: number }>(
              'select overdue_commitments as n from workstream_summary where id = $1',
              [ids.wsPaused]
            )
          ).rows[0]!.n;
        await tx.query(
          `insert into commitments (owner_id, workstream_id, title, next_check_in_on)
           values ($1, $2, 'Due today in London', private.london_today())`,
          [ids.member, ids.wsPaused]
        );
        const today = await overdue();
        await tx.query(
          `insert into commitments (owner_id, workstream_id, title, next_check_in_on)
           values ($1, $2, 'Due yesterday in London', private.london_today() - 1)`,
          [ids.member, ids.wsPaused]
        );
        return [today, await overdue()];
      });
      expect(counts).toEqual([0, 1]);
    }
  );

  it.each(farApart)(
    'check-ins judge "in the past" and default the next date by the London date with the session in %s',
    async (tz) => {
      const out = await inRollback(db().sql, async (tx) => {
        await tx.exec(`set local timezone = '${tz}'`);
        await becomeActor(tx, 'member', db().fixtures);
        const today = await tryQuery(
          tx,
          `insert into check_ins (commitment_id, author_id, note, next_check_in_on)
           values ($1, $2, 'Next one today', private.london_today())`,
          [ids.cMemberPublic, ids.member]
        );
        const yesterday = await tryQuery(
          tx,
          `insert into check_ins (commitment_id, author_id, note, next_check_in_on)
           values ($1, $2, 'Next one yesterday', private.london_today() - 1)`,
          [ids.cMemberPublic, ids.member]
        );
        const defaulted = await tx.query<{ d: number }>(
          `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'No date')
           returning next_check_in_on - private.london_today() as d`,
          [ids.cMemberPublic, ids.member]
        );
        const made = await tx.query<{ d: number }>(
          `insert into commitments (owner_id, title) values ($1, 'No date either')
           returning next_check_in_on - private.london_today() as d`,
          [ids.member]
        );
        return {
          today: today.error?.message ?? 'accepted',
          yesterday: yesterday.error?.message ?? 'accepted',
          checkInDefault: defaulted.rows[0]!.d,
          commitmentDefault: made.rows[0]!.d
        };
      });
      expect(out).toEqual({
        today: 'accepted',
        yesterday: 'The next check-in date is in the past.',
        checkInDefault: 14,
        commitmentDefault: 14
      });
    }
  );

  it('a commitment goes from on track to overdue to dormant as days pass without a check-in', async () => {
    // The same commitment seen on three "days": move its date back instead of the clock.
    const seen = await inRollback(db().sql, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into commitments (owner_id, title, next_check_in_on) values ($1, 'Ageing', private.london_today()) returning id`,
        [ids.member]
      );
      const out: string[] = [];
      for (const shift of [0, 1, 30, 31]) {
        await tx.query(
          'update commitments set next_check_in_on = private.london_today() - $2::int where id = $1',
          [rows[0]!.id, shift]
        );
        out.push(
          (
            await tx.query<{ s: string }>(
              'select staleness as s from commitment_overview where id = $1',
              [rows[0]!.id]
            )
          ).rows[0]!.s
        );
      }
      return out;
    });
    expect(seen).toEqual(['on_track', 'overdue', 'overdue', 'dormant']);
  });

  it('a check-in makes an overdue commitment on track again', async () => {
    const s = await inRollback(db().sql, async (tx) => {
      await tx.query(
        'update commitments set next_check_in_on = private.london_today() - 40 where id = $1',
        [ids.cMemberPublic]
      );
      await becomeActor(tx, 'member', db().fixtures);
      const before = (
        await tx.query<{ s: string }>(
          'select staleness as s from commitment_overview where id = $1',
          [ids.cMemberPublic]
        )
      ).rows[0]!.s;
      await tx.query(
        `insert into check_ins (commitment_id, author_id, note) values ($1, $2, 'Still going')`,
        [ids.cMemberPublic, ids.member]
      );
      const after = (
        await tx.query<{ s: string }>(
          'select staleness as s from commitment_overview where id = $1',
          [ids.cMemberPublic]
        )
      ).rows[0]!.s;
      return [before, after];
    });
    expect(s).toEqual(['dormant', 'on_track']);
  });

  const refused = (text: string, params: unknown[]) =>
    db().as('member', async (tx) => {
      const r = await tryQuery(tx, text, params);
      return r.error
        ? { code: r.error.code, constraint: (r.error as { constraint?: string }).constraint }
        : undefined;
    });

  it('done needs a closing note', async () => {
    expect(
      await refused(
        `insert into commitments (owner_id, title, status) values ($1, 'Done', 'done')`,
        [ids.member]
      )
    ).toEqual({
      code: '23514',
      constraint: 'commitments_done_needs_closing_note'
    });
    expect(
      await refused(`update commitments set status = 'done', closing_note = '  ' where id = $1`, [
        ids.cMemberPublic
      ])
    ).toEqual({
      code: '23514',
      constraint: 'commitments_done_needs_closing_note'
    });
    expect(
      await refused(
        `update commitments set status = 'done', closing_note = 'Shipped' where id = $1`,
        [ids.cMemberPublic]
      )
    ).toBeUndefined();
  });

  it('dropped needs a reason', async () => {
    expect(
      await refused(`update commitments set status = 'dropped' where id = $1`, [ids.cMemberPublic])
    ).toEqual({
      code: '23514',
      constraint: 'commitments_dropped_needs_reason'
    });
    expect(
      await refused(
        `update commitments set status = 'dropped', closing_note = 'Another council did it' where id = $1`,
        [ids.cMemberPublic]
      )
    ).toBeUndefined();
  });

  it('an open commitment always has a next check-in date', async () => {
    expect(
      await refused(`update commitments set next_check_in_on = null where id = $1`, [
        ids.cMemberPublic
      ])
    ).toEqual({
      code: '23514',
      constraint: 'commitments_open_needs_next_check_in'
    });
    const row = await db().as(
      'member',
      async (tx) =>
        (
          await tx.query<{ soon: boolean }>(
            `insert into commitments (owner_id, title) values ($1, 'No date given') returning next_check_in_on > private.london_today() as soon`,
            [ids.member]
          )
        ).rows[0]
    );
    expect(row).toEqual({ soon: true });
  });

  it('a next check-in date in the past is refused in a check-in', async () => {
    const message = await db().as('member', async (tx) => {
      const r = await tryQuery(
        tx,
        `insert into check_ins (commitment_id, author_id, note, next_check_in_on) values ($1, $2, 'Oops', private.london_today() - 1)`,
        [ids.cMemberPublic, ids.member]
      );
      return r.error?.message;
    });
    expect(message).toBe('The next check-in date is in the past.');
  });
});
