import { describe, expect, it } from 'vitest';
import { formResult, parseForm } from './form.ts';
import { profileSchema } from './profile.ts';
import { codeSchema, emailSchema } from './sign-in.ts';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe('sign-in forms', () => {
  it('accepts an email address with stray spaces and trims them', () => {
    const parsed = parseForm(emailSchema, form({ email: '  sam@example.org ' }));
    expect(parsed.ok && parsed.data.email).toBe('sam@example.org');
  });

  it('asks for an email address in the right format and keeps what was typed', () => {
    const parsed = parseForm(emailSchema, form({ email: 'not-an-email' }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      {
        field: 'email',
        message: 'Enter an email address in the correct format, like name@example.org'
      }
    ]);
    expect(parsed.values.email).toBe('not-an-email');
  });

  it('asks for an email address when none was given', () => {
    const parsed = parseForm(emailSchema, form({ email: '' }));
    expect(!parsed.ok && parsed.errors[0]?.message).toBe('Enter your email address');
  });

  it('accepts a pasted code with a space in it', () => {
    const parsed = parseForm(codeSchema, form({ code: '123 456' }));
    expect(parsed.ok && parsed.data.code).toBe('123456');
  });

  it('refuses a code that is not 6 digits', () => {
    const parsed = parseForm(codeSchema, form({ code: '12345a' }));
    expect(!parsed.ok && parsed.errors[0]?.field).toBe('code');
  });
});

describe('profile form', () => {
  const valid = {
    display_name: 'Sam Jones',
    handle: 'Sam-Jones',
    organisation_id: '',
    job_title: '',
    region: 'Wales',
    version: '3'
  };

  it('turns blanks into nulls, lower-cases the handle and reads the checkbox', () => {
    const parsed = parseForm(profileSchema, form({ ...valid, is_public: 'yes' }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toEqual({
      display_name: 'Sam Jones',
      handle: 'sam-jones',
      organisation_id: null,
      job_title: null,
      region: 'Wales',
      is_public: true,
      version: 3
    });
  });

  it('treats an unticked checkbox (absent from the form) as not public', () => {
    const parsed = parseForm(profileSchema, form(valid));
    expect(parsed.ok && parsed.data.is_public).toBe(false);
  });

  it('lists errors in the order of the form, one per field', () => {
    const parsed = parseForm(
      profileSchema,
      form({ ...valid, display_name: ' ', handle: '-bad-', region: 'Atlantis' })
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(['display_name', 'handle', 'region']);
  });

  it('takes no digest frequency: that is an email setting, saved at /me/settings', () => {
    const parsed = parseForm(profileSchema, form({ ...valid, digest_frequency: 'hourly' }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.keys(parsed.data)).not.toContain('digest_frequency');
  });

  it('sends a missing version as 0 so the database refuses it as a conflict', () => {
    const { version: _version, ...withoutVersion } = valid;
    const parsed = parseForm(profileSchema, form(withoutVersion));
    expect(parsed.ok && parsed.data.version).toBe(0);
  });
});

describe('formResult', () => {
  it('reads nothing from a page no form has come back to', () => {
    expect(formResult(null)).toEqual({
      errors: [],
      values: undefined,
      outcomes: undefined,
      conflict: false
    });
    expect(formResult(undefined).errors).toEqual([]);
  });

  it('reads the errors, what was typed, the ticked outcomes and a conflict from a failure', () => {
    const errors = [{ field: 'title', message: 'Enter a title' }];
    const result = formResult({
      conflict: true,
      errors,
      values: { title: 'x' },
      outcomes: ['a']
    });
    expect(result).toEqual({ errors, values: { title: 'x' }, outcomes: ['a'], conflict: true });
  });

  it('treats a success message as no errors and no conflict', () => {
    expect(formResult({ success: 'Saved' })).toEqual({
      errors: [],
      values: undefined,
      outcomes: undefined,
      conflict: false
    });
  });
});
