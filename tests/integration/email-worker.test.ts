// The email worker against the running stack: it runs the schedules on a fake clock, sends
// by SMTP into the stack's mailbox, and the mailbox's API shows what arrived. Also the
// pages around email: following, settings, one-click unsubscribe without a session, and
// the steering group's view of failures.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, type Worker } from '../../src/lib/server/email/worker.ts';
import { hub, serviceClient } from './hub.ts';
import { getPage, member, postForm, restRoundTrips, text } from './session.ts';

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  headers: Record<string, string>;
}

/** The hub's emails to `to`, newest first (not the auth service's sign-in codes). */
const mailTo = async (to: string): Promise<Mail[]> =>
  (
    (await (
      await fetch(`${hub().mailboxUrl}/api/messages?to=${encodeURIComponent(to)}`)
    ).json()) as Mail[]
  ).filter((m) => m.headers?.['x-hub-kind']);

const DAY = 86_400_000;
let db: pg.Client;
let worker: Worker;

beforeAll(async () => {
  db = new pg.Client({ connectionString: hub().dbUrl });
  await db.connect();
  worker = createWorker({
    databaseUrl: hub().dbUrl,
    smtpUrl: hub().smtpUrl,
    siteUrl: hub().appUrl
  });
});
afterAll(async () => {
  await worker?.close();
  await db?.end();
});

