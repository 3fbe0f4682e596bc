// A commitment is written as "I will <title>". Members often type the title as a sentence
// ("Rewrite the guide"), which reads "I will Rewrite the guide": lower-case that first
// letter when showing it, unless the first word is one that keeps its capital.

/**
 * The title as it reads after "I will". The first letter is lower-cased only when the
 * first word is an ordinary capitalised word: "I", acronyms ("API", "GOV.UK", "NHS"),
 * words with a capital or digit after the first letter ("LocalGov", "iPhone", "M25") and
 * anything not starting with a capital stay as typed.
 */
export function afterIWill(title: string | null): string {
  if (!title) return '';
  const first = /^\S+/.exec(title)?.[0] ?? '';
  const ordinary = /^\p{Lu}[\p{Ll}'’-]*[,.;:!?]?$/u.test(first) && first !== 'I';
  return ordinary ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}
