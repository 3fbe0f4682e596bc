import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
// Playwright cannot download browsers on the project's machines: use the system Chromium
// when there is one (CHROMIUM_PATH to choose another), else Playwright's own.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

import { APP_URL, ports } from './tests/e2e/ports.ts';
import { stackEnv } from './stack/spawn-stack.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  // One browser at a time: the machine has 2 cores and the stack runs beside the tests.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic'
          ]
        }
      }
    }
  ],
  // E2E_APP_URL points the tests at a stack that is already running instead.
  webServer: process.env.E2E_APP_URL
    ? undefined
    : {
        // `npm test` runs `vite build` first; this serves that build on a throwaway database.
        command: 'node stack/cli.ts --app --memory',
        url: `http://127.0.0.1:${ports.app}`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          // E2E_DB_URL (scripts/test.ts sets it when TEST_DATABASE_URL is set, as in CI): a
          // fresh database on the Postgres server instead of the embedded one.
          ...stackEnv(ports, process.env.E2E_DB_URL ?? ''),
          // Every test signs in from 127.0.0.1; the per-email limit stays on.
          HUB_IP_RATE_LIMIT_PER_HOUR: '10000'
        }
      }
});
