// Registering for events through the real API and the pages: first come, first served
// under 100 concurrent registrations, promotions in order with their email queued, the
// organisers' forms (London times across the end of BST, conflicts), cancelling, calendar
// files parsed with ical.js, personal feeds, and 3 or fewer data round trips per page.
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { hub, serviceClient, signedInClient, uniqueEmail } from './hub.ts';
import { getPage, member, postForm, restRoundTrips, text } from './session.ts';

type Member = Awaited<ReturnType<typeof member>>;

let organiser: Member;
let attendee: Member;
let n = 0;

/** A published event (made by the service role, organised by `by`), starting in `days`. */
async function publishedEvent(
  by: string,
  fields: { capacity?: number | null; days?: number } = {}
) {
  const slug = `reg-test-${process.pid}-${++n}-${Math.random().toString(36).slice(2, 7)}`;
  const days = fields.days ?? 14;
  const starts = new Date(Date.now() + days * 86_400_000);
  const { data, error } = await serviceClient()
    .from('events')
    .insert({
      slug,
      kind: 'show_and_tell',
      title: `Show-and-tell ${slug}`,
      summary: 'Ten-minute slots of work in progress.',
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + 90 * 60_000).toISOString(),
      is_online: true,
      capacity: fields.capacity === undefined ? 20 : fields.capacity,
      status: 'published',
      created_by: by
    })
    .select('id, slug')
    .single();
  if (error) throw error;
  return data;
}

/** Signs in `count` members, a few at a time (each reads a code from the mailbox). */
async function manyMembers(count: number) {
  const out: Awaited<ReturnType<typeof signedInClient>>[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, () => signedInClient(uniqueEmail('crowd')))
    );
    out.push(...batch);
  }
  return out;
}

async function registrationsOf(eventId: string) {
  const { data, error } = await serviceClient()
    .from('registrations')
    .select('id, user_id, status, position, registered_at')
    .eq('event_id', eventId)
    .order('registered_at');
  if (error) throw error;
  return data;
}

beforeAll(async () => {
  [organiser, attendee] = await Promise.all([member('organiser'), member('attendee')]);
}, 60_000);

