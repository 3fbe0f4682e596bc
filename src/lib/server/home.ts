// The signed-in home: what needs the member, in one call to public.home_for_me
// (supabase/migrations/20261201000700_signed_in_home.sql), which also records the visit
// that "since your last visit" is measured from.
import type { CompositeTypes } from '#lib/database.types.ts';
import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';

export type HomeChange = CompositeTypes<'home_change'>;

export interface ChangeGroup {
  /** null: things in no workstream (a followed commitment outside the member's workstreams) */
  slug: string | null;
  title: string | null;
  changes: HomeChange[];
}

/** Changes grouped by workstream, in the order the function returns them (by workstream). */
export function groupChanges(changes: HomeChange[]): ChangeGroup[] {
  const groups = new Map<string | null, ChangeGroup>();
  for (const change of changes) {
    const key = change.workstream_slug;
    let group = groups.get(key);
    if (!group) {
      group = { slug: key, title: change.workstream_title, changes: [] };
      groups.set(key, group);
    }
    group.changes.push(change);
  }
  return [...groups.values()];
}

/** Everything the signed-in home shows about the member, in one API round trip. */
export async function forMe(client: Client) {
  const home = unwrap(await client.rpc('home_for_me').single());
  const { changes, ...rest } = home;
  return { ...rest, changeGroups: groupChanges(changes) };
}
