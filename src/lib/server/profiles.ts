import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import type { ProfileInput } from '#lib/validation/profile.ts';

const OWN_COLUMNS =
  'id, handle, display_name, organisation_id, job_title, region, is_public, digest_frequency, version';

/** The signed-in member's own profile (created by a trigger when they first signed in). */
export async function get(client: Client, userId: string) {
  return unwrap(await client.from('profiles').select(OWN_COLUMNS).eq('id', userId).single());
}

/**
 * Saves the member's profile. `input.version` is the version they opened; the database
 * refuses the update with a conflict (PT409 → DataError kind 'conflict') if it changed.
 */
export async function update(client: Client, userId: string, input: ProfileInput) {
  const result = await client
    .from('profiles')
    .update({
      display_name: input.display_name,
      handle: input.handle,
      organisation_id: input.organisation_id,
      job_title: input.job_title,
      region: input.region,
      is_public: input.is_public,
      digest_frequency: input.digest_frequency,
      version: input.version
    })
    .eq('id', userId)
    .select(OWN_COLUMNS)
    .single();
  return unwrap(result);
}
