import { beforeAll, describe, expect, it } from 'vitest';
import { getPage, member, restRoundTrips, text } from './session.ts';
import { commitment } from './ws-fixtures.ts';

// /search, /members/[handle], /organisations and /organisations/[slug] on the demo seed:
// what they show, to whom, and that each reads its data in one API round trip.
type Member = Awaited<ReturnType<typeof member>>;
let reader: Member;
let owner: Member;
const word = `zebrafinch${Date.now().toString(36)}`;

beforeAll(async () => {
  [reader, owner] = await Promise.all([member('search-reader'), member('search-owner')]);
  await commitment(owner.client, owner.user.id, {
    title: `Map the ${word} members-only plans`,
    visibility: 'members'
  });
  await commitment(owner.client, owner.user.id, {
    title: `Share the ${word} public plans`,
    visibility: 'public'
  });
});

/** The page, its text, and how many PostgREST requests it made. */
async function visit(path: string, cookie?: string) {
  const { response, html, requestId } = await getPage(path, cookie);
  return {
    status: response.status,
    html,
    body: text(html),
    trips: await restRoundTrips(requestId)
  };
}

describe('the search page', () => {
  it('keeps the query in the box, counts each kind, and reads it all in one round trip', async () => {
    const page = await visit('/search?q=accessibility');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<input[^>]*id="q"[^>]*value="accessibility"/);
    expect(page.body).toContain('Accessibility audit of five council homepages');
    expect(page.body).toMatch(/All results \(\d+\)/);
    expect(page.body).toMatch(/Outputs \(\d+\)/);
    expect(page.trips).toBe(1);
  });

  it('narrows to one kind with ?kind=, keeping the other kinds’ counts as links', async () => {
    const page = await visit('/search?q=accessibility&kind=output');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/outputs/accessibility-audit-of-five-council-homepages"');
    expect(page.html).not.toMatch(/href="\/(workstreams|members|organisations)\/[^"]+">/);
    expect(page.html).toContain('href="/search?q=accessibility"');
    expect(page.html).toMatch(/aria-current="true">Outputs \(\d+\)/);
  });

  it('tolerates a typo, and says the results are similar names', async () => {
    const page = await visit('/search?q=acessibility');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Nothing matched “acessibility” exactly');
    expect(page.body).toContain('Accessibility audit of five council homepages');
  });

  it('shows a members-only commitment to members and never to a visitor', async () => {
    const anon = await visit(`/search?q=${word}`);
    expect(anon.body).toContain(`I will share the ${word} public plans`);
    expect(anon.body).not.toContain('members-only plans');
    const signedIn = await visit(`/search?q=${word}`, reader.cookie);
    expect(signedIn.body).toContain(`I will map the ${word} members-only plans`);
    expect(signedIn.body).toContain('Commitments (2)');
    expect(signedIn.trips).toBe(1);
  });

  it('a page past the last one says so and links to the first', async () => {
    const page = await visit('/search?q=accessibility&page=50');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Go to the first page of results');
    expect(page.html).toContain('href="/search?q=accessibility"');
  });

  it('suggests what to do when nothing matches', async () => {
    const page = await visit('/search?q=xyzzyplugh');
    expect(page.status).toBe(200);
    expect(page.body).toContain('0 results');
    expect(page.body).toContain('check the spelling');
  });

  it('says why over-long input is refused, next to the box, with the words kept', async () => {
    const long = 'bins '.repeat(13).trim();
    const page = await visit(`/search?q=${encodeURIComponent(long)}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('govuk-error-summary');
    expect(page.html).toContain('href="#q"');
    expect(page.body).toContain('Search for 12 words or fewer');
    expect(page.html).toContain(`value="${long}"`);
    expect(page.trips).toBe(0);
  });

  it('an empty search shows the box and no results, reading nothing', async () => {
    const page = await visit('/search');
    expect(page.status).toBe(200);
    expect(page.html).toContain('id="q"');
    expect(page.body).not.toContain('results');
    expect(page.trips).toBe(0);
  });

  it('has no header search box on /search itself, and one on other pages', async () => {
    expect((await visit('/search?q=bins')).html).not.toContain('id="header-search"');
    const home = await visit('/workstreams');
    expect(home.html).toMatch(/<form[^>]*action="\/search"/);
    expect(home.html).toContain('id="header-search"');
  });
});

describe('member pages', () => {
  it('show a public profile with what the member committed to, made and joined, in one round trip', async () => {
    const page = await visit('/members/nadia-rahman');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Nadia Rahman');
    expect(page.body).toContain('Accessibility specialist');
    expect(page.html).toContain('href="/organisations/oxfordshire-county-council"');
    expect(page.body).toContain('Committed to');
    expect(page.trips).toBe(1);
  });

  it('answer 404 for a profile that is not public, saying why, to visitors and members alike', async () => {
    for (const cookie of [undefined, reader.cookie]) {
      const page = await visit('/members/owen-davies', cookie);
      expect(page.status).toBe(404);
      expect(page.body).toContain('There is no public profile at this address');
    }
    expect((await visit('/members/Not_A_Handle')).status).toBe(404);
  });

  it('show members their own profile even when it is not public, saying so', async () => {
    const handle = (
      await owner.client.from('profiles').select('handle').eq('id', owner.user.id).single()
    ).data!.handle;
    const page = await visit(`/members/${handle}`, owner.cookie);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Only you can see this page');
    expect(page.body).toContain(`${word} public plans`);
    expect((await visit(`/members/${handle}`)).status).toBe(404);
  });
});

describe('organisation pages', () => {
  it('list organisations with their counts in one round trip', async () => {
    const page = await visit('/organisations');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/organisations/oxfordshire-county-council"');
    expect(page.body).toMatch(/\d+ organisations/);
    expect(page.trips).toBe(1);
  });

  it('show an organisation’s people, commitments, outputs and reuses in one round trip', async () => {
    const page = await visit('/organisations/oxfordshire-county-council');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Oxfordshire County Council');
    expect(page.html).toContain('href="/members/nadia-rahman"');
    expect(page.body).toContain('People');
    expect(page.body).toContain('What Oxfordshire County Council reused');
    expect(page.trips).toBe(1);
  });

  it('answer 404 for an organisation that does not exist', async () => {
    expect((await visit('/organisations/no-such-council')).status).toBe(404);
    expect((await visit('/organisations?page=999')).status).toBe(200);
  });
});
