import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, visit, withoutJavaScript } from './helpers.ts';

// A newcomer, not signed in, browses before deciding to join: home → outputs → an output →
// an outcome tag → a pattern → events → a camp and its session grid. With JavaScript on
// and off; axe checks every page on the way.

async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);
}

async function browse(page: Page): Promise<void> {
  await visit(page, '/');
  await page.getByRole('link', { name: 'Outputs', exact: true }).first().click();
  await expectHeading(page, 'Outputs');

  // Filter by kind with the plain GET form.
  await page.getByLabel('Kind').selectOption({ label: 'Code' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]kind=code/);
  await expect(page.getByRole('link', { name: 'Essex content style guide' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Blue badge application form (open source)' }).click();

  await expectHeading(page, 'Blue badge application form (open source)');
  await expect(page.getByText(/Used by \d+ organisations/)).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Organisation' })).toBeVisible();
  await page.getByRole('link', { name: 'Digital by design' }).click();

  await expectHeading(page, 'Digital by design');
  await expect(
    page.getByRole('link', { name: 'Blue badge application form (open source)' })
  ).toBeVisible();
  await page.getByRole('link', { name: 'Tell us once about a change of address' }).click();

  await expectHeading(page, 'Tell us once about a change of address');
  await expect(page.getByRole('heading', { name: 'When to use this pattern' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'When not to use this pattern' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Used by' })).toBeVisible();
  await expect(page.getByText('Last reviewed')).toBeVisible();

  await page.getByRole('link', { name: 'Events', exact: true }).first().click();
  await expectHeading(page, 'Events');
  await expect(page.getByRole('heading', { name: 'Past events' })).toBeVisible();
  await page.getByRole('link', { name: 'LocalGovCamp Spring' }).click();

  await expectHeading(page, 'LocalGovCamp Spring');
  const grid = page.getByRole('table').first();
  await expect(grid.getByRole('columnheader', { name: 'Main hall' })).toBeVisible();
  await expect(grid.getByRole('rowheader', { name: '10am to 10:50am' })).toBeVisible();
  await expect(grid.getByText('Making the Change Academy happen')).toBeVisible();
}

test('a newcomer browses outputs, an outcome, a pattern and a camp with JavaScript on', async ({
  page
}) => {
  await browse(page);
});

test('a newcomer browses outputs, an outcome, a pattern and a camp without JavaScript', async ({
  browser
}) => {
  await withoutJavaScript(browser, browse);
});

test('an upcoming camp shows its pitching board, and visitors never see an online link', async ({
  page
}) => {
  await visit(page, '/events/localgovcamp-north');
  await expect(page.getByRole('heading', { name: 'Pitches' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Content design crit club/ })).toBeVisible();
  await visit(page, '/events/show-and-tell-data-and-democracy');
  await expect(
    page.getByText('The joining link is shown here to people who have a place')
  ).toBeVisible();
  await expect(page.locator('a[href^="https://meet."]')).toHaveCount(0);
});
