import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signedInClient } from './hub.ts';
import { getPage, member, restRoundTrips, sessionCookie, text } from './session.ts';

// The public browse pages (outputs, patterns, events, outcome tags) with the demo data:
// they answer for visitors and members, read their data in 3 or fewer API round trips,
// hide drafts from visitors, and never show an event's online link to people without a place.

const CAMP = 'localgovcamp-north'; // upcoming camp: pitching board open
const PAST_CAMP = 'localgovcamp-spring'; // past camp: session grid of rooms x time blocks
const ONLINE_EVENT = 'show-and-tell-data-and-democracy'; // Aisha has a place
const DRAFT_OUTPUT = 'spending-data-csv-how-to';
const DRAFT_PATTERN = 'service-status-page';
const DRAFT_EVENT = 'change-academy-service-ownership';

let newcomer: Awaited<ReturnType<typeof member>>;
let going: { cookie: string };

beforeAll(async () => {
  newcomer = await member('browse');
  // Aisha Khan (demo) is going to the online show-and-tell.
  const aisha = await signedInClient('aisha.khan@demo.localgov.test');
  going = { cookie: sessionCookie(aisha.session) };
}, 60_000);

describe('browse pages', () => {
  const pages = [
    '/outputs',
    '/outputs?kind=code&outcome=less-duplicated-spend&workstream=transactional-platform',
    '/outputs/essex-content-style-guide',
    '/outputs/blue-badge-form',
    '/patterns',
    '/patterns?maturity=recommended&outcome=done-first-time-online',
    '/patterns/check-before-you-report',
    '/patterns/pdf-forms',
    '/events',
    '/events?kind=camp',
    '/events?when=past',
    `/events/${CAMP}`,
    `/events/${PAST_CAMP}`,
    `/events/${ONLINE_EVENT}`,
    '/events/makers-day-north',
    '/outcomes/open-by-default',
    '/outcomes/done-first-time-online'
  ];

  it('answer 200 to visitors and members, reading their data in 3 or fewer API round trips', async () => {
    for (const cookie of [undefined, newcomer.cookie]) {
      const who = cookie ? 'a member' : 'a visitor';
      for (const path of pages) {
        const { response, html, requestId } = await getPage(path, cookie);
        expect(response.status, `${path} for ${who}`).toBe(200);
        expect(html.match(/<h1[\s>]/g), `one h1 on ${path}`).toHaveLength(1);
        const trips = await restRoundTrips(requestId);
        // More than none proves the count works (the app forwards x-request-id).
        expect(trips, `round trips for ${path} (${who})`).toBeGreaterThan(0);
        expect(trips, `round trips for ${path} (${who})`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('answers 404 for unknown or malformed slugs, before reading anything for junk', async () => {
    for (const path of [
      '/outputs/no-such-output',
      '/patterns/no-such-pattern',
      '/events/no-such-event',
      '/outcomes/no-such-outcome',
      // A page past the end of a list.
      '/outputs?page=99',
      '/patterns?page=99',
      '/events?when=past&page=99'
    ]) {
      expect((await getPage(path)).response.status, path).toBe(404);
    }
    for (const path of ['/outputs/Not_A_Slug', '/events/UPPER', '/outcomes/a--b']) {
      const { response, requestId } = await getPage(path);
      expect(response.status, path).toBe(404);
      expect(await restRoundTrips(requestId), path).toBe(0);
    }
  });

  it('hides draft outputs, patterns and events from visitors and other members', async () => {
    for (const path of [
      `/outputs/${DRAFT_OUTPUT}`,
      `/patterns/${DRAFT_PATTERN}`,
      `/events/${DRAFT_EVENT}`
    ]) {
      expect((await getPage(path)).response.status, `${path} for a visitor`).toBe(404);
      expect((await getPage(path, newcomer.cookie)).response.status, `${path} for a member`).toBe(
        404
      );
    }
    const { html } = await getPage('/outputs');
    expect(text(html)).not.toContain('How to publish spending data as CSV');
  });

  it('shows a draft output to the member who made it, marked as a draft', async () => {
    const slug = `browse-draft-${Date.now().toString(36)}`;
    const { error } = await newcomer.client
      .from('outputs')
      .insert({ slug, title: 'My unfinished guide', created_by: newcomer.user.id });
    expect(error).toBeNull();
    expect((await getPage(`/outputs/${slug}`)).response.status).toBe(404);
    const mine = await getPage(`/outputs/${slug}`, newcomer.cookie);
    expect(mine.response.status).toBe(200);
    expect(text(mine.html)).toContain('Draft');
  });

  it('never shows an event’s online link to visitors or to members without a place', async () => {
    const details = await serviceClient()
      .from('event_private_details')
      .select('online_url, events!inner(slug)')
      .eq('events.slug', ONLINE_EVENT)
      .single();
    expect(details.error).toBeNull();
    const url = details.data!.online_url!;
    expect(url).toMatch(/^https:\/\//);

    const visitor = await getPage(`/events/${ONLINE_EVENT}`);
    expect(visitor.response.status).toBe(200);
    expect(visitor.html).not.toContain(url);
    expect(text(visitor.html)).toContain(
      'The joining link is shown here to people who have a place'
    );

    const other = await getPage(`/events/${ONLINE_EVENT}`, newcomer.cookie);
    expect(other.html).not.toContain(url);

    // Someone going sees it: the page does show it when RLS allows.
    const withPlace = await getPage(`/events/${ONLINE_EVENT}`, going.cookie);
    expect(withPlace.html).toContain(url);
  });

  it('filters outputs by kind and events by when, keeping to published items', async () => {
    const code = text((await getPage('/outputs?kind=code')).html);
    expect(code).toContain('Blue badge application form (open source)');
    expect(code).not.toContain('Essex content style guide');

    const recommended = text((await getPage('/patterns?maturity=recommended')).html);
    expect(recommended).toContain('Check before you report');
    expect(recommended).not.toContain('Phone callback for people who get stuck online');

    const upcoming = text((await getPage('/events')).html);
    const past = text((await getPage('/events?when=past')).html);
    expect(upcoming).toContain('LocalGovCamp North');
    expect(past).toContain('LocalGovCamp Spring');
    expect(past).not.toContain('LocalGovCamp North');
  });

  it('shows how many organisations used an output, as the reuse records say', async () => {
    const reuses = await serviceClient()
      .from('output_reuses')
      .select('organisation_id, outputs!inner(slug)')
      .eq('outputs.slug', 'essex-content-style-guide');
    const organisations = new Set(reuses.data!.map((r) => r.organisation_id)).size;
    expect(organisations).toBeGreaterThan(1);
    const listed = text((await getPage('/outputs?kind=guide&workstream=content-platform')).html);
    expect(listed).toContain(`Used by ${organisations} organisations`);
    const detail = text((await getPage('/outputs/essex-content-style-guide')).html);
    expect(detail).toContain(`Used by ${organisations} organisations`);
    expect(detail).toContain('Adopted as the base of our own guide');
  });

  it('lays out a camp’s sessions as a grid of rooms and time blocks, and its open pitches', async () => {
    const grid = (await getPage(`/events/${PAST_CAMP}`)).html;
    expect(grid).toMatch(/<th[^>]*scope="col"[^>]*>Main hall<\/th>/);
    expect(grid).toMatch(/<th[^>]*scope="row"[^>]*>10am to 10:50am<\/th>/);
    expect(text(grid)).toContain('Making the Change Academy happen');

    const board = text((await getPage(`/events/${CAMP}`)).html);
    expect(board).toContain('Pitches');
    expect(board).toContain('Content design crit club');
  });

  it('counts the published work tagged with an outcome on its page', async () => {
    const db = serviceClient();
    const tagged = await db
      .from('output_outcomes')
      .select('outputs!inner(status), outcomes!inner(slug)')
      .eq('outcomes.slug', 'open-by-default')
      .eq('outputs.status', 'published');
    const n = tagged.data!.length;
    expect(n).toBeGreaterThan(0);
    const page = text((await getPage('/outcomes/open-by-default')).html);
    expect(page).toContain(`${n} ${n === 1 ? 'output' : 'outputs'}`);
    expect(page).toContain('Essex content style guide');
    expect(page).not.toContain('How to publish spending data as CSV');
  });
});
