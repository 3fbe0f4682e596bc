// Names of pages that are linked from several places: the title, the heading and every
// link use these words, so a page is called one thing everywhere.

/** /me: the member's own commitments and workstreams. */
export const MY_WORK = { href: '/me', text: 'Your work' } as const;

/** /steering: the steering group's view of the network. */
export const STEERING = { href: '/steering', text: 'Steering' } as const;
