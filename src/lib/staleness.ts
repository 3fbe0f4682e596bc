// How a commitment's status and staleness look wherever it appears. Staleness itself is
// computed by the database (the commitment_overview view): overdue once the next check-in
// date has passed, dormant 30 days after that. This only chooses words and colours.

export type Staleness = 'on_track' | 'overdue' | 'dormant';

export interface Tag {
  text: string;
  className: string;
}

const STATUS_TAGS: Record<string, Tag> = {
  planned: { text: 'Planned', className: 'govuk-tag--blue' },
  in_progress: { text: 'In progress', className: 'govuk-tag--light-blue' },
  blocked: { text: 'Blocked', className: 'govuk-tag--yellow' },
  done: { text: 'Done', className: 'govuk-tag--green' },
  dropped: { text: 'Dropped', className: 'govuk-tag--grey' }
};

/** The tag for a commitment status ("In progress", blue). */
export function statusTag(status: string | null | undefined): Tag {
  return STATUS_TAGS[status ?? ''] ?? { text: 'Unknown', className: 'govuk-tag--grey' };
}

export const STATUS_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_TAGS).map(([k, v]) => [k, v.text])
);

/** The staleness tag, or null when the commitment is on track (nothing to flag). */
export function stalenessTag(
  staleness: string | null | undefined,
  daysOverdue?: number | null
): Tag | null {
  const days = daysOverdue && daysOverdue > 0 ? daysOverdue : null;
  const when = days ? ` (${days} ${days === 1 ? 'day' : 'days'})` : '';
  if (staleness === 'dormant') return { text: `Dormant${when}`, className: 'govuk-tag--red' };
  if (staleness === 'overdue') return { text: `Overdue${when}`, className: 'govuk-tag--orange' };
  return null;
}

export const WORKSTREAM_STATUS_TAGS: Record<string, Tag> = {
  proposed: { text: 'Proposed', className: 'govuk-tag--purple' },
  active: { text: 'Active', className: 'govuk-tag--green' },
  paused: { text: 'Paused', className: 'govuk-tag--yellow' },
  closed: { text: 'Closed', className: 'govuk-tag--grey' }
};

export function workstreamStatusTag(status: string | null | undefined): Tag {
  return WORKSTREAM_STATUS_TAGS[status ?? ''] ?? { text: 'Unknown', className: 'govuk-tag--grey' };
}

/** Open commitments first by status, in the order a reader scans them. */
export const STATUS_ORDER = ['in_progress', 'blocked', 'planned', 'done', 'dropped'] as const;

/** Groups commitments by status in STATUS_ORDER, leaving out empty groups. */
export function groupByStatus<T extends { status: string | null }>(
  items: T[]
): { status: string; items: T[] }[] {
  return STATUS_ORDER.map((status) => ({
    status,
    items: items.filter((i) => i.status === status)
  })).filter((g) => g.items.length > 0);
}
