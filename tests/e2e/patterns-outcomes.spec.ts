import { createClient } from '@supabase/supabase-js';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import { expectAccessible, signIn, uniqueEmail, visit, withoutJavaScript } from './helpers.ts';
import { API_URL } from './ports.ts';

// A member proposes a pattern and a lead of its workstream moves it to beta; a steering
// member merges two outcome tags. With JavaScript on and off, axe on every page, and the
// pattern and outcome pages reflow at 320 px.

const admin = () =>
  createClient(API_URL, DEFAULT_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false }
  });

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function newAccount(label: string, opts: { steering?: boolean } = {}) {
  const email = uniqueEmail(`pat-${label}`);
  const { data, error } = await admin().auth.admin.createUser({ email, email_confirm: true });
  if (error) throw error;
  if (opts.steering) {
    const granted = await admin()
      .from('network_roles')
      .insert({ user_id: data.user.id, role: 'steering' });
    if (granted.error) throw granted.error;
  }
  return { email, id: data.user.id };
}

/** An active workstream led by `leadId`, with `memberId` in it. */
async function workstreamWith(leadId: string, memberId: string) {
  const slug = `e2e-patterns-${suffix()}`;
  const title = `Forms that explain themselves ${slug.slice(-6)}`;
  const made = await admin()
    .from('workstreams')
    .insert({ slug, title, purpose: 'For the patterns journey.', created_by: leadId })
    .select('id, version')
    .single();
  if (made.error) throw made.error;
  const active = await admin()
    .from('workstreams')
    .update({ status: 'active', version: made.data.version })
    .eq('id', made.data.id);
  if (active.error) throw active.error;
  const joined = await admin()
    .from('workstream_members')
    .insert({ workstream_id: made.data.id, user_id: memberId });
  if (joined.error) throw joined.error;
  return title;
}

