import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';

export interface OrganisationOption {
  id: string;
  name: string;
}

/** Every organisation, by name, for a select list. */
export async function listForSelect(client: Client): Promise<OrganisationOption[]> {
  return unwrap(await client.from('organisations').select('id, name').order('name'));
}
