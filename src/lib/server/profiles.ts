import type { Client } from './supabase.ts';
import { toDataError, unwrap } from './errors.ts';
import type { ProfileInput } from '#lib/validation/profile.ts';

export interface OwnProfile {
  id: string;
  handle: string;
  display_name: string;
  organisation_id: string | null;
  job_title: string | null;
  region: string | null;
  is_public: boolean;
  version: number;
}

const OWN_COLUMNS =
  'id, handle, display_name, organisation_id, job_title, region, is_public, version';

/** The signed-in member's own profile (created by a trigger when they first signed in). */
export async function getOwn(client: Client, userId: string): Promise<OwnProfile> {
  return unwrap(await client.from('profiles').select(OWN_COLUMNS).eq('id', userId).single());
}

/**
 * Saves the member's profile. `input.version` is the version they opened; the database
 * refuses the update with a conflict (PT409 → DataError kind 'conflict') if it changed.
 */
export async function updateOwn(
  client: Client,
  userId: string,
  input: ProfileInput
): Promise<OwnProfile> {
  const result = await client
    .from('profiles')
    .update({
      display_name: input.display_name,
      handle: input.handle,
      organisation_id: input.organisation_id,
      job_title: input.job_title,
      region: input.region,
      is_public: input.is_public,
      version: input.version
    })
    .eq('id', userId)
    .select(OWN_COLUMNS)
    .single();
  if (result.error) throw toDataError(result.error, result.status);
  return result.data;
}
