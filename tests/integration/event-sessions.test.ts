// A camp's pitching board, its grid, a session's notes and what next, and offers to show,
// through the pages as a browser without JavaScript uses them (issue 10, brief D).
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient } from './hub.ts';
import { getPage, member, postForm, restRoundTrips, text } from './session.ts';

type Member = Awaited<ReturnType<typeof member>>;
let organiser: Member;
let pitcher: Member;
let fan: Member;
let stranger: Member;
let camp: { id: string; slug: string; day: string };
let show: { id: string; slug: string; day: string };

const londonDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);

async function makeEvent(kind: 'camp' | 'show_and_tell', daysAhead: number) {
  const slug = `sessions-${kind.replaceAll('_', '-')}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const starts = new Date(Date.now() + daysAhead * 86_400_000);
  const ends = new Date(starts.getTime() + (kind === 'camp' ? 30 : 2) * 3_600_000);
  const { data, error } = await serviceClient()
    .from('events')
    .insert({
      slug,
      kind,
      title: kind === 'camp' ? 'Sessions test camp' : 'Sessions test show-and-tell',
      starts_at: starts.toISOString(),
      ends_at: ends.toISOString(),
      status: 'published',
      created_by: organiser.user.id
    })
    .select('id, slug')
    .single();
  if (error) throw error;
  return { ...data, day: londonDate(starts) };
}

beforeAll(async () => {
  [organiser, pitcher, fan, stranger] = await Promise.all([
    member('sessions-organiser'),
    member('sessions-pitcher'),
    member('sessions-fan'),
    member('sessions-stranger')
  ]);
  camp = await makeEvent('camp', 20);
  show = await makeEvent('show_and_tell', 12);
  const going = await fan.client.rpc('register_for_event', { p_event_id: camp.id });
  if (going.error) throw going.error;
}, 120_000);

const board = () => `/events/${camp.slug}/board`;
const programme = (slug = camp.slug) => `/events/${slug}/programme`;

async function pitchId(title: string) {
  const { data } = await serviceClient()
    .from('pitches')
    .select('id, session_id')
    .eq('event_id', camp.id)
    .eq('title', title)
    .single();
  return data!;
}

describe('the pitching board', () => {
  it('takes a pitch with only a title', async () => {
    const { response, html } = await postForm(
      board(),
      'pitch',
      { title: 'Forms that work' },
      pitcher.cookie
    );
    expect(response.status).toBe(200);
    expect(text(html)).toContain('Your pitch “Forms that work” is on the board');
    expect(text(html)).toContain('Forms that work');
  });

  it('shows the error summary linked to the title when it is missing, and keeps the description', async () => {
    const { response, html } = await postForm(
      board(),
      'pitch',
      { title: ' ', description: 'Bring your worst form' },
      pitcher.cookie
    );
    expect(response.status).toBe(400);
    expect(html).toContain('govuk-error-summary');
    expect(html).toMatch(/<a href="#title">Enter what your session is about<\/a>/);
    expect(html).toContain('Bring your worst form</textarea>');
  });

  it('marks and unmarks “I’d go”', async () => {
    await postForm(board(), 'pitch', { title: 'Bin day APIs' }, pitcher.cookie);
    const { id } = await pitchId('Bin day APIs');
    const on = await postForm(board(), 'interest', { pitch_id: id }, stranger.cookie);
    expect(text(on.html)).toContain('You said you’d go');
    const off = await postForm(board(), 'interest', { pitch_id: id }, stranger.cookie);
    expect(text(off.html)).toContain('You no longer say you’d go');
    const { count } = await serviceClient()
      .from('pitch_interests')
      .select('*', { count: 'exact', head: true })
      .eq('pitch_id', id);
    expect(count).toBe(0);
  });

  it('reads in 3 or fewer round trips for a visitor and a member', async () => {
    for (const cookie of [undefined, fan.cookie]) {
      const { response, html, requestId } = await getPage(board(), cookie);
      expect(response.status).toBe(200);
      expect(html).toContain('Pitching board');
      expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);
    }
  });
});

describe('from pitch to grid to notes to commitment', () => {
  let sessionId: string;

  it('lets the organiser place a pitch in the grid, and nobody else', async () => {
    await postForm(board(), 'pitch', { title: 'Content crit club' }, pitcher.cookie);
    const { id } = await pitchId('Content crit club');
    await postForm(board(), 'interest', { pitch_id: id }, fan.cookie);

    const fields = { pitch_id: id, room: 'Room 2', day: camp.day, from: '10:00', to: '10:50' };
    const refused = await postForm(board(), 'place', fields, fan.cookie);
    expect(refused.response.status).toBe(403);
    expect(text(refused.html)).toContain(
      'Only the organisers can put a pitch in the session grid.'
    );

    const bad = await postForm(board(), 'place', { ...fields, to: '9am' }, organiser.cookie);
    expect(bad.response.status).toBe(400);
    expect(bad.html).toMatch(/<a href="#to">The end time must be after the start time<\/a>/);

    const placed = await postForm(board(), 'place', fields, organiser.cookie);
    expect(placed.response.status).toBe(303);
    expect(placed.response.headers.get('location')).toBe(`${programme()}?placed=1`);
    sessionId = (await pitchId('Content crit club')).session_id!;
    expect(sessionId).toBeTruthy();

    const { html, requestId } = await getPage(programme(), organiser.cookie);
    const page = text(html);
    expect(page).toContain('Content crit club');
    expect(page).toContain('1 person said they’d go');
    expect(html).toContain(`href="/events/${camp.slug}/sessions/${sessionId}"`);
    expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);
  });

  it('flags the pitcher presenting in two rooms at once', async () => {
    await postForm(board(), 'pitch', { title: 'Second session, same time' }, pitcher.cookie);
    const { id } = await pitchId('Second session, same time');
    await postForm(
      board(),
      'place',
      { pitch_id: id, room: 'Room 3', day: camp.day, from: '10:00', to: '10:50' },
      organiser.cookie
    );
    const { html } = await getPage(programme(), organiser.cookie);
    expect(text(html)).toMatch(/Clash .* is also in “Content crit club” at this time/);
    // Visitors see the grid without the organisers' flags.
    const visitor = await getPage(programme());
    expect(text(visitor.html)).not.toContain('Clash');
  });

  it('lets someone who is going write the notes, and keeps a second writer’s text on a conflict', async () => {
    const path = `/events/${camp.slug}/sessions/${sessionId}`;
    const page = await getPage(path, fan.cookie);
    expect(page.html).toContain('Write the notes');
    expect(await restRoundTrips(page.requestId)).toBeLessThanOrEqual(3);
    const version = /name="version" value="(\d+)"/.exec(page.html)![1]!;

    const saved = await postForm(
      path,
      'notes',
      { notes: 'We **compared** crit formats.', what_next: 'Run a monthly crit club', version },
      fan.cookie
    );
    expect(saved.response.status).toBe(200);
    expect(text(saved.html)).toContain('The notes have been saved');
    expect(saved.html).toContain('<strong>compared</strong>');

    const stale = await postForm(
      path,
      'notes',
      { notes: 'My late version', what_next: 'Something else', version },
      organiser.cookie
    );
    expect(stale.response.status).toBe(409);
    expect(text(stale.html)).toContain('Someone else saved notes for this session');
    expect(stale.html).toContain('My late version</textarea>');

    const notThere = await postForm(
      path,
      'notes',
      { notes: 'Not there', what_next: '', version: String(Number(version) + 1) },
      stranger.cookie
    );
    expect(notThere.response.status).toBe(403);
    expect((await getPage(path, stranger.cookie)).html).not.toContain('Write the notes');
  });

  it('turns what next into a commitment that the interested people watch, linked both ways', async () => {
    const path = `/events/${camp.slug}/sessions/${sessionId}`;
    const made = await postForm(
      path,
      'commit',
      { title: 'run a monthly crit club', so_that: 'content designers learn together' },
      stranger.cookie
    );
    expect(made.response.status).toBe(303);
    const location = made.response.headers.get('location') ?? '';
    const id = /^\/commitments\/([0-9a-f-]{36})\?made=1$/.exec(location)?.[1];
    expect(id).toBeTruthy();

    const { data: watchers } = await serviceClient()
      .from('commitment_watchers')
      .select('user_id')
      .eq('commitment_id', id!);
    expect(watchers!.map((w) => w.user_id).sort()).toEqual([pitcher.user.id, fan.user.id].sort());

    const commitmentPage = await getPage(location, stranger.cookie);
    expect(commitmentPage.html).toContain(`href="/events/${camp.slug}/sessions/${sessionId}"`);
    const sessionPage = await getPage(path);
    expect(sessionPage.html).toContain(`href="/commitments/${id}"`);

    const again = await postForm(path, 'commit', { title: 'again' }, organiser.cookie);
    expect(again.response.status).toBe(409);
  });
});

describe('offers to show', () => {
  it('takes an offer, and the organiser accepts it into a new slot and the presenter is emailed', async () => {
    const offered = await postForm(
      programme(show.slug),
      'offer',
      { title: 'Our missed bin form', description: 'Ten minutes' },
      stranger.cookie
    );
    expect(offered.response.status).toBe(200);
    expect(text(offered.html)).toContain('The organisers will let you know');

    const page = await getPage(programme(show.slug), organiser.cookie);
    expect(text(page.html)).toContain('Our missed bin form');
    expect(await restRoundTrips(page.requestId)).toBeLessThanOrEqual(3);
    const { data: offer } = await serviceClient()
      .from('show_offers')
      .select('id')
      .eq('event_id', show.id)
      .single();

    const missing = await postForm(
      programme(show.slug),
      'accept',
      { offer_id: offer!.id, day: show.day },
      organiser.cookie
    );
    expect(missing.response.status).toBe(400);
    expect(missing.html).toMatch(/<a href="#from">Select an open slot, or enter a start time/);

    const refusedToStranger = await postForm(
      programme(show.slug),
      'accept',
      { offer_id: offer!.id, day: show.day, from: '12:30', to: '12:45' },
      stranger.cookie
    );
    expect(refusedToStranger.response.status).toBe(403);

    const accepted = await postForm(
      programme(show.slug),
      'accept',
      { offer_id: offer!.id, day: show.day, from: '12:30', to: '12:45' },
      organiser.cookie
    );
    expect(accepted.response.status).toBe(200);
    expect(text(accepted.html)).toContain('its presenter has been told by email');
    expect(text(accepted.html)).toContain('Presented by');

    const { data: mail } = await serviceClient()
      .from('email_outbox')
      .select('kind, payload')
      .eq('recipient_id', stranger.user.id)
      .eq('kind', 'offer_accepted');
    expect(mail).toHaveLength(1);
    expect(mail![0]!.payload).toMatchObject({
      event_slug: show.slug,
      session_title: 'Our missed bin form'
    });
  });

  it('links a commitment to an offer, shows it on the slot, and lets a waiting offer be withdrawn', async () => {
    const { data: c, error } = await serviceClient()
      .from('commitments')
      .insert({ owner_id: pitcher.user.id, title: 'open source our bin form' })
      .select('id')
      .single();
    if (error) throw error;
    const form = await getPage(programme(show.slug), pitcher.cookie);
    expect(form.html).toContain(`<option value="${c.id}"`);
    expect(await restRoundTrips(form.requestId)).toBeLessThanOrEqual(3);

    await postForm(
      programme(show.slug),
      'offer',
      { title: 'Bin form progress', commitment_id: c.id },
      pitcher.cookie
    );
    await postForm(programme(show.slug), 'offer', { title: 'Changed my mind' }, pitcher.cookie);
    const { data: offers } = await serviceClient()
      .from('show_offers')
      .select('id, title')
      .eq('offered_by', pitcher.user.id);
    const byTitle = Object.fromEntries(offers!.map((o) => [o.title, o.id]));

    await postForm(
      programme(show.slug),
      'accept',
      { offer_id: byTitle['Bin form progress']!, day: show.day, from: '12:50', to: '13:05' },
      organiser.cookie
    );
    const visitor = await getPage(programme(show.slug));
    expect(text(visitor.html)).toContain('Progress on open source our bin form');

    const withdrawn = await postForm(
      programme(show.slug),
      'withdraw',
      { offer_id: byTitle['Changed my mind']! },
      pitcher.cookie
    );
    expect(text(withdrawn.html)).toContain('Your offer has been withdrawn');
    const again = await postForm(
      programme(show.slug),
      'withdraw',
      { offer_id: byTitle['Bin form progress']! },
      pitcher.cookie
    );
    expect(again.response.status).toBe(409);
    expect(text(again.html)).toContain('That offer has already been decided');
  });

  it('reads the programme in 3 or fewer round trips for a visitor and a member', async () => {
    for (const cookie of [undefined, fan.cookie]) {
      const { response, requestId } = await getPage(programme(show.slug), cookie);
      expect(response.status).toBe(200);
      expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);
    }
  });
});

describe('the demo network’s events', () => {
  /** The seeded spring camp's session on shared bin content. */
  async function springBinsSession() {
    const { data } = await serviceClient()
      .from('event_sessions')
      .select('id, events!inner(slug)')
      .eq('events.slug', 'localgovcamp-spring')
      .eq('title', 'Shared content for bins')
      .single();
    return data;
  }

  it('shows a camp’s grid on its event page with each session linking to its own page, the board and the programme', async () => {
    const spring = await springBinsSession();
    const { response, html, requestId } = await getPage('/events/localgovcamp-spring', fan.cookie);
    expect(response.status).toBe(200);
    expect(html).toMatch(/<table class="govuk-table app-session-grid[ "]/);
    expect(html).toMatch(
      new RegExp(
        `<a class="govuk-link[^"]*" href="/events/localgovcamp-spring/sessions/${spring!.id}">Shared content for bins</a>`
      )
    );
    expect(html).toContain('href="/events/localgovcamp-spring/board"');
    expect(html).toContain('href="/events/localgovcamp-spring/programme"');
    expect(await restRoundTrips(requestId)).toBeLessThanOrEqual(3);
  });

  it('shows the northern camp’s live board, the show-and-tell’s slots, and a spring camp session, each in 3 or fewer round trips', async () => {
    const spring = await springBinsSession();
    const pages: [string, string][] = [
      ['/events/localgovcamp-north/board', 'Content design crit club'],
      ['/events/localgovcamp-north/programme', 'Programme'],
      ['/events/show-and-tell-data-and-democracy/programme', 'Presented by'],
      [`/events/localgovcamp-spring/sessions/${spring!.id}`, 'A shared content model'],
      ['/events/localgovcamp-spring/programme', 'Shared content for bins']
    ];
    for (const cookie of [undefined, fan.cookie]) {
      for (const [path, shows] of pages) {
        const { response, html, requestId } = await getPage(path, cookie);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        expect(text(html), path).toContain(shows);
        expect(await restRoundTrips(requestId), path).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('organisers managing slots', () => {
  const newSlot = () => `/events/${show.slug}/sessions/new`;
  const slotPath = (id: string) => `/events/${show.slug}/sessions/${id}`;
  async function slot(title: string) {
    const { data } = await serviceClient()
      .from('event_sessions')
      .select('id, title, room, starts_at, version')
      .eq('event_id', show.id)
      .eq('title', title)
      .maybeSingle();
    return data;
  }
  let slotId: string;

  it('adds an open slot, called “Open slot” when untitled, for the organiser only', async () => {
    const page = await getPage(newSlot(), organiser.cookie);
    expect(page.response.status).toBe(200);
    expect(await restRoundTrips(page.requestId)).toBeLessThanOrEqual(3);
    expect((await getPage(newSlot(), stranger.cookie)).response.status).toBe(403);

    const bad = await postForm(
      newSlot(),
      null,
      { title: 'Lightning talks', day: show.day, from: '', to: '11:15' },
      organiser.cookie
    );
    expect(bad.response.status).toBe(400);
    expect(bad.html).toMatch(/<a href="#from">Enter a start time<\/a>/);
    expect(bad.html).toContain('value="Lightning talks"');

    const fields = { title: '', day: show.day, from: '11:00', to: '11:15' };
    const refused = await postForm(newSlot(), null, fields, stranger.cookie);
    // The database refused the slot; the page is the organisers' too.
    expect(refused.response.status).toBe(403);
    expect(await slot('Open slot')).toBeNull();

    const added = await postForm(newSlot(), null, fields, organiser.cookie);
    expect(added.response.status).toBe(303);
    expect(added.response.headers.get('location')).toBe(`${programme(show.slug)}?added=1`);
    const made = await slot('Open slot');
    expect(made).toBeTruthy();
    slotId = made!.id;
    const { html } = await getPage(`${programme(show.slug)}?added=1`, organiser.cookie);
    expect(text(html)).toContain('The open slot has been added');
    expect(html).toContain(`href="${slotPath(slotId)}"`);
  });

  it('edits a slot’s title, room and time, and keeps the second editor’s text on a conflict', async () => {
    const page = await getPage(slotPath(slotId), organiser.cookie);
    expect(page.html).toContain('Change this session');
    expect(await restRoundTrips(page.requestId)).toBeLessThanOrEqual(3);
    const version = /action="\?\/edit"[\s\S]*?name="version" value="(\d+)"/.exec(page.html)![1]!;
    const fields = {
      session_title: 'Show us your API',
      room: 'Main room',
      day: show.day,
      from: '11:30',
      to: '11:45',
      version
    };

    const saved = await postForm(slotPath(slotId), 'edit', fields, organiser.cookie);
    expect(saved.response.status).toBe(200);
    expect(text(saved.html)).toContain('The session has been changed');
    const after = await slot('Show us your API');
    expect(after?.room).toBe('Main room');

    const stale = await postForm(
      slotPath(slotId),
      'edit',
      { ...fields, session_title: 'My late title' },
      organiser.cookie
    );
    expect(stale.response.status).toBe(409);
    expect(text(stale.html)).toContain('Someone else changed this session since you opened it');
    expect(stale.html).toContain('value="My late title"');
    expect(stale.html).toContain(`name="version" value="${after!.version}"`);

    const refused = await postForm(
      slotPath(slotId),
      'edit',
      { ...fields, version: String(after!.version) },
      stranger.cookie
    );
    expect(refused.response.status).toBe(403);
    expect((await getPage(slotPath(slotId), stranger.cookie)).html).not.toContain(
      'Change this session'
    );
  });

  it('removes a slot without notes, and refuses one with notes', async () => {
    const refused = await postForm(slotPath(slotId), 'remove', {}, stranger.cookie);
    expect(refused.response.status).toBe(403);

    const kept = await serviceClient()
      .from('event_sessions')
      .insert({ event_id: show.id, title: 'Noted slot', notes: 'What was shown' })
      .select('id')
      .single();
    const noted = await postForm(slotPath(kept.data!.id), 'remove', {}, organiser.cookie);
    expect(noted.response.status).toBe(409);
    expect(text(noted.html)).toContain('This session has notes, so it cannot be removed');
    expect(await slot('Noted slot')).toBeTruthy();

    const removed = await postForm(slotPath(slotId), 'remove', {}, organiser.cookie);
    expect(removed.response.status).toBe(303);
    expect(removed.response.headers.get('location')).toBe(`${programme(show.slug)}?removed=1`);
    expect(await slot('Show us your API')).toBeNull();
  });
});
