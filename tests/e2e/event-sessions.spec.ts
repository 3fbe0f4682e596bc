import { createClient } from '@supabase/supabase-js';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import type { Database } from '../../src/lib/database.types.ts';
import {
  expectAccessible,
  newPageWithoutJavaScript,
  signIn,
  uniqueEmail,
  visit
} from './helpers.ts';
import { API_URL } from './ports.ts';

// A camp session is pitched, gets interest, is placed in the grid, gets notes, and its
// "what next" becomes a commitment watched by the interested people; an offer to show is
// accepted into a slot. With JavaScript on and off; every page checked with axe and at 320 px.

const admin = createClient<Database>(API_URL, DEFAULT_SERVICE_ROLE_KEY, {
  auth: { persistSession: false, autoRefreshToken: false }
});

async function person(label: string, name: string) {
  const email = uniqueEmail(`sessions-${label}`);
  const { data, error } = await admin.auth.admin.createUser({ email, email_confirm: true });
  if (error) throw error;
  const named = await admin.from('profiles').update({ display_name: name }).eq('id', data.user.id);
  if (named.error) throw named.error;
  return { email, id: data.user.id, name };
}

async function event(kind: 'camp' | 'show_and_tell', organiser: string, label: string) {
  const starts = new Date(Date.now() + 15 * 86_400_000);
  const slug = `e2e-${kind.replaceAll('_', '-')}-${label}-${Date.now()}`;
  const { data, error } = await admin
    .from('events')
    .insert({
      slug,
      kind,
      title: `${kind === 'camp' ? 'Camp' : 'Show-and-tell'} ${label}`,
      starts_at: starts.toISOString(),
      ends_at: new Date(starts.getTime() + 8 * 3_600_000).toISOString(),
      status: 'published',
      created_by: organiser
    })
    .select('id, slug')
    .single();
  if (error) throw error;
  return data;
}

