// What the page benches need from a running stack: a steering member's session cookie
// (through the real emailed-code flow) and one public item of each kind to open.
import { createClient } from '@supabase/supabase-js';
import { connectPg } from '../stack/db/pg.ts';
import { DEFAULT_ANON_KEY } from '../stack/keys.ts';
import type { RunningStack } from '../stack/spawn-stack.ts';

export interface Samples {
  steeringEmail: string;
  workstream: string;
  commitment: string;
  output: string;
  event: string;
  pattern: string;
  outcome: string;
}

/** The first public item of each kind in the database at `dbUrl`. */
export async function pickSamples(dbUrl: string): Promise<Samples> {
  const sql = connectPg(dbUrl, 2);
  try {
    const pick = async (what: string, q: string) => {
      const v = (await sql.query<{ v: string }>(q)).rows[0]?.v;
      if (!v) throw new Error(`The database has no ${what} to open.`);
      return v;
    };
    return {
      steeringEmail: await pick(
        'steering member',
        `select u.email as v from public.network_roles r join auth.users u on u.id = r.user_id
          where r.role = 'steering' order by u.email limit 1`
      ),
      workstream: await pick(
        'active workstream',
        `select slug as v from public.workstreams where status = 'active' order by slug limit 1`
      ),
      commitment: await pick(
        'public commitment',
        `select id::text as v from public.commitments where visibility = 'public' order by id limit 1`
      ),
      output: await pick(
        'published output',
        `select slug as v from public.outputs where status = 'published' order by slug limit 1`
      ),
      event: await pick(
        'published event',
        `select slug as v from public.events where status = 'published' order by starts_at desc limit 1`
      ),
      pattern: await pick(
        'published pattern',
        `select slug as v from public.patterns where status = 'published' order by slug limit 1`
      ),
      outcome: await pick('outcome', `select slug as v from public.outcomes order by slug limit 1`)
    };
  } finally {
    await sql.close();
  }
}

/** The app's session cookie for `email`, signed in with the code from the mailbox. */
export async function signInCookie(stack: RunningStack, email: string): Promise<string> {
  const client = createClient(stack.apiUrl, DEFAULT_ANON_KEY, { auth: { persistSession: false } });
  const sent = await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  if (sent.error) throw sent.error;
  const mail = (await (
    await fetch(`${stack.mailboxUrl}/api/messages/latest?to=${encodeURIComponent(email)}`)
  ).json()) as { text: string };
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No sign-in code in the email to ${email}`);
  const { data, error } = await client.auth.verifyOtp({ email, token: code, type: 'email' });
  if (error) throw error;
  return `sb-127-auth-token=base64-${Buffer.from(JSON.stringify(data.session)).toString('base64url')}`;
}
