import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import { testPort } from '../port-offset.ts';
import { addSleepFunction, callSleep } from './slow-sql.ts';
import { alive, childrenOf, runStack, untilReady } from './stack-process.ts';

// A second, app-less stack on ports of its own: start-up, a clash, and a clean stop.
const BASE = 27321;
/** 'open' when something listens on host:port, 'refused' when nothing does. */
const tcp = (host: string, port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', () => resolve('refused'));
  });

const run = (extra: NodeJS.ProcessEnv = {}) => runStack(BASE, extra);

describe('the embedded stack as a process', () => {
  it('refuses to start twice on the same ports with a one-line cause, then stops cleanly leaving no process behind', async () => {
    const first = run();
    await untilReady(first);
    const kids = childrenOf(first.proc.pid!);
    expect(kids.length).toBeGreaterThan(0); // PostgREST

    const second = run();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(
      new RegExp(`Port ${testPort(BASE)} \\(API gateway\\) is already in use`)
    );
    expect(second.output().trim().split('\n')).toHaveLength(1);

    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(kids.filter(alive)).toEqual([]);
  });

  it('stops everything with a one-line cause and a non-zero exit when PostgREST dies', async () => {
    const s = run();
    await untilReady(s);
    const [postgrest] = childrenOf(s.proc.pid!);
    process.kill(postgrest!, 'SIGKILL');
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/Network Hub stopped: PostgREST was killed by SIGKILL/);
  });

  it('stops on SIGTERM while the database is in the middle of a long query, leaving no process behind', async () => {
    const s = run();
    await untilReady(s);
    await addSleepFunction(s);
    const kids = childrenOf(s.proc.pid!);
    // The service role has no statement_timeout: this would run for a minute.
    const long = callSleep(s, 60, DEFAULT_SERVICE_ROLE_KEY).catch(() => null);
    await new Promise((r) => setTimeout(r, 500));
    s.proc.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(kids.filter(alive)).toEqual([]);
    const answer = await long;
    expect(answer?.status ?? 'no answer').not.toBe(200);
  });

  it('refuses, in one line, to listen beyond loopback with the well-known JWT secret', async () => {
    const s = run({ HUB_HOST: '0.0.0.0', JWT_SECRET: '' });
    expect(await s.exited).toBe(2);
    expect(s.output().trim().split('\n')).toHaveLength(1);
    expect(s.output()).toMatch(
      /^Refusing to listen on HUB_HOST=0\.0\.0\.0 with the well-known JWT secret.*Set JWT_SECRET/
    );
  });

  it('keeps the mailbox and the database on loopback when the gateway listens beyond it', async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    // A machine with no network but loopback has nothing to expose: nothing to check.
    if (!outside) return;
    const s = run({
      HUB_HOST: '0.0.0.0',
      JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256-0123456789'
    });
    await untilReady(s);
    try {
      const gateway = await fetch(`http://${outside}:${testPort(BASE)}/health`);
      expect(gateway.status).toBe(200);
      const mailbox = await fetch(`http://${outside}:${testPort(BASE + 3)}/api/messages`).then(
        (r) => r.status,
        () => 'refused'
      );
      expect(mailbox).toBe('refused');
      const local = await fetch(`http://127.0.0.1:${testPort(BASE + 3)}/api/messages`);
      expect(local.status).toBe(200);
      expect(await tcp(outside, testPort(BASE + 1))).toBe('refused');
      expect(await tcp('127.0.0.1', testPort(BASE + 1))).toBe('open');
      const requests = await fetch(
        `http://${outside}:${testPort(BASE)}/__hub/requests?request_id=x`
      );
      expect(requests.status).toBe(404);
    } finally {
      s.proc.kill('SIGTERM');
      await s.exited;
    }
  });
});
