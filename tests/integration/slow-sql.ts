import pg from 'pg';
import { DEFAULT_ANON_KEY } from '../../stack/keys.ts';
import { childrenOf, type StackProcess } from './stack-process.ts';

// A function that sleeps, added to a test stack's database as its owner (postgres), and
// PostgREST told to reload its schema cache (SIGUSR1) so the data API serves it.

export async function addSleepFunction(s: StackProcess) {
  const db = new pg.Client(s.dbUrl);
  await db.connect();
  await db.query(
    `create or replace function public.hub_test_sleep(seconds float8) returns int
       language sql as $$ select pg_sleep(seconds); select 1 $$`
  );
  await db.end();
  const [postgrest] = childrenOf(s.proc.pid!);
  process.kill(postgrest!, 'SIGUSR1');
  for (let i = 0; i < 100; i++) {
    const res = await callSleep(s, 0, DEFAULT_ANON_KEY);
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('PostgREST did not pick up hub_test_sleep');
}

export function callSleep(s: StackProcess, seconds: number, key: string) {
  return fetch(`${s.apiUrl}/rest/v1/rpc/hub_test_sleep`, {
    method: 'POST',
    headers: { apikey: key, 'content-type': 'application/json' },
    body: JSON.stringify({ seconds })
  });
}
