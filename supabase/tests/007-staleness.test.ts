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
         values ($1, 'Staleness probe', $2::commitment_status, current_date + $3::int,
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

  it('a commitment goes from on track to overdue to dormant as days pass without a check-in', async () => {
    // The same commitment seen on three "days": move its date back instead of the clock.
    const seen = await inRollback(db().sql, async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `insert into commitments (owner_id, title, next_check_in_on) values ($1, 'Ageing', current_date) returning id`,
        [ids.member]
      );
      const out: string[] = [];
      for (const shift of [0, 1, 30, 31]) {
        await tx.query(
          'update commitments set next_check_in_on = current_date - $2::int where id = $1',
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
      await tx.query('update commitments set next_check_in_on = current_date - 40 where id = $1', [
        ids.cMemberPublic
      ]);
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
            `insert into commitments (owner_id, title) values ($1, 'No date given') returning next_check_in_on > current_date as soon`,
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
        `insert into check_ins (commitment_id, author_id, note, next_check_in_on) values ($1, $2, 'Oops', current_date - 1)`,
        [ids.cMemberPublic, ids.member]
      );
      return r.error?.message;
    });
    expect(message).toBe('The next check-in date is in the past.');
  });
});
