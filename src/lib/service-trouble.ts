// A page that failed because the data service was down or too busy (HTTP 503): which of
// the two, and its heading. Every +error page asks here, so they all say the same.

export type ServiceTrouble = 'busy' | 'unavailable';

export const SERVICE_TROUBLE_TITLES: Record<ServiceTrouble, string> = {
  busy: 'Sorry, the hub is busy',
  unavailable: 'Sorry, the service is unavailable'
};

/**
 * 'busy' when the database gave up on a query (a statement timeout), 'unavailable' for any
 * other 503 or a data service that did not answer, else null.
 */
export function serviceTroubleOf(
  status: number,
  error: { kind?: string } | null | undefined
): ServiceTrouble | null {
  if (error?.kind === 'busy') return 'busy';
  if (status === 503 || error?.kind === 'unavailable') return 'unavailable';
  return null;
}
