import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

// The local mailbox: every email the stack "sends" is kept here in memory so a person can
// read it on a page and tests can fetch it as JSON. Nothing leaves the machine.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sender and headers worth checking (List-Unsubscribe...), as received over SMTP. */
  from?: string;
  headers?: Record<string, string>;
}

export interface StoredMail extends OutgoingMail {
  from: string;
  headers: Record<string, string>;
  id: string;
  created_at: string;
  links: string[];
}

/** The http(s) URLs in a text, in order, without duplicates or trailing punctuation. */
export function extractLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"']+/g) ?? [];
  const cleaned = found.map((l) => l.replace(/[.,;:!?)\]]+$/, ''));
  return [...new Set(cleaned)];
}

export class Mailbox {
  #messages: StoredMail[] = [];
  #limit: number;

  constructor(limit = 1000) {
    this.#limit = limit;
  }

  async send(mail: OutgoingMail): Promise<void> {
    this.#messages.unshift({
      id: randomUUID(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      from: mail.from ?? '',
      headers: mail.headers ?? {},
      created_at: new Date().toISOString(),
      links: extractLinks(mail.text)
    });
    // Keep memory bounded on a long-running stack.
    if (this.#messages.length > this.#limit) this.#messages.length = this.#limit;
  }

  /** Newest first; only those to `to` (case-insensitive) when given. */
  list(to?: string | null): StoredMail[] {
    if (!to) return [...this.#messages];
    const want = to.trim().toLowerCase();
    return this.#messages.filter((m) => m.to.toLowerCase() === want);
  }

  get(id: string): StoredMail | undefined {
    return this.#messages.find((m) => m.id === id);
  }

  clear(): void {
    this.#messages = [];
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Plain text as HTML with its links clickable. */
export function linkify(text: string): string {
  const parts = text.split(/(https?:\/\/[^\s<>"']+)/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const trail = /[.,;:!?)\]]+$/.exec(part)?.[0] ?? '';
      const url = part.slice(0, part.length - trail.length);
      return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>${escapeHtml(trail)}`;
    })
    .join('');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; font-size: 1.1rem; line-height: 1.5; color: #0b0c0c; max-width: 50rem; margin: 0 auto; padding: 1rem; }
  a { color: #1d70b8; } a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
  article { border-top: 2px solid #b1b4b6; padding: 1rem 0; }
  pre { white-space: pre-wrap; word-break: break-word; font: inherit; background: #f3f2f1; padding: 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: bold; } dd { margin: 0; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}

function mailArticle(m: StoredMail, headingLevel: 1 | 2): string {
  const h = `h${headingLevel}`;
  const title =
    headingLevel === 2
      ? `<a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject)}</a>`
      : escapeHtml(m.subject);
  return `<article>
<${h}>${title}</${h}>
<dl>
  <dt>To</dt><dd>${escapeHtml(m.to)}</dd>
  <dt>Sent</dt><dd><time datetime="${m.created_at}">${escapeHtml(new Date(m.created_at).toUTCString())}</time></dd>
${Object.entries(m.headers)
  .filter(([k]) => k.startsWith('list-'))
  .map(([k, v]) => `  <dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
  .join('\n')}
</dl>
<pre>${linkify(m.text)}</pre>
</article>`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store'
  });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store'
  });
  res.end(html);
}

/** Request handler for the mailbox's own small HTTP server (HUB_MAILBOX_PORT). */
export function createMailboxHandler(
  mailbox: Mailbox
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://mailbox.invalid');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const to = url.searchParams.get('to');

    if (method === 'GET' && path === '/api/messages') return sendJson(res, 200, mailbox.list(to));
    if (method === 'GET' && path === '/api/messages/latest') {
      const latest = mailbox.list(to)[0];
      if (!latest)
        return sendJson(res, 404, {
          error: 'not_found',
          message: to ? `No email has been sent to ${to} yet.` : 'No email has been sent yet.'
        });
      return sendJson(res, 200, latest);
    }
    const apiOne = /^\/api\/messages\/([^/]+)$/.exec(path);
    if (method === 'GET' && apiOne) {
      const m = mailbox.get(decodeURIComponent(apiOne[1] ?? ''));
      return m
        ? sendJson(res, 200, m)
        : sendJson(res, 404, { error: 'not_found', message: 'No email with that id.' });
    }
    if (method === 'DELETE' && path === '/api/messages') {
      mailbox.clear();
      return sendJson(res, 200, { cleared: true });
    }
    if (method === 'GET' && path === '/') {
      const list = mailbox.list(to);
      const body =
        `<h1>Local mailbox</h1>\n<p>Emails the Network Hub stack sent. They are kept in memory until the stack stops; nothing is delivered.</p>\n` +
        (list.length === 0
          ? '<p>No emails yet. Ask for a sign-in code and it will appear here; reload the page to check.</p>'
          : list.map((m) => mailArticle(m, 2)).join('\n'));
      return sendHtml(res, 200, page('Local mailbox', body));
    }
    const one = /^\/messages\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const m = mailbox.get(decodeURIComponent(one[1] ?? ''));
      if (!m)
        return sendHtml(
          res,
          404,
          page(
            'Email not found',
            '<h1>Email not found</h1><p>It may have been cleared. <a href="/">Back to all emails</a></p>'
          )
        );
      return sendHtml(
        res,
        200,
        page(m.subject, `<p><a href="/">Back to all emails</a></p>\n${mailArticle(m, 1)}`)
      );
    }
    sendJson(res, 404, { error: 'not_found', message: `No mailbox page ${method} ${path}.` });
  };
}
