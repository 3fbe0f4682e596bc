import { describe, expect, it } from 'vitest';
import { openRedirectPayloads, staysOn } from '../data/open-redirect-payloads.ts';
import { hub, uniqueEmail } from './hub.ts';
import { getPage, postForm } from './session.ts';

// Every public open-redirect payload (tests/data/open-redirect-payloads.txt) tried where
// a `next` enters the sign-in journey: the sign-in page, its form, the emailed link, and
// the sign-in return pages. Each must end on a path of this site, never a 500.

/** The payload as a query string carries it (as written, so its encodings stay live). */
const withNext = (path: string, payload: string) =>
  `${path}${path.includes('?') ? '&' : '?'}next=${payload}`;
/** What a server reads back out of `?next=<payload>`. */
const decoded = (payload: string) => new URLSearchParams(`next=${payload}`).get('next') ?? '';

function hiddenNext(html: string): string | null {
  const m = /<input type="hidden" name="next" value="([^"]*)"/.exec(html);
  if (!m) return null;
  return m[1]!
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

async function emailedLink(email: string): Promise<string> {
  const res = await fetch(
    `${hub().mailboxUrl}/api/messages/latest?to=${encodeURIComponent(email)}`
  );
  const mail = (await res.json()) as { links: string[] };
  const link = mail.links.find((l) => l.includes('/auth/confirm?'));
  if (!link) throw new Error(`No sign-in link in the email to ${email}`);
  return link;
}

/** Asks for a sign-in email through the app's form, with `next` as posted. */
async function requestLink(next: string) {
  const email = uniqueEmail('redirect');
  const { response } = await postForm('/sign-in', null, { email, next });
  return { email, response };
}

/** Runs fn over the payloads a few at a time: enough to be quick, not to flood the stack. */
async function eachPayload(fn: (payload: string) => Promise<void>) {
  const queue = [...openRedirectPayloads];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) await fn(p);
    })
  );
}

describe('open-redirect payloads in the sign-in journey', () => {
  const origin = () => hub().appUrl;

  it('the sign-in page keeps only a path on this site as where to go next', async () => {
    await eachPayload(async (payload) => {
      const { response, html } = await getPage(withNext('/sign-in', payload));
      expect(response.status, payload).toBe(200);
      expect(staysOn(origin(), hiddenNext(html)), payload).toBe(true);
    });
  });

  it('the sign-in form, its emailed link and the link itself all stay on this site', async () => {
    await eachPayload(async (payload) => {
      const { email, response } = await requestLink(decoded(payload));
      expect(response.status, payload).toBe(303);
      expect(staysOn(origin(), response.headers.get('location')), payload).toBe(true);

      const link = await emailedLink(email);
      expect(new URL(link).origin, payload).toBe(origin());
      const confirmed = await fetch(link, { redirect: 'manual' });
      expect(confirmed.status, `${payload} → ${link}`).toBe(303);
      expect(staysOn(origin(), confirmed.headers.get('location')), payload).toBe(true);
    });
  });

  it('a genuine sign-in link with a hostile next still lands on this site', async () => {
    await eachPayload(async (payload) => {
      const { email } = await requestLink('/');
      const link = new URL(await emailedLink(email));
      link.searchParams.delete('next');
      const confirmed = await fetch(withNext(link.href, payload), { redirect: 'manual' });
      expect(confirmed.status, payload).toBe(303);
      expect(staysOn(origin(), confirmed.headers.get('location')), payload).toBe(true);
    });
  });

  it('the sign-in return pages send a failed or missing code back within this site', async () => {
    await eachPayload(async (payload) => {
      for (const path of ['/auth/confirm?token_hash=not-a-token&type=email', '/auth/callback']) {
        const { response } = await getPage(withNext(path, payload));
        expect(response.status, `${path} ${payload}`).toBe(303);
        expect(staysOn(origin(), response.headers.get('location')), payload).toBe(true);
      }
    });
  });
});
