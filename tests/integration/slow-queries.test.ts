import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ANON_KEY } from '../../stack/keys.ts';
import { addSleepFunction, callSleep } from './slow-sql.ts';
import { runStack, untilReady, type StackProcess } from './stack-process.ts';

// A stack of its own, since these requests hold its only database connection for seconds.
let s: StackProcess;

beforeAll(async () => {
  s = runStack(28721);
  await untilReady(s);
  await addSleepFunction(s);
});

afterAll(async () => {
  s.proc.kill('SIGTERM');
  await s.exited;
});

describe('a slow query on the embedded database', () => {
  it("is cancelled with Postgres's 57014 at anon's statement_timeout while auth and the mailbox keep answering", async () => {
    const slow = callSleep(s, 10, DEFAULT_ANON_KEY);
    let answered = false;
    void slow.then(() => (answered = true));
    // Ask the other services while the database is busy.
    const health: number[] = [];
    const mailbox: number[] = [];
    for (let i = 0; i < 5; i++) {
      health.push((await fetch(`${s.apiUrl}/auth/v1/health`)).status);
      mailbox.push((await fetch(`${s.mailboxUrl}/api/messages`)).status);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(answered).toBe(false);
    expect(health).toEqual([200, 200, 200, 200, 200]);
    expect(mailbox).toEqual([200, 200, 200, 200, 200]);

    const res = await slow;
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.code).toBe('57014');
    expect(body.message).toBe('canceling statement due to statement timeout');
    expect(s.output()).toMatch(/ran past statement_timeout \(3000 ms\): restarting the database/);
  });

  it('answers again after the cancelled statement, with what was committed before it', async () => {
    const res = await callSleep(s, 0, DEFAULT_ANON_KEY);
    expect(res.status).toBe(200);
    expect(await res.json()).toBe(1);
  });
});

describe('the embedded database behind its worker', () => {
  it("serves several clients' parameterised queries at once without mixing up their exchanges", async () => {
    const clients = [new pg.Client(s.dbUrl), new pg.Client(s.dbUrl), new pg.Client(s.dbUrl)];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          clients[i % 3]!.query<{ n: number }>('select $1::int as n', [i]).then((r) => r.rows[0]!.n)
        )
      );
      expect(answers).toEqual(Array.from({ length: 60 }, (_, i) => i));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
