import { error, fail, isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { creditsFor, usedByText } from '#lib/credits.ts';
import { contentStatusTag, outputKindLabel, outputLicence, phaseLabel } from '#lib/labels.ts';
import { toDataError } from '#lib/server/errors.ts';
import { refused } from '#lib/server/form-actions.ts';
import * as outputs from '#lib/server/outputs.ts';
import * as profiles from '#lib/server/profiles.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { described } from '#lib/server/meta.ts';
import { currentUser, requireMember } from '#lib/server/session.ts';
import { parseForm } from '#lib/validation/form.ts';
import { reuseSchema } from '#lib/validation/output.ts';
import type { Actions, PageServerLoad } from './$types';

/** The site an external link goes to ("example.org"), so people know where they are going. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

const SAVED: Record<string, string> = {
  draft: 'Your draft has been saved. Only its contributors can see it.',
  published: 'Your output has been published',
  archived: 'The output has been archived. It no longer shows in lists.'
};

/**
 * A slug the reader cannot open: a renamed output's old one (redirect), an archived output
 * (say so), or nothing (404). One request, made only when the output was not found.
 */
async function notFound(client: App.Locals['supabase'], slug: string, cause: unknown) {
  if (toDataError(cause).kind !== 'not_found') throw cause;
  const found = await outputs.findByOldSlug(client, slug);
  if (found && found.slug !== slug) redirect(308, `/outputs/${found.slug}`);
  if (found?.status === 'archived') {
    return {
      title: found.title,
      ...described(found.summary),
      archived: { title: found.title, summary: found.summary }
    };
  }
  error(404, 'No such output. It may have been renamed or removed.', { kind: 'not_found' });
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = await currentUser(locals);
  try {
    // One request for the output with everything embedded, and for a member their
    // organisation (for "we've used this") and whether they are steering (who may edit), in
    // parallel.
    const [result, me] = await Promise.all([
      outputs.get(locals.supabase, params.slug).then(
        (output) => ({ output, cause: null }),
        (cause: unknown) => ({ output: null, cause })
      ),
      user ? profiles.reader(locals.supabase, user.id) : null
    ]);
    const { output } = result;
    if (!output) {
      return {
        ...(await notFound(locals.supabase, params.slug, result.cause)),
        ogType: 'article' as const,
        saved: null,
        signedIn: !!user,
        canEdit: false,
        reuse: null,
        output: null
      };
    }
    const organisations = new Set(
      output.output_reuses.flatMap((r) => (r.organisations ? [r.organisations.name] : []))
    );
    const ours = me?.organisationId
      ? output.output_reuses.find((r) => r.organisation_id === me.organisationId)
      : undefined;
    const canEdit = !!user && !!me && outputs.mayEdit(output, user.id, me.steering);
    const saved = url.searchParams.get('saved');
    return {
      title: output.title,
      ...described(output.summary),
      ogType: 'article' as const,
      archived: null,
      saved: saved && Object.hasOwn(SAVED, saved) ? SAVED[saved] : null,
      signedIn: !!user,
      canEdit,
      reuse: user
        ? {
            hasOrganisation: !!me?.organisationId,
            mine: ours
              ? {
                  phase: ours.phase ?? '',
                  note: ours.note ?? '',
                  version: String(ours.version),
                  organisation: ours.organisations?.name ?? 'Your organisation'
                }
              : null
          }
        : null,
      output: {
        id: output.id,
        slug: output.slug,
        title: output.title,
        summary: output.summary,
        bodyHtml: renderMarkdown(output.body),
        kind: outputKindLabel(output.kind),
        status: output.status,
        statusTag: contentStatusTag(output.status),
        externalUrl: output.external_url,
        externalHost: hostOf(output.external_url),
        licence: outputLicence(output.licence, output.licence_url),
        publishedAt: output.published_at,
        updatedAt: output.updated_at,
        workstream: output.workstream,
        commitment: output.commitment,
        contributors: output.output_contributors.flatMap((c) =>
          c.profiles
            ? [
                {
                  name: c.profiles.display_name,
                  organisation: c.profiles.organisations?.name ?? null,
                  role: c.role
                }
              ]
            : []
        ),
        hiddenContributors: creditsFor(output.output_contributors).hidden,
        outcomes: output.output_outcomes.flatMap((t) => (t.outcomes ? [t.outcomes] : [])),
        reuses: output.output_reuses.map((r) => ({
          id: r.id,
          organisation: r.organisations?.name ?? 'An organisation',
          organisationSlug: r.organisations?.slug ?? null,
          phase: phaseLabel(r.phase),
          note: r.note,
          createdAt: r.created_at
        })),
        usedBy: usedByText(organisations.size),
        patterns: output.pattern_examples.flatMap((e) => (e.patterns ? [e.patterns] : []))
      }
    };
  } catch (e) {
    if (isHttpError(e) || isRedirect(e)) throw e;
    failPage(e);
  }
};

export const actions: Actions = {
  reuse: async ({ request, locals, url }) => {
    await requireMember(locals, url.pathname);
    const formData = await request.formData();
    const parsed = parseForm(reuseSchema, formData);
    if (!parsed.ok)
      return fail(400, { action: 'reuse', errors: parsed.errors, values: parsed.values });
    try {
      await outputs.recordReuse(locals.supabase, parsed.data.output_id, {
        phase: parsed.data.phase,
        note: parsed.data.note,
        version: parsed.data.version
      });
    } catch (e) {
      const error = toDataError(e);
      return refused(
        error,
        { action: 'reuse', values: parsed.values },
        {
          forbidden: error.hint
            ? `${error.message} ${error.hint}`
            : 'You can only say your own organisation used this.',
          conflict:
            'Someone in your organisation changed this record since you opened the page. Check it below and save again.'
        }
      );
    }
    return { action: 'reuse', success: 'Your organisation’s use of this output has been recorded' };
  }
};
