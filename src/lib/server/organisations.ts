import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';

/** Every organisation, by name, for a select list. */
export async function list(client: Client) {
  return unwrap(await client.from('organisations').select('id, name').order('name'));
}
