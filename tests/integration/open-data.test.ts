import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { XMLParser } from 'fast-xml-parser';
import { DATA_FORMATS, DATA_SET_NAMES, DATA_SETS } from '../../src/lib/open-data.ts';
import { anonClient, hub, serviceClient } from './hub.ts';
import { getPage, member, restRoundTrips } from './session.ts';
import { commitment } from './ws-fixtures.ts';

// /data files, Atom feeds and link previews, read as a visitor and as a member would.
const tag = `od${Date.now().toString(36)}`;
const formulaTitle = `=HYPERLINK("https://evil.example/${tag}","click")`;
const membersOnlyTitle = `share a members-only secret ${tag}`;
const publishedOutput = `Published open data output ${tag}`;
const draftOutput = `Draft open data output ${tag}`;
const upcomingEvent = `Upcoming open data meetup ${tag}`;
const draftEvent = `Draft open data meetup ${tag}`;
let memberCookie: string;
let outputSlug: string;

async function download(path: string, cookie?: string) {
  const response = await fetch(`${hub().appUrl}${path}`, {
    headers: cookie ? { cookie } : {}
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // TextDecoder drops a byte order mark, as spreadsheets do.
  return { response, bytes, body: new TextDecoder().decode(bytes) };
}

beforeAll(async () => {
  const owner = await member('open-data');
  memberCookie = owner.cookie;
  await commitment(owner.client, owner.user.id, { title: formulaTitle, visibility: 'public' });
  await commitment(owner.client, owner.user.id, {
    title: membersOnlyTitle,
    visibility: 'members'
  });
  const service = serviceClient();
  outputSlug = `od-output-${tag}`;
  const outputs = await service.from('outputs').insert([
    {
      slug: outputSlug,
      title: publishedOutput,
      summary: '@SUM(1+1) a summary a spreadsheet would run',
      status: 'published',
      published_at: new Date().toISOString()
    },
    { slug: `od-draft-${tag}`, title: draftOutput, status: 'draft' }
  ]);
  if (outputs.error) throw outputs.error;
  const day = 24 * 3600_000;
  const events = await service.from('events').insert([
    {
      slug: `od-event-${tag}`,
      title: upcomingEvent,
      kind: 'meetup',
      status: 'published',
      published_at: new Date().toISOString(),
      starts_at: new Date(Date.now() + 7 * day).toISOString(),
      ends_at: new Date(Date.now() + 7 * day + 2 * 3600_000).toISOString(),
      venue: 'Leeds'
    },
    {
      slug: `od-draft-event-${tag}`,
      title: draftEvent,
      kind: 'meetup',
      status: 'draft',
      starts_at: new Date(Date.now() + 8 * day).toISOString(),
      ends_at: new Date(Date.now() + 8 * day + 2 * 3600_000).toISOString()
    }
  ]);
  if (events.error) throw events.error;
});

describe('the open data files', () => {
  for (const name of DATA_SET_NAMES) {
    const columns = DATA_SETS[name].columns.map((c) => c.name);

    it(`${name}.csv parses as CSV with the dictionary's columns, as a download`, async () => {
      const { response, body, bytes } = await download(`/data/${name}.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="${name}.csv"`
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      // A byte order mark, so Excel reads UTF-8.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const parsed = Papa.parse<Record<string, string>>(body, {
        header: true,
        skipEmptyLines: true
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(columns);
      expect(parsed.data.length).toBeGreaterThan(0);
    });

    it(`${name}.json parses as a JSON array of rows with the dictionary's columns`, async () => {
      const { response, body } = await download(`/data/${name}.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const rows = JSON.parse(body) as Record<string, unknown>[];
      expect(Array.isArray(rows)).toBe(true);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Object.keys(row)).toEqual(columns);
    });
  }

  it('neutralises cells a spreadsheet would run as formulas, and keeps JSON as it was', async () => {
    const csv = Papa.parse<Record<string, string>>((await download('/data/commitments.csv')).body, {
      header: true
    });
    const titles = csv.data.map((r) => r.title);
    expect(titles).toContain(`'${formulaTitle}`);
    expect(titles).not.toContain(formulaTitle);
    const outputs = Papa.parse<Record<string, string>>((await download('/data/outputs.csv')).body, {
      header: true
    });
    const ours = outputs.data.find((r) => r.title === publishedOutput);
    expect(ours?.summary).toBe("'@SUM(1+1) a summary a spreadsheet would run");

    const json = JSON.parse((await download('/data/commitments.json')).body) as {
      title: string;
    }[];
    expect(json.map((r) => r.title)).toContain(formulaTitle);
  });

  it('never has a members-only commitment or a draft, even when a member downloads it', async () => {
    for (const cookie of [undefined, memberCookie]) {
      for (const format of DATA_FORMATS) {
        const commitments = (await download(`/data/commitments.${format}`, cookie)).body;
        expect(commitments).toContain(tag); // the public one is there
        expect(commitments).not.toContain(membersOnlyTitle);
        const outputs = (await download(`/data/outputs.${format}`, cookie)).body;
        expect(outputs).toContain(publishedOutput);
        expect(outputs).not.toContain(draftOutput);
        const events = (await download(`/data/events.${format}`, cookie)).body;
        expect(events).toContain(upcomingEvent);
        expect(events).not.toContain(draftEvent);
      }
    }
  });

  it('links each row to its page on the public origin', async () => {
    const rows = JSON.parse((await download('/data/outputs.json')).body) as {
      title: string;
      url: string;
    }[];
    expect(rows.find((r) => r.title === publishedOutput)?.url).toBe(
      `${hub().appUrl}/outputs/${outputSlug}`
    );
  });

  it('answers 404 for a file it does not have', async () => {
    for (const path of ['/data/profiles.csv', '/data/outputs.xml', '/feeds/profiles.atom']) {
      expect((await download(path)).response.status, path).toBe(404);
    }
  });
});

describe('the Atom feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const entries = (xml: string) => {
    const feed = parser.parse(xml).feed as { entry?: unknown };
    const list = feed.entry === undefined ? [] : [feed.entry].flat();
    return list as {
      title: string | { '#text': string };
      link: { '@_href': string };
      category?: { '@_term': string; '@_label': string };
    }[];
  };
  const titleOf = (e: { title: string | { '#text': string } }) =>
    typeof e.title === 'string' ? e.title : e.title['#text'];

  it('outputs.atom has a published output and no draft', async () => {
    const { response, body } = await download('/feeds/outputs.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const titles = entries(body).map(titleOf);
    expect(titles).toContain(publishedOutput);
    expect(titles).not.toContain(draftOutput);
    const ours = entries(body).find((e) => titleOf(e) === publishedOutput);
    expect(ours?.link['@_href']).toBe(`${hub().appUrl}/outputs/${outputSlug}`);
    expect(ours?.category).toEqual({ '@_term': 'other', '@_label': 'Other' });
  });

  it('events.atom has a published upcoming event and no draft', async () => {
    const { response, body } = await download('/feeds/events.atom', memberCookie);
    expect(response.status).toBe(200);
    const titles = entries(body).map(titleOf);
    expect(titles).toContain(upcomingEvent);
    expect(titles).not.toContain(draftEvent);
  });
});

describe('/data', () => {
  it('describes every file and links to it and to the feeds, in 3 or fewer round trips', async () => {
    const { response, html, requestId } = await getPage('/data');
    expect(response.status).toBe(200);
    for (const name of DATA_SET_NAMES) {
      for (const format of DATA_FORMATS) expect(html).toContain(`href="/data/${name}.${format}"`);
      for (const column of DATA_SETS[name].columns) expect(html).toContain(column.description);
    }
    expect(html).toContain('href="/feeds/outputs.atom"');
    expect(html).toContain('href="/feeds/events.atom"');
    expect(html).toContain('Open Government Licence v3.0');
    const rest = await restRoundTrips(requestId);
    expect(rest).toBeGreaterThan(0); // the row counts
    expect(rest).toBeLessThanOrEqual(3);
  });

  it('says how many rows each file has, as many as the file holds', async () => {
    const { html } = await getPage('/data', memberCookie);
    for (const name of DATA_SET_NAMES) {
      const rows = JSON.parse((await download(`/data/${name}.json`, memberCookie)).body) as [];
      const section = html.slice(html.indexOf(`id="${name}"`));
      const shown = /Rows<\/dt>\s*<dd[^>]*>([\d,]+) rows?</.exec(section)?.[1];
      expect({ name, rows: shown }).toEqual({ name, rows: rows.length.toLocaleString('en-GB') });
    }
  });

  it('is where /open-data went for good', async () => {
    const { response } = await getPage('/open-data');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/data');
  });
});

describe('links that unfurl', () => {
  const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];
  const meta = (html: string, key: string) =>
    attr(html, new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`));
  /** How many times the page's head has a `<meta property="og:…">` named `key`. */
  const count = (html: string, key: string) =>
    html.match(new RegExp(`<meta (?:property|name)="${key}"`, 'g'))?.length ?? 0;
  const OG_KEYS = ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name'];

  it('every public page has a title, a description, a canonical URL and OpenGraph tags', async () => {
    const anon = anonClient();
    const workstream = (await anon.from('workstreams').select('slug').limit(1).single()).data!;
    const publicCommitment = (await anon.from('commitments').select('id').limit(1).single()).data!;
    const outcome = (await anon.from('outcomes').select('slug').limit(1).single()).data!;
    const paths = [
      '/',
      '/workstreams',
      '/commitments',
      '/outputs',
      '/patterns',
      '/events',
      '/events?when=past',
      '/data',
      '/feedback',
      '/sign-in',
      `/outputs/${outputSlug}`,
      `/events/od-event-${tag}`,
      '/patterns/tell-us-once-change-of-address',
      `/workstreams/${workstream.slug}`,
      `/commitments/${publicCommitment.id}`,
      `/outcomes/${outcome.slug}`
    ];
    const seen = new Set<string>();
    for (const path of paths) {
      const { response, html } = await getPage(path);
      expect(response.status, path).toBe(200);
      expect(attr(html, /<title>([^<]+)<\/title>/), path).toBeTruthy();
      const description = meta(html, 'description');
      expect(description, path).toBeTruthy();
      const canonical = attr(html, /<link rel="canonical" href="([^"]+)"/);
      expect(canonical, path).toBe(`${hub().appUrl}${path.split('?')[0]}`);
      expect(meta(html, 'og:url'), path).toBe(canonical);
      expect(meta(html, 'og:title'), path).toBeTruthy();
      expect(meta(html, 'og:description'), path).toBe(description);
      expect(meta(html, 'og:site_name'), path).toBeTruthy();
      expect(meta(html, 'og:type'), path).toMatch(/^(website|article)$/);
      expect(meta(html, 'twitter:card'), path).toBe('summary');
      for (const key of OG_KEYS)
        expect({ path, key, n: count(html, key) }).toEqual({ path, key, n: 1 });
      expect(html, path).toContain(
        `<link rel="alternate" type="application/atom+xml" title="New outputs`
      );
      if (path !== '/') seen.add(description!);
    }
    // Each page describes itself rather than repeating the site's default (the home page's).
    expect(seen.size).toBe(paths.length - 1);
  });

  it('an output page previews as an article named after the output', async () => {
    const { html } = await getPage(`/outputs/${outputSlug}`);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe(publishedOutput);
  });

  it('an event page has each OpenGraph tag once, its title naming the date, and its JSON-LD', async () => {
    for (const path of [`/events/od-event-${tag}`, '/events/localgovcamp-north']) {
      const { html } = await getPage(path);
      expect(count(html, 'og:title'), path).toBe(1);
      expect(count(html, 'og:description'), path).toBe(1);
      expect(count(html, 'og:type'), path).toBe(1);
      expect(meta(html, 'og:type'), path).toBe('website');
      expect(meta(html, 'og:title'), path).toMatch(/, \w+day \d+ \w+ \d{4}, .+ \(UK time\)$/);
      expect(meta(html, 'og:description'), path).toBe(meta(html, 'description'));
      expect(html.match(/<script type="application\/ld\+json">/g), path).toHaveLength(1);
    }
    const { html } = await getPage(`/events/od-event-${tag}`);
    expect(meta(html, 'og:title')).toMatch(new RegExp(`^${upcomingEvent}, `));
  });

  it('a page that is not found claims no canonical URL', async () => {
    const { response, html } = await getPage('/outputs/no-such-output');
    expect(response.status).toBe(404);
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:url');
  });
});
