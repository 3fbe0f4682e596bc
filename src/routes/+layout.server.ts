import { FEEDBACK_URL, SITE_NAME } from '$app/env/private';
import { publicOrigin } from '#lib/server/origin.ts';
import { showsSteering } from '#lib/server/role-hint.ts';
import type { LayoutServerLoad } from './$types';

// One-off messages carried across a redirect (e.g. after signing out).
/** What search results and link previews say of a page that does not describe itself. */
const DESCRIPTION =
  'A network of people working in and around local government digital teams. Think, do, share.';

const FLASH_MESSAGES: Record<string, string> = {
  'signed-out': 'You have signed out'
};

// Every page is rendered on the server and every form is a plain post: the browser runs no
// Svelte or Kit code (their runtime alone is over the 30 KB page budget). See
// docs/decisions/2026-12-01-server-rendered-pages-without-client-javascript.md.
export const csr = false;

export const load: LayoutServerLoad = async ({ locals, cookies, url }) => {
  let userId: string | undefined;
  try {
    userId = (await locals.safeGetSession()).user?.id;
  } catch {
    // Auth service down: show the page as signed out; pages that need the user say why.
  }

  const flashKey = cookies.get('flash');
  if (flashKey) cookies.delete('flash', { path: '/' });

  return {
    siteName: SITE_NAME,
    // Canonical URLs, link previews and feed links are on the public origin.
    origin: publicOrigin(url),
    // A page's load returns its own `description` to replace this one.
    description: DESCRIPTION,
    feedbackUrl: FEEDBACK_URL,
    signedIn: userId !== undefined,
    steering: showsSteering(cookies, userId),
    flash: (flashKey && FLASH_MESSAGES[flashKey]) || null
  };
};
