import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, visit, withoutJavaScript } from './helpers.ts';

// A newcomer, not signed in, searches from the header with a typo and still finds the
// output; then finds an organisation, its people and one of their profiles. With
// JavaScript on and off; axe checks every page on the way.

async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);
}

async function searchFromTheHeader(page: Page, words: string): Promise<void> {
  await page.getByRole('search').getByLabel('Search the hub').fill(words);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(words)}`));
}

async function findThings(page: Page): Promise<void> {
  await visit(page, '/');
  await searchFromTheHeader(page, 'acessibility');

  // The page's own box keeps the words; the header has no second box here.
  const box = page.getByLabel('Search the hub');
  await expect(box).toHaveValue('acessibility');
  await expect(page.getByRole('search')).toHaveCount(1);
  await expect(page.getByText('Nothing matched “acessibility” exactly')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Accessibility audit of five council homepages' }).click();
  await expectHeading(page, 'Accessibility audit of five council homepages');

  await searchFromTheHeader(page, 'Oxfordshire');
  await expect(page.getByRole('heading', { name: /\d+ results?/ })).toBeVisible();
  await page.getByRole('link', { name: /^Organisations \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/kind=organisation/);
  await expect(page.getByText(/^Organisations \(\d+\)$/)).toHaveAttribute('aria-current', 'true');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Oxfordshire County Council' }).click();

  await expectHeading(page, 'Oxfordshire County Council');
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await page.getByRole('link', { name: 'Nadia Rahman' }).click();

  await expectHeading(page, 'Nadia Rahman');
  await expect(page.getByRole('heading', { name: 'Committed to' })).toBeVisible();
  await page.getByRole('link', { name: 'Oxfordshire County Council' }).click();
  await expectHeading(page, 'Oxfordshire County Council');

  await page.getByRole('link', { name: 'Organisations', exact: true }).click();
  await expectHeading(page, 'Organisations');
  await expect(page.getByRole('link', { name: 'Oxfordshire County Council' })).toBeVisible();
}

test('a newcomer searches with a typo, finds the output and reaches an organisation, with JavaScript on', async ({
  page
}) => {
  await findThings(page);
});

test('a newcomer searches with a typo, finds the output and reaches an organisation, with JavaScript off', async ({
  browser
}) => {
  await withoutJavaScript(browser, findThings);
});

test('an over-long search says what to do, beside the box, and keeps the words', async ({
  page
}) => {
  const words = Array.from({ length: 13 }, (_, i) => `bins${i}`).join(' ');
  await page.goto(`/search?q=${encodeURIComponent(words)}`);
  await expect(page.getByRole('alert')).toContainText('Search for 12 words or fewer');
  await expect(page.getByLabel('Search the hub')).toHaveValue(words);
  await expectAccessible(page);
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of [
    '/',
    '/search?q=accessibility',
    '/organisations',
    '/organisations/oxfordshire-county-council',
    '/members/nadia-rahman'
  ]) {
    test(`${path} reflows without scrolling sideways, the search box included`, async ({
      page
    }) => {
      await visit(page, path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
      await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
    });
  }
});
