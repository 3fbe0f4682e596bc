import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { MAILBOX_URL } from './ports.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Pages opened by `newPageWithoutJavaScript`, which axe cannot run inside.
const pagesWithoutJavaScript = new WeakSet<Page>();

/** A page in a fresh context with JavaScript turned off, as on a locked-down council laptop. */
export async function newPageWithoutJavaScript(
  browser: Browser
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  pagesWithoutJavaScript.add(page);
  return { context, page };
}

/** Runs `use` in a page with JavaScript turned off, and closes its context afterwards. */
export async function withoutJavaScript(
  browser: Browser,
  use: (page: Page) => Promise<void>
): Promise<void> {
  const { context, page } = await newPageWithoutJavaScript(browser);
  try {
    await use(page);
  } finally {
    await context.close();
  }
}

async function axeProblems(page: Page): Promise<string[]> {
  // After a click or a form post the page may still be loading its stylesheet; axe on
  // unstyled HTML reports problems (target sizes) a member would never see.
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
  );
}

/**
 * axe is a script, so it cannot run in a page with JavaScript off. Check the same HTML
 * instead, minus its scripts, served at the same address (so the same CSS applies) in a
 * context where axe can run.
 */
async function axeProblemsWithoutJavaScript(page: Page): Promise<string[]> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const address = new URL(page.url());
  address.hash = '';
  const context = await page.context().browser()!.newContext();
  try {
    const copy = await context.newPage();
    await copy.route(
      (url) => url.href === address.href,
      (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html })
    );
    await copy.goto(address.href);
    return await axeProblems(copy);
  } finally {
    await context.close();
  }
}

/** Fails the test if axe finds any WCAG 2.2 AA problem on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const problems = pagesWithoutJavaScript.has(page)
    ? await axeProblemsWithoutJavaScript(page)
    : await axeProblems(page);
  expect(problems, `accessibility problems on ${page.url()}`).toEqual([]);
}

/** Goes to a page, checks it answered 200 and is accessible. */
export async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(200);
  await expectAccessible(page);
}

/** A fresh address per test: the auth service limits emails per address. */
export function uniqueEmail(label: string): string {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `e2e-${label}-${id}@example.test`;
}

interface Mail {
  to: string;
  subject: string;
  text: string;
  links: string[];
}

/** The latest email the stack sent to `to`, from the local mailbox's JSON API. */
export async function latestMail(to: string): Promise<Mail> {
  const url = `${MAILBOX_URL}/api/messages/latest?to=${encodeURIComponent(to)}`;
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await fetch(url);
    if (response.ok) return (await response.json()) as Mail;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No email arrived for ${to}`);
}

export async function signInLink(to: string): Promise<string> {
  const mail = await latestMail(to);
  const link = mail.links.find((l) => l.includes('/auth/confirm?token_hash='));
  if (!link) throw new Error(`The email to ${to} has no sign-in link:\n${mail.text}`);
  return link;
}

export async function signInCode(to: string): Promise<string> {
  const code = /\b(\d{6})\b/.exec((await latestMail(to)).text)?.[1];
  if (!code) throw new Error(`The email to ${to} has no 6-digit code`);
  return code;
}

/** Asks for a sign-in email from the sign-in page and lands on "Check your email". */
export async function requestSignIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
}

/** The header shows the account links of a signed-in member. */
export async function expectSignedIn(page: Page): Promise<void> {
  const account = page.getByRole('navigation', { name: 'Your account' });
  await expect(account.getByRole('link', { name: 'Your profile' })).toBeVisible();
  await expect(account.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Signs in with the emailed code (the quickest way) and waits to land signed in. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await requestSignIn(page, email);
  await page.getByLabel('6-digit code').fill(await signInCode(email));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectSignedIn(page);
}
