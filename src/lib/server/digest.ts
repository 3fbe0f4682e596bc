// The weekly digest: what happened to commitments since a date, grouped by workstream,
// each commitment once. People stopped reading the old digests because they repeated
// items ("new" on Monday, "done" on Friday, three check-ins in between): here a commitment
// appears once, under its most significant heading, with the rest noted beside it.
import type { CompositeTypes } from '#lib/database.types.ts';
import { formatDate } from '#lib/dates.ts';

/** What can happen to a commitment in a digest, most significant first. */
export const DIGEST_KINDS = ['done', 'dormant', 'overdue', 'new', 'check_in'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export const DIGEST_HEADINGS: Record<DigestKind, string> = {
  done: 'Done',
  dormant: 'Newly dormant',
  overdue: 'Newly overdue',
  new: 'New commitments',
  check_in: 'Check-ins'
};

/** One raw item from the database (public.steering_digest_items, via steering_digest). */
export type DigestItemRow = CompositeTypes<'steering_digest_item'>;

export interface DigestEntry {
  commitmentId: string;
  title: string;
  status: string;
  ownerName: string | null;
  ownerHandle: string | null;
  /** The heading it appears under. */
  kind: DigestKind;
  occurredAt: string;
  /** The closing note (done) or the latest check-in note. */
  note: string | null;
  checkInCount: number;
  /** Other things that happened to it in the period, most significant first. */
  also: DigestKind[];
  /** The same in words ("also made this period, 2 check-ins"), or ''. */
  alsoText: string;
}

export interface DigestSection {
  kind: DigestKind;
  heading: string;
  /** The first `perSection` entries, oldest first. */
  entries: DigestEntry[];
  /** How many commitments are under this heading in all (entries may show fewer). */
  total: number;
}

export interface DigestGroup {
  /** null: commitments that belong to no workstream. */
  workstream: { id: string; slug: string; title: string } | null;
  title: string;
  sections: DigestSection[];
  count: number;
}

export interface Digest {
  since: string;
  today: string;
  groups: DigestGroup[];
  total: number;
  counts: Record<DigestKind, number>;
  /** Headings with how many commitments are under each, leaving out empty ones. */
  summary: { kind: DigestKind; heading: string; count: number }[];
}

export const NO_WORKSTREAM = 'No workstream';

/**
 * Entries shown under one heading of one workstream; the rest are counted ("and 40 more").
 * On a network the size of the large seed a week has thousands of items: an email that
 * long is not read, and the workstream page has them all.
 */
export const DEFAULT_PER_SECTION = 10;

const rank = (kind: DigestKind) => DIGEST_KINDS.indexOf(kind);
const isKind = (kind: string | null): kind is DigestKind => DIGEST_KINDS.some((k) => k === kind);

/** The heading a commitment goes under, given everything that happened to it. */
export function mostSignificant(kinds: Iterable<DigestKind>): DigestKind | null {
  let best: DigestKind | null = null;
  for (const kind of kinds) if (best === null || rank(kind) < rank(best)) best = kind;
  return best;
}

/**
 * Groups raw items by workstream (alphabetically, "No workstream" last) and puts each
 * commitment once, under its most significant heading. Unknown kinds are ignored.
 */
export function buildDigest(
  rows: readonly DigestItemRow[],
  period: { since: string; today: string },
  options: { perSection?: number } = {}
): Digest {
  const perSection = Math.max(1, options.perSection ?? DEFAULT_PER_SECTION);
  interface Gathered {
    rows: DigestItemRow[];
    kinds: Set<DigestKind>;
  }
  const byCommitment = new Map<string, Gathered>();
  for (const row of rows) {
    if (!isKind(row.kind) || row.commitment_id === null) continue;
    const gathered = byCommitment.get(row.commitment_id) ?? { rows: [], kinds: new Set() };
    gathered.rows.push(row);
    gathered.kinds.add(row.kind);
    byCommitment.set(row.commitment_id, gathered);
  }

  const groups = new Map<string, DigestGroup>();
  const counts: Record<DigestKind, number> = {
    done: 0,
    dormant: 0,
    overdue: 0,
    new: 0,
    check_in: 0
  };

  for (const [commitmentId, { rows: items, kinds }] of byCommitment) {
    const kind = mostSignificant(kinds)!;
    const main = items.find((r) => r.kind === kind)!;
    const checkIn = items.find((r) => r.kind === 'check_in');
    const first = items[0]!;
    const entry: DigestEntry = {
      commitmentId,
      title: first.commitment_title ?? '',
      status: first.commitment_status ?? '',
      ownerName: first.owner_display_name,
      ownerHandle: first.owner_handle,
      kind,
      occurredAt: main.occurred_at ?? '',
      note: main.note ?? checkIn?.note ?? null,
      checkInCount: checkIn?.check_in_count ?? (checkIn ? 1 : 0),
      also: DIGEST_KINDS.filter((k) => k !== kind && kinds.has(k)),
      alsoText: ''
    };
    entry.alsoText = alsoText(entry);
    counts[kind] += 1;

    const key = first.workstream_id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        workstream: first.workstream_id
          ? {
              id: first.workstream_id,
              slug: first.workstream_slug ?? '',
              title: first.workstream_title ?? ''
            }
          : null,
        title: first.workstream_id ? (first.workstream_title ?? '') : NO_WORKSTREAM,
        sections: [],
        count: 0
      };
      groups.set(key, group);
    }
    let section = group.sections.find((s) => s.kind === kind);
    if (!section) {
      section = { kind, heading: DIGEST_HEADINGS[kind], entries: [], total: 0 };
      group.sections.push(section);
    }
    section.entries.push(entry);
    section.total += 1;
    group.count += 1;
  }

  for (const group of groups.values()) {
    group.sections.sort((a, b) => rank(a.kind) - rank(b.kind));
    for (const section of group.sections) {
      section.entries.sort(
        (a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.title.localeCompare(b.title)
      );
      section.entries.length = Math.min(section.entries.length, perSection);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => {
    if (!a.workstream !== !b.workstream) return a.workstream ? -1 : 1;
    return (
      a.title.localeCompare(b.title, 'en-GB') ||
      (a.workstream?.slug ?? '').localeCompare(b.workstream?.slug ?? '')
    );
  });

  return {
    since: period.since,
    today: period.today,
    groups: ordered,
    total: byCommitment.size,
    counts,
    summary: DIGEST_KINDS.filter((k) => counts[k] > 0).map((kind) => ({
      kind,
      heading: DIGEST_HEADINGS[kind],
      count: counts[kind]
    }))
  };
}

/** "also made this period, 2 check-ins" beside an entry, or '' when nothing else happened. */
export function alsoText(entry: DigestEntry): string {
  const checkIns = (n: number) => (n === 1 ? '1 check-in' : `${n} check-ins`);
  if (entry.kind === 'check_in') return entry.checkInCount > 1 ? checkIns(entry.checkInCount) : '';
  const parts = entry.also.map((kind) => {
    if (kind === 'check_in') return checkIns(entry.checkInCount);
    if (kind === 'new') return 'made this period';
    return DIGEST_HEADINGS[kind].toLowerCase();
  });
  return parts.length ? `also ${parts.join(', ')}` : '';
}

const oneLine = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * The digest as a plain-text email body (the notification capability sends it): groups
 * underlined, headings, one line per commitment with a link to it.
 */
export function digestText(digest: Digest, options: { siteName: string; siteUrl: string }): string {
  const base = options.siteUrl.replace(/\/+$/, '');
  const lines: string[] = [];
  const title = `${options.siteName}: what moved from ${formatDate(digest.since)} to ${formatDate(digest.today)}`;
  lines.push(title, '='.repeat(title.length), '');
  if (digest.total === 0) {
    lines.push('Nothing changed on any commitment in this period.', '');
  } else {
    const summary = digest.summary.map((s) => `${s.heading}: ${s.count}`).join(' · ');
    lines.push(
      `${digest.total} ${digest.total === 1 ? 'commitment' : 'commitments'} moved. ${summary}`,
      ''
    );
  }
  for (const group of digest.groups) {
    lines.push(group.title, '-'.repeat(group.title.length));
    if (group.workstream) lines.push(`${base}/workstreams/${group.workstream.slug}`);
    lines.push('');
    for (const section of group.sections) {
      lines.push(`${section.heading} (${section.total})`);
      for (const entry of section.entries) {
        const who = entry.ownerName ? `${entry.ownerName}: ` : '';
        const extra = entry.alsoText;
        lines.push(`- ${who}${oneLine(entry.title)}${extra ? ` (${extra})` : ''}`);
        if (entry.note && (entry.kind === 'done' || entry.kind === 'check_in')) {
          lines.push(`  "${oneLine(entry.note)}"`);
        }
        lines.push(`  ${base}/commitments/${entry.commitmentId}`);
      }
      const more = section.total - section.entries.length;
      if (more > 0) {
        const where = group.workstream
          ? `${base}/workstreams/${group.workstream.slug}`
          : `${base}/commitments`;
        lines.push(`- and ${more} more: ${where}`);
      }
      lines.push('');
    }
  }
  lines.push(`Change how often you get this email: ${base}/me/settings#digest_frequency`);
  return lines.join('\n') + '\n';
}

/** The earliest "since" date the preview allows, in days before today. */
export const MAX_DIGEST_DAYS = 366;

export type SinceResult = { ok: true; since: string | undefined } | { ok: false; message: string };

/**
 * Checks the `since` of a digest preview ("yyyy-mm-dd", a London date): empty means the
 * default (7 days ago); otherwise a real date, not after today and at most a year back.
 */
export function parseSince(raw: string | null | undefined, today: string): SinceResult {
  const value = (raw ?? '').trim();
  if (value === '') return { ok: true, since: undefined };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    return { ok: false, message: 'Enter the start date as a real date, for example 2026-11-20' };
  }
  const todayDate = new Date(`${today}T00:00:00Z`);
  const days = Math.round((todayDate.getTime() - date.getTime()) / 86_400_000);
  if (days < 0) return { ok: false, message: 'The start date must be today or in the past' };
  if (days > MAX_DIGEST_DAYS) {
    return { ok: false, message: 'The start date must be within the last year' };
  }
  return { ok: true, since: value };
}