/** A page in a fresh context, with JavaScript on or off. */
async function freshPage(browser: Browser, js: boolean) {
  if (!js) return newPageWithoutJavaScript(browser);
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

// One signed-in page per person for a whole journey: a second sign-in email to the same
// address within a minute is refused by the auth service's rate limit.
const pages = new Map<string, { page: Page; close: () => Promise<void> }>();

/** Runs `use` in `who`'s signed-in page (JavaScript on or off), signing in the first time. */
async function as(
  browser: Browser,
  js: boolean,
  who: { email: string },
  use: (page: Page) => Promise<void>
) {
  let open = pages.get(who.email);
  if (!open) {
    const { context, page } = await freshPage(browser, js);
    open = { page, close: () => context.close() };
    pages.set(who.email, open);
    await signIn(page, who.email);
  }
  await use(open.page);
}

// Four people sign in and every page is checked with axe: longer than one page's journey.
test.describe.configure({ timeout: 240_000 });

test.afterEach(async () => {
  for (const open of pages.values()) await open.close();
  pages.clear();
});

async function reflows(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function campJourney(browser: Browser, js: boolean) {
  const label = js ? 'js' : 'nojs';
  const [organiser, pitcher, fan, maker] = await Promise.all([
    person(`organiser-${label}`, `Olu Organiser ${label}`),
    person(`pitcher-${label}`, `Pia Pitcher ${label}`),
    person(`fan-${label}`, `Fay Fan ${label}`),
    person(`maker-${label}`, `Max Maker ${label}`)
  ]);
  const camp = await event('camp', organiser.id, label);
  const going = await admin
    .from('registrations')
    .insert({ event_id: camp.id, user_id: fan.id, status: 'going' });
  if (going.error) throw going.error;
  const pitch = `Forms that work (${label})`;

  await as(browser, js, pitcher, async (page) => {
    await visit(page, `/events/${camp.slug}/board`);
    await expect(page.getByRole('heading', { level: 1, name: 'Pitching board' })).toBeVisible();
    await page.getByRole('button', { name: 'Pitch it' }).click();
    await expect(
      page
        .locator('.govuk-error-summary')
        .getByRole('link', { name: 'Enter what your session is about' })
    ).toHaveAttribute('href', '#title');
    await expectAccessible(page);
    await page.getByLabel('What is your session about?').fill(pitch);
    await page.getByRole('button', { name: 'Pitch it' }).click();
    await expect(page.getByText(`Your pitch “${pitch}” is on the board`)).toBeVisible();
    await expectAccessible(page);
    await reflows(page);
  });

  await as(browser, js, fan, async (page) => {
    await visit(page, `/events/${camp.slug}/board`);
    await page.getByRole('button', { name: `I’d go to “${pitch}”` }).click();
    await expect(page.getByText('You said you’d go.')).toBeVisible();
    await expect(page.getByRole('button', { name: `I’d go (undo) to “${pitch}”` })).toBeVisible();
    await expectAccessible(page);
  });

  await as(browser, js, organiser, async (page) => {
    await visit(page, `/events/${camp.slug}/board`);
    await page
      .getByLabel('Pitch', { exact: true })
      .selectOption({ label: `${pitch} (1 would go)` });
    await page.getByLabel('Room').fill('Room 2');
    await page.getByLabel('Starts (UK time)').fill('10:00');
    await page.getByLabel('Ends (UK time)').fill('10:50');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Put it in the grid' }).click();
    await expect(page.getByText('The pitch is in the grid')).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Room 2' })).toBeVisible();
    await expect(page.getByRole('link', { name: pitch })).toBeVisible();
    await expect(page.getByText('1 person said they’d go')).toBeVisible();
    await expectAccessible(page);
    // At phone widths the grid is a list by time block: nothing scrolls sideways.
    await reflows(page);
  });

  await as(browser, js, fan, async (page) => {
    await visit(page, `/events/${camp.slug}/programme`);
    await page.getByRole('link', { name: pitch }).click();
    await expect(page.getByRole('heading', { level: 1, name: pitch })).toBeVisible();
    await page.getByLabel('Notes', { exact: true }).fill('We compared **three** form builders.');
    await page.getByLabel('What next', { exact: true }).fill('publish a shared form pattern');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect(page.getByText('The notes have been saved')).toBeVisible();
    await expect(page.locator('.app-markdown strong')).toHaveText('three');
    await expectAccessible(page);
    await reflows(page);
  });

  await as(browser, js, maker, async (page) => {
    await visit(page, `/events/${camp.slug}/programme`);
    await page.getByRole('link', { name: pitch }).click();
    await expect(page.getByLabel('I will …')).toHaveValue('publish a shared form pattern');
    await page.getByLabel('so that … (optional)').fill('councils stop rebuilding the same form');
    await page.getByRole('button', { name: 'Make this a commitment' }).click();
    await expect(page.getByText('Your commitment has been made')).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: 'I will publish a shared form pattern' })
    ).toBeVisible();
    // The people who said they'd go (and the presenter) watch it; it links back.
    await expect(page.getByText(fan.name)).toBeVisible();
    await expect(page.getByText(pitcher.name)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: pitch }).click();
    await expect(page.getByText('This became a commitment:')).toBeVisible();
    await expectAccessible(page);
  });
}

async function offerJourney(browser: Browser, js: boolean) {
  const label = js ? 'js' : 'nojs';
  const [organiser, presenter] = await Promise.all([
    person(`st-organiser-${label}`, `Sol Organiser ${label}`),
    person(`st-presenter-${label}`, `Pat Presenter ${label}`)
  ]);
  const show = await event('show_and_tell', organiser.id, label);
  const what = `Our missed bin form (${label})`;

  await as(browser, js, presenter, async (page) => {
    await visit(page, `/events/${show.slug}/programme`);
    await page.getByLabel('What would you like to show?').fill(what);
    await page.getByRole('button', { name: 'Offer to show it' }).click();
    await expect(page.getByText('The organisers will let you know')).toBeVisible();
    await expect(page.getByText('Waiting for the organisers')).toBeVisible();
    await expectAccessible(page);
  });

  await as(browser, js, organiser, async (page) => {
    await visit(page, `/events/${show.slug}/programme`);
    await page
      .getByLabel('Offer', { exact: true })
      .selectOption({ label: `${what}, from ${presenter.name}` });
    await page.getByLabel('New slot starts (UK time)').fill('12:30');
    await page.getByLabel('New slot ends (UK time)').fill('12:45');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Accept and tell the presenter' }).click();
    await expect(page.getByText('its presenter has been told by email')).toBeVisible();
    await expect(page.getByText(`Presented by ${presenter.name}`)).toBeVisible();
    await expectAccessible(page);
    await reflows(page);
  });

  const { data: mail } = await admin
    .from('email_outbox')
    .select('payload')
    .eq('recipient_id', presenter.id)
    .eq('kind', 'offer_accepted');
  expect(mail).toHaveLength(1);
  expect(mail![0]!.payload).toMatchObject({ event_slug: show.slug, session_title: what });
}

