import { describe, expect, it } from 'vitest';
import { parseForm } from './form.ts';
import { contributorRows, outputSchema, parseContributors, reuseSchema } from './output.ts';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const fields = {
  title: ' Bin collection API guide ',
  kind: 'guide',
  summary: 'How to call it.',
  body: '',
  external_url: '',
  licence: 'ogl_3',
  licence_url: '',
  workstream_id: '',
  status: 'published'
};

describe('the output form', () => {
  it('trims the title and leaves empty optional fields empty', () => {
    const parsed = parseForm(outputSchema(), form(fields));
    expect(parsed.ok && parsed.data).toMatchObject({
      title: 'Bin collection API guide',
      body: null,
      external_url: null,
      workstream_id: null
    });
  });

  it('refuses a link that is not a web address, and a licence not on the list', () => {
    const parsed = parseForm(
      outputSchema(),
      form({ ...fields, external_url: 'github.com/x', licence: 'gpl' })
    );
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['external_url', 'licence']);
  });

  it('sends a mangled version as 0 when editing, so the database calls it a conflict', () => {
    const parsed = parseForm(outputSchema({ editing: true }), form({ ...fields, version: 'x' }));
    expect(parsed.ok && parsed.data.version).toBe(0);
  });
});

describe('contributor rows', () => {
  it('reads filled rows, drops an @ and capitals, and skips empty ones', () => {
    const { rows, errors } = parseContributors(
      form({ contributor_1: '@Aisha-Khan', credit_1: 'research', contributor_3: 'tom-fletcher' })
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { n: 1, handle: 'aisha-khan', credit: 'research' },
      { n: 3, handle: 'tom-fletcher', credit: null }
    ]);
  });

  it('says what is wrong with each row, linked to its field', () => {
    const { errors } = parseContributors(
      form({
        contributor_1: 'not a handle',
        credit_2: 'code',
        contributor_3: 'aisha-khan',
        contributor_4: 'aisha-khan'
      })
    );
    expect(errors.map((e) => e.field)).toEqual(['contributor_1', 'contributor_2', 'contributor_4']);
    expect(errors[1]!.message).toBe('Enter the handle of the member credited with “code”');
  });

  it('shows every listed row and two empty ones, at least three', () => {
    expect(contributorRows({})).toBe(3);
    expect(contributorRows({ contributor_1: 'a', contributor_4: 'b' })).toBe(6);
  });
});

describe('we’ve used this', () => {
  it('needs a phase from the list', () => {
    const parsed = parseForm(
      reuseSchema,
      form({ output_id: '00000000-0000-4000-8000-000000000001', phase: 'gamma', note: '' })
    );
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['phase']);
  });
});
