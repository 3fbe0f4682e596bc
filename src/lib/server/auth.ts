import type { Cookies } from '@sveltejs/kit';
import { toDataError, type DataError } from './errors.ts';

/** The email a sign-in code was sent to, kept for the "enter your code" step. */
export const SIGN_IN_EMAIL_COOKIE = 'sign_in_email';

export function rememberSignInEmail(cookies: Cookies, email: string, secure: boolean): void {
  cookies.set(SIGN_IN_EMAIL_COOKIE, email, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: 60 * 60 // codes expire after an hour
  });
}

export function forgetSignInEmail(cookies: Cookies): void {
  cookies.delete(SIGN_IN_EMAIL_COOKIE, { path: '/' });
}

/** "in 42 seconds", "in about 3 minutes": from the auth service's rate-limit message. */
export function retryAfterText(message: string): string {
  const seconds = Number(/(\d+)\s*seconds?/i.exec(message)?.[1]);
  if (!Number.isFinite(seconds) || seconds <= 0) return 'in a few minutes';
  if (seconds < 90) return `in ${seconds} seconds`;
  return `in about ${Math.ceil(seconds / 60)} minutes`;
}

export interface AuthFailure {
  status: number;
  message: string;
  dataError: DataError;
}

/** What to tell a person when asking for a sign-in email failed. */
export function describeSendFailure(error: unknown): AuthFailure {
  const dataError = toDataError(error);
  if (dataError.status === 429) {
    return {
      status: 429,
      dataError,
      message: `You have asked for too many sign-in emails. Try again ${retryAfterText(dataError.message)}. A link or code we already sent you still works.`
    };
  }
  if (dataError.kind === 'unavailable') {
    return {
      status: 503,
      dataError,
      message:
        'The hub’s sign-in service is not responding, so we could not send your email. Try again in a minute.'
    };
  }
  return {
    status: 500,
    dataError,
    message: 'We could not send your sign-in email. Check your email address and try again.'
  };
}
