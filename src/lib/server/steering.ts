// The steering group's data: one call to public.steering_report for the page, one to
// public.steering_digest for the digest. Both are computed in Postgres (see
// supabase/migrations/20261127001200_steering.sql and 20261201000500_steering_typed.sql),
// typed by the generator, and refuse anyone not in the steering group, which comes back
// here as a DataError of kind 'forbidden'.
import type { CompositeTypes, Database } from '#lib/database.types.ts';
import type { Client } from './supabase.ts';
import { unwrap } from './errors.ts';
import { PAGE_SIZE } from './query.ts';
import { buildDigest, type Digest } from './digest.ts';
import { fillMonths, monthsEnding, type MonthlyCount } from '#lib/chart.ts';
import { toCsv, type CsvValue } from '#lib/csv.ts';
import { todayInLondon } from '#lib/dates.ts';
import { statusLabel } from '#lib/labels.ts';
import { parseISO } from 'date-fns';

/** The CSV lists at most this many overdue commitments (longest overdue first). */
export const CSV_OVERDUE_LIMIT = 10_000;

/** One row of public.steering_report; its lists are arrays of composite types. */
type ReportRow = Database['public']['Functions']['steering_report']['Returns'][number];

/** A workstream's counts (workstream_id null: commitments in no workstream), or the totals. */
export type WorkstreamStats = CompositeTypes<'steering_workstream_row'>;
export type OverdueCommitment = CompositeTypes<'steering_overdue_row'>;

/** The report with every one of the last 12 months in it. */
export type SteeringReport = Omit<ReportRow, 'months'> & { months: MonthlyCount[] };

export interface ReportPages {
  /** 1-based */
  workstreamPage: number;
  overduePage: number;
}

async function report(
  client: Client,
  args: Database['public']['Functions']['steering_report']['Args']
): Promise<SteeringReport> {
  const row = unwrap(await client.rpc('steering_report', args).single());
  return { ...row, months: fillMonths(row.months, monthsEnding(row.today, 12)) };
}

/** Everything /steering shows, in one API round trip. */
export function getReport(client: Client, pages: ReportPages): Promise<SteeringReport> {
  return report(client, {
    p_workstream_limit: PAGE_SIZE,
    p_workstream_offset: (Math.max(1, pages.workstreamPage) - 1) * PAGE_SIZE,
    p_overdue_limit: PAGE_SIZE,
    p_overdue_offset: (Math.max(1, pages.overduePage) - 1) * PAGE_SIZE,
    p_organisation_limit: PAGE_SIZE
  });
}

/** The whole report for the CSV: every workstream, and the longest-overdue commitments. */
export function getFullReport(client: Client): Promise<SteeringReport> {
  return report(client, {
    p_workstream_limit: 10_000,
    p_workstream_offset: 0,
    p_overdue_limit: CSV_OVERDUE_LIMIT,
    p_overdue_offset: 0,
    p_organisation_limit: 10_000
  });
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
  const counts = (c: WorkstreamStats): CsvValue[] => [
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
  for (const w of report.workstreams) {
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
  for (const c of report.overdue) {
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
  if (report.overdue_total > report.overdue.length) {
    rows.push([]);
    rows.push([
      `Showing the ${report.overdue.length} longest-overdue of ${report.overdue_total} overdue commitments.`
    ]);
  }
  return toCsv(rows);
}

/** The digest since a London date (default: 7 days ago), grouped, each commitment once. */
export async function getDigest(client: Client, since?: string): Promise<Digest> {
  const answer = unwrap(
    await client.rpc('steering_digest', since ? { p_since: since } : {}).single()
  );
  return buildDigest(answer.items, { since: answer.since, today: answer.today });
}
