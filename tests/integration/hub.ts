import { inject } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { DEFAULT_ANON_KEY, DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import type { Database } from '../../src/lib/database.types.ts';

/** URLs of the stack the global setup started. */
export const hub = () => inject('hub');

export const anonClient = () =>
  createClient<Database>(hub().apiUrl, DEFAULT_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false }
  });

export const serviceClient = () =>
  createClient<Database>(hub().apiUrl, DEFAULT_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false }
  });

let n = 0;
/** A fresh address per call, so tests never trip each other's per-email rate limit. */
export const uniqueEmail = (what: string) =>
  `${what}-${process.pid}-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** Signs a new member in through the real flow: code by email, read from the mailbox. */
export async function signedInClient(email = uniqueEmail('member')) {
  const client = createClient<Database>(hub().apiUrl, DEFAULT_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false }
  });
  const { error } = await client.auth.signInWithOtp({ email });
  if (error) throw error;
  const res = await fetch(
    `${hub().mailboxUrl}/api/messages/latest?to=${encodeURIComponent(email)}`
  );
  const mail = (await res.json()) as { text: string };
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No six-digit code in the email to ${email}`);
  const { data, error: verifyError } = await client.auth.verifyOtp({
    email,
    token: code,
    type: 'email'
  });
  if (verifyError) throw verifyError;
  return { client, session: data.session!, user: data.user!, email };
}

/** How many data API requests the app made while serving one page view. */
export async function apiRequestsFor(requestId: string) {
  const res = await fetch(
    `${hub().apiUrl}/__hub/requests?request_id=${encodeURIComponent(requestId)}`
  );
  return (await res.json()) as { service: string; method: string; path: string; status: number }[];
}
