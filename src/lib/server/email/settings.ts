// Email settings, follows, one-click unsubscribe and the steering group's view of the
// outbox: what the pages read and write, through the data API as the person asking (RLS
// decides) or, for unsubscribe, with only the token from the email.
import type { Client } from '../supabase.ts';
import { unwrap, unwrapOk } from '../errors.ts';
import type { EmailSettingsInput } from '#lib/validation/email-settings.ts';

/** The member's digest frequency and email settings, in one round trip. */
export async function get(client: Client, userId: string) {
  const profile = unwrap(
    await client
      .from('profiles')
      .select('digest_frequency, email_preferences(muted_kinds, outcome_outputs_at_once, version)')
      .eq('id', userId)
      .single()
  );
  const prefs = profile.email_preferences;
  return {
    digest_frequency: profile.digest_frequency,
    muted_kinds: prefs?.muted_kinds ?? [],
    outcome_outputs_at_once: prefs?.outcome_outputs_at_once ?? false,
    version: prefs?.version ?? 0
  };
}

/** Saves both rows in one call (public.save_email_settings); stale versions are a conflict. */
export async function save(client: Client, input: EmailSettingsInput) {
  return unwrap(
    await client.rpc('save_email_settings', {
      p_digest_frequency: input.digest_frequency,
      p_muted_kinds: input.muted_kinds,
      p_outcome_outputs_at_once: input.outcome_outputs_at_once,
      p_version: input.version
    })
  );
}

export type FollowTarget = { workstreamId: string } | { outcomeId: string };

const column = (t: FollowTarget): { workstream_id: string | null; outcome_id: string | null } =>
  'workstreamId' in t
    ? { workstream_id: t.workstreamId, outcome_id: null }
    : { workstream_id: null, outcome_id: t.outcomeId };

export async function follow(client: Client, target: FollowTarget) {
  // Following twice is following: the unique constraint answers 23505, which is fine.
  const { error, status } = await client.from('follows').insert(column(target));
  if (error && error.code === '23505') return;
  unwrapOk({ error, status });
}

export async function unfollow(client: Client, target: FollowTarget) {
  const query = client.from('follows').delete();
  unwrapOk(
    await ('workstreamId' in target
      ? query.eq('workstream_id', target.workstreamId)
      : query.eq('outcome_id', target.outcomeId))
  );
}

/** What the member follows, newest first. */
export async function list(client: Client) {
  return unwrap(
    await client
      .from('follows')
      .select('id, created_at, workstreams(id, slug, title), outcomes(id, slug, title)')
      .order('created_at', { ascending: false })
  );
}

/** What an unsubscribe token is for (null: no such email). No session needed. */
export async function unsubscribeKind(client: Client, token: string) {
  const rows = unwrap(await client.rpc('unsubscribe_kind', { p_token: token }));
  return rows[0] ?? null;
}

export async function unsubscribe(client: Client, token: string) {
  return (await client.rpc('unsubscribe', { p_token: token })).data ?? null;
}

export const FAILED_PAGE_SIZE = 50;

/** For /steering/emails: counts by status and the latest failures (RLS: steering only). */
export async function outbox(client: Client) {
  const [counts, failed] = await Promise.all([
    client.rpc('email_outbox_counts'),
    client
      .from('email_outbox')
      .select(
        'id, kind, attempts, last_error, created_at, updated_at, profiles(display_name, handle)'
      )
      .eq('status', 'failed')
      .order('updated_at', { ascending: false })
      .limit(FAILED_PAGE_SIZE)
  ]);
  const byStatus = { pending: 0, sent: 0, failed: 0 };
  for (const c of unwrap(counts)) byStatus[c.status] = c.n;
  return { counts: byStatus, failed: unwrap(failed) };
}
