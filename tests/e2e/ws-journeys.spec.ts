import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, uniqueEmail, visit, withoutJavaScript } from './helpers.ts';

// A member joins a workstream, makes a commitment, checks in and marks it done, with
// JavaScript on and off. Every page on the way is checked with axe.

async function joinAWorkstream(page: Page): Promise<string> {
  await visit(page, '/workstreams?status=active');
  const first = page.locator('.govuk-summary-card__title a').first();
  const title = (await first.textContent())?.trim() ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Join this workstream' }).click();
  await expect(page.getByText('You have joined this workstream')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Leave this workstream' })).toBeVisible();
  await expectAccessible(page);
  return title;
}

async function makeACommitment(page: Page, workstream: string, what: string): Promise<void> {
  await page.getByRole('link', { name: 'Make a commitment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Make a commitment' })).toBeVisible();
  // Came from the workstream: it is already chosen.
  await expect(page.locator('#workstream_id option:checked')).toHaveText(workstream);
  await expectAccessible(page);

  // Leaving out what you will do brings the error summary, keeping what was typed.
  await page.locator('#so_that').fill('other councils can reuse it');
  await page.locator('#due_on').fill('2030-03-31');
  await page.getByRole('button', { name: 'Make this commitment' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.getByRole('link', { name: 'Enter what you will do' })).toHaveAttribute(
    'href',
    '#title'
  );
  await expect(page.locator('#so_that')).toHaveValue('other councils can reuse it');
  await expectAccessible(page);

  await page.locator('#title').fill(what);
  await page.getByLabel('Members of the network only').check();
  await page.getByRole('button', { name: 'Make this commitment' }).click();
  await expect(page.getByText('Your commitment has been made')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `I will ${what}` })).toBeVisible();
  await expect(page.locator('.govuk-tag', { hasText: 'Planned' }).first()).toBeVisible();
  await expectAccessible(page);
}

async function checkInAndFinish(page: Page): Promise<void> {
  await page.getByLabel('In progress').check();
  await page
    .getByLabel('Note', { exact: true })
    .fill('Drafted the API description; sharing it next week.');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Your check-in has been saved')).toBeVisible();
  await expect(page.getByText('Drafted the API description; sharing it next week.')).toBeVisible();
  await expect(page.locator('.govuk-tag', { hasText: 'In progress' }).first()).toBeVisible();
  await expectAccessible(page);

  // Done needs a closing note.
  await page.getByLabel(/^Done/).check();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(
    page.locator('.govuk-error-summary').getByRole('link', { name: /Enter a closing note/ })
  ).toHaveAttribute('href', '#note');
  await expectAccessible(page);

  await page.getByLabel(/^Done/).check();
  await page.getByLabel('Note', { exact: true }).fill('Published; two councils are using it.');
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByText('Your commitment has been marked as done')).toBeVisible();
  await expect(page.locator('.govuk-tag', { hasText: 'Done' }).first()).toBeVisible();
  await expect(page.getByText('Closing note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save check-in' })).toHaveCount(0);
  await expectAccessible(page);
}

async function journey(page: Page, label: string): Promise<void> {
  await signIn(page, uniqueEmail(`ws-${label}`));
  const workstream = await joinAWorkstream(page);
  const what = `publish our bin collection API (${label})`;
  await makeACommitment(page, workstream, what);
  await checkInAndFinish(page);

  await page.getByRole('link', { name: 'Edit this commitment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your commitment' })).toBeVisible();
  await expect(page.locator('#title')).toHaveValue(what);
  await expectAccessible(page);

  await visit(page, '/me');
  await expect(page.getByRole('link', { name: workstream })).toBeVisible();
  await visit(page, '/commitments');
  await visit(page, '/commitments?staleness=overdue&sort=check_in');
}

test.describe('a member joins a workstream, makes a commitment, checks in and marks it done', () => {
  // A long journey with an axe check on every page: give it room on a 2-core machine.
  test.setTimeout(180_000);

  test('with JavaScript on', async ({ page }) => {
    await journey(page, 'js');
  });

  test('with JavaScript off', async ({ browser }) => {
    await withoutJavaScript(browser, (page) => journey(page, 'nojs'));
  });
});

test('a visitor can browse workstreams and commitments, and junk addresses are not found', async ({
  page
}) => {
  await visit(page, '/workstreams');
  await visit(page, '/commitments');
  await page.locator('.hub-commitment-list a').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^I will / })).toBeVisible();
  await expectAccessible(page);
  const response = await page.goto('/workstreams/Not_A_Slug');
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});

test('a lead edits the workstream and manages members; a member proposes one', async ({ page }) => {
  await signIn(page, uniqueEmail('ws-lead'));
  await visit(page, '/workstreams/new');
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await expect(
    page.locator('.govuk-error-summary').getByRole('link', { name: /Enter a title/ })
  ).toBeVisible();
  await expectAccessible(page);
  const title = `Shared waste data ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Purpose').fill('One open data standard for waste collections.');
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await expect(page.getByText('Your proposal has been sent to the steering group')).toBeVisible();
  await expect(page.locator('.govuk-tag', { hasText: 'Proposed' }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Edit workstream' }).click();
  await expectAccessible(page);
  await page.getByLabel('Purpose').fill('One open data standard for waste and recycling.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The workstream has been saved')).toBeVisible();
  await expect(page.getByText('One open data standard for waste and recycling.')).toBeVisible();

  await page.getByRole('link', { name: 'Manage members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manage members' })).toBeVisible();
  await expectAccessible(page);
});
