// A page's meta description, returned by its load to replace the layout's default.

/** Search results show about this many characters of a description. */
const MAX_LENGTH = 160;

/** `{ description }` to spread into a load's data, or nothing when there is no text. */
export function described(text: string | null | undefined): { description?: string } {
  const plain = text?.replace(/\s+/g, ' ').trim();
  if (!plain) return {};
  return {
    description: plain.length > MAX_LENGTH ? `${plain.slice(0, MAX_LENGTH - 1).trimEnd()}…` : plain
  };
}
