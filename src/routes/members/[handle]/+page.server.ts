import { error } from '@sveltejs/kit';
import { formatDate } from '#lib/dates.ts';
import { outputKindLabel } from '#lib/labels.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import * as profiles from '#lib/server/profiles.ts';
import type { PageServerLoad } from './$types';

const NOT_PUBLIC = 'There is no public profile at this address.';

export const load: PageServerLoad = async ({ locals, params }) => {
  // A handle the database could not hold has no page: 404 before any data is read.
  if (!profiles.isHandle(params.handle)) error(404, NOT_PUBLIC);
  let m;
  try {
    // One request: the profile with its commitments, outputs, sessions and workstreams.
    m = await profiles.publicPage(locals.supabase, params.handle);
  } catch (e) {
    failPage(e);
  }
  if (!m) error(404, NOT_PUBLIC);
  const about = [m.job_title, m.organisation_name].filter(Boolean).join(', ');
  return {
    title: m.display_name,
    ...described(about ? `${m.display_name}: ${about}` : m.display_name),
    member: {
      handle: m.handle,
      displayName: m.display_name,
      jobTitle: m.job_title,
      region: m.region,
      skills: m.skills ?? [],
      bioHtml: renderMarkdown(m.bio),
      isPublic: m.is_public,
      organisation:
        m.organisation_slug && m.organisation_name
          ? { slug: m.organisation_slug, name: m.organisation_name }
          : null,
      commitmentTotal: m.commitment_total,
      commitments: m.commitments,
      outputTotal: m.output_total,
      outputs: m.outputs.flatMap((o) =>
        o.slug && o.title
          ? [{ slug: o.slug, title: o.title, kind: outputKindLabel(o.kind), role: o.role }]
          : []
      ),
      sessionTotal: m.session_total,
      sessions: m.sessions.flatMap((s) =>
        s.session_title && s.event_slug && s.event_title
          ? [
              {
                title: s.session_title,
                eventSlug: s.event_slug,
                eventTitle: s.event_title,
                when: s.starts_at ? formatDate(s.starts_at) : null
              }
            ]
          : []
      ),
      workstreams: m.workstreams.flatMap((w) =>
        w.slug && w.title
          ? [
              {
                slug: w.slug,
                title: w.title,
                lead: w.role === 'lead'
              }
            ]
          : []
      )
    }
  };
};
