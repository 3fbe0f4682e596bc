// Who made or used something, in words: the credit lines of outputs, patterns and events.

export interface PersonRef {
  display_name: string;
  organisations: { name: string } | null;
}

/**
 * Who made it, as the reader may see it: names of contributors with public profiles (all
 * of them for members) and their organisations, each organisation once.
 */
export function creditsFor(contributors: { profiles: PersonRef | null }[]) {
  const people = contributors.flatMap((c) => (c.profiles ? [c.profiles] : []));
  const organisations = [
    ...new Set(people.flatMap((p) => (p.organisations ? [p.organisations.name] : [])))
  ];
  return {
    names: people.map((p) => p.display_name),
    organisations,
    hidden: contributors.length - people.length
  };
}

/**
 * "Sophie Turner and 2 other members", or "2 members of the network" when none of them has
 * a public profile (visitors see only public names), or null when nobody is credited.
 */
export function creditLine(credits: { names: string[]; hidden: number }): string | null {
  const { names, hidden } = credits;
  const others = (n: number, other: string) => `${n} ${other}${n === 1 ? 'member' : 'members'}`;
  if (names.length === 0) return hidden ? `${others(hidden, '')} of the network` : null;
  const shown =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
  if (!hidden) return shown;
  return `${names.join(', ')} and ${others(hidden, 'other ')}`;
}

/** "Used by 1 organisation", "Used by 7 organisations", or null when nobody has said so yet. */
export function usedByText(count: number): string | null {
  if (count <= 0) return null;
  return `Used by ${count} ${count === 1 ? 'organisation' : 'organisations'}`;
}
