/**
 * Remembers recent data API requests by the `x-request-id` the app forwards, so tests
 * can count how many round trips one page view cost. Bounded: old entries fall off.
 */
export interface LoggedRequest {
  requestId: string;
  service: 'rest' | 'auth';
  method: string;
  path: string;
  status: number;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private limit: number;
  constructor(limit = 5000) {
    this.limit = limit;
  }
  add(entry: LoggedRequest) {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }
  byRequestId(id: string): LoggedRequest[] {
    return this.entries.filter((e) => e.requestId === id);
  }
}
