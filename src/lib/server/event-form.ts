import { fail } from '@sveltejs/kit';
import { toDataError } from './errors.ts';
import type { FormValues } from '#lib/validation/form.ts';

/**
 * The refusals of save_event a field explains: an unknown co-organiser handle, a web
 * address (from the name) already in use. Null for the rest, for `refused` to word.
 */
export function eventSaveRefused(cause: unknown, form: { values: FormValues; outcomes: string[] }) {
  const error = toDataError(cause);
  const keep = { values: form.values, outcomes: form.outcomes };
  if (error.code === '22023' && error.hint)
    return fail(400, {
      ...keep,
      errors: [{ field: 'organisers', message: `${error.message} ${error.hint}` }]
    });
  // The only unique value an event has is its web address, made from its name.
  if (error.code === '23505')
    return fail(409, {
      ...keep,
      errors: [
        {
          field: 'title',
          message:
            'An event with this name already exists. Add the place or year to the name, like “LocalGovCamp North 2027”.'
        }
      ]
    });
  return null;
}
