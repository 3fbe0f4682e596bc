import type { Client } from './supabase.ts';
import { DataError, toDataError } from './errors.ts';
import { isClosed } from '#lib/commitment-status.ts';
import type { CheckInInput } from '#lib/validation/check-in.ts';

/**
 * The owner checks in: a note, maybe a new status, the next check-in date. A trigger
 * moves the commitment on (status, next check-in, closing note when done or dropped).
 * Row Level Security refuses anyone but the owner (and steering): that is the rule, not
 * anything here.
 */
export async function create(
  client: Client,
  commitmentId: string,
  userId: string,
  input: CheckInInput
) {
  const closing = isClosed(input.status_to);
  const result = await client
    .from('check_ins')
    .insert({
      commitment_id: commitmentId,
      author_id: userId,
      note: input.note,
      status_to: input.status_to,
      next_check_in_on: closing ? null : input.next_check_in_on
    })
    .select('id')
    .single();
  if (result.error) {
    const error = toDataError(result.error, result.status);
    if (error.kind === 'forbidden') {
      throw new DataError(
        'forbidden',
        'Only the owner of a commitment can check in on it.',
        403,
        error.code,
        result.error
      );
    }
    throw error;
  }
  return result.data.id;
}