/** A workstream led by `ownerId` with commitments of theirs (as the service: no RLS). */
async function workstreamWith(ownerId: string, title: string, commitments: string[]) {
  const service = serviceClient();
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}`;
  const { data: ws, error } = await service
    .from('workstreams')
    .insert({ slug, title, status: 'active', created_by: ownerId })
    .select('id, slug')
    .single();
  if (error) throw error;
  const ids: string[] = [];
  for (const c of commitments) {
    const { data, error: e } = await service
      .from('commitments')
      .insert({ owner_id: ownerId, workstream_id: ws.id, title: c, visibility: 'public' })
      .select('id')
      .single();
    if (e) throw e;
    ids.push(data.id);
  }
  return { ...ws, commitmentIds: ids };
}

describe('the digest', () => {
  it('groups what a member follows by workstream, each item once, and a second run sends nothing new', async () => {
    const reader = await member('digest-reader');
    const doer = await member('digest-doer');
    const housing = await workstreamWith(doer.user.id, 'Digest housing repairs', [
      'Map the repairs journey',
      'Test the repairs form'
    ]);
    const bins = await workstreamWith(doer.user.id, 'Digest missed bins', ['Publish bin data']);
    // Two pieces of news about one commitment: it appears once.
    const { error } = await serviceClient().from('check_ins').insert({
      commitment_id: housing.commitmentIds[0]!,
      author_id: doer.user.id,
      note: 'Mapped.'
    });
    expect(error).toBeNull();

    // Following from the workstream pages, as a browser without JavaScript does.
    for (const ws of [housing, bins]) {
      const page = await getPage(`/workstreams/${ws.slug}`, reader.cookie);
      expect(text(page.html)).toContain('Follow this workstream');
      const followed = await postForm(
        '/me/follows',
        null,
        { workstream_id: ws.id, next: `/workstreams/${ws.slug}`, follow: 'yes' },
        reader.cookie
      );
      expect(followed.response.status).toBe(303);
      expect(followed.response.headers.get('location')).toBe(`/workstreams/${ws.slug}`);
      expect(text((await getPage(`/workstreams/${ws.slug}`, reader.cookie)).html)).toContain(
        'You follow this workstream'
      );
    }

    const now = new Date(Date.now() + 60_000);
    await worker.runOnce(now);
    const [digest, ...more] = await mailTo(reader.email);
    expect(more).toEqual([]);
    expect(digest!.subject).toMatch(/weekly digest: \d+ updates/);
    const body = digest!.text;
    expect(body.indexOf('Digest housing repairs')).toBeGreaterThan(-1);
    expect(body.indexOf('Digest missed bins')).toBeGreaterThan(-1);
    expect(body.match(/Map the repairs journey/g)).toHaveLength(1);
    expect(body).toContain('Test the repairs form');
    expect(body).toContain(`${hub().appUrl}/commitments/${housing.commitmentIds[0]}`);
    // Grouped: each commitment sits under its own workstream's heading.
    const housingAt = body.indexOf('Digest housing repairs');
    const binsAt = body.indexOf('Digest missed bins');
    const binDataAt = body.indexOf('Publish bin data');
    expect(binDataAt > binsAt && (housingAt < binsAt || binDataAt < housingAt)).toBe(true);
    expect(digest!.headers['list-unsubscribe']).toMatch(
      /^<http.*\/unsubscribe\?token=[0-9a-f-]{36}>$/
    );
    expect(digest!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // Run again, now and a week on with nothing new: nothing more for them.
    await worker.runOnce(now);
    await worker.runOnce(new Date(now.getTime() + 7 * DAY));
    expect(await mailTo(reader.email)).toHaveLength(1);

    // New news a week on: the next digest has only that.
    await serviceClient()
      .from('check_ins')
      .insert({ commitment_id: bins.commitmentIds[0]!, author_id: doer.user.id, note: 'Live.' });
    await worker.runOnce(new Date(now.getTime() + 8 * DAY));
    const [second] = await mailTo(reader.email);
    expect(second!.subject).toMatch(/1 update$/);
    expect(second!.text).toContain('Publish bin data');
    expect(second!.text).not.toContain('Map the repairs journey');
  });
});

describe('unsubscribe', () => {
  it('works from the email with no session, by the page and by one-click POST', async () => {
    const someone = await member('unsubscriber');
    await db.query(`select private.enqueue_email($1, 'event_cancelled', $2, $3)`, [
      someone.user.id,
      `event_cancelled:unsub-${someone.user.id}`,
      {
        event_title: 'Winter meetup',
        event_slug: 'winter-meetup',
        starts_at: new Date().toISOString()
      }
    ]);
    await worker.sendDue(new Date(Date.now() + 1000));
    const [mail] = await mailTo(someone.email);
    expect(mail!.subject).toBe('Cancelled: Winter meetup');
    const url = /^<(.+)>$/.exec(mail!.headers['list-unsubscribe']!)![1]!;
    const path = new URL(url).pathname + new URL(url).search;

    const page = await getPage(path);
    expect(page.response.status).toBe(200);
    expect(text(page.html)).toContain('Stop cancelled events emails?');
    expect(await restRoundTrips(page.requestId)).toBeLessThanOrEqual(3);

    // RFC 8058: a mail provider posts from its own servers, with no Origin and no cookie.
    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click'
    });
    expect(oneClick.status).toBe(200);
    const { data } = await serviceClient()
      .from('email_preferences')
      .select('muted_kinds')
      .eq('profile_id', someone.user.id)
      .single();
    expect(data!.muted_kinds).toEqual(['event_cancelled']);
    expect(text((await getPage(path)).html)).toContain('already off');

    // Nothing else may be posted cross-site.
    const forged = await fetch(`${hub().appUrl}/me/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: someone.cookie },
      body: 'digest_frequency=never&outcome_outputs=digest&version=0'
    });
    expect(forged.status).toBe(403);
  });
});

describe('settings', () => {
  it('saves the digest frequency and switches kinds off, in at most 3 round trips', async () => {
    const m = await member('settings');
    const page = await getPage('/me/settings', m.cookie);
    expect(page.response.status).toBe(200);
    expect(await restRoundTrips(page.requestId)).toBeLessThanOrEqual(3);
    const saved = await postForm(
      '/me/settings',
      null,
      {
        digest_frequency: 'daily',
        outcome_outputs: 'at_once',
        on: ['commitment_overdue', 'waitlist_promotion'],
        version: '0'
      },
      m.cookie
    );
    expect(text(saved.html)).toContain('Your email settings have been saved');
    const { data } = await serviceClient()
      .from('profiles')
      .select('digest_frequency, email_preferences(muted_kinds, outcome_outputs_at_once)')
      .eq('id', m.user.id)
      .single();
    expect(data!.digest_frequency).toBe('daily');
    expect(data!.email_preferences!.outcome_outputs_at_once).toBe(true);
    expect([...data!.email_preferences!.muted_kinds].sort()).toEqual(
      ['commitment_dormant', 'event_cancelled', 'event_reminder', 'offer_accepted'].sort()
    );
    // The same form again, from before that save: a conflict, with their choices kept.
    const stale = await postForm(
      '/me/settings',
      null,
      { digest_frequency: 'never', outcome_outputs: 'digest', version: '0' },
      m.cookie
    );
    expect(stale.response.status).toBe(409);
    expect(text(stale.html)).toContain('changed somewhere else');
  });
});

