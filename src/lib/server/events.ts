import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import type { Database } from '#lib/database.types.ts';

export interface EventSummary {
  slug: string;
  title: string;
  kind: Database['public']['Enums']['event_kind'];
  starts_at: string;
  ends_at: string;
}

/** The next published events that have not finished yet, soonest first. */
export async function listUpcoming(client: Client, limit = 3, now = new Date()) {
  const rows: EventSummary[] = unwrap(
    await client
      .from('events')
      .select('slug, title, kind, starts_at, ends_at')
      .eq('status', 'published')
      .gte('ends_at', now.toISOString())
      .order('starts_at')
      .limit(limit)
  );
  return rows;
}
