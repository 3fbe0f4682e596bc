import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';

/** Workstreams and outcomes for filter forms and selects, in one request. */
export async function list(client: Client) {
  const rows = unwrap(await client.rpc('filter_options'));
  return {
    workstreams: rows.flatMap(({ kind, id, slug, title, workstream_status }) =>
      kind === 'workstream' ? [{ id, slug, title, status: workstream_status }] : []
    ),
    outcomes: rows.flatMap(({ kind, id, slug, title }) =>
      kind === 'outcome' ? [{ id, slug, title }] : []
    )
  };
}

/** Only what a filter select shows: ids and statuses stay on the server. */
export const forSelect = (options: { slug: string; title: string }[]) =>
  options.map(({ slug, title }) => ({ slug, title }));
