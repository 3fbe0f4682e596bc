import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mailbox } from './mailbox.ts';
import { closeSmtp, createSmtpServer, listenSmtp } from './smtp.ts';

describe('the mailbox over SMTP', () => {
  const mailbox = new Mailbox();
  const server = createSmtpServer(mailbox);
  let port: number;

  beforeAll(async () => {
    await listenSmtp(server, 0, '127.0.0.1');
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => closeSmtp(server));

  it('keeps each email sent to it, once per recipient, with its unsubscribe headers and links', async () => {
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${port}`);
    await transport.sendMail({
      from: 'Network Hub <hub@localgov.invalid>',
      to: ['a@example.test', 'b@example.test'],
      subject: 'Your weekly digest',
      text: 'Read it at https://hub.example/workstreams/bins.',
      html: '<p>Read it</p>',
      headers: {
        'List-Unsubscribe': '<https://hub.example/unsubscribe?token=t>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
      }
    });
    transport.close();
    const [m] = mailbox.list('a@example.test');
    expect(m).toMatchObject({
      to: 'a@example.test',
      from: 'hub@localgov.invalid',
      subject: 'Your weekly digest',
      html: '<p>Read it</p>',
      links: ['https://hub.example/workstreams/bins']
    });
    expect(m!.text.trim()).toBe('Read it at https://hub.example/workstreams/bins.');
    expect(m!.headers['list-unsubscribe']).toBe('<https://hub.example/unsubscribe?token=t>');
    expect(m!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mailbox.list('b@example.test')).toHaveLength(1);
  });
});
