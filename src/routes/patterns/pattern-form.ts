// Reading the pattern form (new and edit): its fields, ticked outcomes and ticked examples,
// with every problem in form order and what was typed kept.
import { fail } from '@sveltejs/kit';
import { checked, parseWithOutcomes } from '#lib/server/form-actions.ts';
import { exampleIds, patternSchema } from '#lib/validation/pattern.ts';

export function parsePatternForm(formData: FormData, { editing = false } = {}) {
  const form = parseWithOutcomes(patternSchema({ editing }), formData);
  const examples = checked(formData, 'example');
  const ids = exampleIds.safeParse(examples);
  if (!form.ok || !ids.success) {
    const failed = form.ok
      ? { errors: [], values: form.values, outcomes: form.outcomes }
      : form.failure.data;
    const errors = [...failed.errors];
    if (!ids.success)
      errors.push({
        field: 'example',
        message: ids.error.issues[0]?.message ?? 'Select examples from the list'
      });
    return {
      ok: false as const,
      failure: fail(400, { errors, values: failed.values, outcomes: failed.outcomes, examples })
    };
  }
  return { ...form, ok: true as const, examples, exampleIds: ids.data };
}
