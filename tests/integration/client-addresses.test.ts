import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ANON_KEY } from '../../stack/keys.ts';
import { spawnStack, type RunningStack } from '../../stack/spawn-stack.ts';
import { testPorts } from '../port-offset.ts';

// Rate limits follow the real client: the gateway replaces a forged X-Forwarded-For with
// the socket peer, and believes only the app, which forwards each browser's address.
// Peers are told apart by their loopback address (all of 127.0.0.0/8 reaches this host).
// A stack of its own with a limit of two code emails per address per hour.

const ports = testPorts({ app: 3500, api: 28521, db: 28522, mailbox: 28524, postgrest: 28525 });
let stack: RunningStack;

beforeAll(async () => {
  stack = await spawnStack(ports, { env: { HUB_IP_RATE_LIMIT_PER_HOUR: '2' } });
});

afterAll(async () => {
  await stack?.stop();
});

let n = 0;
const email = () => `addr-${process.pid}-${++n}@example.test`;

function post(
  url: string,
  from: string,
  headers: Record<string, string>,
  body: string
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress: from, headers }, (res) => {
      let text = '';
      res.on('data', (b) => (text += b));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const askForCode = (from: string, forwardedFor?: string) =>
  post(
    `${stack.apiUrl}/auth/v1/otp`,
    from,
    {
      apikey: DEFAULT_ANON_KEY,
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {})
    },
    JSON.stringify({ email: email() })
  );

const signInThroughApp = (from: string) =>
  post(
    `${stack.appUrl}/sign-in`,
    from,
    {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      origin: stack.appUrl
    },
    new URLSearchParams({ email: email(), next: '/' }).toString()
  );

describe('the address a rate limit counts', () => {
  it('is the real peer when a client forges X-Forwarded-For', async () => {
    expect((await askForCode('127.0.0.2')).status).toBe(200);
    expect((await askForCode('127.0.0.2', '203.0.113.50')).status).toBe(200);
    const third = await askForCode('127.0.0.2', '203.0.113.51');
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error_code).toBe('over_request_rate_limit');
    // Another peer has its own allowance.
    expect((await askForCode('127.0.0.3', '203.0.113.51')).status).toBe(200);
  });

  it("is each browser's own when they sign in through the app, so one cannot use up another's", async () => {
    expect((await signInThroughApp('127.0.0.4')).status).toBe(303);
    expect((await signInThroughApp('127.0.0.4')).status).toBe(303);
    const third = await signInThroughApp('127.0.0.4');
    expect(third.status).toBe(429);
    expect(third.body).toMatch(/You have asked for too many sign-in emails/);
    expect((await signInThroughApp('127.0.0.5')).status).toBe(303);
  });
});
