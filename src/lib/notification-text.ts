// What someone else did about a member's place in a workstream, in words: the lines /me
// lists from public.notifications.

export interface NotificationLike {
  verb: string;
  summary: string | null;
  actor: { display_name: string } | null;
  workstreams: { title: string } | null;
}

/**
 * "Tom Fletcher added you to the Change Academy workstream". The actor may have left the
 * network (their name is gone) and the workstream renamed: its current title is used,
 * else the title it had then.
 */
export function notificationText(n: NotificationLike): string {
  const who = n.actor?.display_name ?? 'Someone';
  const title = n.workstreams?.title ?? n.summary;
  const where = title ? `the ${title} workstream` : 'a workstream';
  // Steering may add someone straight in as a lead, and a lead may promote a member: both
  // are "made_workstream_lead", so the words fit either.
  if (n.verb === 'made_workstream_lead') return `${who} made you a lead of ${where}`;
  if (n.verb === 'added_to_workstream') return `${who} added you to ${where}`;
  return `${who} changed your place in ${where}`;
}
