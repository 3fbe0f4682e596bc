import { z } from 'zod';
import { todayInLondon } from '#lib/dates.ts';
import { isClosed } from '#lib/commitment-status.ts';
import { ENUMS } from '#lib/labels.ts';
import { isRealDate } from './commitment.ts';

/**
 * A check-in by the owner (a closing check-in ignores any next check-in date sent): a note, an optional status change and the next check-in date.
 * Done needs a closing note and dropped a reason (the note; the database insists too);
 * an open commitment needs a next check-in date, today or later in London.
 */
export function checkInSchema(today: string = todayInLondon()) {
  return z
    .object({
      status_to: z
        .string()
        .optional()
        .transform((value) => (value ? value : null))
        .pipe(z.enum(ENUMS.commitment_status, 'Select a status from the list').nullable()),
      note: z
        .string()
        .optional()
        .default('')
        .transform((value) => value.trim()),
      next_check_in_on: z
        .string()
        .optional()
        .transform((value) => (value?.trim() ? value.trim() : null))
    })
    .superRefine((value, ctx) => {
      if (value.note === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['note'],
          message:
            value.status_to === 'done'
              ? 'Enter a closing note: what you did and what it achieved'
              : value.status_to === 'dropped'
                ? 'Enter the reason you are dropping this commitment'
                : 'Enter a note about your progress'
        });
      } else if (value.note.length > 5000) {
        ctx.addIssue({
          code: 'custom',
          path: ['note'],
          message: 'Your note must be 5,000 characters or fewer'
        });
      }
      if (isClosed(value.status_to)) return;
      const next = value.next_check_in_on;
      if (!next) {
        ctx.addIssue({
          code: 'custom',
          path: ['next_check_in_on'],
          message: 'Enter the date of your next check-in'
        });
      } else if (!isRealDate(next)) {
        ctx.addIssue({
          code: 'custom',
          path: ['next_check_in_on'],
          message: 'The next check-in date must be a real date, like 2027-01-31'
        });
      } else if (next < today) {
        ctx.addIssue({
          code: 'custom',
          path: ['next_check_in_on'],
          message: 'The next check-in date must be today or in the future'
        });
      }
    });
}

export type CheckInInput = z.output<ReturnType<typeof checkInSchema>>;
