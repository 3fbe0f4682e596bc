import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { testPort } from '../port-offset.ts';

// An app-less stack as a process of its own (`node stack/cli.ts --memory --no-seed`), on
// ports from `base` (api base, db +1, mailbox +3, PostgREST +4 and +5, SMTP +7), for tests that
// stop, kill or flood a stack and so cannot share the global one.

export interface StackProcess {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  apiUrl: string;
  dbUrl: string;
  mailboxUrl: string;
}

export function stackProcessEnv(base: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUB_API_PORT: String(testPort(base)),
    HUB_DB_PORT: String(testPort(base + 1)),
    HUB_MAILBOX_PORT: String(testPort(base + 3)),
    HUB_POSTGREST_PORT: String(testPort(base + 4)),
    HUB_POSTGREST_ADMIN_PORT: String(testPort(base + 5)),
    HUB_SMTP_PORT: String(testPort(base + 7)),
    ...extra
  };
  delete env.DATABASE_URL;
  return env;
}

export function runStack(base: number, extra: NodeJS.ProcessEnv = {}): StackProcess {
  const proc = spawn(process.execPath, ['stack/cli.ts', '--memory', '--no-seed'], {
    env: stackProcessEnv(base, extra),
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  proc.stdout!.on('data', (b) => (out += b));
  proc.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    output: () => out,
    exited,
    apiUrl: `http://127.0.0.1:${testPort(base)}`,
    dbUrl: `postgres://postgres@127.0.0.1:${testPort(base + 1)}/postgres`,
    mailboxUrl: `http://127.0.0.1:${testPort(base + 3)}`
  };
}

export async function untilReady(s: StackProcess) {
  for (let i = 0; i < 600 && !s.output().includes('is ready'); i++) {
    if (s.proc.exitCode !== null) throw new Error(s.output());
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const childrenOf = (pid: number) => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter(Boolean);
  } catch {
    return [];
  }
};

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
