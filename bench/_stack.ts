import { spawn, type ChildProcess } from 'node:child_process';

/** Starts the stack with the built app on bench ports; resolves once it is ready. */
export async function startBenchStack(extraEnv: NodeJS.ProcessEnv = {}, extraArgs: string[] = []) {
  const ports = { app: 3400, api: 28321, db: 28322, mailbox: 28324, postgrest: 28325 };
  const env = {
    ...process.env,
    PORT: String(ports.app),
    HUB_API_PORT: String(ports.api),
    HUB_DB_PORT: String(ports.db),
    HUB_MAILBOX_PORT: String(ports.mailbox),
    HUB_POSTGREST_PORT: String(ports.postgrest),
    HUB_POSTGREST_ADMIN_PORT: String(ports.postgrest + 1),
    SITE_URL: `http://127.0.0.1:${ports.app}`,
    ...extraEnv
  };
  const proc: ChildProcess = spawn(
    process.execPath,
    ['stack/cli.ts', '--app', '--memory', ...extraArgs],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const on = (b: Buffer) => {
      out += b;
      if (out.includes('is ready')) resolve();
    };
    proc.stdout!.on('data', on);
    proc.stderr!.on('data', on);
    proc.once('exit', () => reject(new Error(out)));
  });
  return {
    appUrl: `http://127.0.0.1:${ports.app}`,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    dbUrl: `postgres://postgres@127.0.0.1:${ports.db}/postgres`,
    mailboxUrl: `http://127.0.0.1:${ports.mailbox}`,
    async stop() {
      const done = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await done;
    }
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
