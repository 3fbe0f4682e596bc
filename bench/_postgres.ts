// A fresh database on the Postgres server for one bench run, dropped afterwards.
import { connectPg } from '../stack/db/pg.ts';

export const POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates a database named `name` on the server and returns its URL and a dropper. */
export async function freshDatabase(name: string) {
  const admin = connectPg(POSTGRES_SERVER, 1);
  try {
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.exec(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = connectPg(POSTGRES_SERVER, 1);
      try {
        await a.exec(`drop database if exists ${name} with (force)`);
      } finally {
        await a.close();
      }
    }
  };
}
