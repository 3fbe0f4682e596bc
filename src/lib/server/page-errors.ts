import { error } from '@sveltejs/kit';
import { DataError, serviceTroubleMessage, toDataError } from './errors.ts';

/**
 * Ends a load or action with the right HTTP error for a data failure. Use it in catch
 * blocks of loads; actions with forms to re-show handle conflicts and invalid input first.
 */
export function failPage(cause: unknown): never {
  const e: DataError = toDataError(cause);
  const trouble = serviceTroubleMessage(e.kind);
  if (trouble !== null) error(503, trouble, { kind: e.kind });
  if (e.kind === 'not_found') error(404, 'Page not found', { kind: 'not_found' });
  if (e.kind === 'forbidden') {
    error(403, 'You do not have permission to see this page.', { kind: 'forbidden' });
  }
  throw e;
}
