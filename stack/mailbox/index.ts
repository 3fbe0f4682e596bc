export { Mailbox, createMailboxHandler, extractLinks, linkify } from './mailbox.ts';
export type { OutgoingMail, StoredMail } from './mailbox.ts';
export { closeSmtp, createSmtpServer, listenSmtp } from './smtp.ts';
