import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Mailbox } from './mailbox.ts';

// The mailbox's SMTP side, like the mail catcher `supabase start` runs: the worker sends
// real SMTP here (SMTP_URL), and each message lands in the mailbox, one entry per
// recipient. Loopback only, no TLS and no login: it accepts anything and delivers nothing.

/** Headers the mailbox keeps (lower case), for tests and the page to show. */
const KEPT_HEADERS = ['list-unsubscribe', 'list-unsubscribe-post', 'message-id', 'x-hub-kind'];

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) =>
    o.value.map((v) => v.address ?? '').filter(Boolean)
  );

export function createSmtpServer(mailbox: Mailbox): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const to = envelopeTo.length ? envelopeTo : addresses(parsed.to);
          const headers: Record<string, string> = {};
          for (const name of KEPT_HEADERS) {
            const line = parsed.headerLines.find((h) => h.key === name);
            if (line) headers[name] = line.line.slice(line.line.indexOf(':') + 1).trim();
          }
          for (const rcpt of to) {
            await mailbox.send({
              to: rcpt,
              from: addresses(parsed.from)[0] ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers
            });
          }
          callback();
        })
        .catch((e: Error) => callback(e));
    }
  });
}

export const listenSmtp = (server: SMTPServer, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });

export const closeSmtp = (server: SMTPServer) =>
  new Promise<void>((resolve) => server.close(() => resolve()));
