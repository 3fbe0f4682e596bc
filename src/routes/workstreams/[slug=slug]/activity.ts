// Words for the activity feed: the verb the database logged, as a sentence fragment.
const VERBS: Record<string, string> = {
  proposed: 'proposed the workstream',
  created: 'created the workstream',
  active: 'approved the workstream',
  paused: 'paused the workstream',
  closed: 'closed the workstream',
  updated: 'updated',
  joined: 'joined the workstream',
  left: 'left the workstream',
  became_lead: 'became a lead',
  stepped_down: 'stepped down as lead',
  committed: 'made a commitment:',
  checked_in: 'checked in on',
  checked_in_done: 'marked as done:',
  checked_in_dropped: 'dropped',
  checked_in_blocked: 'is blocked on',
  checked_in_in_progress: 'started',
  checked_in_planned: 'checked in on',
  archived: 'archived',
  watched: 'started watching',
  offered_help: 'offered help with',
  published: 'published',
  reused: 'reused',
  adopted: 'adopted'
};

export function describeVerb(verb: string): string {
  return VERBS[verb] ?? verb.replace(/_/g, ' ');
}

/** Where an activity row's subject lives, when it has a page. */
export function subjectHref(table: string, id: string | null, slug?: string): string | null {
  if (!id) return null;
  if (table === 'commitments') return `/commitments/${id}`;
  if (table === 'workstreams' && slug) return `/workstreams/${slug}`;
  return null;
}
