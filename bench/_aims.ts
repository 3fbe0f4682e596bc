// The budgets and aims of issue 8, once. Reported against, never asserted.
export const AIMS = {
  /** Gzipped JavaScript a page downloads, in KB. */
  jsKb: 30,
  /** Gzipped CSS a page downloads, in KB. */
  cssKb: 20,
  /** Throughput as a share of the no-data page's, per database. */
  vsNoData: { postgres: 0.3, pglite: 0.1 },
  /** Large-seed throughput as a share of the same page on the demo data (≈ ≤ 1.3× time). */
  largeVsDemo: 0.77
} as const;

export type Database = keyof typeof AIMS.vsNoData;
