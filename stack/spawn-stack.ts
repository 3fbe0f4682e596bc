// Starts the embedded stack (built app, throwaway database) as a child process on ports
// of its own, and stops it: for the integration run, tests that need a stack apart, the
// Playwright web server's environment, and the benches.
import { spawn, type ChildProcess } from 'node:child_process';

export interface StackPorts {
  app: number;
  api: number;
  db: number;
  mailbox: number;
  /** PostgREST; its admin port is the next one. */
  postgrest: number;
  /** The mailbox's SMTP port; mailbox + 4 unless given. */
  smtp?: number;
}

export interface RunningStack {
  appUrl: string;
  apiUrl: string;
  mailboxUrl: string;
  /** Where the worker sends (the mailbox's SMTP side). */
  smtpUrl: string;
  dbUrl: string;
  /** Stops the stack (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

const READY = 'Network Hub is ready';

/**
 * The environment that puts the stack on `ports`, on the throwaway embedded database
 * (an empty DATABASE_URL counts as unset) even where DATABASE_URL is set, unless
 * `databaseUrl` names a database on a Postgres server to use instead.
 */
export function stackEnv(ports: StackPorts, databaseUrl = ''): Record<string, string> {
  return {
    PORT: String(ports.app),
    HUB_API_PORT: String(ports.api),
    HUB_DB_PORT: String(ports.db),
    HUB_MAILBOX_PORT: String(ports.mailbox),
    HUB_POSTGREST_PORT: String(ports.postgrest),
    HUB_POSTGREST_ADMIN_PORT: String(ports.postgrest + 1),
    HUB_SMTP_PORT: String(smtpPortOf(ports)),
    // Test stacks drive the email worker themselves, with a clock of their own.
    HUB_WORKER: '0',
    SITE_URL: `http://127.0.0.1:${ports.app}`,
    DATABASE_URL: databaseUrl
  };
}
export const smtpPortOf = (ports: StackPorts): number => ports.smtp ?? ports.mailbox + 4;

const START_TIMEOUT_MS = 150_000;

/**
 * `node stack/cli.ts --app --memory [...args]` on `ports`; resolves when it says it is
 * ready. The throwaway embedded database, even where DATABASE_URL is set, unless
 * `databaseUrl` is given (the stack then migrates and seeds that database).
 */
export async function spawnStack(
  ports: StackPorts,
  opts: { args?: string[]; env?: NodeJS.ProcessEnv; databaseUrl?: string } = {}
): Promise<RunningStack> {
  const appUrl = `http://127.0.0.1:${ports.app}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...stackEnv(ports, opts.databaseUrl),
    ...opts.env
  };
  const proc: ChildProcess = spawn(
    process.execPath,
    ['stack/cli.ts', '--app', '--memory', ...(opts.args ?? [])],
    { env, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The stack did not start in 150 s:\n${output}`)),
      START_TIMEOUT_MS
    );
    const onData = (b: Buffer) => {
      output += b.toString();
      if (output.includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The stack exited (code ${code}) before it was ready:\n${output}`));
    });
  });
  return {
    appUrl,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    mailboxUrl: `http://127.0.0.1:${ports.mailbox}`,
    smtpUrl: `smtp://127.0.0.1:${smtpPortOf(ports)}`,
    dbUrl: opts.databaseUrl ?? `postgres://postgres@127.0.0.1:${ports.db}/postgres`,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
  };
}
