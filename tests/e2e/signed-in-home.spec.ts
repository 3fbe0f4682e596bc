import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { expectAccessible, signIn, uniqueEmail, visit, withoutJavaScript } from './helpers.ts';
import { API_URL } from './ports.ts';

// A member with an overdue commitment signs in, sees it first on the home page, checks in
// from there, and it leaves the "needs you" list. Every page is checked with axe.

const options = { auth: { persistSession: false, autoRefreshToken: false } };

/** A new account with one overdue commitment and one not yet due; returns the titles. */
async function memberWithOverdueCommitment(label: string) {
  const email = uniqueEmail(`home-${label}`);
  const admin = createClient<Database>(API_URL, DEFAULT_SERVICE_ROLE_KEY, options);
  const { data, error } = await admin.auth.admin.createUser({ email, email_confirm: true });
  if (error) throw error;
  const overdue = `Publish the bins guide (${label})`;
  const later = `Write the parking plan (${label})`;
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const made = await admin.from('commitments').insert([
    {
      owner_id: data.user.id,
      title: overdue,
      next_check_in_on: threeDaysAgo,
      due_on: '2031-01-31'
    },
    { owner_id: data.user.id, title: later, next_check_in_on: '2030-01-01', due_on: '2030-06-30' }
  ]);
  if (made.error) throw made.error;
  return { email, overdue, later };
}

const needsYou = (page: Page) =>
  page.getByRole('list', { name: 'Your commitments to check in on' }).getByRole('listitem');

async function checkInFromHome(page: Page, label: string) {
  const { email, overdue, later } = await memberWithOverdueCommitment(label);
  await signIn(page, email);
  await visit(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: /What needs you/ })).toBeVisible();
  await expect(needsYou(page)).toHaveCount(1);
  await expect(needsYou(page).first()).toContainText(overdue);
  await expect(needsYou(page).first()).toContainText(/Overdue \(\d days\)/);
  await expect(page.getByRole('link', { name: later })).toBeVisible();

  await needsYou(page)
    .getByRole('link', { name: `Check in on ${overdue}` })
    .click();
  await expect(page).toHaveURL(/#check-in-heading$/);
  await expectAccessible(page);
  await page
    .getByRole('textbox', { name: 'Note' })
    .fill('Drafted the guide; sharing it next week.');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Your check-in has been saved')).toBeVisible();

  await visit(page, '/');
  await expect(needsYou(page)).toHaveCount(0);
  await expect(page.getByText('Nothing is due for a check-in in the next 7 days.')).toBeVisible();
  // Still open: it is listed with the rest, by due date.
  const open = page.getByRole('list', { name: 'Your other open commitments' });
  await expect(open.getByRole('listitem')).toHaveText([
    new RegExp(later.replace(/[()]/g, '\\$&')),
    new RegExp(overdue.replace(/[()]/g, '\\$&'))
  ]);
}

test('a member checks in on an overdue commitment from the home page, and it leaves the list', async ({
  page
}) => {
  await checkInFromHome(page, 'js');
  // The current section is marked in the navigation.
  await expect(
    page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Home' })
  ).toHaveAttribute('aria-current', 'page');
  // Reflows at 320 px: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('the same check-in from the home page works with JavaScript off', async ({ browser }) => {
  await withoutJavaScript(browser, (page) => checkInFromHome(page, 'nojs'));
});
