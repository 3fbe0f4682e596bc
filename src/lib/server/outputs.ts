import type { Client } from './supabase.ts';
import { DataError, toDataError, unwrap } from './errors.ts';
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

// ---------------------------------------------------------------------------------------
// Browse pages (/outputs, /outputs/[slug]). Added below the home page's listLatest.

export const OUTPUTS_PAGE_SIZE = 25;

type OutputKind = Database['public']['Enums']['output_kind'];

export const OUTPUT_KINDS: { value: OutputKind; text: string }[] = [
  { value: 'guide', text: 'Guide' },
  { value: 'template', text: 'Template' },
  { value: 'code', text: 'Code' },
  { value: 'data_set', text: 'Data set' },
  { value: 'research', text: 'Research' },
  { value: 'case_study', text: 'Case study' },
  { value: 'slides', text: 'Slides' },
  { value: 'recording', text: 'Recording' },
  { value: 'other', text: 'Other' }
];

/** "Data set" for 'data_set'. */
export function outputKindLabel(kind: string): string {
  return OUTPUT_KINDS.find((k) => k.value === kind)?.text ?? 'Other';
}

export function isOutputKind(value: string): value is OutputKind {
  return OUTPUT_KINDS.some((k) => k.value === value);
}

interface PersonRef {
  display_name: string;
  organisations: { name: string } | null;
}

export interface OutputListItem {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  kind: OutputKind;
  published_at: string | null;
  output_contributors: { profiles: PersonRef | null }[];
  output_reuse_counts: { organisation_count: number }[];
}

export interface OutputFilters {
  kind?: OutputKind;
  outcome?: string;
  workstream?: string;
}

/**
 * Published outputs, newest first, one page, with contributors and how many organisations
 * reused each: one request (the count comes back with it).
 */
export async function listPublished(client: Client, filters: OutputFilters, page: number) {
  const from = (page - 1) * OUTPUTS_PAGE_SIZE;
  const joins = [
    filters.outcome ? 'output_outcomes!inner(outcomes!inner(slug))' : '',
    filters.workstream ? 'workstreams!inner(slug)' : ''
  ].filter(Boolean);
  let query = client
    .from('outputs')
    .select(
      `id, slug, title, summary, kind, published_at,
       output_contributors(profiles(display_name, organisations(name))),
       output_reuse_counts(organisation_count)${joins.length ? `, ${joins.join(', ')}` : ''}`,
      { count: 'exact' }
    )
    .eq('status', 'published');
  if (filters.kind) query = query.eq('kind', filters.kind);
  if (filters.outcome) query = query.eq('output_outcomes.outcomes.slug', filters.outcome);
  if (filters.workstream) query = query.eq('workstreams.slug', filters.workstream);
  const result = await query
    .order('published_at', { ascending: false, nullsFirst: false })
    .order('created_at', { ascending: false })
    .order('id')
    .range(from, from + OUTPUTS_PAGE_SIZE - 1);
  if (result.error) throw toDataError(result.error, result.status);
  return {
    outputs: (result.data ?? []) as unknown as OutputListItem[],
    total: result.count ?? 0
  };
}

/**
 * Who made it, as the reader may see it: names of contributors with public profiles (all
 * of them for members) and their organisations, each organisation once.
 */
export function creditsFor(contributors: { profiles: PersonRef | null }[]) {
  const people = contributors.flatMap((c) => (c.profiles ? [c.profiles] : []));
  const organisations = [
    ...new Set(people.flatMap((p) => (p.organisations ? [p.organisations.name] : [])))
  ];
  return {
    names: people.map((p) => p.display_name),
    organisations,
    hidden: contributors.length - people.length
  };
}

export interface OutputDetail {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  body: string | null;
  kind: OutputKind;
  external_url: string | null;
  licence: string | null;
  status: Database['public']['Enums']['content_status'];
  published_at: string | null;
  updated_at: string;
  workstream: { slug: string; title: string } | null;
  commitment: { id: string; title: string; status: string } | null;
  output_contributors: { role: string | null; profiles: PersonRef | null }[];
  output_outcomes: { outcomes: { slug: string; title: string } | null }[];
  output_reuses: {
    id: string;
    phase: Database['public']['Enums']['delivery_phase'] | null;
    note: string | null;
    created_at: string;
    organisations: { name: string } | null;
  }[];
  pattern_examples: { patterns: { slug: string; title: string } | null }[];
}

const OUTPUT_DETAIL = `id, slug, title, summary, body, kind, external_url, licence, status, published_at, updated_at,
  workstream:workstreams(slug, title),
  commitment:commitments(id, title, status),
  output_contributors(role, created_at, profiles(display_name, organisations(name))),
  output_outcomes(outcomes(slug, title)),
  output_reuses(id, phase, note, created_at, organisations(name)),
  pattern_examples(patterns(slug, title))`;

/** One output with everything its page shows, in one request (RLS decides if it is seen). */
export async function getBySlug(client: Client, slug: string): Promise<OutputDetail> {
  const result = await client
    .from('outputs')
    .select(OUTPUT_DETAIL)
    .eq('slug', slug)
    .order('created_at', { referencedTable: 'output_contributors' })
    .order('created_at', { referencedTable: 'output_reuses', ascending: false })
    .maybeSingle();
  if (result.error) throw toDataError(result.error, result.status);
  if (!result.data) throw new DataError('not_found', 'No such output.', 404);
  return result.data as unknown as OutputDetail;
}

/** "Alpha" for 'alpha': the delivery phase an organisation was in when it reused something. */
export function phaseLabel(phase: string | null | undefined): string | null {
  return phase ? phase.charAt(0).toUpperCase() + phase.slice(1) : null;
}

/**
 * "Sophie Turner and 2 other members", or "2 members of the network" when none of them has
 * a public profile (visitors see only public names), or null when nobody is credited.
 */
export function creditLine(credits: { names: string[]; hidden: number }): string | null {
  const { names, hidden } = credits;
  const others = (n: number, other: string) => `${n} ${other}${n === 1 ? 'member' : 'members'}`;
  if (names.length === 0) return hidden ? `${others(hidden, '')} of the network` : null;
  const shown =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
  if (!hidden) return shown;
  return `${names.join(', ')} and ${others(hidden, 'other ')}`;
}

/** "Used by 1 organisation", "Used by 7 organisations", or null when nobody has said so yet. */
export function usedByText(count: number): string | null {
  if (count <= 0) return null;
  return `Used by ${count} ${count === 1 ? 'organisation' : 'organisations'}`;
}
