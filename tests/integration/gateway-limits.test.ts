import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANON_KEY, DEFAULT_JWT_SECRET } from '../../stack/keys.ts';
import { hub } from './hub.ts';

// What the gateway refuses before anything behind it does work: oversized bodies, and
// JWTs that carry the wrong audience or issuer.

const MB = 1024 * 1024;

/**
 * Sends up to `total` bytes (declared up front, or chunked) over a raw socket and
 * resolves with the answer as soon as one comes, without sending the rest. A raw socket
 * keeps what arrived even when the server then closes on us (EPIPE on our next write).
 */
function sendLarge(path: string, total: number, declareLength: boolean) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const url = new URL(path, hub().apiUrl);
    const socket = connect(Number(url.port), url.hostname);
    let sent = 0;
    let received = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      if (!status) return reject(new Error(`no answer after ${sent} bytes`));
      // The JSON body, whether sent with a length or in one chunk.
      resolve({ status, body: /\{.*\}/s.exec(received)?.[0] ?? '', sent });
    };
    socket.on('data', (b) => {
      received += b;
      if (received.includes('\r\n\r\n') && /\}\s*$/.test(received)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    const head =
      `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\napikey: ${DEFAULT_ANON_KEY}\r\n` +
      `Content-Type: application/json\r\n` +
      (declareLength ? `Content-Length: ${total}\r\n` : 'Transfer-Encoding: chunked\r\n') +
      '\r\n';
    socket.write(head);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const framed = declareLength
      ? chunk
      : Buffer.concat([
          Buffer.from(`${chunk.length.toString(16)}\r\n`),
          chunk,
          Buffer.from('\r\n')
        ]);
    // One chunk per turn of the event loop, so an early answer is read as soon as it comes.
    const pump = () => {
      if (finished || received !== '' || sent >= total) return;
      sent += chunk.length;
      if (socket.write(framed)) setImmediate(pump);
      else socket.once('drain', pump);
    };
    socket.once('connect', pump);
  });
}

describe('request bodies over 1 MB', () => {
  it('are refused with 413 and a message by the data API, before the 20 MB are read', async () => {
    const res = await sendLarge('/rest/v1/rpc/search', 20 * MB, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).message).toMatch(/larger than 1 MB.*Send less at a time/);
    expect(res.sent).toBeLessThan(20 * MB);
  });

  it('are refused with 413 when sent without a length, once 1 MB has passed', async () => {
    const res = await sendLarge('/rest/v1/rpc/search', 20 * MB, false);
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(20 * MB);
  });

  it('are refused with 413 by the auth service too', async () => {
    const res = await sendLarge('/auth/v1/otp', 20 * MB, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).message).toMatch(/larger than 1 MB/);
  });
});

const sign = (claims: Record<string, unknown>) =>
  new SignJWT({ exp: Math.floor(Date.now() / 1000) + 600, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(DEFAULT_JWT_SECRET));

const userClaims = () => ({
  sub: randomUUID(),
  role: 'authenticated',
  aud: 'authenticated',
  iss: `${hub().apiUrl}/auth/v1`
});

const rest = (token: string) =>
  fetch(`${hub().apiUrl}/rest/v1/workstreams?select=slug&limit=1`, {
    headers: { apikey: DEFAULT_ANON_KEY, authorization: `Bearer ${token}` }
  });

const user = (token: string) =>
  fetch(`${hub().apiUrl}/auth/v1/user`, {
    headers: { apikey: DEFAULT_ANON_KEY, authorization: `Bearer ${token}` }
  });

describe('JWTs signed with the right secret but the wrong claims', () => {
  it('are refused when a user token comes from another issuer', async () => {
    const token = await sign({ ...userClaims(), iss: 'https://elsewhere.example/auth/v1' });
    const r = await rest(token);
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ code: 'PGRST301', message: /issuer/ });
    const u = await user(token);
    expect(u.status).toBe(403);
    expect((await u.json()).error_code).toBe('bad_jwt');
  });

  it('are refused when a user token has another audience, or none', async () => {
    for (const aud of ['someone-else', undefined]) {
      const token = await sign({ ...userClaims(), aud });
      expect((await rest(token)).status).toBe(401);
      expect((await user(token)).status).toBe(403);
    }
  });

  it('are refused when an API-key-shaped token carries an audience', async () => {
    const token = await sign({ iss: 'supabase-demo', role: 'service_role', aud: 'authenticated' });
    const r = await rest(token);
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ message: /no audience/ });
  });

  it('let the well-known anon key through as before', async () => {
    expect((await rest(DEFAULT_ANON_KEY)).status).toBe(200);
  });
});
