import { defineConfig } from 'vitest/config';

// Four test layers; `npm test` (scripts/test.ts) runs them in order, Playwright last.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.spec.ts', 'stack/**/*.spec.ts', 'scripts/**/*.spec.ts'],
          environment: 'node'
        }
      },
      {
        test: {
          name: 'db',
          include: ['supabase/tests/**/*.test.ts'],
          environment: 'node',
          // Each file opens its own database; running them one at a time keeps the
          // 2-core machine responsive and role creation on the shared server serial.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000
        }
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000
        }
      }
    ]
  }
});