describe('100 concurrent registrations for 20 places', () => {
  it('ends with exactly 20 going and 80 waiting in order; cancellations promote in order and queue their email', async () => {
    const event = await publishedEvent(organiser.user.id, { capacity: 20 });
    const crowd = await manyMembers(100);
    const results = await Promise.all(
      crowd.map((m) => m.client.rpc('register_for_event', { p_event_id: event.id }))
    );
    expect(results.filter((r) => r.error)).toEqual([]);

    const regs = await registrationsOf(event.id);
    const going = regs.filter((r) => r.status === 'going');
    const waiting = regs.filter((r) => r.status === 'waitlisted');
    expect(going).toHaveLength(20);
    expect(waiting).toHaveLength(80);
    // First come, first served: nobody who came later has a place ahead of an earlier one.
    expect(waiting.map((r) => r.position)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const lastIn = Math.max(...going.map((r) => Date.parse(r.registered_at)));
    expect(Date.parse(waiting[0]!.registered_at)).toBeGreaterThanOrEqual(lastIn);

    // Three people with places cancel, one after another: the first three waiting move up.
    const byUser = new Map(crowd.map((m) => [m.user.id, m]));
    for (const r of going.slice(0, 3)) {
      const { error } = await byUser
        .get(r.user_id)!
        .client.rpc('cancel_registration', { p_event_id: event.id });
      expect(error).toBeNull();
    }
    const after = await registrationsOf(event.id);
    const promoted = waiting.slice(0, 3).map((r) => r.user_id);
    for (const id of promoted)
      expect(after.find((r) => r.user_id === id)?.status, id).toBe('going');
    const stillWaiting = after
      .filter((r) => r.status === 'waitlisted')
      .sort((a, b) => a.position! - b.position!);
    expect(stillWaiting.map((r) => r.user_id)).toEqual(waiting.slice(3).map((r) => r.user_id));
    expect(after.filter((r) => r.status === 'going')).toHaveLength(20);

    const { data: mail } = await serviceClient()
      .from('email_outbox')
      .select('recipient_id, payload')
      .eq('kind', 'waitlist_promotion')
      .in('recipient_id', promoted);
    expect(new Set(mail?.map((m) => m.recipient_id))).toEqual(new Set(promoted));
    expect(mail?.[0]?.payload).toMatchObject({ event_id: event.id, event_slug: event.slug });
  }, 180_000);
});

describe('registering on the event page', () => {
  it('registers, shows "You’re going", and puts the next person on the waiting list as number 1', async () => {
    const event = await publishedEvent(organiser.user.id, { capacity: 1 });
    const first = await postForm(`/events/${event.slug}`, 'register', {}, attendee.cookie);
    expect(first.response.status).toBe(303);
    const going = text((await getPage(`/events/${event.slug}`, attendee.cookie)).html);
    expect(going).toContain('You’re going.');
    expect(going).toContain('Give up my place');

    const second = await member('second');
    await postForm(`/events/${event.slug}`, 'register', {}, second.cookie);
    const waiting = text((await getPage(`/events/${event.slug}`, second.cookie)).html);
    expect(waiting).toContain('You’re number 1 on the waiting list.');

    // The first gives up their place: the second has it.
    const gave = await postForm(`/events/${event.slug}`, 'cancel', {}, attendee.cookie);
    expect(gave.response.status).toBe(303);
    const promoted = text((await getPage(`/events/${event.slug}`, second.cookie)).html);
    expect(promoted).toContain('You’re going.');
  });

  it('says when registration opens, and the database refuses it before then', async () => {
    const event = await publishedEvent(organiser.user.id);
    await serviceClient()
      .from('events')
      .update({ registration_opens_at: new Date(Date.now() + 3 * 86_400_000).toISOString() })
      .eq('id', event.id);
    const page = text((await getPage(`/events/${event.slug}`, attendee.cookie)).html);
    expect(page).toMatch(/Registration opens on \w+day \d+ \w+ \d{4}, .+ \(UK time\)/);
    expect(page).not.toContain('Register for this event');
    const { response, html } = await postForm(
      `/events/${event.slug}`,
      'register',
      {},
      attendee.cookie
    );
    expect(response.status).toBe(400);
    expect(text(html)).toMatch(/Registration opens on .* Come back then\./);
  });

  it('offers visitors a sign-in link instead of the button', async () => {
    const event = await publishedEvent(organiser.user.id);
    const page = text((await getPage(`/events/${event.slug}`)).html);
    expect(page).toContain('Sign in to register');
  });
});

const eventForm = (overrides: Record<string, string | string[]> = {}) => ({
  title: `Makers day ${process.pid} ${Math.random().toString(36).slice(2, 7)}`,
  kind: 'workshop',
  summary: 'A day of building things together.',
  description: '',
  // Saturday 30 October 2027 is British Summer Time; Monday 1 November is GMT.
  starts_on: '2027-10-30',
  starts_time: '09:30',
  ends_on: '2027-11-01',
  ends_time: '16:30',
  venue: 'Leeds, Central Library',
  online_url: '',
  joining_instructions: 'Side door on Calverley Street',
  capacity: '30',
  opens_on: '',
  opens_time: '',
  closes_on: '',
  closes_time: '',
  workstream_id: '',
  parent_event_id: '',
  organisers: '',
  status: 'published',
  ...overrides
});

describe('organising an event', () => {
  it('creates an event from London dates and times either side of the end of BST', async () => {
    const form = eventForm();
    const { response } = await postForm('/events/new', null, form, organiser.cookie);
    expect(response.status).toBe(303);
    const slug = /^\/events\/([a-z0-9-]+)\?saved=1$/.exec(
      response.headers.get('location') ?? ''
    )?.[1];
    expect(slug).toBeDefined();
    const { data } = await serviceClient()
      .from('events')
      .select('starts_at, ends_at, capacity, status, created_by')
      .eq('slug', slug!)
      .single();
    expect(new Date(data!.starts_at).toISOString()).toBe('2027-10-30T08:30:00.000Z');
    expect(new Date(data!.ends_at).toISOString()).toBe('2027-11-01T16:30:00.000Z');
    expect(data).toMatchObject({
      capacity: 30,
      status: 'published',
      created_by: organiser.user.id
    });

    const page = text((await getPage(`/events/${slug}`)).html);
    expect(page).toContain(
      'Saturday 30 October 2027, 9:30am to Monday 1 November 2027, 4:30pm (UK time)'
    );
  });

  it('shows the error summary linking to each field and keeps what was typed', async () => {
    const { response, html } = await postForm(
      '/events/new',
      null,
      eventForm({ title: '', starts_time: '9.30am', capacity: 'lots', summary: 'Kept summary' }),
      organiser.cookie
    );
    expect(response.status).toBe(400);
    expect(html).toContain('govuk-error-summary');
    expect(html).toContain('href="#title"');
    expect(html).toContain('href="#starts_time"');
    expect(html).toContain('href="#capacity"');
    expect(html).toContain('Kept summary');
  });

  it('names a co-organiser handle nobody has', async () => {
    const { response, html } = await postForm(
      '/events/new',
      null,
      eventForm({ organisers: 'no-such-member-here' }),
      organiser.cookie
    );
    expect(response.status).toBe(400);
    expect(text(html)).toContain('No member has the handle “no-such-member-here”.');
  });

  it('detects a concurrent edit and keeps the second writer’s text', async () => {
    const event = await publishedEvent(organiser.user.id);
    const edit = (title: string, version: string) =>
      postForm(
        `/events/${event.slug}/edit`,
        'save',
        eventForm({ title, starts_on: '2027-06-01', ends_on: '2027-06-01', version }),
        organiser.cookie
      );
    expect((await edit('First writer', '1')).response.status).toBe(303);
    const { response, html } = await edit('Second writer’s title', '1');
    expect(response.status).toBe(409);
    expect(text(html)).toContain('changed by someone else');
    expect(html).toContain('Second writer’s title');
    // Saving again against the version shown works.
    expect(html).toMatch(/name="version" value="2"/);
  });

  it('refuses the edit page to members who are not organisers', async () => {
    const event = await publishedEvent(organiser.user.id);
    const { response } = await getPage(`/events/${event.slug}/edit`, attendee.cookie);
    expect(response.status).toBe(403);
    const list = await getPage(`/events/${event.slug}/registrations`, attendee.cookie);
    expect(list.response.status).toBe(403);
  });

  it('cancels an event: everyone registered gets an email and the .ics says CANCELLED', async () => {
    const event = await publishedEvent(organiser.user.id);
    await attendee.client.rpc('register_for_event', { p_event_id: event.id });
    const before = await (await fetch(`${hub().appUrl}/events/${event.slug}.ics`)).text();
    expect(before).toContain('SEQUENCE:0');
    const { response } = await postForm(
      `/events/${event.slug}/edit`,
      'cancelEvent',
      { version: '1' },
      organiser.cookie
    );
    expect(response.status).toBe(303);
    const { data: mail } = await serviceClient()
      .from('email_outbox')
      .select('recipient_id, idempotency_key')
      .eq('kind', 'event_cancelled')
      .eq('idempotency_key', `event_cancelled:${event.id}`);
    expect(mail?.map((m) => m.recipient_id)).toEqual([attendee.user.id]);

    const ics = await (await fetch(`${hub().appUrl}/events/${event.slug}.ics`)).text();
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
    expect(String(vevent.getFirstPropertyValue('uid'))).toBe(`${event.id}@127.0.0.1`);
    const page = text((await getPage(`/events/${event.slug}`, attendee.cookie)).html);
    expect(page).toContain('This event has been cancelled.');
  });

  it('lists registrations in waitlist order for the organiser, and as CSV with formulas neutralised', async () => {
    const event = await publishedEvent(organiser.user.id, { capacity: 1 });
    const sneaky = await member('sneaky');
    await serviceClient()
      .from('profiles')
      .update({ display_name: '=HYPERLINK("http://x")' })
      .eq('id', sneaky.user.id);
    await attendee.client.rpc('register_for_event', { p_event_id: event.id });
    await sneaky.client.rpc('register_for_event', { p_event_id: event.id });
    const page = text(
      (await getPage(`/events/${event.slug}/registrations`, organiser.cookie)).html
    );
    expect(page).toContain('1 going, 1 on the waiting list');
    expect(page).toContain('Waiting list, next in first');

    const res = await fetch(`${hub().appUrl}/events/${event.slug}/registrations.csv`, {
      headers: { cookie: organiser.cookie }
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = Papa.parse<string[]>(await res.text(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      'Name',
      'Handle',
      'Organisation',
      'Status',
      'Place on waiting list',
      'Registered at (UTC)',
      'Cancelled at (UTC)'
    ]);
    expect(rows.map((r) => r[3])).toEqual(['Status', 'Going', 'Waiting list']);
    expect(rows[2]![0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[2]![4]).toBe('1');
  });
});

describe('calendar files', () => {
  it('writes Europe/London times that ical.js reads back correctly either side of the end of BST', async () => {
    const app = hub().appUrl;
    const summer = await postForm(
      '/events/new',
      null,
      eventForm({ ends_on: '2027-10-30' }),
      organiser.cookie
    );
    const winter = await postForm(
      '/events/new',
      null,
      eventForm({ starts_on: '2027-11-01', ends_on: '2027-11-01' }),
      organiser.cookie
    );
    for (const [res, utc] of [
      [summer.response, '2027-10-30T08:30:00.000Z'],
      [winter.response, '2027-11-01T09:30:00.000Z']
    ] as const) {
      const slug = /^\/events\/([a-z0-9-]+)/.exec(res.headers.get('location') ?? '')![1];
      const ics = await (await fetch(`${app}/events/${slug}.ics`)).text();
      expect(ics).toContain('DTSTART;TZID=Europe/London:');
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
      ICAL.TimezoneService.register(zone, 'Europe/London');
      const e = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      // 09:30 on the London clock, and the right instant for the season.
      expect([e.startDate.hour, e.startDate.minute]).toEqual([9, 30]);
      expect(e.startDate.toJSDate().toISOString()).toBe(utc);
    }
    const all = await (await fetch(`${app}/events.ics`)).text();
    const events = new ICAL.Component(ICAL.parse(all)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(1);
  });

  it('serves a personal feed of events I am going to at a secret address, which I can reset', async () => {
    const me = await member('feed');
    const event = await publishedEvent(organiser.user.id);
    await me.client.rpc('register_for_event', { p_event_id: event.id });
    const none = text((await getPage('/me/calendar', me.cookie)).html);
    expect(none).toContain('Get a calendar feed');
    await postForm('/me/calendar', 'reset', {}, me.cookie);
    const { html } = await getPage('/me/calendar', me.cookie);
    const url = /value="(http[^"]+\/calendar\/[0-9a-f]{64}\.ics)"/.exec(html)?.[1];
    expect(url).toBeDefined();
    const feed = await fetch(url!);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`UID:${event.id}@127.0.0.1`);

    await postForm('/me/calendar', 'reset', {}, me.cookie);
    expect((await fetch(url!)).status).toBe(404);
  });
});

describe('the events list', () => {
  it('filters by workstream and outcome, and shows places left', async () => {
    const byWorkstream = text((await getPage('/events?workstream=open-linked-data')).html);
    expect(byWorkstream).toContain('Show-and-tell: data and democracy');
    expect(byWorkstream).not.toContain('LocalGovCamp North');
    const byOutcome = text((await getPage('/events?outcome=networked-and-collaborative')).html);
    expect(byOutcome).toContain('LocalGovCamp North');
    expect(byOutcome).not.toContain('Show-and-tell: data and democracy');
    // North has 12 places and a waiting list.
    expect(byOutcome).toMatch(/No places left: \d+ on the waiting list/);
  });
});

describe('data round trips', () => {
  it('every event page reads its data in 3 or fewer round trips, signed in or not', async () => {
    const event = await publishedEvent(organiser.user.id);
    const pages: [string, string | undefined][] = [
      ['/events', undefined],
      ['/events?when=past', undefined],
      ['/events?kind=camp&outcome=open-by-default', attendee.cookie],
      [`/events/${event.slug}`, undefined],
      [`/events/${event.slug}`, attendee.cookie],
      ['/events/localgovcamp-north', organiser.cookie],
      ['/events/new', organiser.cookie],
      [`/events/${event.slug}/edit`, organiser.cookie],
      [`/events/${event.slug}/registrations`, organiser.cookie],
      ['/me/calendar', attendee.cookie]
    ];
    for (const [path, cookie] of pages) {
      const { response, requestId } = await getPage(path, cookie);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(await restRoundTrips(requestId), path).toBeLessThanOrEqual(3);
    }
  });
});
