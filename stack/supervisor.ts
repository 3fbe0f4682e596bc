import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs the stack's child processes (PostgREST, the app). A child that dies on its own
 * is reported with a one-line cause and the last thing it printed; stopping sends
 * SIGTERM, then SIGKILL after a grace period, so Ctrl-C never leaves orphans.
 */
export interface Child {
  name: string;
  process: ChildProcess;
  alive(): boolean;
  lastOutput(): string;
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Print the child's output as it comes (prefixed), instead of only keeping the tail. */
  echo?: boolean;
  onUnexpectedExit: (child: Child, why: string) => void;
}

export function spawnChild(opts: SpawnOptions): Child {
  const tail: string[] = [];
  let exited = false;
  let stopping = false;
  const proc = spawn(opts.command, opts.args, {
    env: opts.env,
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (opts.echo) console.log(`[${opts.name}] ${line}`);
    }
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);

  const child: Child = {
    name: opts.name,
    process: proc,
    alive: () => !exited,
    lastOutput: () => tail.slice(-3).join(' | '),
    async stop(graceMs = 3000) {
      stopping = true;
      if (exited) return;
      const done = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await done;
      clearTimeout(timer);
    }
  };

  proc.once('error', (e) => {
    exited = true;
    if (!stopping) opts.onUnexpectedExit(child, `could not start ${opts.command}: ${e.message}`);
  });
  proc.once('exit', (code, signal) => {
    exited = true;
    if (stopping) return;
    // Ctrl-C reaches the whole process group: a child ended by it is not a failure.
    if (signal === 'SIGINT' || signal === 'SIGTERM' || code === 130 || code === 143) {
      opts.onUnexpectedExit(child, 'interrupted');
      return;
    }
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const said = tail.length ? `: ${child.lastOutput()}` : '';
    opts.onUnexpectedExit(child, `${opts.name} ${how}${said}`);
  });
  return child;
}
