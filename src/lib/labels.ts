// How the database's values read and look wherever they appear: the words and GOV.UK tag
// colours for statuses, kinds and maturities. Browser-safe, so components use it too.
// Keyed by the generated enums: when the schema gains a value, this stops compiling.
import { Constants, type Database } from './database.types.ts';

type Enums = Database['public']['Enums'];
export type CommitmentStatus = Enums['commitment_status'];
export type WorkstreamStatus = Enums['workstream_status'];
export type OutputKind = Enums['output_kind'];
export type OutputLicence = Enums['output_licence'];
export type EventKind = Enums['event_kind'];
export type Maturity = Enums['pattern_maturity'];
export type Staleness = 'on_track' | 'overdue' | 'dormant';

export interface Tag {
  text: string;
  className: string;
}

/** Every value of an enum, in the schema's order. */
export const ENUMS = Constants.public.Enums;

/** Whether `value` is one of `values` (a query-string filter, a form field). */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

// Keys in the order a select lists them.
const COMMITMENT_STATUS_TAGS: Record<CommitmentStatus, Tag> = {
  planned: { text: 'Planned', className: 'govuk-tag--blue' },
  in_progress: { text: 'In progress', className: 'govuk-tag--light-blue' },
  blocked: { text: 'Blocked', className: 'govuk-tag--yellow' },
  done: { text: 'Done', className: 'govuk-tag--green' },
  dropped: { text: 'Dropped', className: 'govuk-tag--grey' }
};

const WORKSTREAM_STATUS_TAGS: Record<WorkstreamStatus, Tag> = {
  proposed: { text: 'Proposed', className: 'govuk-tag--purple' },
  active: { text: 'Active', className: 'govuk-tag--green' },
  paused: { text: 'Paused', className: 'govuk-tag--yellow' },
  closed: { text: 'Closed', className: 'govuk-tag--grey' }
};

const OUTPUT_KIND_LABELS: Record<OutputKind, string> = {
  guide: 'Guide',
  template: 'Template',
  code: 'Code',
  data_set: 'Data set',
  research: 'Research',
  case_study: 'Case study',
  slides: 'Slides',
  recording: 'Recording',
  other: 'Other'
};

