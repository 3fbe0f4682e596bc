import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlatform } from '../db/migrate.ts';
import { openPglite, pgliteSql } from '../db/pglite.ts';
import type { Sql } from '../db/sql.ts';
import { DEFAULT_ANON_KEY, DEFAULT_JWT_SECRET, DEFAULT_SERVICE_ROLE_KEY } from '../keys.ts';
import { Mailbox } from '../mailbox/mailbox.ts';
import { createAuthHandler, type AuthOptions } from './index.ts';

// Runs the auth service for real (PGlite in memory, a node:http server) and drives it
// with supabase-js, the way the app and the integration tests do.

const SITE = 'http://127.0.0.1:3000';
let sql: Sql;
const mailbox = new Mailbox();
const servers: Server[] = [];
let base: string;
let n = 0;
const uniqueEmail = (tag: string) =>
  `${tag}-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function startAuth(overrides: Partial<AuthOptions> = {}): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handler = createAuthHandler({
    sql,
    jwtSecret: DEFAULT_JWT_SECRET,
    issuer: `${url}/auth/v1`,
    siteUrl: SITE,
    mailer: mailbox,
    ipRateLimitPerHour: 1000,
    refreshTokenReuseIntervalSeconds: 0,
    log: (line) => {
      if (line.startsWith('auth: unexpected')) console.error(line);
    },
    ...overrides
  });
  server.on('request', (req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith('/auth/v1')) {
      res.writeHead(404).end();
      return;
    }
    void handler(req, res, path.slice('/auth/v1'.length) || '/');
  });
  servers.push(server);
  return url;
}

const client = (key = DEFAULT_ANON_KEY, url = base) =>
  createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, flowType: 'implicit' }
  });

function latestMail(to: string) {
  const mail = mailbox.list(to)[0];
  if (!mail) throw new Error(`no email to ${to}`);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error('no code in email');
  return { mail, code, link: mail.links[0] ?? '' };
}

async function signIn(supabase: SupabaseClient, email: string) {
  const sent = await supabase.auth.signInWithOtp({ email });
  expect(sent.error).toBeNull();
  const { code } = latestMail(email);
  const { data, error } = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
  expect(error).toBeNull();
  return data.session!;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}, url = base) {
  return fetch(`${url}/auth/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: DEFAULT_ANON_KEY, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  });
}

const refresh = (token: string) =>
  post('/token?grant_type=refresh_token', { refresh_token: token });

beforeAll(async () => {
  sql = pgliteSql(await openPglite('memory://'));
  await applyPlatform(sql);
  base = await startAuth();
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await sql.close();
});

