import { readFile } from 'node:fs/promises';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import { addDaysTo, formatDate, todayInLondon } from '../../src/lib/dates.ts';
import { expectAccessible, signIn, uniqueEmail, visit, withoutJavaScript } from './helpers.ts';
import { API_URL } from './ports.ts';

// A steering member views /steering, downloads the CSV and previews the weekly digest, with
// JavaScript on and off; a member outside the steering group is turned away politely.
// Every page is checked with axe.

const admin = () =>
  createClient(API_URL, DEFAULT_SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false }
  });

/** A new account, optionally given the steering role, ready to sign in by email. */
async function newAccount(label: string, steering: boolean): Promise<string> {
  const email = uniqueEmail(`steer-${label}`);
  const { data, error } = await admin().auth.admin.createUser({ email, email_confirm: true });
  if (error) throw error;
  if (steering) {
    const granted = await admin()
      .from('network_roles')
      .insert({ user_id: data.user.id, role: 'steering' });
    if (granted.error) throw granted.error;
  }
  return email;
}

async function steeringJourney(page: Page, label: string): Promise<void> {
  await signIn(page, await newAccount(label, true));

  await visit(page, '/steering');
  await expect(
    page.getByRole('heading', { level: 1, name: 'How commitments are moving' })
  ).toBeVisible();
  await expect(page.getByRole('table', { name: /Commitments in each workstream/ })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Bar chart of commitments made and done/ })
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: /The chart’s numbers/ }).locator('tbody tr')
  ).toHaveCount(12);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the tables as a spreadsheet (CSV)' }).click()
  ]);
  expect(download.suggestedFilename()).toMatch(/^steering-commitments-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').startsWith('Workstream,Workstream status,Planned,')).toBe(true);
  expect(csv).toContain('\r\nAll workstreams,');
  expect(csv).toContain('\r\nOverdue commitment,Status,Staleness,Owner,');

  await page.getByRole('link', { name: 'Preview this week’s digest' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Weekly digest preview' })
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByText('The same digest as a plain-text email').click();
  await expect(page.locator('#digest-text')).toBeVisible();
  await expect(page.locator('#digest-text')).toContainText('what moved from');
  await expectAccessible(page);

  // A start date in the future: the error summary links to the field, which keeps it.
  await page.getByLabel('Show what moved since').fill('2099-01-01');
  await page.getByRole('button', { name: 'Show the digest' }).click();
  await expect(
    page.locator('.govuk-error-summary').getByRole('link', { name: /today or in the past/ })
  ).toHaveAttribute('href', '#since');
  await expect(page.getByLabel('Show what moved since')).toHaveValue('2099-01-01');
  await expectAccessible(page);

  // A real start date shows the digest from then.
  const since = addDaysTo(todayInLondon(), -60);
  await page.getByLabel('Show what moved since').fill(since);
  await page.getByRole('button', { name: 'Show the digest' }).click();
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: `From ${formatDate(since)} to ${formatDate(todayInLondon())}`
    })
  ).toBeVisible();
  await expectAccessible(page);
}

test.describe('a steering member views /steering, downloads the CSV and previews the digest', () => {
  test.setTimeout(120_000);

  test('with JavaScript on', async ({ page }) => {
    await steeringJourney(page, 'js');
  });

  test('with JavaScript off', async ({ browser }) => {
    await withoutJavaScript(browser, (page) => steeringJourney(page, 'nojs'));
  });
});

test('a member outside the steering group is told who can see /steering', async ({ page }) => {
  await signIn(page, await newAccount('plain', false));
  const response = await page.goto('/steering');
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Only the steering group can see this page' })
  ).toBeVisible();
  await expectAccessible(page);
});

test('a visitor is asked to sign in first', async ({ page }) => {
  await page.goto('/steering/digest');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsteering%2Fdigest$/);
});
