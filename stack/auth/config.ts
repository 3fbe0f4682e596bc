import type { Sql } from '../db/sql.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface AuthOptions {
  sql: Sql;
  /** HS256 secret shared with PostgREST. */
  jwtSecret: string;
  /** Access-token lifetime; 3600. */
  jwtExpirySeconds?: number;
  /** e.g. 'http://127.0.0.1:54321/auth/v1'. */
  issuer: string;
  /** The app, e.g. 'http://127.0.0.1:3000'. */
  siteUrl: string;
  additionalRedirectUrls?: string[];
  mailer: { send(mail: Mail): Promise<void> };
  /** How long an emailed code or link works; 3600 (one hour). */
  otpExpirySeconds?: number;
  /** One code email per address per this many seconds; 60. */
  emailRateLimitSeconds?: number;
  /** Code requests per client IP per hour; 30. */
  ipRateLimitPerHour?: number;
  /** A revoked refresh token still rotates within this many seconds of its use; 10. */
  refreshTokenReuseIntervalSeconds?: number;
  /** The sign-in link and code are also printed through this. */
  log?: (line: string) => void;
}

/** Options with every default filled in. */
export type AuthConfig = Required<Omit<AuthOptions, 'log'>> & { log: (line: string) => void };

export function resolveConfig(opts: AuthOptions): AuthConfig {
  return {
    ...opts,
    jwtExpirySeconds: opts.jwtExpirySeconds ?? 3600,
    additionalRedirectUrls: opts.additionalRedirectUrls ?? [],
    otpExpirySeconds: opts.otpExpirySeconds ?? 3600,
    emailRateLimitSeconds: opts.emailRateLimitSeconds ?? 60,
    ipRateLimitPerHour: opts.ipRateLimitPerHour ?? 30,
    refreshTokenReuseIntervalSeconds: opts.refreshTokenReuseIntervalSeconds ?? 10,
    log: opts.log ?? (() => {})
  };
}
