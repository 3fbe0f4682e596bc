import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import type { Database } from '#lib/database.types.ts';

export interface OutputSummary {
  slug: string;
  title: string;
  summary: string | null;
  kind: Database['public']['Enums']['output_kind'];
  published_at: string | null;
}

/** The most recently published outputs. */
export async function listLatest(client: Client, limit = 5) {
  const rows: OutputSummary[] = unwrap(
    await client
      .from('outputs')
      .select('slug, title, summary, kind, published_at')
      .eq('status', 'published')
      .order('published_at', { ascending: false, nullsFirst: false })
      .limit(limit)
  );
  return rows;
}
