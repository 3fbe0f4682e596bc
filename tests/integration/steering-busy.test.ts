import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hub } from './hub.ts';
import { getPage, member, text } from './session.ts';

// /steering when the database gives up on its report (statement_timeout, 57014): the real
// database raises the real error through PostgREST; the report function is swapped for one
// that does so at once (a timeout itself would take seconds and stall the shared stack).
const SIGNATURE = 'public.steering_report(integer, integer, integer, integer, integer)';
let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client(hub().dbUrl);
  await db.connect();
  await db.query(`alter function ${SIGNATURE} rename to steering_report_set_aside`);
  await db.query(`
    create function public.steering_report(
      p_workstream_limit integer default 25, p_workstream_offset integer default 0,
      p_overdue_limit integer default 25, p_overdue_offset integer default 0,
      p_organisation_limit integer default 25)
    returns jsonb language plpgsql as $$
    begin
      raise exception using errcode = '57014', message = 'canceling statement due to statement timeout';
    end $$`);
  await db.query(`grant execute on function ${SIGNATURE} to authenticated`);
});

afterAll(async () => {
  await db.query(`drop function if exists ${SIGNATURE}`);
  await db.query(
    `alter function public.steering_report_set_aside(integer, integer, integer, integer, integer) rename to steering_report`
  );
  await db.end();
});

describe('the steering page when the database is too busy', () => {
  it('says the hub is busy and nothing was changed, not that the service is unavailable', async () => {
    const steering = await member('steer-busy', { steering: true });
    const { response, html } = await getPage('/steering', steering.cookie);
    expect(response.status).toBe(503);
    const page = text(html);
    expect(page).toContain('Sorry, the hub is busy');
    expect(page).toContain('could not finish that in time. Nothing was changed.');
    expect(page).not.toContain('the service is unavailable');
    expect(html).toContain('href="/steering">Try again</a>');
  });
});
