// The open data dictionary: which files /data offers and what each column means. The /data
// page and the files themselves are both built from this one list, so a column's name,
// order and description live once. Browser-safe (no server imports).
import { ENUMS, isOneOf } from './labels.ts';

/** What anyone may do with the data files. */
export const DATA_LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'
} as const;

export const DATA_FORMATS = ['csv', 'json'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export interface DataColumn {
  readonly name: string;
  readonly description: string;
  /** The values a column can take, when it is one of a fixed list. */
  readonly values?: readonly string[];
}

export interface DataSet {
  readonly title: string;
  readonly description: string;
  /** How often the file changes, in words. */
  readonly changes: string;
  readonly columns: readonly DataColumn[];
}

const id = (what: string) => ({ name: 'id', description: `The ${what}’s permanent identifier.` });
const slug = (what: string) => ({
  name: 'slug',
  description: `The ${what}’s short name in its web address. It can change if the ${what} is renamed; use id to join files.`
});
const url = (what: string) => ({ name: 'url', description: `The ${what}’s page on the hub.` });
const workstreamId = {
  name: 'workstream_id',
  description: 'The id of the workstream it belongs to (see workstreams.csv), or empty.'
};
const publishedAt = {
  name: 'published_at',
  description: 'When it was first published (ISO 8601, UTC).'
};
const updatedAt = { name: 'updated_at', description: 'When it last changed (ISO 8601, UTC).' };
const createdAt = { name: 'created_at', description: 'When it was added (ISO 8601, UTC).' };

export const DATA_SETS = {
  workstreams: {
    title: 'Workstreams',
    description: 'Areas of shared work that members commit to, with their purpose and status.',
    changes: 'When a workstream is proposed, edited, opened or closed: a few times a month.',
    columns: [
      id('workstream'),
      slug('workstream'),
      { name: 'title', description: 'The workstream’s name.' },
      { name: 'purpose', description: 'What the workstream is for, in a sentence or two.' },
      { name: 'description', description: 'More about the workstream, in Markdown.' },
      {
        name: 'status',
        description: 'Where the workstream is in its life.',
        values: ENUMS.workstream_status
      },
      createdAt,
      updatedAt,
      url('workstream')
    ]
  },
  commitments: {
    title: 'Commitments',
    description:
      'Public commitments: what a member said they will do, and how it is going. Commitments shared only with members are never in this file.',
    changes: 'Every day: members make commitments and check in on them.',
    columns: [
      id('commitment'),
      { name: 'title', description: 'What the member committed to do.' },
      { name: 'so_that', description: 'Why: the difference it should make.' },
      { name: 'description', description: 'More detail, in Markdown.' },
      {
        name: 'status',
        description: 'How the commitment is going.',
        values: ENUMS.commitment_status
      },
      workstreamId,
      { name: 'due_on', description: 'When it should be done (a date), or empty.' },
      {
        name: 'next_check_in_on',
        description: 'When its owner next plans to say how it is going (a date), or empty.'
      },
      { name: 'completed_at', description: 'When it was marked done (ISO 8601, UTC), or empty.' },
      { name: 'closing_note', description: 'What its owner said when closing it, or empty.' },
      createdAt,
      updatedAt,
      url('commitment')
    ]
  },
  outputs: {
    title: 'Outputs',
    description:
      'Published outputs: guides, templates, code, research and more that members made and shared.',
    changes: 'When an output is published or edited: a few times a week.',
    columns: [
      id('output'),
      slug('output'),
      { name: 'title', description: 'The output’s name.' },
      { name: 'summary', description: 'What it is, in a sentence or two.' },
      { name: 'kind', description: 'What sort of output it is.', values: ENUMS.output_kind },
      { name: 'external_url', description: 'Where the output itself lives, or empty.' },
      {
        name: 'licence',
        description: 'The licence the output itself is shared under, when it says.'
      },
      workstreamId,
      {
        name: 'commitment_id',
        description: 'The id of the commitment that produced it (see commitments.csv), or empty.'
      },
      publishedAt,
      updatedAt,
      url('output')
    ]
  },
  patterns: {
    title: 'Patterns',
    description:
      'Published patterns: reusable answers to problems councils share, with when to use them.',
    changes: 'When a pattern is published, reviewed or edited: a few times a month.',
    columns: [
      id('pattern'),
      slug('pattern'),
      { name: 'title', description: 'The pattern’s name.' },
      { name: 'summary', description: 'The pattern in a sentence or two.' },
      {
        name: 'maturity',
        description: 'How well tried the pattern is.',
        values: ENUMS.pattern_maturity
      },
      { name: 'problem', description: 'The problem it solves, in Markdown.' },
      { name: 'when_to_use', description: 'When to use it, in Markdown.' },
      { name: 'when_not_to_use', description: 'When not to use it, in Markdown.' },
      { name: 'how_it_works', description: 'How it works, in Markdown.' },
      { name: 'research_evidence', description: 'Research behind it, in Markdown.' },
      {
        name: 'last_reviewed_on',
        description: 'When it was last reviewed (a date), or empty.'
      },
      workstreamId,
      publishedAt,
      updatedAt,
      url('pattern')
    ]
  },
  events: {
    title: 'Events',
    description:
      'Published events, past and upcoming: camps, show-and-tells, meetups and workshops.',
    changes: 'When an event is published or changed: a few times a week.',
    columns: [
      id('event'),
      slug('event'),
      { name: 'title', description: 'The event’s name.' },
      { name: 'summary', description: 'What the event is, in a sentence or two.' },
      { name: 'kind', description: 'What sort of event it is.', values: ENUMS.event_kind },
      { name: 'starts_at', description: 'When it starts (ISO 8601, UTC).' },
      { name: 'ends_at', description: 'When it ends (ISO 8601, UTC).' },
      { name: 'venue', description: 'Where it happens, or empty.' },
      { name: 'is_online', description: 'Whether people can take part online: true or false.' },
      { name: 'capacity', description: 'How many places there are, or empty for no limit.' },
      {
        name: 'registration_opens_at',
        description: 'When registration opens (ISO 8601, UTC), or empty.'
      },
      {
        name: 'registration_closes_at',
        description: 'When registration closes (ISO 8601, UTC), or empty.'
      },
      {
        name: 'parent_event_id',
        description: 'The id of the event this is part of (a session of a camp), or empty.'
      },
      workstreamId,
      publishedAt,
      updatedAt,
      url('event')
    ]
  },
  organisations: {
    title: 'Organisations',
    description: 'Councils and other organisations whose people take part in the network.',
    changes: 'When a member adds or edits an organisation: a few times a month.',
    columns: [
      id('organisation'),
      slug('organisation'),
      { name: 'name', description: 'The organisation’s name.' },
      { name: 'kind', description: 'What sort of organisation it is.', values: ENUMS.org_kind },
      { name: 'website', description: 'Its website, or empty.' },
      createdAt,
      updatedAt,
      url('organisation')
    ]
  }
} as const satisfies Record<string, DataSet>;

export type DataSetName = keyof typeof DATA_SETS;
export const DATA_SET_NAMES = Object.keys(DATA_SETS) as DataSetName[];

/** A cell of a data file: JSON keeps these types; CSV writes them as text. */
export type DataValue = string | number | boolean | null;

/** One row of a data set: exactly the dictionary's columns. */
export type DataRow<N extends DataSetName> = {
  [C in (typeof DATA_SETS)[N]['columns'][number]['name']]: DataValue;
};

/** The file's path on the hub, e.g. /data/commitments.csv. */
export function dataFilePath(name: DataSetName, format: DataFormat): string {
  return `/data/${name}.${format}`;
}

/** The data set and format a file name such as "commitments.csv" asks for, if any. */
export function parseDataFileName(
  file: string
): { name: DataSetName; format: DataFormat } | undefined {
  const match = /^([a-z]+)\.([a-z]+)$/.exec(file);
  const [, name = '', format = ''] = match ?? [];
  if (!isOneOf(DATA_SET_NAMES, name) || !isOneOf(DATA_FORMATS, format)) return undefined;
  return { name, format };
}

export const FEED_NAMES = ['outputs', 'events'] as const;
export type FeedName = (typeof FEED_NAMES)[number];

/** What each Atom feed is called: its <title>, and the pages' rel=alternate links. */
export const FEED_TITLES: Record<FeedName, string> = {
  outputs: 'New outputs',
  events: 'Upcoming events'
};

/** The feed's path on the hub, e.g. /feeds/outputs.atom. */
export function feedPath(name: FeedName): string {
  return `/feeds/${name}.atom`;
}