// The licences an output may be shared under, in the order the form offers them, with
// where to read each one's terms ("other" links to the terms its sharer gave).
const OUTPUT_LICENCES: Record<OutputLicence, { text: string; url: string | null }> = {
  ogl_3: {
    text: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'
  },
  cc_by_4: {
    text: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/'
  },
  mit: { text: 'MIT License', url: 'https://opensource.org/license/mit' },
  apache_2: { text: 'Apache License 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
  all_rights_reserved: { text: 'All rights reserved', url: null },
  other: { text: 'Another licence', url: null }
};

const EVENT_KIND_TAGS: Record<EventKind, Tag> = {
  camp: { text: 'Camp', className: 'govuk-tag--purple' },
  show_and_tell: { text: 'Show-and-tell', className: 'govuk-tag--turquoise' },
  meetup: { text: 'Meetup', className: 'govuk-tag--blue' },
  workshop: { text: 'Workshop', className: 'govuk-tag--light-blue' }
};

// Most mature first: the order the filter lists them.
const MATURITY_TAGS: Record<Maturity, Tag & { hint: string }> = {
  recommended: {
    text: 'Recommended',
    className: 'govuk-tag--green',
    hint: 'Used by several organisations, with evidence that it works.'
  },
  beta: {
    text: 'Beta',
    className: 'govuk-tag--blue',
    hint: 'In use, still being tested and improved.'
  },
  experimental: {
    text: 'Experimental',
    className: 'govuk-tag--yellow',
    hint: 'Promising, tried in one or two places.'
  },
  retired: {
    text: 'Retired',
    className: 'govuk-tag--grey',
    hint: 'No longer recommended: see why on its page.'
  }
};

const UNKNOWN: Tag = { text: 'Unknown', className: 'govuk-tag--grey' };

const lookUp = <T>(table: Record<string, T>, key: string | null | undefined): T | undefined =>
  key && Object.hasOwn(table, key) ? table[key] : undefined;

/** Value and words of each entry, for selects, radios and filters. */
const choices = (table: Record<string, Tag | string>) =>
  Object.entries(table).map(([value, v]) => ({ value, text: typeof v === 'string' ? v : v.text }));

/** The tag for a commitment status ("In progress", light blue). */
export const statusTag = (status: string | null | undefined): Tag =>
  lookUp(COMMITMENT_STATUS_TAGS, status) ?? UNKNOWN;

/** "In progress" for 'in_progress'. */
export const statusLabel = (status: string | null | undefined): string =>
  lookUp(COMMITMENT_STATUS_TAGS, status)?.text ?? 'Unknown';

export const STATUS_CHOICES = choices(COMMITMENT_STATUS_TAGS);

export const STALENESS_CHOICES: { value: Staleness; text: string }[] = [
  { value: 'on_track', text: 'On track' },
  { value: 'overdue', text: 'Overdue' },
  { value: 'dormant', text: 'Dormant' }
];

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

export const workstreamStatusTag = (status: string | null | undefined): Tag =>
  lookUp(WORKSTREAM_STATUS_TAGS, status) ?? UNKNOWN;

export const WORKSTREAM_STATUS_CHOICES = choices(WORKSTREAM_STATUS_TAGS);

/** "Data set" for 'data_set'. */
export const outputKindLabel = (kind: string | null | undefined): string =>
  lookUp(OUTPUT_KIND_LABELS, kind) ?? 'Other';

export const OUTPUT_KIND_CHOICES = choices(OUTPUT_KIND_LABELS);

/** A licence's name and where its terms are ("other": the link its sharer gave), or null. */
export function outputLicence(
  licence: string | null | undefined,
  otherUrl?: string | null
): { text: string; url: string | null } | null {
  const known = lookUp(OUTPUT_LICENCES, licence);
  if (!known) return null;
  return licence === 'other' ? { ...known, url: otherUrl ?? null } : known;
}

export const OUTPUT_LICENCE_CHOICES = Object.entries(OUTPUT_LICENCES).map(([value, l]) => ({
  value,
  text: l.text
}));

const CONTENT_STATUS_TAGS: Record<Enums['content_status'], Tag> = {
  draft: { text: 'Draft', className: 'govuk-tag--grey' },
  published: { text: 'Published', className: 'govuk-tag--green' },
  archived: { text: 'Archived', className: 'govuk-tag--orange' }
};

/** "Draft", "Published" or "Archived", with its tag colour. */
export const contentStatusTag = (status: string | null | undefined): Tag =>
  lookUp(CONTENT_STATUS_TAGS, status) ?? UNKNOWN;

export const PHASE_CHOICES = ENUMS.delivery_phase.map((value) => ({
  value,
  text: phaseLabel(value)!
}));

/** The kind tag's words and colour ("Show-and-tell", turquoise). */
export const eventKindTag = (kind: string | null | undefined): Tag =>
  lookUp(EVENT_KIND_TAGS, kind) ?? { text: 'Event', className: 'govuk-tag--grey' };

export const EVENT_KIND_CHOICES = choices(EVENT_KIND_TAGS);

/** The maturity tag's words and colour, with the hint that says what it means. */
export const maturityTag = (maturity: string | null | undefined): Tag & { hint: string | null } =>
  lookUp(MATURITY_TAGS, maturity) ?? { ...UNKNOWN, hint: null };

export const MATURITY_CHOICES = Object.entries(MATURITY_TAGS).map(([value, m]) => ({
  value,
  text: m.text,
  hint: m.hint
}));

/** "Alpha" for 'alpha': the delivery phase an organisation was in when it reused something. */
export function phaseLabel(phase: string | null | undefined): string | null {
  return phase ? phase.charAt(0).toUpperCase() + phase.slice(1) : null;
}

// Search (20261201001500): what each kind of result is called, one and many.
const SEARCH_KIND_LABELS: Record<string, { one: string; many: string }> = {
  workstream: { one: 'Workstream', many: 'Workstreams' },
  commitment: { one: 'Commitment', many: 'Commitments' },
  output: { one: 'Output', many: 'Outputs' },
  pattern: { one: 'Pattern', many: 'Patterns' },
  event: { one: 'Event', many: 'Events' },
  member: { one: 'Member', many: 'Members' },
  organisation: { one: 'Organisation', many: 'Organisations' }
};

/** "Output" for a search result of kind 'output'. */
export const searchKindLabel = (kind: string | null | undefined): string =>
  lookUp(SEARCH_KIND_LABELS, kind)?.one ?? 'Result';

/** "Outputs" for the kind filter. */
export const searchKindPlural = (kind: string | null | undefined): string =>
  lookUp(SEARCH_KIND_LABELS, kind)?.many ?? 'Results';

const ORG_KIND_LABELS: Record<Enums['org_kind'], string> = {
  council: 'Council',
  central_government: 'Central government',
  supplier: 'Supplier',
  charity: 'Charity',
  other: 'Other organisation'
};

/** "Central government" for 'central_government'. */
export const orgKindLabel = (kind: string | null | undefined): string =>
  lookUp(ORG_KIND_LABELS, kind) ?? 'Organisation';

// Offers to show at show-and-tells (20261201001300).
export type ShowOfferStatus = Enums['show_offer_status'];

const SHOW_OFFER_STATUS_TAGS: Record<ShowOfferStatus, Tag> = {
  open: { text: 'Waiting for the organisers', className: 'govuk-tag--blue' },
  accepted: { text: 'Accepted', className: 'govuk-tag--green' },
  declined: { text: 'Not this time', className: 'govuk-tag--grey' },
  withdrawn: { text: 'Withdrawn', className: 'govuk-tag--grey' }
};

/** The tag for an offer to show ("Accepted", green). */
export const showOfferStatusTag = (status: string | null | undefined): Tag =>
  lookUp(SHOW_OFFER_STATUS_TAGS, status) ?? UNKNOWN;

export type EmailKind = Enums['email_kind'];

/** Each kind of email the hub sends: its name on /me/settings and the unsubscribe page. */
export const EMAIL_KIND_LABELS: Record<EmailKind, { text: string; hint: string }> = {
  digest: { text: 'Digest', hint: 'What happened in what you follow, daily or weekly.' },
  commitment_overdue: {
    text: 'Check-in reminders',
    hint: 'When one of your commitments is past its check-in date.'
  },
  commitment_dormant: {
    text: 'Dormant commitments',
    hint: 'When a commitment in a workstream you lead has had no check-in for a month.'
  },
  waitlist_promotion: {
    text: 'Waiting list places',
    hint: 'When a place comes up for an event you are waiting for.'
  },
  event_reminder: { text: 'Event reminders', hint: 'The day before an event you are going to.' },
  event_cancelled: {
    text: 'Cancelled events',
    hint: 'When an event you registered for is cancelled.'
  },
  offer_accepted: {
    text: 'Offers to show',
    hint: 'When your offer to show something at an event is accepted.'
  },
  outcome_output: {
    text: 'New outputs for outcomes you follow',
    hint: 'Sent at once only if you choose so below; otherwise they are in your digest.'
  }
};

export const EMAIL_KINDS = ENUMS.email_kind;

export const emailKindLabel = (kind: string | null | undefined): string =>
  lookUp(EMAIL_KIND_LABELS, kind)?.text ?? 'Email';