describe('signing in with an emailed code', () => {
  it('creates the user, emails a code and a link to the app, and verifies to a session', async () => {
    const email = uniqueEmail('first');
    const supabase = client();
    const { error } = await supabase.auth.signInWithOtp({
      email,
      options: { emailRedirectTo: `${SITE}/workstreams?tab=mine`, data: { full_name: 'Ada' } }
    });
    expect(error).toBeNull();
    const { mail, code, link } = latestMail(email);
    expect(mail.text).toContain(code);
    const confirm = new URL(link);
    expect(confirm.origin + confirm.pathname).toBe(`${SITE}/auth/confirm`);
    expect(confirm.searchParams.get('type')).toBe('email');
    expect(confirm.searchParams.get('next')).toBe('/workstreams?tab=mine');

    const { data, error: verifyError } = await supabase.auth.verifyOtp({
      email,
      token: code,
      type: 'email'
    });
    expect(verifyError).toBeNull();
    const session = data.session!;
    expect(session.refresh_token).toMatch(/^[a-z2-7]{32}$/);
    expect(session.token_type).toBe('bearer');
    expect(session.user.email).toBe(email);
    expect(session.user.email_confirmed_at).toBeTruthy();
    expect(session.user.user_metadata).toEqual({ full_name: 'Ada' });
    expect(session.user.identities?.[0]?.provider).toBe('email');

    const claims = JSON.parse(
      Buffer.from(session.access_token.split('.')[1]!, 'base64url').toString()
    );
    expect(claims).toMatchObject({
      sub: session.user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      aal: 'aal1',
      is_anonymous: false,
      iss: `${base}/auth/v1`
    });
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.amr[0].method).toBe('otp');

    const { rows } = await sql.query<{ token: string }>(
      'select token from auth.refresh_tokens where session_id = $1',
      [claims.session_id]
    );
    expect(rows.map((r) => r.token)).not.toContain(session.refresh_token);
    expect(rows[0]?.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs in through the link token hash as the app confirm route does', async () => {
    const email = uniqueEmail('hash');
    const supabase = client();
    await supabase.auth.signInWithOtp({ email });
    const tokenHash = new URL(latestMail(email).link).searchParams.get('token_hash')!;
    const { data, error } = await supabase.auth.verifyOtp({ token_hash: tokenHash, type: 'email' });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
  });

  it('accepts a code only once', async () => {
    const email = uniqueEmail('once');
    const supabase = client();
    await signIn(supabase, email);
    const { code } = latestMail(email);
    const again = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(again.error?.status).toBe(403);
    expect(again.error?.code).toBe('otp_expired');
  });

  it('refuses a wrong code', async () => {
    const email = uniqueEmail('wrong');
    const supabase = client();
    await supabase.auth.signInWithOtp({ email });
    const { code } = latestMail(email);
    const wrong = code === '000000' ? '000001' : '000000';
    const res = await supabase.auth.verifyOtp({ email, token: wrong, type: 'email' });
    expect(res.error?.code).toBe('otp_expired');
  });

  it('refuses a code once it has expired', async () => {
    const shortLived = await startAuth({ otpExpirySeconds: 0 });
    const email = uniqueEmail('expired');
    const supabase = client(DEFAULT_ANON_KEY, shortLived);
    expect((await supabase.auth.signInWithOtp({ email })).error).toBeNull();
    const { code } = latestMail(email);
    const res = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(res.error?.status).toBe(403);
    expect(res.error?.code).toBe('otp_expired');
    expect(res.error?.message).toMatch(/^Token has expired or is invalid\. Ask for a new code\.$/);
  });

  it('voids a code after five wrong tries: the sixth is refused and the right code no longer works', async () => {
    const email = uniqueEmail('guess');
    const supabase = client();
    await supabase.auth.signInWithOtp({ email });
    const { code } = latestMail(email);
    const wrongs = ['000000', '111111', '222222', '333333', '444444', '555555', '666666'].filter(
      (w) => w !== code
    );
    const answers = [];
    for (const wrong of wrongs.slice(0, 6))
      answers.push((await supabase.auth.verifyOtp({ email, token: wrong, type: 'email' })).error);
    expect(answers.map((e) => e?.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(answers[0]?.message).toMatch(/4 tries left/);
    expect(answers[4]?.message).toMatch(
      /5 wrong codes were tried, so this code no longer works\. Ask for a new code/
    );
    expect(answers[5]?.message).toMatch(/Ask for a new code/);
    const right = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(right.error?.code).toBe('otp_expired');
    expect(right.data.session).toBeNull();

    // A new code starts a fresh count and works.
    const fresh = await startAuth({ emailRateLimitSeconds: 0 });
    const again = client(DEFAULT_ANON_KEY, fresh);
    expect((await again.auth.signInWithOtp({ email })).error).toBeNull();
    const next = latestMail(email).code;
    expect((await again.auth.verifyOtp({ email, token: next, type: 'email' })).error).toBeNull();
  });

  it('limits wrong codes per IP, refusing even a right code with when to try again', async () => {
    const limited = await startAuth({ ipRateLimitPerHour: 2 });
    const from = { 'X-Forwarded-For': '198.51.100.7', 'X-Supabase-Api-Version': '2024-01-01' };
    const email = uniqueEmail('ip-guess');
    expect((await post('/otp', { email }, from, limited)).status).toBe(200);
    const { code } = latestMail(email);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 2; i++)
      expect(
        (await post('/verify', { email, token: wrong, type: 'email' }, from, limited)).status
      ).toBe(403);
    const refused = await post('/verify', { email, token: code, type: 'email' }, from, limited);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await refused.json();
    expect(body.code).toBe('over_request_rate_limit');
    expect(body.message).toMatch(/Too many wrong sign-in codes .* Try again in \d+ minutes?\./);
    // Another address on the network is not held back by this one's guesses.
    const other = { ...from, 'X-Forwarded-For': '198.51.100.8' };
    expect(
      (await post('/verify', { email, token: code, type: 'email' }, other, limited)).status
    ).toBe(200);
  });

  it('refuses a 40 KB email address as too long (422) without trying a pattern on it', async () => {
    const email = 'a'.repeat(20_000) + '@' + 'b'.repeat(20_000) + '.test';
    const res = await post('/otp', { email }, { 'X-Supabase-Api-Version': '2024-01-01' });
    expect(res.status).toBe(422);
    expect((await res.json()).message).toMatch(/too long.*at most 255/);
  });

  it('does not create a user when asked not to', async () => {
    const res = await client().auth.signInWithOtp({
      email: uniqueEmail('nocreate'),
      options: { shouldCreateUser: false }
    });
    expect(res.error?.status).toBe(422);
    expect(res.error?.code).toBe('otp_disabled');
  });

  it('limits code emails per address with GoTrue’s message', async () => {
    const email = uniqueEmail('ratelimit');
    const supabase = client();
    expect((await supabase.auth.signInWithOtp({ email })).error).toBeNull();
    const second = await supabase.auth.signInWithOtp({ email });
    expect(second.error?.status).toBe(429);
    expect(second.error?.code).toBe('over_email_send_rate_limit');
    expect(second.error?.message).toMatch(
      /^For security purposes, you can only request this after \d+ seconds\.$/
    );
    expect(mailbox.list(email)).toHaveLength(1);
  });

  it('limits code requests per client IP and says when to try again', async () => {
    const limited = await startAuth({ ipRateLimitPerHour: 2 });
    const from = (ip: string, email: string) =>
      post(
        '/otp',
        { email },
        { 'X-Forwarded-For': `${ip}, 10.0.0.1`, 'X-Supabase-Api-Version': '2024-01-01' },
        limited
      );
    expect((await from('203.0.113.7', uniqueEmail('ip'))).status).toBe(200);
    expect((await from('203.0.113.7', uniqueEmail('ip'))).status).toBe(200);
    const third = await from('203.0.113.7', uniqueEmail('ip'));
    expect(third.status).toBe(429);
    const body = await third.json();
    expect(body.code).toBe('over_request_rate_limit');
    expect(body.message).toMatch(/Try again in \d+ minutes?\./);
    expect((await from('203.0.113.8', uniqueEmail('ip'))).status).toBe(200);
  });
});

describe('sessions', () => {
  it('returns the signed-in user and updates metadata', async () => {
    const supabase = client();
    const email = uniqueEmail('user');
    const session = await signIn(supabase, email);
    const { data, error } = await supabase.auth.getUser(session.access_token);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(session.user.id);

    await supabase.auth.updateUser({ data: { team: 'camps', colour: 'blue' } });
    const updated = await supabase.auth.updateUser({ data: { colour: null } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toEqual({ team: 'camps' });

    const change = await supabase.auth.updateUser({ email: uniqueEmail('other') });
    expect(change.error?.status).toBe(422);
  });

  it('refuses getUser without a valid token', async () => {
    const res = await client().auth.getUser('not-a-jwt');
    expect(res.error?.status).toBe(403);
    expect(res.error?.code).toBe('bad_jwt');
  });

  it('rotates refresh tokens and ends the session when an old one is reused', async () => {
    const session = await signIn(client(), uniqueEmail('refresh'));
    const first = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(first.error).toBeNull();
    const rotated = first.data.session!;
    expect(rotated.refresh_token).not.toBe(session.refresh_token);
    expect(rotated.user.id).toBe(session.user.id);

    const next = await refresh(rotated.refresh_token);
    expect(next.status).toBe(200);
    const newest = (await next.json()).refresh_token as string;

    // The reuse interval is 0 here, so the first token is now plainly stale.
    const reused = await refresh(session.refresh_token);
    expect(reused.status).toBe(400);
    expect((await reused.json()).error_code).toBe('refresh_token_already_used');

    const after = await refresh(newest);
    expect(after.status).toBe(400);
    expect((await after.json()).error_code).toBe('refresh_token_not_found');
    const user = await fetch(`${base}/auth/v1/user`, {
      headers: { apikey: DEFAULT_ANON_KEY, Authorization: `Bearer ${rotated.access_token}` }
    });
    expect(user.status).toBe(403);
    expect((await user.json()).error_code).toBe('session_not_found');
  });

  it('rotates again when a just-used token comes back within the reuse interval', async () => {
    const lenient = await startAuth({ refreshTokenReuseIntervalSeconds: 3600 });
    const session = await signIn(client(DEFAULT_ANON_KEY, lenient), uniqueEmail('reuse'));
    const a = await post(
      '/token?grant_type=refresh_token',
      { refresh_token: session.refresh_token },
      {},
      lenient
    );
    const b = await post(
      '/token?grant_type=refresh_token',
      { refresh_token: session.refresh_token },
      {},
      lenient
    );
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect((await a.json()).refresh_token).not.toBe((await b.json()).refresh_token);
  });

  it('refuses malformed and unknown refresh tokens', async () => {
    const bad = await refresh('short');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error_code).toBe('validation_failed');
    const unknown = await refresh('abcdefghijkl');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error_code).toBe('refresh_token_not_found');
  });

  it('signs out so the refresh token stops working', async () => {
    const supabase = client();
    const session = await signIn(supabase, uniqueEmail('logout'));
    const { error } = await supabase.auth.signOut();
    expect(error).toBeNull();
    const res = await refresh(session.refresh_token);
    expect(res.status).toBe(400);
    expect((await res.json()).error_code).toBe('refresh_token_not_found');
  });

  it('signs out only this session with the local scope', async () => {
    const email = uniqueEmail('local');
    const one = await signIn(client(), email);
    // A second session for the same person (a new code, sent after the email window).
    await sql.query('delete from auth.otp_requests where email = $1', [email]);
    const otherClient = client();
    const two = await signIn(otherClient, email);
    const res = await fetch(`${base}/auth/v1/logout?scope=local`, {
      method: 'POST',
      headers: { apikey: DEFAULT_ANON_KEY, Authorization: `Bearer ${one.access_token}` }
    });
    expect(res.status).toBe(204);
    expect((await refresh(one.refresh_token)).status).toBe(400);
    expect((await refresh(two.refresh_token)).status).toBe(200);
  });
});

describe('PKCE', () => {
  it('verifies the link to a code and exchanges it once for a session', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k)
    };
    const supabase = createClient(base, DEFAULT_ANON_KEY, {
      auth: {
        flowType: 'pkce',
        storage,
        persistSession: true,
        autoRefreshToken: false,
        detectSessionInUrl: false
      }
    });
    const email = uniqueEmail('pkce');
    const sent = await supabase.auth.signInWithOtp({
      email,
      options: { emailRedirectTo: `${SITE}/welcome` }
    });
    expect(sent.error).toBeNull();
    const tokenHash = new URL(latestMail(email).link).searchParams.get('token_hash')!;
    expect(tokenHash.startsWith('pkce_')).toBe(true);

    const verify = await fetch(
      `${base}/auth/v1/verify?token=${tokenHash}&type=magiclink&redirect_to=${encodeURIComponent(`${SITE}/welcome`)}`,
      { redirect: 'manual', headers: { apikey: DEFAULT_ANON_KEY } }
    );
    expect(verify.status).toBe(303);
    const location = new URL(verify.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(`${SITE}/welcome`);
    const code = location.searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f-]{36}$/);

    const verifierKey = [...store.keys()].find((k) => /-auth-token-code-verifier$/.test(k))!;
    const verifier = (JSON.parse(store.get(verifierKey)!) as string).split('/')[0]!;
    const wrong = await post('/token?grant_type=pkce', {
      auth_code: code,
      code_verifier: verifier.replace(/.$/, 'x')
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error_code).toBe('bad_code_verifier');

    const { data, error } = await supabase.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);

    const replay = await post('/token?grant_type=pkce', {
      auth_code: code,
      code_verifier: verifier
    });
    expect(replay.status).toBe(404);
    expect((await replay.json()).error_code).toBe('flow_state_not_found');
  });

  it('redirects a used or unknown link with otp_expired', async () => {
    const res = await fetch(
      `${base}/auth/v1/verify?token=pkce_deadbeef&type=magiclink&redirect_to=${encodeURIComponent(SITE + '/x')}`,
      {
        redirect: 'manual'
      }
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error_code')).toBe('otp_expired');
    expect(new URLSearchParams(location.hash.slice(1)).get('error')).toBe('access_denied');
  });
});

