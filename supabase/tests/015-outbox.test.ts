// The email outbox (20261201000800): rows are written only by database functions
// (private.enqueue_email, from triggers and schedules) and sent by the worker over its own
// connection. Members never read or write mail rows; the steering group reads them to see
// what failed. One row per recipient and reason.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { inRollback, targets } from './harness.ts';
import {
  DENIED,
  matrixTests,
  refusedToAll,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const tables: TableExpectations[] = [
  {
    table: 'email_outbox',
    select: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 3 },
    insert: {
      sql: `insert into email_outbox (recipient_id, kind, idempotency_key) values ($1, 'digest', 'forged') returning id`,
      expect: refusedToAll
    },
    update: {
      sql: `update email_outbox set status = 'pending' returning id`,
      expect: refusedToAll
    },
    delete: {
      sql: `delete from email_outbox returning id`,
      expect: refusedToAll
    }
  }
];

describe.each(targets())('the email outbox on %s', (target) => {
  const db = useDatabase(target);
  matrixTests(db, tables);

  it('queues one email per recipient and reason however often it is asked', async () => {
    await inRollback(db().sql, async (tx) => {
      for (let i = 0; i < 3; i++) {
        await tx.query(
          `select private.enqueue_email($1, 'waitlist_promotion', 'waitlist_promotion:r1', '{"n": 1}')`,
          [ids.anotherMember]
        );
      }
      await tx.query(
        `select private.enqueue_email($1, 'waitlist_promotion', 'waitlist_promotion:r1')`,
        [ids.member]
      );
      const { rows } = await tx.query<{ recipient_id: string; n: number }>(
        `select recipient_id, count(*)::int as n from email_outbox
         where idempotency_key = 'waitlist_promotion:r1' group by recipient_id order by 1`
      );
      expect(rows.map((r) => r.n)).toEqual([1, 1]);
    });
  });
});
