import type { Client } from './supabase.ts';
import { unwrapOk } from './errors.ts';

// The notifications themselves are read with the member's workstreams
// (workstreams.listMine), so /me stays within its round trips.

/**
 * Dismisses (deletes) one of the member's own notifications. RLS hides everyone else's,
 * so another's id deletes nothing; nor does one already dismissed in another tab.
 */
export async function dismiss(client: Client, id: number) {
  unwrapOk(await client.from('notifications').delete().eq('id', id));
}
