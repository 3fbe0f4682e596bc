// The outbox worker: runs the schedules (digests, nudges, reminders), claims due emails
// (private.claim_emails: skip locked, with a lease), renders and sends each by SMTP, and
// records the outcome (sent, or a retry with backoff, or failed after the last attempt).
// Every database call is one statement, so it is safe on the embedded database and with
// several workers. The clock is passed in: tests move it.
import nodemailer from 'nodemailer';
import pg from 'pg';
import type { EmailKind } from '../../labels.ts';
import { renderEmail } from './templates.ts';

export interface WorkerOptions {
  databaseUrl: string;
  smtpUrl: string;
  siteUrl: string;
  from?: string;
  /** Emails claimed per round. */
  batch?: number;
  /** Attempts before an email is given up (status failed). */
  maxAttempts?: number;
  /** How long a claimed email is this worker's before another may retry it. */
  leaseSeconds?: number;
  log?: (line: string) => void;
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface ScheduleReport {
  digests: number;
  nudges: number;
  reminders: number;
}

interface ClaimedRow {
  id: string;
  kind: EmailKind;
  email: string | null;
  display_name: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  unsubscribe_token: string;
}

export const DEFAULT_FROM = 'Network Hub <hub@localgov.invalid>';

export function createWorker(o: WorkerOptions) {
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
  // A dropped connection must not take the worker down; the next round reconnects.
  pool.on('error', (e) => o.log?.(`database connection lost: ${e.message}`));
  const transport = nodemailer.createTransport(o.smtpUrl);
  const site = o.siteUrl.replace(/\/$/, '');
  const batch = o.batch ?? 20;
  const maxAttempts = o.maxAttempts ?? 5;
  const leaseSeconds = o.leaseSeconds ?? 300;
  const log = o.log ?? (() => {});

  async function runSchedules(now: Date): Promise<ScheduleReport> {
    const { rows } = await pool.query<{ r: ScheduleReport }>(
      'select private.run_email_schedules($1) as r',
      [now.toISOString()]
    );
    return rows[0]!.r;
  }

  async function sendOne(row: ClaimedRow, now: Date): Promise<'sent' | 'pending' | 'failed'> {
    const unsubscribeUrl = `${site}/unsubscribe?token=${row.unsubscribe_token}`;
    try {
      if (!row.email) throw new Error('The member has no email address.');
      const mail = renderEmail(row.kind, row.payload, {
        siteUrl: site,
        recipientName: row.display_name,
        unsubscribeUrl
      });
      await transport.sendMail({
        from: o.from ?? DEFAULT_FROM,
        to: row.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: {
          // RFC 8058: one click in the mail client unsubscribes, no sign-in needed.
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'X-Hub-Kind': row.kind
        }
      });
    } catch (e) {
      const { rows } = await pool.query<{ s: 'pending' | 'failed' }>(
        'select private.email_failed($1, $2, $3, $4) as s',
        [row.id, (e as Error).message, now.toISOString(), maxAttempts]
      );
      const status = rows[0]?.s ?? 'failed';
      log(`email ${row.id} (${row.kind}) not sent: ${(e as Error).message} (${status})`);
      return status;
    }
    await pool.query('select private.email_sent($1, $2)', [row.id, now.toISOString()]);
    return 'sent';
  }

  /** Sends every email due at `now`, a batch at a time. */
  async function sendDue(now: Date): Promise<SendReport> {
    const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const { rows } = await pool.query<ClaimedRow>(
        'select * from private.claim_emails($1, $2, $3, $4)',
        [batch, now.toISOString(), leaseSeconds, maxAttempts]
      );
      for (const row of rows) {
        const outcome = await sendOne(row, now);
        if (outcome === 'sent') report.sent++;
        else if (outcome === 'pending') report.retrying++;
        else report.failed++;
      }
      if (rows.length < batch) return report;
    }
  }

  /** Everyone's digest now, looking back a whole period (the operator's "send now"). */
  async function queueDigestsNow(now: Date): Promise<number> {
    const { rows } = await pool.query<{ n: number }>(
      'select private.enqueue_digests($1, true) as n',
      [now.toISOString()]
    );
    return rows[0]!.n;
  }

  /** One round: the schedules, then sending. */
  async function runOnce(now: Date) {
    const schedules = await runSchedules(now);
    const sending = await sendDue(now);
    return { schedules, sending };
  }

  async function close() {
    transport.close();
    await pool.end();
  }

  return { runSchedules, queueDigestsNow, sendDue, runOnce, close };
}

export type Worker = ReturnType<typeof createWorker>;
