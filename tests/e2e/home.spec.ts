import { expect, test } from '@playwright/test';
import { DEFAULT_ANON_KEY } from '../../stack/keys.ts';
import { expectAccessible, visit, withoutJavaScript } from './helpers.ts';
import { API_URL } from './ports.ts';

/**
 * What an anonymous visitor may read, straight from PostgREST: the eight active workstreams
 * with the most members, by title (other journeys add workstreams to the same database).
 */
async function activeWorkstreamTitles(): Promise<string[]> {
  const response = await fetch(
    `${API_URL}/rest/v1/workstream_summary?select=title&status=eq.active&order=member_count.desc,title&limit=8`,
    { headers: { apikey: DEFAULT_ANON_KEY, Authorization: `Bearer ${DEFAULT_ANON_KEY}` } }
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { title: string }[])
    .map((w) => w.title)
    .sort((a, b) => a.localeCompare(b, 'en-GB'));
}

test('the home page shows the active workstreams from the database and welcomes newcomers', async ({
  page
}) => {
  await visit(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Network Hub' })).toBeVisible();
  await expect(page.getByText('We think, do and share.')).toBeVisible();
  // GOV.UK's start button: a link that looks and is announced as a button.
  await expect(page.getByRole('button', { name: 'Sign in or join' })).toHaveAttribute(
    'href',
    '/sign-in'
  );

  // Exactly the active workstreams of the demo seed, each linking to its page.
  const expected = await activeWorkstreamTitles();
  expect(expected.length).toBeGreaterThanOrEqual(7);
  const workstreams = page.locator('.app-card-list').first().getByRole('listitem');
  await expect(workstreams.getByRole('heading', { level: 3 })).toHaveText(expected);
  await expect(page.getByRole('link', { name: 'Open and linked data' })).toHaveAttribute(
    'href',
    /^\/workstreams\//
  );
  await expect(workstreams.first().getByText(/\d+ members?/)).toBeVisible();
});

test('the home page works the same with JavaScript off', async ({ browser }) => {
  await withoutJavaScript(browser, async (page) => {
    await visit(page, '/');
    await expect(
      page.locator('.app-card-list').first().getByRole('heading', { level: 3 })
    ).toHaveText(await activeWorkstreamTitles());
    await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link')).toHaveCount(7);
  });
});

test('the skip link takes keyboard users to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
});

test('an unknown address shows a helpful not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  await expectAccessible(page);
});