describe('admin', () => {
  const admin = () => client(DEFAULT_SERVICE_ROLE_KEY).auth.admin;

  it('creates, lists, fetches and deletes users with the service role key', async () => {
    const email = uniqueEmail('admin');
    const created = await admin().createUser({
      email,
      email_confirm: true,
      user_metadata: { name: 'Grace' }
    });
    expect(created.error).toBeNull();
    const user = created.data.user!;
    expect(user.email).toBe(email);
    expect(user.email_confirmed_at).toBeTruthy();
    expect(user.app_metadata).toMatchObject({ provider: 'email', providers: ['email'] });

    const dup = await admin().createUser({ email });
    expect(dup.error?.status).toBe(422);
    expect(dup.error?.code).toBe('email_exists');

    const { count } = (
      await sql.query<{ count: number }>('select count(*)::int as count from auth.users')
    ).rows[0]!;
    const page = await admin().listUsers({ page: 1, perPage: 2 });
    expect(page.error).toBeNull();
    expect(page.data.users).toHaveLength(Math.min(2, count));
    expect((page.data as { total?: number }).total).toBe(count);
    const all = await admin().listUsers({ page: 1, perPage: 1000 });
    expect(all.data.users.map((u) => u.id)).toContain(user.id);

    expect((await admin().getUserById(user.id)).data.user?.email).toBe(email);
    const del = await admin().deleteUser(user.id);
    expect(del.error).toBeNull();
    const gone = await admin().getUserById(user.id);
    expect(gone.error?.status).toBe(404);
    expect(gone.error?.code).toBe('user_not_found');
  });

  it('refuses admin calls made with the anon key', async () => {
    const res = await client().auth.admin.listUsers();
    expect(res.error?.status).toBe(403);
    expect(res.error?.code).toBe('not_admin');
  });

  it('generates a magic link that signs in through GET /verify', async () => {
    const email = uniqueEmail('link');
    const { data, error } = await admin().generateLink({ type: 'magiclink', email });
    expect(error).toBeNull();
    const properties = data.properties!;
    expect(properties.verification_type).toBe('signup');
    expect(properties.email_otp).toMatch(/^\d{6}$/);
    expect(data.user?.email).toBe(email);
    const res = await fetch(properties.action_link, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(SITE);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('token_type')).toBe('bearer');
    const access = fragment.get('access_token')!;
    expect((await client().auth.getUser(access)).data.user?.email).toBe(email);
  });
});

