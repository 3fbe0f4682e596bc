import { emailKindLabel } from '#lib/labels.ts';
import * as emailSettings from '#lib/server/email/settings.ts';
import { described } from '#lib/server/meta.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { requireMember } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  await requireMember(locals, url);
  try {
    // Two requests; the counts are refused (403) to anyone outside the steering group.
    const outbox = await emailSettings.outbox(locals.supabase);
    return {
      counts: outbox.counts,
      failed: outbox.failed.map((f) => ({ ...f, kindText: emailKindLabel(f.kind) })),
      pageSize: emailSettings.FAILED_PAGE_SIZE,
      title: 'Emails that could not be sent',
      ...described('Emails the Network Hub gave up sending after several tries, and why.')
    };
  } catch (e) {
    failPage(e);
  }
};
