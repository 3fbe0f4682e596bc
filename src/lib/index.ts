// Shared, browser-safe helpers. Server-only code lives in ./server/ (import-guarded).
export { safeNext } from './safe-next.ts';
export { formatDate, formatDateTime } from './dates.ts';
