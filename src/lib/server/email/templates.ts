// Every email's words, from the outbox row's payload (shapes in /work/briefs/contracts.md,
// written by the database functions that queue them). One place, plain text first; the
// HTML part is the same words with links. Pure: the worker passes in the site's URL and the
// row's unsubscribe link.
import { formatDate, formatDateTime } from '../../dates.ts';
import { EMAIL_KIND_LABELS, type EmailKind } from '../../labels.ts';

export interface RenderContext {
  siteUrl: string;
  recipientName: string | null;
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Payload = Record<string, unknown>;

/** One paragraph, or a link line ("label: url"), of an email. */
type Block = string | { link: string; label: string } | { list: { text: string; url: string }[] };

interface DigestItem {
  kind: string;
  title: string;
  path: string;
  verb: string;
}
interface DigestGroup {
  workstream_slug: string | null;
  workstream_title: string | null;
  items: DigestItem[];
}

const str = (p: Payload, key: string): string => {
  const v = p[key];
  return typeof v === 'string' ? v : v == null ? '' : String(v);
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "checked in", "marked done": the activity verb as a digest line reads it. */
export function verbPhrase(verb: string): string {
  const words: Record<string, string> = {
    committed: 'new commitment',
    checked_in: 'checked in',
    checked_in_done: 'done',
    checked_in_blocked: 'blocked',
    checked_in_in_progress: 'in progress',
    checked_in_dropped: 'dropped',
    checked_in_planned: 'planned',
    done: 'done',
    dropped: 'dropped',
    blocked: 'blocked',
    in_progress: 'in progress',
    published: 'published',
    reused: 'reused by another organisation',
    adopted: 'adopted by another organisation',
    watched: 'someone started watching',
    offered_help: 'someone offered help',
    joined: 'someone joined',
    became_lead: 'new lead',
    active: 'now active',
    closed: 'closed',
    paused: 'paused',
    cancelled: 'cancelled',
    updated: 'updated'
  };
  return words[verb] ?? verb.replace(/_/g, ' ');
}

const kindWord: Record<string, string> = {
  commitments: 'Commitment',
  outputs: 'Output',
  patterns: 'Pattern',
  events: 'Event',
  workstreams: 'Workstream'
};

function digestBlocks(p: Payload, site: string): { subject: string; blocks: Block[] } {
  const groups = (Array.isArray(p.groups) ? p.groups : []) as DigestGroup[];
  const total = Number(p.total ?? groups.reduce((n, g) => n + g.items.length, 0));
  const period = p.frequency === 'daily' ? 'today' : 'this week';
  const blocks: Block[] = [
    `${total} ${total === 1 ? 'thing' : 'things'} happened ${period} in what you follow, grouped by workstream. Each appears once, with its latest news.`
  ];
  for (const g of groups) {
    blocks.push(`## ${g.workstream_title ?? 'Across the network'}`);
    blocks.push({
      list: g.items.map((i) => ({
        text: `${kindWord[i.kind] ?? 'Item'}: ${i.title} (${verbPhrase(i.verb)})`,
        url: site + i.path
      }))
    });
    if (g.workstream_slug)
      blocks.push({ label: 'The workstream', link: `${site}/workstreams/${g.workstream_slug}` });
  }
  return {
    subject:
      p.frequency === 'daily'
        ? `Your Network Hub daily digest: ${total} ${total === 1 ? 'update' : 'updates'}`
        : `Your Network Hub weekly digest: ${total} ${total === 1 ? 'update' : 'updates'}`,
    blocks
  };
}

function content(kind: EmailKind, p: Payload, site: string): { subject: string; blocks: Block[] } {
  const eventUrl = `${site}/events/${str(p, 'event_slug')}`;
  const when = p.starts_at ? formatDateTime(str(p, 'starts_at')) : 'the advertised time';
  const commitmentUrl = `${site}/commitments/${str(p, 'commitment_id')}`;
  const checkIn = p.next_check_in_on ? formatDate(str(p, 'next_check_in_on')) : 'its date';
  const inWorkstream = p.workstream_title ? ` in ${str(p, 'workstream_title')}` : '';
  switch (kind) {
    case 'digest':
      return digestBlocks(p, site);
    case 'commitment_overdue':
      return {
        subject: `Time to check in: ${str(p, 'commitment_title')}`,
        blocks: [
          `Your commitment “${str(p, 'commitment_title')}”${inWorkstream} was due a check-in on ${checkIn}.`,
          'A short check-in tells the network where it stands: still going, blocked, done or dropped. Dropping it is fine too.',
          { label: 'Check in', link: commitmentUrl }
        ]
      };
    case 'commitment_dormant':
      return {
        subject: `Dormant commitment${inWorkstream}: ${str(p, 'commitment_title')}`,
        blocks: [
          `“${str(p, 'commitment_title')}”${inWorkstream} has had no check-in since ${checkIn} and is now dormant.`,
          'As a lead of the workstream, you could ask its owner how it is going, or offer help.',
          { label: 'The commitment', link: commitmentUrl }
        ]
      };
    case 'waitlist_promotion':
      return {
        subject: `You have a place: ${str(p, 'event_title')}`,
        blocks: [
          `A place came up and you are now going to ${str(p, 'event_title')} on ${when}.`,
          'If you can no longer make it, cancel on the event page so the next person gets your place.',
          { label: 'The event', link: eventUrl }
        ]
      };
    case 'event_reminder':
      return {
        subject: `Tomorrow: ${str(p, 'event_title')}`,
        blocks: [
          `A reminder that you are going to ${str(p, 'event_title')} on ${when}.`,
          'If you can no longer make it, cancel on the event page so someone on the waiting list gets your place.',
          { label: 'The event', link: eventUrl }
        ]
      };
    case 'event_cancelled':
      return {
        subject: `Cancelled: ${str(p, 'event_title')}`,
        blocks: [
          `${str(p, 'event_title')}, planned for ${when}, has been cancelled. You do not need to do anything.`,
          { label: 'The event', link: eventUrl }
        ]
      };
    case 'offer_accepted':
      return {
        subject: `Your offer to show was accepted: ${str(p, 'session_title')}`,
        blocks: [
          `Your offer to show “${str(p, 'session_title')}” at ${str(p, 'event_title')} was accepted.`,
          `It is in the programme for ${when}.`,
          { label: 'The programme', link: `${eventUrl}/programme` }
        ]
      };
    case 'outcome_output':
      return {
        subject: `New output for ${str(p, 'outcome_name')}: ${str(p, 'output_title')}`,
        blocks: [
          `“${str(p, 'output_title')}” was shared and tagged with ${str(p, 'outcome_name')}, an outcome you follow.`,
          { label: 'The output', link: `${site}/outputs/${str(p, 'output_slug')}` },
          {
            label: 'Everything for this outcome',
            link: `${site}/outcomes/${str(p, 'outcome_slug')}`
          }
        ]
      };
  }
}

function toText(blocks: Block[]): string {
  return blocks
    .map((b) =>
      typeof b === 'string'
        ? b.startsWith('## ')
          ? `${b.slice(3)}\n${'-'.repeat(b.length - 3)}`
          : b
        : 'list' in b
          ? b.list.map((i) => `* ${i.text}\n  ${i.url}`).join('\n')
          : `${b.label}: ${b.link}`
    )
    .join('\n\n');
}

function toHtml(blocks: Block[]): string {
  return blocks
    .map((b) =>
      typeof b === 'string'
        ? b.startsWith('## ')
          ? `<h2>${escapeHtml(b.slice(3))}</h2>`
          : `<p>${escapeHtml(b)}</p>`
        : 'list' in b
          ? `<ul>${b.list.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a></li>`).join('')}</ul>`
          : `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`
    )
    .join('\n');
}

/** The subject, text and HTML of one outbox row. */
export function renderEmail(kind: EmailKind, payload: Payload, ctx: RenderContext): RenderedEmail {
  const site = ctx.siteUrl.replace(/\/$/, '');
  const { subject, blocks } = content(kind, payload ?? {}, site);
  const greeting = ctx.recipientName ? `Hello ${ctx.recipientName},` : 'Hello,';
  const label = EMAIL_KIND_LABELS[kind].text.toLowerCase();
  const footer: Block[] = [
    `You get this email (${label}) as a member of the Network Hub.`,
    { label: `Stop ${label} emails`, link: ctx.unsubscribeUrl },
    { label: 'All your email settings', link: `${site}/me/settings` }
  ];
  return {
    subject,
    text: toText([greeting, ...blocks, '--', ...footer]) + '\n',
    html:
      `<!doctype html><html lang="en"><body>` +
      toHtml([greeting, ...blocks]) +
      `<hr>` +
      toHtml(footer) +
      `</body></html>`
  };
}
