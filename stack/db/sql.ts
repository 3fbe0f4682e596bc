// One small interface over the two databases the stack can use (PGlite in-process or
// a Postgres server through `pg`), so the migration runner, the auth service and the
// database tests do not care which one they have.
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Sql {
  /** One statement with $1-style parameters. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Several statements, no parameters (migration files). */
  exec(text: string): Promise<void>;
  /** Runs fn inside one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
