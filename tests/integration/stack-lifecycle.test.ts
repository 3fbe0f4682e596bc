import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testPort } from '../port-offset.ts';

// A second, app-less stack on ports of its own: start-up, a clash, and a clean stop.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  HUB_API_PORT: String(testPort(27321)),
  HUB_DB_PORT: String(testPort(27322)),
  HUB_MAILBOX_PORT: String(testPort(27324)),
  HUB_POSTGREST_PORT: String(testPort(27325)),
  HUB_POSTGREST_ADMIN_PORT: String(testPort(27326))
};
delete env.DATABASE_URL;

function run(): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['stack/cli.ts', '--memory', '--no-seed'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  proc.stdout!.on('data', (b) => (out += b));
  proc.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, output: () => out, exited };
}

async function untilReady(s: ReturnType<typeof run>) {
  for (let i = 0; i < 600 && !s.output().includes('is ready'); i++) {
    if (s.proc.exitCode !== null) throw new Error(s.output());
    await new Promise((r) => setTimeout(r, 100));
  }
}

const childrenOf = (pid: number) => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter(Boolean);
  } catch {
    return [];
  }
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded stack as a process', () => {
  it('refuses to start twice on the same ports with a one-line cause, then stops cleanly leaving no process behind', async () => {
    const first = run();
    await untilReady(first);
    const kids = childrenOf(first.proc.pid!);
    expect(kids.length).toBeGreaterThan(0); // PostgREST

    const second = run();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(
      new RegExp(`Port ${testPort(27321)} \\(API gateway\\) is already in use`)
    );
    expect(second.output().trim().split('\n')).toHaveLength(1);

    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(kids.filter(alive)).toEqual([]);
  });

  it('stops everything with a one-line cause and a non-zero exit when PostgREST dies', async () => {
    const s = run();
    await untilReady(s);
    const [postgrest] = childrenOf(s.proc.pid!);
    process.kill(postgrest!, 'SIGKILL');
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/Network Hub stopped: PostgREST was killed by SIGKILL/);
  });
});
