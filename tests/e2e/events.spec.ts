import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_ANON_KEY, DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import type { Database } from '../../src/lib/database.types.ts';
import {
  expectAccessible,
  requestSignIn,
  signIn,
  signInCode,
  uniqueEmail,
  visit,
  withoutJavaScript
} from './helpers.ts';
import { API_URL } from './ports.ts';

// Events journeys, each with JavaScript on and off, axe on every page: a newcomer reads an
// event and what to read before going, signs in and registers; a member on the waiting
// list is promoted when someone gives up a place; an organiser cancels a show-and-tell and
// its calendar file says so.

const options = { auth: { persistSession: false, autoRefreshToken: false } };
const admin = () => createClient<Database>(API_URL, DEFAULT_SERVICE_ROLE_KEY, options);

/** A confirmed account, for tests that need someone besides the person in the browser. */
async function account(label: string) {
  const email = uniqueEmail(label);
  const { data, error } = await admin().auth.admin.createUser({ email, email_confirm: true });
  if (error) throw error;
  return { email, id: data.user.id };
}

/** That account signed in to the data API directly (as their own calendar app might be). */
async function apiAs(email: string) {
  const client = createClient<Database>(API_URL, DEFAULT_ANON_KEY, options);
  const sent = await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  if (sent.error) throw sent.error;
  const verified = await client.auth.verifyOtp({
    email,
    token: await signInCode(email),
    type: 'email'
  });
  if (verified.error) throw verified.error;
  return client;
}

/** A published online show-and-tell in two weeks, organised by `by`. */
async function showAndTell(by: string, label: string, capacity: number | null = 30) {
  const slug = `e2e-show-and-tell-${label}-${Date.now().toString(36)}`;
  const starts = new Date(Date.now() + 14 * 86_400_000);
  const { data, error } = await admin()
    .from('events')
    .insert({
      slug,
      kind: 'show_and_tell',
      title: `Show-and-tell: housing repairs (${label})`,
      summary: 'Three councils show their repairs reporting in progress.',
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + 3_600_000).toISOString(),
      is_online: true,
      capacity,
      status: 'published',
      created_by: by
    })
    .select('id, slug, title')
    .single();
  if (error) throw error;
  return data;
}

async function expectReflows(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  if (size) await page.setViewportSize(size);
}

async function newcomerRegisters(page: Page, label: string) {
  const email = uniqueEmail(`newcomer-${label}`);
  await visit(page, '/events');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Show-and-tell: data and democracy' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Show-and-tell: data and democracy' })
  ).toBeVisible();
  await expect(page.getByText('(UK time)')).toBeVisible();
  await expectAccessible(page);
  await expectReflows(page);

  // Before you go: what the network has made on the topic.
  const before = page.getByRole('region', { name: 'Before you go' });
  await expect(before).toBeVisible();
  await before.getByRole('link', { name: 'Leeds planning applications (shared schema)' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Leeds planning applications (shared schema)' })
  ).toBeVisible();
  await page.goBack();

  await page.getByRole('link', { name: 'Sign in to register' }).click();
  await requestSignIn(page, email);
  await page.getByLabel('6-digit code').fill(await signInCode(email));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/events\/show-and-tell-data-and-democracy/);
  await page.getByRole('button', { name: 'Register for this event' }).click();
  await expect(page.getByText('You have a place at this event')).toBeVisible();
  await expect(page.getByText('You’re going.')).toBeVisible();
  // The joining link is now shown to them.
  await expect(page.getByRole('link', { name: /meet\.example\.org/ })).toBeVisible();
  await expectAccessible(page);
}

test('a newcomer reads an event and what to read before going, then signs in and registers', async ({
  page
}) => {
  await newcomerRegisters(page, 'js');
});

test('a newcomer registers for an event with JavaScript off', async ({ browser }) => {
  await withoutJavaScript(browser, (page) => newcomerRegisters(page, 'nojs'));
});

async function promotedFromWaitingList(page: Page, label: string) {
  const organiser = await account(`organiser-${label}`);
  const first = await account(`first-${label}`);
  const event = await showAndTell(organiser.id, `full-${label}`, 1);
  const firstClient = await apiAs(first.email);
  expect((await firstClient.rpc('register_for_event', { p_event_id: event.id })).error).toBeNull();

  await signIn(page, uniqueEmail(`waiting-${label}`));
  await visit(page, `/events/${event.slug}`);
  await expect(page.getByText('No places left')).toBeVisible();
  await page.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(page.getByText('You’re number 1 on the waiting list.')).toBeVisible();
  await expectAccessible(page);

  // The person with the place gives it up: the first on the waiting list gets it at once.
  expect((await firstClient.rpc('cancel_registration', { p_event_id: event.id })).error).toBeNull();
  await visit(page, `/events/${event.slug}`);
  await expect(page.getByText('You’re going.')).toBeVisible();
  await expectAccessible(page);
}

