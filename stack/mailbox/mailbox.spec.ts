import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Mailbox, createMailboxHandler, extractLinks, linkify } from './mailbox.ts';

describe('link extraction', () => {
  it('finds each http(s) link once, without trailing punctuation', () => {
    const text =
      'Sign in: http://127.0.0.1:3000/auth/confirm?token_hash=abc&type=email.\n' +
      'Again (http://127.0.0.1:3000/auth/confirm?token_hash=abc&type=email) or https://example.test/x, ok';
    expect(extractLinks(text)).toEqual([
      'http://127.0.0.1:3000/auth/confirm?token_hash=abc&type=email',
      'https://example.test/x'
    ]);
  });

  it('finds nothing in text without links', () => {
    expect(extractLinks('Your code is 123456')).toEqual([]);
  });

  it('makes links clickable and escapes the rest', () => {
    expect(linkify('<b> see https://a.test/?x=1&y=2.')).toBe(
      '&#60;b&#62; see <a href="https://a.test/?x=1&#38;y=2">https://a.test/?x=1&#38;y=2</a>.'
    );
  });
});

describe('mailbox', () => {
  const mailbox = new Mailbox();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(createMailboxHandler(mailbox));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => mailbox.clear());

  const mail = (to: string, n: number) => ({
    to,
    subject: `Subject ${n}`,
    text: `Body ${n} http://127.0.0.1:3000/auth/confirm?n=${n}`,
    html: `<p>Body ${n}</p>`
  });

  it('lists emails newest first, filtered by recipient', async () => {
    await mailbox.send(mail('a@example.test', 1));
    await mailbox.send(mail('b@example.test', 2));
    await mailbox.send(mail('A@example.test', 3));
    const all = await (await fetch(`${base}/api/messages`)).json();
    expect(all.map((m: { subject: string }) => m.subject)).toEqual([
      'Subject 3',
      'Subject 2',
      'Subject 1'
    ]);
    const forA = await (await fetch(`${base}/api/messages?to=a@example.test`)).json();
    expect(forA.map((m: { subject: string }) => m.subject)).toEqual(['Subject 3', 'Subject 1']);
    expect(forA[0].links).toEqual(['http://127.0.0.1:3000/auth/confirm?n=3']);
    expect(forA[0].id).toBeTypeOf('string');
    expect(Number.isNaN(Date.parse(forA[0].created_at))).toBe(false);
  });

  it('returns the latest email for a recipient, or 404 when there is none', async () => {
    await mailbox.send(mail('a@example.test', 1));
    await mailbox.send(mail('a@example.test', 2));
    const latest = await fetch(`${base}/api/messages/latest?to=a@example.test`);
    expect(latest.status).toBe(200);
    expect((await latest.json()).subject).toBe('Subject 2');
    const none = await fetch(`${base}/api/messages/latest?to=nobody@example.test`);
    expect(none.status).toBe(404);
    expect((await none.json()).message).toContain('nobody@example.test');
  });

  it('clears every email on DELETE', async () => {
    await mailbox.send(mail('a@example.test', 1));
    const del = await fetch(`${base}/api/messages`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(await (await fetch(`${base}/api/messages`)).json()).toEqual([]);
  });

  it('shows emails on a page with clickable links and a page per email', async () => {
    await mailbox.send(mail('a@example.test', 7));
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('a@example.test');
    expect(html).toContain('<a href="http://127.0.0.1:3000/auth/confirm?n=7">');
    const [m] = mailbox.list();
    const one = await fetch(`${base}/messages/${m!.id}`);
    expect(one.status).toBe(200);
    expect(await one.text()).toContain('<h1>Subject 7</h1>');
    expect((await fetch(`${base}/messages/nope`)).status).toBe(404);
  });

  it('says so when there are no emails', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('No emails yet');
  });
});
