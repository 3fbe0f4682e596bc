import { expect, test, type Page } from '@playwright/test';

// What every page gets right before any journey: nothing the CSP blocks, a description
// for search results, and (pages with tables) no sideways scrolling at 320 px (WCAG 1.4.10).

const PAGES = [
  '/',
  '/workstreams',
  '/commitments',
  '/outputs',
  '/outputs/blue-badge-form',
  '/patterns/tell-us-once-change-of-address',
  '/events',
  '/events/localgovcamp-spring',
  '/events/localgovcamp-north',
  '/data',
  // Brief D: the pitching board, a camp's grid and a show-and-tell's slots.
  '/events/localgovcamp-north/board',
  '/events/localgovcamp-spring/programme',
  '/events/show-and-tell-data-and-democracy/programme'
];
// Output and event pages carry the widest tables (reuse, session grid, pitches).
const TABLE_PAGES = [
  '/outputs/blue-badge-form',
  '/patterns/tell-us-once-change-of-address',
  '/events/localgovcamp-spring',
  '/events/localgovcamp-north',
  '/events/localgovcamp-north/board',
  '/events/localgovcamp-spring/programme'
];

/** CSP violations the browser reports while `path` loads and runs its scripts. */
async function cspViolations(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return problems;
}

for (const path of PAGES) {
  test(`${path} runs under its own CSP with no blocked inline style or script`, async ({
    page
  }) => {
    expect(await cspViolations(page, path)).toEqual([]);
  });

  test(`${path} describes itself to search engines`, async ({ page }) => {
    await page.goto(path);
    const description = page.locator('head meta[name="description"]');
    await expect(description).toHaveCount(1);
    expect((await description.getAttribute('content'))?.length ?? 0).toBeGreaterThan(20);
  });
}

test('a detail page gives its own description, not the site-wide one', async ({ page }) => {
  await page.goto('/');
  const home = await page.locator('head meta[name="description"]').getAttribute('content');
  await page.goto('/outputs/blue-badge-form');
  const output = await page.locator('head meta[name="description"]').getAttribute('content');
  expect(output).not.toBe(home);
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of TABLE_PAGES) {
    test(`${path} reflows without scrolling sideways`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('table').first()).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
    });
  }
});
