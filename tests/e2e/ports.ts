// Ports of the throwaway stack Playwright starts: apart from `npm start` (3000, 5432x) and
// the integration tests (3200, 2632x), so all three can run on one machine.
import { testPorts } from '../port-offset.ts';
export const ports = testPorts({
  app: 3100,
  api: 25321,
  db: 25322,
  mailbox: 25324,
  postgrest: 25325,
  smtp: 25328
});

export const APP_URL = process.env.E2E_APP_URL ?? `http://127.0.0.1:${ports.app}`;
export const MAILBOX_URL = process.env.E2E_MAILBOX_URL ?? `http://127.0.0.1:${ports.mailbox}`;
export const SMTP_URL = process.env.E2E_SMTP_URL ?? `smtp://127.0.0.1:${ports.smtp}`;
export const DB_URL =
  process.env.E2E_DB_URL ?? `postgres://postgres@127.0.0.1:${ports.db}/postgres`;
export const API_URL = process.env.E2E_API_URL ?? `http://127.0.0.1:${ports.api}`;
