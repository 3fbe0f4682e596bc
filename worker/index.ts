// The email worker: `npm run worker` in production (beside `node build`), started by
// `npm start` locally. Configured by DATABASE_URL (direct Postgres, as the service) and
// SMTP_URL (nodemailer), SITE_URL for links, EMAIL_FROM for the sender.
//
//   npm run worker                          every minute send what is due; every hour
//                                           first run the schedules (--schedules-every=s)
//   npm run worker -- --once                one round, then stop
//   npm run worker -- --once --digests-now  also queue everyone's digest now, then send
//   npm run worker -- --once --now=2026-12-08T09:00:00Z   one round on a fake clock (tests)
import { createWorker } from '../src/lib/server/email/worker.ts';
import { readConfig } from '../stack/config.ts';

const known = ['--once', '--digests-now', '--now', '--interval', '--schedules-every', '--help'];
const args = new Map<string, string>();
for (const a of process.argv.slice(2)) {
  const [k, v = ''] = a.split('=', 2) as [string, string?];
  if (!known.includes(k)) {
    console.error(`Unknown option ${a}. Options: ${known.join(', ')}.`);
    process.exit(2);
  }
  args.set(k, v);
}
if (args.has('--help')) {
  console.log(
    'npm run worker [-- --once] [--digests-now] [--now=ISO time] [--interval=seconds] [--schedules-every=seconds]\n' +
      'DATABASE_URL and SMTP_URL (default: the embedded stack of npm start); SITE_URL for links.'
  );
  process.exit(0);
}

// Unset, both default to the embedded stack's (npm start), so the README's one-liner works
// beside it; in production set both.
const local = readConfig();
const databaseUrl =
  process.env.DATABASE_URL || `postgres://postgres@127.0.0.1:${local.dbPort}/postgres`;
const smtpUrl = process.env.SMTP_URL || `smtp://127.0.0.1:${local.smtpPort}`;
if (!process.env.DATABASE_URL || !process.env.SMTP_URL)
  console.log(
    `Using the embedded stack's ${[
      !process.env.DATABASE_URL && `database (${databaseUrl})`,
      !process.env.SMTP_URL && `mailbox (${smtpUrl})`
    ]
      .filter(Boolean)
      .join(' and ')}: set DATABASE_URL and SMTP_URL in production.`
  );
const fakeNow = args.get('--now');
if (fakeNow !== undefined && Number.isNaN(Date.parse(fakeNow))) {
  console.error(`--now=${fakeNow} is not a time. Use ISO 8601, e.g. --now=2026-12-08T09:00:00Z.`);
  process.exit(2);
}
const clock = () => (fakeNow ? new Date(fakeNow) : new Date());
const intervalSeconds = Number(args.get('--interval') || 60);
// The schedules read the whole network (on the large seed, seconds of work): hourly is
// soon enough for digests, nudges and reminders, and each is queued once per period anyway.
const schedulesEverySeconds = Number(args.get('--schedules-every') || 3600);
let lastSchedules = -Infinity;

const worker = createWorker({
  databaseUrl,
  smtpUrl,
  siteUrl: process.env.SITE_URL || local.siteUrl,
  from: process.env.EMAIL_FROM || undefined,
  log: (line) => console.log(line)
});

async function round() {
  const now = clock();
  if (args.has('--digests-now')) {
    const queued = await worker.queueDigestsNow(now);
    console.log(`Queued ${queued} digest(s) now.`);
  }
  const due = args.has('--once') || Date.now() - lastSchedules >= schedulesEverySeconds * 1000;
  const schedules = due ? await worker.runSchedules(now) : { digests: 0, nudges: 0, reminders: 0 };
  if (due) lastSchedules = Date.now();
  const sending = await worker.sendDue(now);
  const quiet =
    Object.values(schedules).every((n) => n === 0) &&
    sending.sent + sending.retrying + sending.failed === 0;
  if (!quiet || args.has('--once'))
    console.log(
      `Queued ${schedules.digests} digest(s), ${schedules.nudges} nudge(s), ${schedules.reminders} reminder(s); ` +
        `sent ${sending.sent}, will retry ${sending.retrying}, gave up ${sending.failed}.`
    );
}

if (args.has('--once')) {
  try {
    await round();
  } catch (e) {
    console.error(`The email worker could not run: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await worker.close();
  }
} else {
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  const loop = async () => {
    try {
      await round();
    } catch (e) {
      // The database or SMTP server may be restarting: say so and try again next round.
      console.error(
        `Email round failed, trying again in ${intervalSeconds} s: ${(e as Error).message}`
      );
    }
    if (!stopping) timer = setTimeout(loop, intervalSeconds * 1000);
  };
  const stop = async () => {
    stopping = true;
    clearTimeout(timer);
    await worker.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  console.log(
    `Email worker sending every ${intervalSeconds} s, running the schedules every ${schedulesEverySeconds} s.`
  );
  void loop();
}
