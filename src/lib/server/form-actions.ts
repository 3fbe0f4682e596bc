// Form actions: one way to read a form with outcome checkboxes, and one way to turn a
// failed save into what the form shows again (with what was typed kept).
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { serviceTroubleMessage, toDataError } from './errors.ts';
import { outcomeIds } from '#lib/validation/commitment.ts';
import { parseForm, type FieldError, type FormValues } from '#lib/validation/form.ts';

export interface FormFailure {
  errors: FieldError[];
  values: FormValues;
  outcomes?: string[];
  action?: string;
}

/** How a form words the database's refusals of its change. */
export interface RefusalMessages {
  forbidden: string;
  invalid?: string;
  conflict?: string;
  /**
   * The field a refusal the database explained is about: a rule of ours that raises 42501
   * with a hint (e.g. "Only members of a workstream can put things in it.") is shown in
   * its own words, linked to this field. Row Level Security refusals carry no hint, so
   * they still get `forbidden`.
   */
  explainedField?: string;
}

/**
 * The failure a form action returns when the database refused a change, with what was
 * typed kept. `messages` words the refusals for this form; conflicts are handled by the
 * caller first when it wants to re-show the latest version.
 */
export function refused(
  cause: unknown,
  data: Omit<FormFailure, 'errors'>,
  messages: RefusalMessages
) {
  const error = toDataError(cause);
  const trouble = serviceTroubleMessage(error.kind);
  if (trouble !== null) return fail(503, { ...data, errors: [{ message: trouble }] });
  if (error.kind === 'forbidden' && messages.explainedField && error.hint) {
    const message = `${error.message} ${error.hint}`;
    return fail(403, { ...data, errors: [{ field: messages.explainedField, message }] });
  }
  if (error.kind === 'forbidden')
    return fail(403, { ...data, errors: [{ message: messages.forbidden }] });
  if (error.kind === 'conflict') {
    return fail(409, {
      ...data,
      errors: [{ message: messages.conflict ?? `${error.message} Check the page and try again.` }]
    });
  }
  if (error.kind === 'invalid') {
    return fail(400, {
      ...data,
      errors: [
        { message: messages.invalid ?? `${error.message} Check your answers and try again.` }
      ]
    });
  }
  if (error.kind === 'not_found') {
    return fail(404, {
      ...data,
      errors: [{ message: 'That could not be found. It may have been archived.' }]
    });
  }
  throw error;
}

/** Ticked checkboxes named `name`, as a list. */
export function checked(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * A form with outcome checkboxes (`outcome`, repeated), validated: its fields by `schema`,
 * the ticked outcomes as ids. When either is wrong, `failure` is the 400 to return, with
 * every problem in form order and what was typed kept.
 */
export function parseWithOutcomes<S extends z.ZodObject>(schema: S, formData: FormData) {
  const outcomes = checked(formData, 'outcome');
  const parsed = parseForm(schema, formData);
  const tags = outcomeIds.safeParse(outcomes);
  if (!parsed.ok || !tags.success) {
    const errors = parsed.ok ? [] : parsed.errors;
    if (!tags.success)
      errors.push({
        field: 'outcome',
        message: tags.error.issues[0]?.message ?? 'Select outcomes from the list'
      });
    return { ok: false as const, failure: fail(400, { errors, values: parsed.values, outcomes }) };
  }
  return {
    ok: true as const,
    data: parsed.data,
    outcomeIds: tags.data,
    values: parsed.values,
    outcomes
  };
}

/**
 * When saving an edit failed because the row changed since the form was opened (the
 * version check, PT409): the 409 that shows the form again with what was typed, against
 * the latest version, so saving again works. Otherwise null, for `refused` to word.
 */
export async function editConflict(
  cause: unknown,
  latestVersion: () => Promise<number>,
  message: string,
  data: { values: FormValues; outcomes: string[] }
) {
  const error = toDataError(cause);
  if (error.kind !== 'conflict' || error.code !== 'PT409') return null;
  let latest: string | undefined;
  try {
    latest = String(await latestVersion());
  } catch {
    latest = undefined;
  }
  return fail(409, {
    conflict: true,
    errors: [{ message }],
    values: { ...data.values, ...(latest ? { version: latest } : {}) },
    outcomes: data.outcomes
  });
}

/**
 * What an edit form returns when saving failed: the conflict against the latest version
 * (see `editConflict`), or the refusal, worded by `messages`, with what was typed kept.
 */
export async function editRefused(
  cause: unknown,
  form: { values: FormValues; outcomes: string[] },
  latestVersion: () => Promise<number>,
  messages: { conflict: string } & Pick<RefusalMessages, 'forbidden' | 'explainedField'>
) {
  const conflict = await editConflict(cause, latestVersion, messages.conflict, form);
  return (
    conflict ??
    refused(
      cause,
      { values: form.values, outcomes: form.outcomes },
      {
        forbidden: messages.forbidden,
        explainedField: messages.explainedField,
        invalid: 'Some of your answers could not be saved. Check them and try again.'
      }
    )
  );
}
