import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

// Starts the whole embedded stack (with the built app and a throwaway database) on ports
// of its own, so integration tests talk to real PostgREST, auth and Postgres.
const ports = { app: 3200, api: 56321, db: 56322, mailbox: 56324, postgrest: 56325 };
let stack: ChildProcess | undefined;

export async function setup(project: TestProject) {
  if (!existsSync('build/index.js')) {
    const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
      stdio: 'inherit'
    });
    if (built.status !== 0)
      throw new Error('`vite build` failed: the integration tests need the built app.');
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(ports.app),
    HUB_API_PORT: String(ports.api),
    HUB_DB_PORT: String(ports.db),
    HUB_MAILBOX_PORT: String(ports.mailbox),
    HUB_POSTGREST_PORT: String(ports.postgrest),
    HUB_POSTGREST_ADMIN_PORT: String(ports.postgrest + 1),
    SITE_URL: `http://127.0.0.1:${ports.app}`,
    // Many sign-ins from one address in a test run; the per-email limit stays on.
    HUB_IP_RATE_LIMIT_PER_HOUR: '10000'
  };
  delete env.DATABASE_URL;
  stack = spawn(process.execPath, ['stack/cli.ts', '--app', '--memory'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The stack did not start in 150 s:\n${output}`)),
      150_000
    );
    const onData = (b: Buffer) => {
      output += b.toString();
      if (output.includes('Network Hub is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    stack!.stdout!.on('data', onData);
    stack!.stderr!.on('data', onData);
    stack!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The stack exited (code ${code}) before it was ready:\n${output}`));
    });
  });
  project.provide('hub', {
    apiUrl: `http://127.0.0.1:${ports.api}`,
    mailboxUrl: `http://127.0.0.1:${ports.mailbox}`,
    appUrl: `http://127.0.0.1:${ports.app}`,
    dbUrl: `postgres://postgres@127.0.0.1:${ports.db}/postgres`
  });
  process.env.HUB_TEST_API_URL = `http://127.0.0.1:${ports.api}`;
  process.env.HUB_TEST_MAILBOX_URL = `http://127.0.0.1:${ports.mailbox}`;
  process.env.HUB_TEST_APP_URL = `http://127.0.0.1:${ports.app}`;
  process.env.HUB_TEST_DB_URL = `postgres://postgres@127.0.0.1:${ports.db}/postgres`;
}

export async function teardown() {
  if (!stack || stack.exitCode !== null) return;
  const exited = new Promise((r) => stack!.once('exit', r));
  stack.kill('SIGTERM');
  await exited;
}

declare module 'vitest' {
  export interface ProvidedContext {
    hub: { apiUrl: string; mailboxUrl: string; appUrl: string; dbUrl: string };
  }
}
