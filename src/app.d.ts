import type { Session, SupabaseClient, User } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types.ts';
import type { DataErrorKind } from '#lib/server/errors.ts';

declare global {
  namespace App {
    interface Error {
      status: number;
      message: string;
      /** Set when the page failed because of the data service, so the page can explain. */
      kind?: DataErrorKind;
    }
    interface Locals {
      supabase: SupabaseClient<Database>;
      /** Checks the session with the auth service; never trusts the cookie alone. */
      safeGetSession(): Promise<{ session: Session | null; user: User | null }>;
    }
    interface PageData {
      siteName: string;
      /** The page's meta description: the layout's, or the page's own from its load. */
      description: string;
      feedbackUrl: string;
      signedIn: boolean;
      /** Whether the navigation offers "Steering" (a hint: /steering asks the database). */
      steering: boolean;
      flash: string | null;
    }
  }
}

export {};
