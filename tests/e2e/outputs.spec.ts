import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { expectAccessible, signIn, uniqueEmail, visit, withoutJavaScript } from './helpers.ts';
import { API_URL } from './ports.ts';

// Sharing outputs, with JavaScript on and off: a member publishes one with Markdown and a
// contributor (previewing it first); a member of another council says they used one and
// the count goes up; a newcomer finds an output from its outcome's page. Every page is
// checked with axe, and the form and the output page reflow at 320 px.

const options = { auth: { persistSession: false, autoRefreshToken: false } };
const admin = () => createClient<Database>(API_URL, DEFAULT_SERVICE_ROLE_KEY, options);

async function expectReflows(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function publishAnOutput(page: Page, label: string) {
  await signIn(page, uniqueEmail(`outputs-${label}`));
  await visit(page, '/outputs');
  await page.getByRole('link', { name: 'Share an output' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share an output' })).toBeVisible();
  await expectAccessible(page);
  await expectReflows(page);

  const title = `Missed bin content pattern library (${label})`;
  // Without a title: the error summary, keeping what was typed.
  await page.getByLabel('Summary').fill('Tested content for reporting a missed bin.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter a title' })
  ).toHaveAttribute('href', '#title');
  await expect(page.getByLabel('Summary')).toHaveValue(
    'Tested content for reporting a missed bin.'
  );
  await expectAccessible(page);

  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Guide').check();
  await page
    .getByLabel('Description (optional)')
    .fill('## What residents search for\n\n- missed bin\n- **not** "missed collection"');
  await page.getByLabel('Contributor 1: handle').fill('aisha-khan');
  await page.getByLabel('Contributor 1: credit').fill('research');
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview of the description' });
  await expect(preview.getByRole('heading', { name: 'What residents search for' })).toBeVisible();
  await expect(preview.locator('strong', { hasText: 'not' })).toBeVisible();
  // Everything typed is still there.
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByLabel('Contributor 1: handle')).toHaveValue('aisha-khan');
  await expectAccessible(page);

  await page.getByLabel('Published').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your output has been published')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What residents search for' })).toBeVisible();
  await expect(page.getByText(/Aisha Khan.*\(research\)/)).toBeVisible();
  await expectAccessible(page);
  await expectReflows(page);

  await visit(page, '/outputs?kind=guide');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
}

/** A published output already used by one council, and a member of another council. */
async function outputUsedByOneCouncil(label: string) {
  const db = admin();
  const slug = `e2e-reuse-${label}-${Date.now().toString(36)}`;
  const made = await db
    .from('outputs')
    .insert({
      slug,
      title: `Council tax reminder letters (${label})`,
      summary: 'Letters that get paid first time.',
      kind: 'template',
      status: 'published'
    })
    .select('id')
    .single();
  if (made.error) throw made.error;
  const orgs = await db
    .from('organisations')
    .select('id, slug, name')
    .in('slug', ['leeds-city-council', label === 'js' ? 'camden-council' : 'bristol-city-council']);
  if (orgs.error) throw orgs.error;
  const leeds = orgs.data.find((o) => o.slug === 'leeds-city-council')!;
  const other = orgs.data.find((o) => o.slug !== 'leeds-city-council')!;
  const used = await db
    .from('output_reuses')
    .insert({ output_id: made.data.id, organisation_id: leeds.id, phase: 'live' });
  if (used.error) throw used.error;
  const email = uniqueEmail(`reuse-${label}`);
  const user = await db.auth.admin.createUser({ email, email_confirm: true });
  if (user.error) throw user.error;
  const profile = await db
    .from('profiles')
    .update({ organisation_id: other.id })
    .eq('id', user.data.user.id);
  if (profile.error) throw profile.error;
  return { slug, email, organisation: other.name };
}

async function recordAReuse(page: Page, label: string) {
  const { slug, email, organisation } = await outputUsedByOneCouncil(label);
  await signIn(page, email);
  await visit(page, `/outputs/${slug}`);
  await expect(page.getByText('Used by 1 organisation.')).toBeVisible();
  await page.getByLabel('Alpha').check();
  await page.getByLabel('Note (optional)').fill('Adapting the wording for our residents.');
  await page.getByRole('button', { name: 'We’ve used this' }).click();
  await expect(
    page.getByText('Your organisation’s use of this output has been recorded')
  ).toBeVisible();
  await expect(page.getByText('Used by 2 organisations.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Organisations that used this output' });
  await expect(table.getByRole('row', { name: new RegExp(organisation) })).toContainText('Alpha');
  // Their record can be brought up to date, not doubled.
  await expect(page.getByRole('button', { name: 'Update our use' })).toBeVisible();
  await expectAccessible(page);
}

async function findThroughOutcome(page: Page) {
  await visit(page, '/outcomes/open-by-default');
  await expect(page.getByRole('heading', { name: /^Outputs/ })).toBeVisible();
  await page.getByRole('link', { name: 'Essex content style guide' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Essex content style guide' })
  ).toBeVisible();
  await expect(page.getByText(/Used by \d+ organisations/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' }).last()).toBeVisible();
  await expectAccessible(page);
}

test.describe('a member publishes an output with Markdown and a contributor', () => {
  test.setTimeout(120_000);

  test('with JavaScript on', async ({ page }) => {
    await publishAnOutput(page, 'js');
  });

  test('with JavaScript off', async ({ browser }) => {
    await withoutJavaScript(browser, (page) => publishAnOutput(page, 'nojs'));
  });
});

test.describe('a member of another council records a reuse and the count changes', () => {
  test.setTimeout(120_000);

  test('with JavaScript on', async ({ page }) => {
    await recordAReuse(page, 'js');
  });

  test('with JavaScript off', async ({ browser }) => {
    await withoutJavaScript(browser, (page) => recordAReuse(page, 'nojs'));
  });
});

test.describe('a newcomer finds an output through its outcome page', () => {
  test('with JavaScript on', async ({ page }) => {
    await findThroughOutcome(page);
  });

  test('with JavaScript off', async ({ browser }) => {
    await withoutJavaScript(browser, (page) => findThroughOutcome(page));
  });
});

test('an archived output still answers, saying so, and a renamed one redirects', async ({
  page
}) => {
  await visit(page, '/outputs/old-letter-template');
  await expect(page.getByText('This output has been archived by its contributors.')).toBeVisible();
  await page.goto('/outputs/homepage-accessibility-audit');
  await expect(page).toHaveURL(/\/outputs\/accessibility-audit-of-five-council-homepages$/);
  await expectAccessible(page);
});
