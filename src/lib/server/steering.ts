// The steering group's data: one call to public.steering_report for the page, one to
// public.steering_digest for the digest. Both are computed in Postgres (see
// supabase/migrations/20261127001200_steering.sql) and refuse anyone not in the steering
// group, which comes back here as a DataError of kind 'forbidden'.
import type { Client } from './supabase.ts';
import { DataError, toDataError } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import { buildDigest, type Digest, type DigestItemRow } from './digest.ts';
import { fillMonths, monthsEnding, type MonthlyCount } from '#lib/chart.ts';
import { toCsv, type CsvValue } from '#lib/csv.ts';
import { todayInLondon } from '#lib/dates.ts';
import { statusLabel } from '#lib/labels.ts';
import { parseISO } from 'date-fns';

/** The CSV lists at most this many overdue commitments (longest overdue first). */
export const CSV_OVERDUE_LIMIT = 10_000;

export interface StatusCounts {
  planned: number;
  in_progress: number;
  blocked: number;
  done: number;
  dropped: number;
  open: number;
  overdue: number;
  dormant: number;
  done_last_90_days: number;
  total: number;
}

export interface WorkstreamStats extends StatusCounts {
  /** null: the commitments that belong to no workstream. */
  workstream_id: string | null;
  slug: string | null;
  title: string | null;
  workstream_status: string | null;
}

export interface OverdueCommitment {
  id: string;
  title: string;
  status: string;
  owner_handle: string | null;
  owner_display_name: string | null;
  organisation_name: string | null;
  workstream_slug: string | null;
  workstream_title: string | null;
  next_check_in_on: string;
  days_overdue: number;
  staleness: 'overdue' | 'dormant';
  last_check_in_at: string | null;
}

export interface OrganisationTakingPart {
  organisation_id: string;
  organisation_slug: string;
  organisation_name: string;
  active_members: number;
}

export interface SteeringReport {
  today: string;
  workstreams: { total: number; rows: WorkstreamStats[] };
  totals: StatusCounts;
  months: MonthlyCount[];
  overdue: { total: number; rows: OverdueCommitment[] };
  participation: {
    active_members: number;
    organisations_total: number;
    members_without_organisation: number;
    organisations: OrganisationTakingPart[];
  };
}

export interface ReportPages {
  /** 1-based */
  workstreamPage: number;
  overduePage: number;
}

async function rpc<T>(
  run: PromiseLike<{ data: unknown; error: unknown; status: number }>
): Promise<T> {
  const { data, error, status } = await run;
  if (error) throw toDataError(error, status);
  if (data === null || data === undefined)
    throw new DataError('not_found', 'No data came back.', 404);
  return data as T;
}

/** Everything /steering shows, in one API round trip. */
export async function getReport(client: Client, pages: ReportPages): Promise<SteeringReport> {
  const report = await rpc<SteeringReport>(
    client.rpc('steering_report', {
      p_workstream_limit: PAGE_SIZE,
      p_workstream_offset: (Math.max(1, pages.workstreamPage) - 1) * PAGE_SIZE,
      p_overdue_limit: PAGE_SIZE,
      p_overdue_offset: (Math.max(1, pages.overduePage) - 1) * PAGE_SIZE,
      p_organisation_limit: PAGE_SIZE
    })
  );
  return { ...report, months: fillMonths(report.months, monthsEnding(report.today, 12)) };
}

/** The whole report for the CSV: every workstream, and the longest-overdue commitments. */
export async function getFullReport(client: Client): Promise<SteeringReport> {
  const report = await rpc<SteeringReport>(
    client.rpc('steering_report', {
      p_workstream_limit: 10_000,
      p_workstream_offset: 0,
      p_overdue_limit: CSV_OVERDUE_LIMIT,
      p_overdue_offset: 0,
      p_organisation_limit: 10_000
    })
  );
  return { ...report, months: fillMonths(report.months, monthsEnding(report.today, 12)) };
}

export const NO_WORKSTREAM_LABEL = 'No workstream';

/**
 * The CSV of what /steering shows: the per-workstream table (with a network total), then
 * a blank line, then the overdue list. Cells are guarded against formula injection.
 */
export function reportCsv(report: SteeringReport, siteUrl: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  const rows: CsvValue[][] = [];
  rows.push([
    'Workstream',
    'Workstream status',
    'Planned',
    'In progress',
    'Blocked',
    'Done',
    'Dropped',
    'Open',
    'Overdue',
    'Dormant',
    'Done in the last 90 days',
    'Total'
  ]);
  const counts = (c: StatusCounts): CsvValue[] => [
    c.planned,
    c.in_progress,
    c.blocked,
    c.done,
    c.dropped,
    c.open,
    c.overdue,
    c.dormant,
    c.done_last_90_days,
    c.total
  ];
  for (const w of report.workstreams.rows) {
    rows.push([w.title ?? NO_WORKSTREAM_LABEL, w.workstream_status ?? '', ...counts(w)]);
  }
  rows.push(['All workstreams', '', ...counts(report.totals)]);
  rows.push([]);
  rows.push([
    'Overdue commitment',
    'Status',
    'Staleness',
    'Owner',
    'Organisation',
    'Workstream',
    'Check-in was due',
    'Days overdue',
    'Last check-in',
    'Link'
  ]);
  for (const c of report.overdue.rows) {
    rows.push([
      c.title,
      statusLabel(c.status),
      c.staleness === 'dormant' ? 'Dormant' : 'Overdue',
      c.owner_display_name ?? '',
      c.organisation_name ?? '',
      c.workstream_title ?? NO_WORKSTREAM_LABEL,
      c.next_check_in_on,
      c.days_overdue,
      c.last_check_in_at ? todayInLondon(parseISO(c.last_check_in_at)) : 'Never',
      `${base}/commitments/${c.id}`
    ]);
  }
  if (report.overdue.total > report.overdue.rows.length) {
    rows.push([]);
    rows.push([
      `Showing the ${report.overdue.rows.length} longest-overdue of ${report.overdue.total} overdue commitments.`
    ]);
  }
  return toCsv(rows);
}

interface DigestAnswer {
  since: string;
  today: string;
  items: DigestItemRow[];
}

/** The digest since a London date (default: 7 days ago), grouped, each commitment once. */
export async function getDigest(client: Client, since?: string): Promise<Digest> {
  const answer = await rpc<DigestAnswer>(
    client.rpc('steering_digest', since ? { p_since: since } : {})
  );
  return buildDigest(answer.items, { since: answer.since, today: answer.today });
}
