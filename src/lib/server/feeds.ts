// The Atom feeds (/feeds/*.atom), built with the `feed` package from what an anonymous
// visitor can read: published outputs, newest first, and published events still to come.
import { Feed, type Item } from 'feed';
import { formatRange } from '#lib/dates.ts';
import { eventKindTag, outputKindLabel } from '#lib/labels.ts';
import { FEED_TITLES, type FeedName } from '#lib/open-data.ts';
import { unwrap } from './errors.ts';
import type { Client } from './supabase.ts';

/** Entries per feed: readers poll; older items stay on the site and in /data. */
export const FEED_ENTRIES = 50;

interface FeedSite {
  siteName: string;
  origin: string;
}

function newFeed(name: FeedName, site: FeedSite, updated: Date): Feed {
  return new Feed({
    id: `${site.origin}/feeds/${name}.atom`,
    title: `${FEED_TITLES[name]} – ${site.siteName}`,
    link: `${site.origin}/${name}`,
    feedLinks: { atom: `${site.origin}/feeds/${name}.atom` },
    updated,
    author: { name: site.siteName, link: site.origin },
    copyright: 'Open Government Licence v3.0, unless an item says otherwise',
    generator: false,
    language: 'en-GB'
  });
}

/** When the feed last changed: its newest entry's change (now, for an empty feed). */
const latest = (dates: Date[]) =>
  dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : new Date();

export async function outputsFeed(client: Client, site: FeedSite): Promise<string> {
  const rows = unwrap(
    await client
      .from('outputs')
      .select('slug, title, summary, kind, published_at, updated_at')
      .eq('status', 'published')
      .order('published_at', { ascending: false, nullsFirst: false })
      .order('id')
      .limit(FEED_ENTRIES)
  );
  const items: Item[] = rows.map((o) => ({
    title: o.title,
    id: `${site.origin}/outputs/${o.slug}`,
    link: `${site.origin}/outputs/${o.slug}`,
    description: o.summary ?? undefined,
    category: [{ term: o.kind, name: outputKindLabel(o.kind) }],
    date: new Date(o.updated_at),
    published: o.published_at ? new Date(o.published_at) : undefined
  }));
  const feed = newFeed('outputs', site, latest(items.map((i) => i.date)));
  for (const item of items) feed.addItem(item);
  return feed.atom1();
}

export async function eventsFeed(client: Client, site: FeedSite, now = new Date()) {
  const rows = unwrap(
    await client
      .from('events')
      .select(
        'slug, title, summary, kind, starts_at, ends_at, venue, is_online, published_at, updated_at'
      )
      .eq('status', 'published')
      .gte('ends_at', now.toISOString())
      .order('starts_at')
      .order('id')
      .limit(FEED_ENTRIES)
  );
  const items: Item[] = rows.map((e) => {
    const where = [e.venue, e.is_online ? 'online' : null].filter(Boolean).join(' and ');
    const when = formatRange(e.starts_at, e.ends_at);
    return {
      title: e.title,
      id: `${site.origin}/events/${e.slug}`,
      link: `${site.origin}/events/${e.slug}`,
      description: [where ? `${when}, ${where}.` : `${when}.`, e.summary].filter(Boolean).join(' '),
      category: [{ term: e.kind, name: eventKindTag(e.kind).text }],
      date: new Date(e.updated_at),
      published: e.published_at ? new Date(e.published_at) : undefined
    };
  });
  const feed = newFeed('events', site, latest(items.map((i) => i.date)));
  for (const item of items) feed.addItem(item);
  return feed.atom1();
}
