// Rules about a commitment's status that pages and validation share (browser-safe).
import type { CommitmentStatus } from './labels.ts';

/** Done and dropped close a commitment: no next check-in, and the last note says why. */
export const isClosed = (status: string | null | undefined): boolean =>
  status === 'done' || status === 'dropped';

/** Open commitments first by status, in the order a reader scans them. */
export const STATUS_ORDER = [
  'in_progress',
  'blocked',
  'planned',
  'done',
  'dropped'
] as const satisfies readonly CommitmentStatus[];

/** Open ones first, each side kept in the order it came. */
export function openFirst<T extends { status: string | null }>(rows: T[]): T[] {
  return [...rows.filter((c) => !isClosed(c.status)), ...rows.filter((c) => isClosed(c.status))];
}
