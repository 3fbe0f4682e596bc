import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expectAccessible, withoutJavaScript } from './helpers.ts';

// Someone who reuses the network's data finds /data from the footer, reads what a file's
// columns mean and downloads it: with JavaScript on and off, axe on the page.

async function downloadCommitments(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open Government Licence v3.0' })).toBeVisible();
  const columns = page.getByRole('table', {
    name: 'Columns of commitments.csv and commitments.json'
  });
  await expect(columns.getByRole('rowheader', { name: 'so_that' })).toBeVisible();
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Download commitments\.csv/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('commitments.csv');
  const csv = Papa.parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), {
    header: true,
    skipEmptyLines: true
  });
  expect(csv.errors).toEqual([]);
  expect(csv.meta.fields?.slice(0, 3)).toEqual(['id', 'title', 'so_that']);
  expect(csv.data.length).toBeGreaterThan(0);

  // A feed reader, not the browser, reads the feed: fetch what the link points to.
  const feedLink = page.getByRole('link', { name: 'New outputs (Atom feed)' });
  const feed = await page.request.get((await feedLink.getAttribute('href'))!);
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
}

test('a visitor finds /data from the footer and downloads a file with JavaScript on', async ({
  page
}) => {
  await downloadCommitments(page);
});

test('a visitor finds /data from the footer and downloads a file without JavaScript', async ({
  browser
}) => {
  await withoutJavaScript(browser, downloadCommitments);
});

test('/data reflows at 320 px: only its column tables scroll, inside their own regions', async ({
  page
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/data');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});