describe('protocol details', () => {
  it('answers in the 2024-01-01 error shape when asked, else the legacy shape', async () => {
    const modern = await post(
      '/verify',
      { type: 'email' },
      { 'X-Supabase-Api-Version': '2024-01-01' }
    );
    expect(modern.status).toBe(400);
    expect(modern.headers.get('x-sb-error-code')).toBe('validation_failed');
    expect(modern.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    const body = await modern.json();
    expect(body.code).toBe('validation_failed');
    expect(body.message).toBeTypeOf('string');

    const legacy = await post('/verify', { type: 'email' });
    expect(await legacy.json()).toMatchObject({ code: 400, error_code: 'validation_failed' });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await post('/otp', '{not json');
    expect(res.status).toBe(400);
    expect((await res.json()).error_code).toBe('bad_json');
  });

  it('serves health, settings, an empty JWKS and CORS preflight', async () => {
    expect((await fetch(`${base}/auth/v1/health`)).status).toBe(200);
    expect((await (await fetch(`${base}/auth/v1/settings`)).json()).external.email).toBe(true);
    expect(await (await fetch(`${base}/auth/v1/.well-known/jwks.json`)).json()).toEqual({
      keys: []
    });
    const pre = await fetch(`${base}/auth/v1/otp`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('apikey');
  });
});
