import { execFileSync } from 'node:child_process';
import { createClient } from '@supabase/supabase-js';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_SERVICE_ROLE_KEY } from '../../stack/keys.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { expectAccessible, signIn, uniqueEmail, visit, withoutJavaScript } from './helpers.ts';
import { API_URL, APP_URL, DB_URL, MAILBOX_URL, SMTP_URL } from './ports.ts';

// Kept informed by email: a member follows a workstream and sets weekly digests, the
// clock moves on a week (the worker runs its schedules with a fake now), and the digest
// is in the mailbox; their own commitment goes overdue and the nudge arrives once; the
// email's unsubscribe link works without signing in. JavaScript on and off, axe, 320 px.

const DAY = 86_400_000;
// Four worker rounds, each sending the whole demo network's due emails.
test.describe.configure({ timeout: 180_000 });
const options = { auth: { persistSession: false, autoRefreshToken: false } };
const admin = () => createClient<Database>(API_URL, DEFAULT_SERVICE_ROLE_KEY, options);

/** One round of the email worker, as `npm run worker -- --once --now=...` runs it. */
function runWorker(now: Date) {
  execFileSync(process.execPath, ['worker/index.ts', '--once', `--now=${now.toISOString()}`], {
    env: { ...process.env, DATABASE_URL: DB_URL, SMTP_URL, SITE_URL: APP_URL },
    stdio: 'pipe'
  });
}

interface Mail {
  subject: string;
  text: string;
  links: string[];
  headers: Record<string, string>;
}
const hubMailTo = async (to: string): Promise<Mail[]> =>
  (
    (await (
      await fetch(`${MAILBOX_URL}/api/messages?to=${encodeURIComponent(to)}`)
    ).json()) as Mail[]
  ).filter((m) => m.headers?.['x-hub-kind']);

async function setUp(label: string) {
  const email = uniqueEmail(`email-${label}`);
  const { data, error } = await admin().auth.admin.createUser({ email, email_confirm: true });
  if (error) throw error;
  // They start with no digest, and choose weekly ones in the journey.
  const never = await admin()
    .from('profiles')
    .update({ digest_frequency: 'never' })
    .eq('id', data.user.id);
  if (never.error) throw never.error;
  const doer = await admin().auth.admin.createUser({
    email: uniqueEmail(`email-doer-${label}`),
    email_confirm: true
  });
  if (doer.error) throw doer.error;
  const slug = `email-journey-${label}-${Date.now().toString(36)}`;
  const ws = await admin()
    .from('workstreams')
    .insert({
      slug,
      title: `Digest journey ${label}`,
      status: 'active',
      created_by: doer.data.user.id
    })
    .select('id')
    .single();
  if (ws.error) throw ws.error;
  const news = `Tell residents about bin days (${label})`;
  const made = await admin()
    .from('commitments')
    .insert({ owner_id: doer.data.user.id, workstream_id: ws.data.id, title: news });
  if (made.error) throw made.error;
  const mine = `Review the parking permits form (${label})`;
  const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
  const own = await admin()
    .from('commitments')
    .insert({ owner_id: data.user.id, title: mine, next_check_in_on: tomorrow })
    .select('id')
    .single();
  if (own.error) throw own.error;
  return { email, slug, news, mine, mineId: own.data.id };
}

async function journey(page: Page, label: string) {
  const s = await setUp(label);
  await signIn(page, s.email);

  // Follow the workstream from its page.
  await visit(page, `/workstreams/${s.slug}`);
  await page.getByRole('button', { name: /Follow this workstream/ }).click();
  await expect(page.getByText('You follow this workstream')).toBeVisible();
  await expectAccessible(page);

  // Nothing is overdue yet, and they get no digest: no email today.
  const now = Date.now();
  runWorker(new Date(now));
  expect(await hubMailTo(s.email)).toEqual([]);

  // Weekly digests at /me/settings.
  await visit(page, '/me/settings');
  await expect(page.getByRole('radio', { name: 'Never' })).toBeChecked();
  await page.getByRole('radio', { name: 'Weekly' }).check();
  await page.getByRole('radio', { name: 'Tell me in my digest' }).check();
  await page.getByRole('button', { name: 'Save email settings' }).click();
  await expect(page.getByText('Your email settings have been saved')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Weekly' })).toBeChecked();
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });

  // A week on: the digest has the workstream's news; the commitment is overdue.
  runWorker(new Date(now + 7 * DAY - 5 * 60_000));
  runWorker(new Date(now + 7 * DAY));
  const mail = await hubMailTo(s.email);
  const digest = mail.find((m) => m.subject.startsWith('Your Network Hub weekly digest'));
  expect(digest, 'the weekly digest').toBeDefined();
  expect(digest!.text).toContain(`Digest journey ${label}`);
  expect(digest!.text).toContain(s.news);
  const nudges = mail.filter((m) => m.subject === `Time to check in: ${s.mine}`);
  expect(nudges).toHaveLength(1);

  // Another round a day later: the nudge is not sent again.
  runWorker(new Date(now + 8 * DAY));
  expect(
    (await hubMailTo(s.email)).filter((m) => m.subject === `Time to check in: ${s.mine}`)
  ).toHaveLength(1);

  // The nudge's link goes to the commitment.
  const link = nudges[0]!.links.find((l) => l.includes(`/commitments/${s.mineId}`));
  expect(link).toBeDefined();
  await visit(page, new URL(link!).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    /review the parking permits form/i
  );

  return { digest: digest! };
}

async function unsubscribeSignedOut(page: Page, digest: Mail) {
  const url = /^<(.+)>$/.exec(digest.headers['list-unsubscribe']!)![1]!;
  await visit(page, new URL(url).pathname + new URL(url).search);
  await expect(page.getByRole('heading', { level: 1, name: 'Stop digest emails?' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'You will not get digest emails' })
  ).toBeVisible();
  await expectAccessible(page);
}

test('a member sets weekly digests, a week on the digest arrives, and an overdue nudge arrives once', async ({
  page,
  browser
}) => {
  const { digest } = await journey(page, 'js');
  const context = await browser.newContext();
  try {
    await unsubscribeSignedOut(await context.newPage(), digest);
  } finally {
    await context.close();
  }
});

test('the same with JavaScript off', async ({ browser }) => {
  let digest: Mail | undefined;
  await withoutJavaScript(browser, async (page) => {
    digest = (await journey(page, 'nojs')).digest;
  });
  await withoutJavaScript(browser, (page) => unsubscribeSignedOut(page, digest!));
});
