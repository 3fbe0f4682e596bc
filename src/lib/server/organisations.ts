import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import { PAGE_SIZE } from './query.ts';

/** Every organisation, by name, for a select list. */
export async function list(client: Client) {
  return unwrap(await client.from('organisations').select('id, name').order('name'));
}

/** A page of organisations by name, with what each has done, and how many there are. */
export async function listWithCounts(client: Client, page: number, pageSize = PAGE_SIZE) {
  return unwrap(
    await client
      .rpc('organisation_list', { p_limit: pageSize, p_offset: (page - 1) * pageSize })
      .single()
  );
}

/** One organisation's page in one call; a DataError 'not_found' when there is none. */
export async function page(client: Client, slug: string) {
  return unwrap(
    await client.rpc('organisation_page', { p_slug: slug }).maybeSingle(),
    'There is no organisation with that address.'
  );
}
