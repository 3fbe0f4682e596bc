// Data for the workstreams and commitments tests, made through the API as real members
// (RLS applies) and, only where a member cannot, with the service role (approving).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { serviceClient } from './hub.ts';

type Client = SupabaseClient<Database>;

const suffix = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** An active workstream led by the given member. */
export async function activeWorkstream(client: Client, userId: string, title = 'Test workstream') {
  const slug = `ws-test-${suffix()}`;
  const { data, error } = await client
    .from('workstreams')
    .insert({ slug, title: `${title} ${slug}`, purpose: 'For tests.', created_by: userId })
    .select('id, slug, version')
    .single();
  if (error) throw error;
  const approved = await serviceClient()
    .from('workstreams')
    .update({ status: 'active', version: data.version })
    .eq('id', data.id)
    .select('id, slug, title, version')
    .single();
  if (approved.error) throw approved.error;
  return approved.data;
}

/** A commitment owned by the given member. */
export async function commitment(
  client: Client,
  userId: string,
  fields: Partial<Database['public']['Tables']['commitments']['Insert']> = {}
) {
  const { data, error } = await client
    .from('commitments')
    .insert({
      owner_id: userId,
      title: `run a test ${suffix()}`,
      so_that: 'the tests have something to read',
      due_on: '2030-01-31',
      next_check_in_on: '2030-01-01',
      ...fields
    })
    .select('id, title, version, status')
    .single();
  if (error) throw error;
  return data;
}

/** A draft output made by the given member (so they count as contributing to it). */
export async function draftOutput(client: Client, userId: string, title = 'Test output') {
  const { data, error } = await client
    .from('outputs')
    .insert({ slug: `ws-output-${suffix()}`, title, created_by: userId })
    .select('id')
    .single();
  if (error) throw error;
  return data;
}

/** The commitment an output is attached to as evidence, read with the service role. */
export async function evidenceFor(outputId: string): Promise<string | null> {
  const { data, error } = await serviceClient()
    .from('outputs')
    .select('commitment_id')
    .eq('id', outputId)
    .single();
  if (error) throw error;
  return data.commitment_id;
}