describe('an SMTP server that is down', () => {
  it('is retried with backoff, then the email is given up and shown to the steering group', async () => {
    const m = await member('smtp-down');
    const key = `waitlist_promotion:smtp-down-${m.user.id}:1`;
    await db.query(`select private.enqueue_email($1, 'waitlist_promotion', $2, '{}')`, [
      m.user.id,
      key
    ]);
    // Due in the year 2000 on this worker's clock, so it claims only this email.
    await db.query(
      `update email_outbox set next_attempt_at = '2000-01-01' where idempotency_key = $1`,
      [key]
    );
    const broken = createWorker({
      databaseUrl: hub().dbUrl,
      smtpUrl: 'smtp://127.0.0.1:9', // nothing listens on the discard port
      siteUrl: hub().appUrl,
      maxAttempts: 3
    });
    try {
      const t = Date.parse('2000-01-01T00:00:00Z');
      const at = (minutes: number) => new Date(t + minutes * 60_000);
      expect(await broken.sendDue(at(0))).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(await broken.sendDue(at(0.5))).toEqual({ sent: 0, retrying: 0, failed: 0 }); // backing off
      expect(await broken.sendDue(at(1))).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(await broken.sendDue(at(5))).toEqual({ sent: 0, retrying: 0, failed: 1 });
    } finally {
      await broken.close();
    }
    const { rows } = await db.query(
      `select status, attempts, last_error from email_outbox where idempotency_key = $1`,
      [key]
    );
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(rows[0].last_error).toMatch(/ECONNREFUSED|connect/i);
    // A working worker later does not send it either.
    await worker.sendDue(new Date(Date.now() + DAY));
    expect(await mailTo(m.email)).toEqual([]);

    const steering = await member('email-steering', { steering: true });
    const page = await getPage('/steering/emails', steering.cookie);
    expect(page.response.status).toBe(200);
    expect(text(page.html)).toContain('Waiting list places');
    expect(text(page.html)).toMatch(/ECONNREFUSED|connect/i);
    expect(await restRoundTrips(page.requestId)).toBeLessThanOrEqual(3);
    expect(text((await getPage('/steering', steering.cookie)).html)).toContain(
      'Emails that could not be sent'
    );
    expect((await getPage('/steering/emails', m.cookie)).response.status).toBe(403);
  });
});

