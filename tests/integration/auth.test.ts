import { createClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_ANON_KEY, DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';

// The main sign-in journey against the running stack: gateway, auth service, mailbox.

const apiUrl = () => process.env.HUB_TEST_API_URL ?? inject('hub').apiUrl;
const mailboxUrl = () => process.env.HUB_TEST_MAILBOX_URL ?? inject('hub').mailboxUrl;

let n = 0;
const uniqueEmail = (what: string) =>
  `auth-${what}-${process.pid}-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

const client = (key = DEFAULT_ANON_KEY) =>
  createClient(apiUrl(), key, {
    auth: { persistSession: false, autoRefreshToken: false, flowType: 'implicit' }
  });

async function latestEmail(to: string) {
  const res = await fetch(`${mailboxUrl()}/api/messages/latest?to=${encodeURIComponent(to)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { to: string; subject: string; text: string; links: string[] };
}

async function refresh(refreshToken: string) {
  return fetch(`${apiUrl()}/auth/v1/token?grant_type=refresh_token`, {
    method: 'POST',
    headers: { apikey: DEFAULT_ANON_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ refresh_token: refreshToken })
  });
}

describe('signing in through the running stack', () => {
  it('signs in with an emailed code, refreshes, and signs out for good', async () => {
    const email = uniqueEmail('journey');
    const supabase = client();

    const sent = await supabase.auth.signInWithOtp({ email });
    expect(sent.error).toBeNull();
    const mail = await latestEmail(email);
    expect(mail.to).toBe(email);
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(mail.links.some((l) => l.includes('/auth/confirm?token_hash='))).toBe(true);

    const verified = await supabase.auth.verifyOtp({ email, token: code!, type: 'email' });
    expect(verified.error).toBeNull();
    const session = verified.data.session!;
    expect(session.user.email).toBe(email);

    const me = await supabase.auth.getUser();
    expect(me.error).toBeNull();
    expect(me.data.user?.id).toBe(session.user.id);

    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    const rotated = refreshed.data.session!;
    expect(rotated.refresh_token).not.toBe(session.refresh_token);
    expect(rotated.user.id).toBe(session.user.id);

    const out = await supabase.auth.signOut();
    expect(out.error).toBeNull();
    const after = await refresh(rotated.refresh_token);
    expect(after.status).toBe(400);
    expect((await after.json()).error_code).toBe('refresh_token_not_found');
  });

  it('will not accept the same code twice', async () => {
    const email = uniqueEmail('once');
    const supabase = client();
    await supabase.auth.signInWithOtp({ email });
    const code = /\b(\d{6})\b/.exec((await latestEmail(email)).text)![1]!;
    expect((await supabase.auth.verifyOtp({ email, token: code, type: 'email' })).error).toBeNull();
    const again = await client().auth.verifyOtp({ email, token: code, type: 'email' });
    expect(again.error?.code).toBe('otp_expired');
  });

  it('voids a code after five wrong ones: the sixth try is refused and the right code no longer works', async () => {
    const email = uniqueEmail('guess');
    const supabase = client();
    await supabase.auth.signInWithOtp({ email });
    const code = /\b(\d{6})\b/.exec((await latestEmail(email)).text)![1]!;
    const wrong = ['100000', '200000', '300000', '400000', '500000', '600000', '700000'].filter(
      (w) => w !== code
    );
    const refusals = [];
    for (const token of wrong.slice(0, 6))
      refusals.push((await supabase.auth.verifyOtp({ email, token, type: 'email' })).error);
    expect(refusals.map((e) => e?.code)).toEqual(Array(6).fill('otp_expired'));
    expect(refusals[4]?.message).toMatch(/no longer works\. Ask for a new code/);
    const right = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
    expect(right.error?.code).toBe('otp_expired');
    expect(right.error?.message).toMatch(/Ask for a new code/);
  });

  it('refuses a 40 KB email address as too long with 422, before any pattern sees it', async () => {
    const email = 'a'.repeat(20_000) + '@' + 'b'.repeat(20_000) + '.test';
    const res = await client().auth.signInWithOtp({ email });
    expect(res.error?.status).toBe(422);
    expect(res.error?.message).toMatch(/too long/);
  });

  it('refuses a second code email to the same address within the minute', async () => {
    const email = uniqueEmail('limit');
    expect((await client().auth.signInWithOtp({ email })).error).toBeNull();
    const second = await client().auth.signInWithOtp({ email });
    expect(second.error?.status).toBe(429);
    expect(second.error?.code).toBe('over_email_send_rate_limit');
  });
});

describe('admin users through the running stack', () => {
  it('lists and deletes users with the service role key', async () => {
    const admin = client(DEFAULT_SERVICE_ROLE_KEY).auth.admin;
    const email = uniqueEmail('admin');
    const created = await admin.createUser({ email, email_confirm: true });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;

    const listed = await admin.listUsers({ page: 1, perPage: 1000 });
    expect(listed.error).toBeNull();
    expect(listed.data.users.some((u) => u.id === id && u.email === email)).toBe(true);

    expect((await admin.deleteUser(id)).error).toBeNull();
    const relisted = await admin.listUsers({ page: 1, perPage: 1000 });
    expect(relisted.data.users.some((u) => u.id === id)).toBe(false);
  });

  it('refuses admin calls made with the anon key', async () => {
    const res = await client().auth.admin.listUsers();
    expect(res.error?.status).toBe(403);
    expect(res.error?.code).toBe('not_admin');
  });
});
