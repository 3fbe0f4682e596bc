import type { Client } from './supabase.ts';
import { unwrap, unwrapOk } from './errors.ts';
import type { ProfileInput } from '#lib/validation/profile.ts';

const OWN_COLUMNS =
  'id, handle, display_name, organisation_id, job_title, region, is_public, version';

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
      version: input.version
    })
    .eq('id', userId)
    .select(OWN_COLUMNS)
    .single();
  return unwrap(result);
}

/** A profile's handle as the database allows it; anything else has no page. */
export const isHandle = (handle: string): boolean =>
  /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/.test(handle);

/**
 * A member's public page in one call (public.member_page, 20261201001500): null when the
 * profile is not public (and not the reader's own) or there is no such member.
 */
export async function publicPage(client: Client, handle: string) {
  const result = await client.rpc('member_page', { p_handle: handle }).maybeSingle();
  unwrapOk(result);
  return result.data;
}

/**
 * Who is reading: their organisation and whether they are in the steering group, in one
 * request (for "we use this" forms and who may edit).
 */
export async function reader(client: Client, userId: string) {
  const profile = unwrap(
    await client
      .from('profiles')
      .select(
        'organisation_id, organisations(name), network_roles!network_roles_user_id_fkey(role)'
      )
      .eq('id', userId)
      .eq('network_roles.role', 'steering')
      .single(),
    'Your profile could not be found. Sign out and sign in again.'
  );
  return {
    organisationId: profile.organisation_id,
    organisationName: profile.organisations?.name ?? null,
    steering: profile.network_roles.length > 0
  };
}
