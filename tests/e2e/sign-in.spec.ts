import { expect, test } from '@playwright/test';
import {
  expectAccessible,
  expectSignedIn,
  newPageWithoutJavaScript,
  requestSignIn,
  signInCode,
  signInLink,
  uniqueEmail,
  visit
} from './helpers.ts';

test('a newcomer signs in through the emailed link, names themselves and signs out', async ({
  page
}) => {
  const email = uniqueEmail('link');

  await visit(page, '/sign-in');
  await requestSignIn(page, email);
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);

  await page.goto(await signInLink(email));
  await expect(page).toHaveURL(/\/$/);
  await expectSignedIn(page);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Your profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expectAccessible(page);
  // The profile row was made by the database when the account was created.
  await expect(page.getByLabel('Your name')).toHaveValue(/^e2e-link-/);

  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Region (optional)').selectOption('Wales');
  await page.getByRole('button', { name: 'Save your profile' }).click();
  await expect(page.getByText('Your profile has been saved')).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Region (optional)')).toHaveValue('Wales');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('You have signed out')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' })
  ).toBeVisible();
  await expectAccessible(page);

  // Signed out for real: the profile page now asks to sign in.
  await page.goto('/me/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fme%2Fprofile$/);
});

test('a member signs in by typing the 6-digit code and returns to where they were going', async ({
  page
}) => {
  const email = uniqueEmail('code');

  await page.goto('/me/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fme%2Fprofile$/);
  await expectAccessible(page);
  await requestSignIn(page, email);

  await page.getByLabel('6-digit code').fill(await signInCode(email));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/me\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expectSignedIn(page);
});

test('a wrong code is refused with an error that links to the code field', async ({ page }) => {
  const email = uniqueEmail('wrong');
  await page.goto('/sign-in');
  await requestSignIn(page, email);
  const code = await signInCode(email);
  const wrong = code === '000000' ? '111111' : '000000';

  await page.getByLabel('6-digit code').fill(wrong);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /code is wrong or has expired/ })).toHaveAttribute(
    'href',
    '#code'
  );
  await expect(page.getByLabel('6-digit code')).toHaveValue(wrong);
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
});

test('a badly typed email address shows the error summary, linked to the field, with the input kept', async ({
  page
}) => {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();

  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: 'Enter an email address in the correct format' });
  await expect(link).toHaveAttribute('href', '#email');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await expectAccessible(page);

  await link.click();
  await expect(page.getByLabel('Email address')).toBeFocused();
});

test('asking for another email too soon says when to try again', async ({ page }) => {
  const email = uniqueEmail('again');
  await page.goto('/sign-in');
  await requestSignIn(page, email);

  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('You have asked for too many sign-in emails');
  await expect(summary).toContainText(/Try again in \d+ seconds/);
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  await expectAccessible(page);
});

test('a used sign-in link explains what happened and how to get a new one', async ({ page }) => {
  const email = uniqueEmail('used');
  await page.goto('/sign-in');
  await requestSignIn(page, email);
  const link = await signInLink(email);

  await page.goto(link);
  await expectSignedIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out')).toBeVisible();

  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: /link has expired or has already been used/ })
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ask for a new sign-in email' })).toBeVisible();
  await expectAccessible(page);
});

test.describe('with JavaScript off', () => {
  test('sign-in, the error summary and sign-out work the same', async ({ browser }) => {
    const { context, page } = await newPageWithoutJavaScript(browser);
    const email = uniqueEmail('nojs');

    await visit(page, '/sign-in');
    await page.getByLabel('Email address').fill('nope@');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await expect(
      page.locator('.govuk-error-summary').getByRole('link', { name: /correct format/ })
    ).toHaveAttribute('href', '#email');
    await expect(page.getByLabel('Email address')).toHaveValue('nope@');
    await expectAccessible(page);

    await requestSignIn(page, email);
    await page.getByLabel('6-digit code').fill(await signInCode(email));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectSignedIn(page);

    await page.goto('/me/profile');
    await page.getByLabel('Your name').fill('');
    await page.getByRole('button', { name: 'Save your profile' }).click();
    await expect(
      page.locator('.govuk-error-summary').getByRole('link', { name: /Enter your name/ })
    ).toHaveAttribute('href', '#display_name');
    await expectAccessible(page);

    await page.getByLabel('Your name').fill('Grace Hopper');
    await page.getByRole('button', { name: 'Save your profile' }).click();
    await expect(page.getByText('Your profile has been saved')).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue('Grace Hopper');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You have signed out')).toBeVisible();
    await context.close();
  });
});
