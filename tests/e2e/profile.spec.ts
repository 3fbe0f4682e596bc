import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, uniqueEmail } from './helpers.ts';

test('saving a profile that changed in another tab shows a conflict and keeps what was typed', async ({
  context
}) => {
  const first = await context.newPage();
  await signIn(first, uniqueEmail('conflict'));
  await first.goto('/me/profile');

  const second = await context.newPage();
  await second.goto('/me/profile');

  await first.getByLabel('Your name').fill('Saved in the first tab');
  await first.getByRole('button', { name: 'Save your profile' }).click();
  await expect(first.getByText('Your profile has been saved')).toBeVisible();

  await second.getByLabel('Your name').fill('Typed in the second tab');
  await second.getByLabel('Job title (optional)').fill('Service designer');
  await second.getByRole('button', { name: 'Save your profile' }).click();
  await expect(second.locator('.govuk-error-summary')).toContainText(
    'Your profile was changed somewhere else'
  );
  await expect(second.getByLabel('Your name')).toHaveValue('Typed in the second tab');
  await expect(second.getByLabel('Job title (optional)')).toHaveValue('Service designer');
  await expectAccessible(second);

  // Saving again, having seen the message, works.
  await second.getByRole('button', { name: 'Save your profile' }).click();
  await expect(second.getByText('Your profile has been saved')).toBeVisible();
  await second.reload();
  await expect(second.getByLabel('Your name')).toHaveValue('Typed in the second tab');
});

test('a handle someone else has is refused on the handle field', async ({ browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const handle = `taken-${Date.now().toString(36)}`;
  await signIn(otherPage, uniqueEmail('owner'));
  await otherPage.goto('/me/profile');
  await otherPage.getByLabel('Handle').fill(handle);
  await otherPage.getByRole('button', { name: 'Save your profile' }).click();
  await expect(otherPage.getByText('Your profile has been saved')).toBeVisible();
  await other.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, uniqueEmail('wants'));
  await page.goto('/me/profile');
  await page.getByLabel('Handle').fill(handle);
  await page.getByRole('button', { name: 'Save your profile' }).click();
  await expect(
    page.locator('.govuk-error-summary').getByRole('link', { name: 'That handle is taken' })
  ).toHaveAttribute('href', '#handle');
  await expect(page.getByLabel('Handle')).toHaveValue(handle);
  await context.close();
});

test('a member chooses how often the digest email comes in their email settings, linked from their profile', async ({
  page
}) => {
  await signIn(page, uniqueEmail('digest'));
  await page.goto('/me/profile');
  const question = page.getByRole('group', { name: 'How often do you want the digest email?' });
  // One place for email settings: the profile form no longer asks.
  await expect(question).toHaveCount(0);
  await page.getByRole('link', { name: 'email settings' }).click();
  await expect(page).toHaveURL(/\/me\/settings$/);
  await expect(question.getByLabel('Weekly')).toBeChecked();
  await question.getByLabel('Never').check();
  await page.getByRole('button', { name: 'Save email settings' }).click();
  await expect(page.getByText('Your email settings have been saved')).toBeVisible();
  await page.goto('/me/settings');
  await expect(question.getByLabel('Never')).toBeChecked();
  await expectAccessible(page);

  // Saving the profile afterwards leaves the digest choice alone.
  await page.goto('/me/profile');
  await page.getByLabel('Job title (optional)').fill('Content designer');
  await page.getByRole('button', { name: 'Save your profile' }).click();
  await expect(page.getByText('Your profile has been saved')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/me/settings');
  await expect(question.getByLabel('Never')).toBeChecked();
});
