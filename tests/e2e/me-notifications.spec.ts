import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_ANON_KEY, DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import type { Database } from '../../src/lib/database.types.ts';
import {
  expectAccessible,
  signIn,
  signInCode,
  uniqueEmail,
  visit,
  withoutJavaScript
} from './helpers.ts';
import { API_URL } from './ports.ts';

// Tom Fletcher (the demo lead of the Change Academy) adds a member; the member's /me tells
// them, and they dismiss it (JavaScript on) or leave the workstream from it (off).
// Every page is checked with axe.

const options = { auth: { persistSession: false, autoRefreshToken: false } };
const TOM = 'tom.fletcher@demo.localgov.test';
let tom: ReturnType<typeof createClient<Database>>;
let academy: { id: string; title: string };

test.beforeAll(async () => {
  tom = createClient<Database>(API_URL, DEFAULT_ANON_KEY, options);
  const sent = await tom.auth.signInWithOtp({ email: TOM });
  if (sent.error) throw sent.error;
  const verified = await tom.auth.verifyOtp({
    email: TOM,
    token: await signInCode(TOM),
    type: 'email'
  });
  if (verified.error) throw verified.error;
  const ws = await tom
    .from('workstreams')
    .select('id, title')
    .eq('slug', 'change-academy')
    .single();
  if (ws.error) throw ws.error;
  academy = ws.data;
});

/** A new account that Tom has added to the Change Academy, ready to sign in by email. */
async function addedByTom(label: string): Promise<string> {
  const email = uniqueEmail(`told-${label}`);
  const admin = createClient<Database>(API_URL, DEFAULT_SERVICE_ROLE_KEY, options);
  const { data, error } = await admin.auth.admin.createUser({ email, email_confirm: true });
  if (error) throw error;
  const added = await tom
    .from('workstream_members')
    .insert({ workstream_id: academy.id, user_id: data.user.id, role: 'member' });
  if (added.error) throw added.error;
  return email;
}

async function seeNotification(page: Page, label: string) {
  await signIn(page, await addedByTom(label));
  await visit(page, '/me');
  const told = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
  await expect(told).toHaveCount(1);
  await expect(told).toContainText(`Tom Fletcher added you to the ${academy.title} workstream`);
  await expect(told.getByRole('link', { name: `Go to ${academy.title}` })).toBeVisible();
  return told;
}

test('with JavaScript on, a member added by a lead is told on /me and can dismiss it', async ({
  page
}) => {
  const told = await seeNotification(page, 'js');
  // Reflows at 320 px: the notification's link and buttons wrap rather than scroll sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await told.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(page.getByText('The notification has been dismissed')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Notifications' })).toHaveCount(0);
  await expectAccessible(page);
});

test('with JavaScript off, a member added by a lead can leave the workstream from /me', async ({
  browser
}) => {
  await withoutJavaScript(browser, async (page) => {
    const told = await seeNotification(page, 'nojs');
    await told.getByRole('button', { name: `Leave ${academy.title}` }).click();
    await expect(page.getByText('You have left this workstream')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Join this workstream' })).toBeVisible();
    await expectAccessible(page);
  });
});