// An organiser adds an open slot, changes it, and accepts a member's offer into it.
async function slotJourney(browser: Browser, js: boolean) {
  const label = js ? 'slot-js' : 'slot-nojs';
  const [organiser, presenter] = await Promise.all([
    person(`so-organiser-${label}`, `Sam Organiser ${label}`),
    person(`so-presenter-${label}`, `Pip Presenter ${label}`)
  ]);
  const show = await event('show_and_tell', organiser.id, label);
  const what = `Our council tax chatbot (${label})`;

  await as(browser, js, presenter, async (page) => {
    await visit(page, `/events/${show.slug}/programme`);
    await page.getByLabel('What would you like to show?').fill(what);
    await page.getByRole('button', { name: 'Offer to show it' }).click();
    await expect(page.getByText('The organisers will let you know')).toBeVisible();
  });

  await as(browser, js, organiser, async (page) => {
    await visit(page, `/events/${show.slug}/programme`);
    await page.getByRole('link', { name: 'Add an open slot' }).click();
    await expectAccessible(page);
    await page.getByLabel('Starts (UK time)').fill('14:00');
    await page.getByLabel('Ends (UK time)').fill('13:00');
    await page.getByRole('button', { name: 'Add the slot' }).click();
    await expect(
      page.getByRole('link', { name: 'The end time must be after the start time' })
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Ends (UK time)').fill('14:15');
    await page.getByRole('button', { name: 'Add the slot' }).click();
    await expect(page.getByText('The open slot has been added')).toBeVisible();

    await page.getByRole('link', { name: 'Open slot', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Open slot' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Title', { exact: true }).fill('Lightning demos');
    await page.getByLabel('Room (optional)').fill('Council chamber');
    await page.getByLabel('Starts (UK time)').fill('14:10');
    await page.getByLabel('Ends (UK time)').fill('14:25');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('The session has been changed')).toBeVisible();
    await expect(page.getByText('2:10pm to 2:25pm (UK time)')).toBeVisible();
    await expect(page.getByText('Council chamber')).toBeVisible();
    await expectAccessible(page);
    await reflows(page);

    await visit(page, `/events/${show.slug}/programme`);
    await page
      .getByLabel('Offer', { exact: true })
      .selectOption({ label: `${what}, from ${presenter.name}` });
    await page
      .getByLabel('Slot', { exact: true })
      .selectOption({ label: '2:10pm to 2:25pm: Lightning demos' });
    await page.getByRole('button', { name: 'Accept and tell the presenter' }).click();
    await expect(page.getByText('its presenter has been told by email')).toBeVisible();
    await expect(page.getByText(`Presented by ${presenter.name}`)).toBeVisible();
    await expect(page.getByRole('link', { name: what })).toBeVisible();
    await expectAccessible(page);
  });
}

test('an organiser adds an open slot, changes it, and accepts an offer into it', async ({
  browser
}) => {
  await slotJourney(browser, true);
});

test('the same open slot journey works with JavaScript off', async ({ browser }) => {
  await slotJourney(browser, false);
});

test('a camp pitch gets interest, a place in the grid, notes, and becomes a watched commitment', async ({
  browser
}) => {
  await campJourney(browser, true);
});

test('the same camp journey works with JavaScript off', async ({ browser }) => {
  await campJourney(browser, false);
});

test('an offer to show is accepted into a slot and its presenter is told', async ({ browser }) => {
  await offerJourney(browser, true);
});

test('the same offer to show works with JavaScript off', async ({ browser }) => {
  await offerJourney(browser, false);
});

test('the demo network’s board, grid, slots and a session page pass axe, with JavaScript on and off', async ({
  browser
}) => {
  const { data: session } = await admin
    .from('event_sessions')
    .select('id, events!inner(slug)')
    .eq('events.slug', 'localgovcamp-spring')
    .eq('title', 'Shared content for bins')
    .single();
  const paths = [
    '/events/localgovcamp-north/board',
    '/events/localgovcamp-spring/programme',
    '/events/show-and-tell-data-and-democracy/programme',
    `/events/localgovcamp-spring/sessions/${session!.id}`
  ];
  for (const js of [true, false]) {
    const { context, page } = await freshPage(browser, js);
    try {
      for (const path of paths) {
        await visit(page, path);
        await expectAccessible(page);
        await reflows(page);
      }
    } finally {
      await context.close();
    }
  }
});
