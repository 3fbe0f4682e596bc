import type { z } from 'zod';

/** One problem with a form, for the error summary and the field's own message. */
export interface FieldError {
  /** The id of the input it is about; absent for problems with the whole form. */
  field?: string;
  message: string;
}

export type FormValues = Record<string, string>;

export type Parsed<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldError[]; values: FormValues };

/** The submitted text fields, as typed, so a form can be shown again with them in it. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/**
 * Validates form data with a zod schema. Errors come back one per field, in the order the
 * fields appear in the schema (the order of the form), as GOV.UK's error summary wants.
 */
export function parseForm<S extends z.ZodObject>(
  schema: S,
  formData: FormData
): Parsed<z.output<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };

  const order = Object.keys(schema.shape);
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const errors = [...byField.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([field, message]) => (field ? { field, message } : { message }));
  return { ok: false, errors, values };
}

/** The message for one field, for its inline error. */
export function errorFor(errors: FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

/** What a form action sent back with a failure, read the same way on every form page. */
export interface FormResult {
  errors: FieldError[];
  /** What was typed; absent when the form has not come back (show stored values). */
  values?: FormValues;
  /** Ticked outcome ids, as sent. */
  outcomes?: string[];
  /** The row changed since the form was opened (a stale version). */
  conflict: boolean;
}

/** Reads a page's `form` prop (any action's data, or null before a post) as a FormResult. */
export function formResult(form: object | null | undefined): FormResult {
  const f: Partial<FormResult> = form ?? {};
  return {
    errors: f.errors ?? [],
    values: f.values,
    outcomes: f.outcomes,
    conflict: f.conflict === true
  };
}
