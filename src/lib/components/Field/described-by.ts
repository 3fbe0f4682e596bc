/**
 * The `aria-describedby` of a GOV.UK form field: its hint, then its error message, by the
 * ids the Field components give them (`<name>-hint`, `<name>-error`). None: undefined, so
 * the attribute is left out.
 */
export function describedBy(name: string, hint: boolean, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
