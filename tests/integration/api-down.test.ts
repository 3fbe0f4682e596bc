import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hub } from './hub.ts';
import { DEFAULT_ANON_KEY } from '../../stack/keys.ts';
import { testPort } from '../port-offset.ts';

// A second app process whose data API goes through a switchable TCP relay, so the test
// can take the API away and bring it back without touching the shared stack.
const relayPort = testPort(26390);
const appPort = 3290;
const appUrl = `http://127.0.0.1:${appPort}`;

let relay: Server | undefined;
const open = new Set<Socket>();
let app: ChildProcess;

function relayOn(): Promise<void> {
  const target = new URL(hub().apiUrl);
  relay = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  return new Promise((r) => relay!.listen(relayPort, '127.0.0.1', () => r()));
}

function relayOff(): Promise<void> {
  for (const s of open) s.destroy();
  open.clear();
  return new Promise((r) => (relay ? relay.close(() => r()) : r()));
}

async function waitForApp() {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(appUrl);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('the second app process did not start');
}

beforeAll(async () => {
  await relayOn();
  app = spawn(process.execPath, ['stack/serve-app.ts'], {
    env: {
      ...process.env,
      PORT: String(appPort),
      HOST: '127.0.0.1',
      SITE_URL: appUrl,
      SUPABASE_URL: `http://127.0.0.1:${relayPort}`,
      SUPABASE_ANON_KEY: DEFAULT_ANON_KEY
    },
    stdio: 'ignore'
  });
  await waitForApp();
});

afterAll(async () => {
  await relayOff();
  app?.kill('SIGTERM');
});

describe('when the data API is down', () => {
  it('serves the home page while the API is up', async () => {
    const res = await fetch(appUrl);
    expect(res.status).toBe(200);
  });

  it('answers 503 with a plain explanation and a retry link, without crashing', async () => {
    await relayOff();
    const res = await fetch(`${appUrl}/?page=2`);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toMatch(/not responding|unavailable/i);
    expect(html).toContain('href="/?page=2"');
    expect(app.exitCode).toBeNull();
    const home = await fetch(appUrl);
    expect(home.status).toBe(503);
  });

  it('recovers by itself when the API is back', async () => {
    await relayOn();
    const res = await fetch(appUrl);
    expect(res.status).toBe(200);
    expect(app.exitCode).toBeNull();
  });
});