async function expectReflows(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function proposeAPattern(page: Page, workstream: string, title: string): Promise<string> {
  await visit(page, '/patterns');
  await page.getByRole('link', { name: 'Propose a pattern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Propose a pattern' })).toBeVisible();
  await expectAccessible(page);

  // Leaving out the name brings the error summary, keeping what was typed.
  await page.getByLabel('Summary').fill('Say what happens next after people apply.');
  await page.getByLabel('The problem').fill('People call to ask what happens next.');
  await page.getByRole('button', { name: 'Publish this pattern' }).click();
  await expect(
    page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the pattern’s name' })
  ).toHaveAttribute('href', '#title');
  await expect(page.getByLabel('The problem')).toHaveValue('People call to ask what happens next.');
  await expectAccessible(page);

  await page.getByLabel('Name of the pattern').fill(title);
  await page.getByLabel('How it works (optional)').fill('1. Show the steps.\n2. Say how long.');
  await page.getByLabel('Workstream (optional)').selectOption({ label: workstream });
  await page.getByRole('button', { name: 'Publish this pattern' }).click();
  await expect(page.getByText('Your pattern has been published as experimental')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('.govuk-tag', { hasText: 'Experimental' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Review this pattern' })).toHaveCount(0);
  await expectAccessible(page);
  await expectReflows(page);
  return new URL(page.url()).pathname;
}

async function moveToBeta(page: Page, path: string): Promise<void> {
  await visit(page, path);
  await expect(page.getByRole('heading', { name: 'Review this pattern' })).toBeVisible();
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(
    page.locator('.govuk-error-summary').getByRole('link', { name: /Say why/ })
  ).toHaveAttribute('href', '#note');
  await expectAccessible(page);

  await page.getByLabel('Beta').check();
  await page.getByLabel('Why').fill('Two councils are testing it with residents.');
  await page.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByText('Review saved: the pattern is now Beta')).toBeVisible();
  await expect(page.getByText('Experimental to Beta')).toBeVisible();
  await expect(page.getByText('Two councils are testing it with residents.')).toBeVisible();
  await expectAccessible(page);
}

async function patternJourney(browser: Browser, javaScript: boolean, label: string) {
  const [author, lead] = await Promise.all([
    newAccount(`author-${label}`),
    newAccount(`lead-${label}`)
  ]);
  const workstream = await workstreamWith(lead.id, author.id);
  const title = `Show what happens next ${label} ${suffix()}`;
  const as = async (email: string, use: (page: Page) => Promise<void>) => {
    if (!javaScript)
      return withoutJavaScript(browser, async (page) => {
        await signIn(page, email);
        await use(page);
      });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signIn(page, email);
      await use(page);
    } finally {
      await context.close();
    }
  };
  let path = '';
  await as(author.email, async (page) => {
    path = await proposeAPattern(page, workstream, title);
  });
  await as(lead.email, (page) => moveToBeta(page, path));
}

async function mergeJourney(browser: Browser, javaScript: boolean, label: string) {
  const steering = await newAccount(`steering-${label}`, { steering: true });
  const tags = await admin()
    .from('outcomes')
    .insert([
      { slug: `e2e-away-${suffix()}`, title: `Channel shift ${label} ${suffix()}` },
      { slug: `e2e-kept-${suffix()}`, title: `Done online first time ${label} ${suffix()}` }
    ])
    .select('slug, title');
  if (tags.error) throw tags.error;
  const [away, kept] = tags.data;
  const run = async (page: Page) => {
    await signIn(page, steering.email);
    await visit(page, '/outcomes');
    await expect(page.getByRole('heading', { name: 'Merge two tags' })).toBeVisible();
    await expectAccessible(page);
    await expectReflows(page);

    await page.getByLabel('Merge this tag away').selectOption({ label: away!.title });
    await page.getByRole('button', { name: 'Merge these tags' }).click();
    await expect(
      page.locator('.govuk-error-summary').getByRole('link', { name: 'Select the tag to keep' })
    ).toHaveAttribute('href', '#into_id');
    await expectAccessible(page);

    await page.getByLabel('Merge this tag away').selectOption({ label: away!.title });
    await page.getByLabel('Into this tag, which is kept').selectOption({ label: kept!.title });
    await page.getByRole('button', { name: 'Merge these tags' }).click();
    await expect(page.getByRole('heading', { level: 1, name: kept!.title })).toBeVisible();
    await expect(page.getByText('The tags have been merged')).toBeVisible();
    await expectAccessible(page);
    await expectReflows(page);

    // The old address goes to the kept tag; the merged one is gone from the list.
    await page.goto(`/outcomes/${away!.slug}`);
    await expect(page).toHaveURL(new RegExp(`/outcomes/${kept!.slug}$`));
    await visit(page, '/outcomes');
    await expect(page.getByRole('link', { name: away!.title })).toHaveCount(0);
  };
  if (!javaScript) return withoutJavaScript(browser, run);
  const context = await browser.newContext();
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test.describe('a member proposes a pattern and a lead moves it to beta', () => {
  test.setTimeout(180_000);

  test('with JavaScript on', async ({ browser }) => {
    await patternJourney(browser, true, 'js');
  });

  test('with JavaScript off', async ({ browser }) => {
    await patternJourney(browser, false, 'nojs');
  });
});

test.describe('a steering member merges two outcome tags', () => {
  test.setTimeout(120_000);

  test('with JavaScript on', async ({ browser }) => {
    await mergeJourney(browser, true, 'js');
  });

  test('with JavaScript off', async ({ browser }) => {
    await mergeJourney(browser, false, 'nojs');
  });
});

test('a visitor sees an outcome’s matchmaking suggestion and the organisations taking part', async ({
  page
}) => {
  await visit(page, '/outcomes/evidence-and-data-driven');
  await expect(page.getByRole('heading', { name: /are all working on this$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Organisations taking part/ })).toBeVisible();
  await expectAccessible(page);
  await expectReflows(page);
  await visit(page, '/patterns/find-your-bin-day');
  await expect(page.getByText('This pattern is due for review')).toBeVisible();
  await expectAccessible(page);
});