test('a member on the waiting list is promoted when someone gives up their place', async ({
  page
}) => {
  await promotedFromWaitingList(page, 'js');
});

test('the waiting list works with JavaScript off', async ({ browser }) => {
  await withoutJavaScript(browser, (page) => promotedFromWaitingList(page, 'nojs'));
});

async function organiserCancels(page: Page, label: string) {
  const organiser = await account(`cancels-${label}`);
  const event = await showAndTell(organiser.id, `cancel-${label}`);
  const before = await (await page.request.get(`/events/${event.slug}.ics`)).text();
  expect(before).toContain('STATUS:CONFIRMED');

  await signIn(page, organiser.email);
  await visit(page, `/events/${event.slug}`);
  await page.getByRole('link', { name: 'Edit this event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${event.title}` })).toBeVisible();
  await expectAccessible(page);
  await expectReflows(page);
  await page.getByRole('button', { name: 'Cancel this event' }).click();
  await expect(
    page.getByText('The event has been cancelled and everyone registered is being emailed')
  ).toBeVisible();
  await expect(page.getByText('This event has been cancelled.')).toBeVisible();
  await expectAccessible(page);

  const ics = await (await page.request.get(`/events/${event.slug}.ics`)).text();
  expect(ics).toContain('STATUS:CANCELLED');
  expect(ics).toContain('SEQUENCE:1');
}

test('an organiser cancels a show-and-tell and its calendar file shows it cancelled', async ({
  page
}) => {
  await organiserCancels(page, 'js');
});

test('cancelling an event works with JavaScript off', async ({ browser }) => {
  await withoutJavaScript(browser, (page) => organiserCancels(page, 'nojs'));
});

async function organiserCreates(page: Page, label: string) {
  await signIn(page, uniqueEmail(`creates-${label}`));
  await visit(page, '/events/new');
  await expectAccessible(page);
  await expectReflows(page);
  const title = `Meetup ${Date.now().toString(36)}`;
  await page.getByLabel('Name of the event').fill(title);
  await page.getByLabel('Meetup').check();
  const starts = page.getByRole('group', { name: 'Starts' });
  await starts.getByLabel('Date').fill('2027-10-30');
  await starts.getByLabel('Time').fill('18:00');
  const ends = page.getByRole('group', { name: 'Ends' });
  await ends.getByLabel('Date').fill('2027-10-30');
  await ends.getByLabel('Time').fill('20:00');
  await page.getByLabel('Venue (optional if online)').fill('Exeter, The Phoenix');
  await page.getByLabel('Publish', { exact: true }).check();
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Saturday 30 October 2027, 6pm to 8pm (UK time)')).toBeVisible();
  await expectAccessible(page);
}

test('an organiser creates an event from the form, in UK time', async ({ page }) => {
  await organiserCreates(page, 'js');
});

test('creating an event works with JavaScript off', async ({ browser }) => {
  await withoutJavaScript(browser, (page) => organiserCreates(page, 'nojs'));
});

async function organiserReadsListAndGetsFeed(page: Page, label: string) {
  const organiser = await account(`lists-${label}`);
  const event = await showAndTell(organiser.id, `list-${label}`, 1);
  const first = await account(`going-${label}`);
  const second = await account(`queue-${label}`);
  for (const who of [first, second]) {
    const client = await apiAs(who.email);
    expect((await client.rpc('register_for_event', { p_event_id: event.id })).error).toBeNull();
  }
  await signIn(page, organiser.email);
  await visit(page, `/events/${event.slug}`);
  await page.getByRole('link', { name: 'Who is registered' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who is registered' })).toBeVisible();
  await expect(page.getByText('1 going, 1 on the waiting list')).toBeVisible();
  const queue = page.getByRole('table', { name: 'Waiting list, next in first' });
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expectAccessible(page);
  await expectReflows(page);

  await visit(page, '/me');
  await page.getByRole('link', { name: 'Get your calendar feed' }).click();
  await page.getByRole('button', { name: 'Get a calendar feed' }).click();
  await expect(page.getByLabel('Your feed’s address')).toHaveValue(
    /\/calendar\/[0-9a-f]{64}\.ics$/
  );
  await expectAccessible(page);
  await expectReflows(page);
}

test('an organiser reads who is registered, and gets a calendar feed', async ({ page }) => {
  await organiserReadsListAndGetsFeed(page, 'js');
});

test('the registration list and calendar feed work with JavaScript off', async ({ browser }) => {
  await withoutJavaScript(browser, (page) => organiserReadsListAndGetsFeed(page, 'nojs'));
});