describe('every kind reaches the mailbox', () => {
  it('renders a waitlist promotion, a reminder and an accepted offer with links to the event', async () => {
    const m = await member('kinds');
    const event = {
      event_id: 'e',
      event_title: 'Spring camp',
      event_slug: 'spring-camp',
      starts_at: '2027-03-14T09:30:00Z'
    };
    for (const [kind, extra] of [
      ['waitlist_promotion', {}],
      ['event_reminder', {}],
      ['offer_accepted', { session_id: 's', session_title: 'Our repairs form' }]
    ] as const) {
      await db.query(`select private.enqueue_email($1, $2, $3, $4)`, [
        m.user.id,
        kind,
        `${kind}:kinds-${m.user.id}`,
        { ...event, ...extra }
      ]);
    }
    await worker.sendDue(new Date(Date.now() + 1000));
    const subjects = (await mailTo(m.email)).map((x) => x.subject).sort();
    expect(subjects).toEqual([
      'Tomorrow: Spring camp',
      'You have a place: Spring camp',
      'Your offer to show was accepted: Our repairs form'
    ]);
    for (const x of await mailTo(m.email)) {
      expect(x.links.some((l) => l.startsWith(`${hub().appUrl}/events/spring-camp`))).toBe(true);
      expect(x.text).toContain('Sunday 14 March 2027, 9:30am');
    }
  });

  it('a place given up on a full event reaches the next person waiting, and cancelling the event reaches everyone registered', async () => {
    const [organiser, first, next, later] = await Promise.all([
      member('promo-organiser'),
      member('promo-first'),
      member('promo-next'),
      member('promo-later')
    ]);
    const slug = `promotion-mail-${Date.now().toString(36)}`;
    const startsAt = new Date(Date.now() + 30 * DAY);
    startsAt.setUTCHours(10, 0, 0, 0);
    const { data: event, error } = await serviceClient()
      .from('events')
      .insert({
        slug,
        kind: 'show_and_tell',
        title: `Show-and-tell ${slug}`,
        summary: 'Ten-minute slots of work in progress.',
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
        is_online: true,
        capacity: 1,
        status: 'published',
        created_by: organiser.user.id
      })
      .select('id, slug, title, version')
      .single();
    if (error) throw error;
    // One place: the first has it, the other two wait in order.
    for (const m of [first, next, later]) {
      const { error: e } = await m.client.rpc('register_for_event', { p_event_id: event.id });
      expect(e).toBeNull();
    }
    expect(
      (await first.client.rpc('cancel_registration', { p_event_id: event.id })).error
    ).toBeNull();

    await worker.runOnce(new Date(Date.now() + 1000));
    const promotions = (await mailTo(next.email)).filter(
      (m) => m.headers['x-hub-kind'] === 'waitlist_promotion'
    );
    expect(promotions).toHaveLength(1);
    expect(promotions[0]!.subject).toBe(`You have a place: ${event.title}`);
    expect(promotions[0]!.text).toContain(`you are now going to ${event.title}`);
    expect(promotions[0]!.links).toContain(`${hub().appUrl}/events/${event.slug}`);
    // Nobody else was promoted: the one still waiting and the one who left hear nothing.
    for (const m of [first, later])
      expect((await mailTo(m.email)).map((x) => x.headers['x-hub-kind'])).not.toContain(
        'waitlist_promotion'
      );

    // The organiser cancels the event: the person going and the one waiting are told.
    const { error: cancelled } = await organiser.client.rpc('cancel_event', {
      p_id: event.id,
      p_version: event.version
    });
    expect(cancelled).toBeNull();
    await worker.runOnce(new Date(Date.now() + 2000));
    for (const m of [next, later]) {
      const [mail, ...more] = (await mailTo(m.email)).filter(
        (x) => x.headers['x-hub-kind'] === 'event_cancelled'
      );
      expect(more).toEqual([]);
      expect(mail!.subject).toBe(`Cancelled: ${event.title}`);
      expect(mail!.text).toContain(`${event.title}, planned for`);
      expect(mail!.links).toContain(`${hub().appUrl}/events/${event.slug}`);
    }
    // Who had already given up their place is not emailed about the cancellation.
    expect((await mailTo(first.email)).map((x) => x.headers['x-hub-kind'])).not.toContain(
      'event_cancelled'
    );
  });
});

describe('follow pages', () => {
  it('show the follow state on workstream and outcome pages within 3 round trips', async () => {
    const m = await member('follow-pages');
    const { data: outcome } = await serviceClient()
      .from('outcomes')
      .select('id, slug')
      .limit(1)
      .single();
    const before = await getPage(`/outcomes/${outcome!.slug}`, m.cookie);
    expect(text(before.html)).toContain('Follow this outcome');
    expect(await restRoundTrips(before.requestId)).toBeLessThanOrEqual(3);
    await postForm(
      '/me/follows',
      null,
      { outcome_id: outcome!.id, next: `/outcomes/${outcome!.slug}`, follow: 'yes' },
      m.cookie
    );
    expect(text((await getPage(`/outcomes/${outcome!.slug}`, m.cookie)).html)).toContain(
      'You follow this outcome'
    );
    const list = await getPage('/me/follows', m.cookie);
    expect(text(list.html)).toContain('Stop following');
    expect(await restRoundTrips(list.requestId)).toBeLessThanOrEqual(3);
    // A visitor sees no follow button and the page still answers.
    const visitor = await getPage(`/outcomes/${outcome!.slug}`);
    expect(visitor.response.status).toBe(200);
    expect(text(visitor.html)).not.toContain('Follow this outcome');
    // An unsafe return path goes nowhere else.
    const sneaky = await postForm(
      '/me/follows',
      null,
      { outcome_id: outcome!.id, next: '//evil.example', follow: 'no' },
      m.cookie
    );
    expect(sneaky.response.headers.get('location')).toBe('/me/follows');
  });
});
