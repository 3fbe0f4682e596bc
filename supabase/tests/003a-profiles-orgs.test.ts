// Authorization matrix, part 1: profiles, organisations, network roles and outcomes.
// $1 in each statement is the acting user's id (null for anon); fixture ids follow.
import { describe, expect, it } from 'vitest';
import { ids } from './fixtures.ts';
import { inRollback, targets } from './harness.ts';
import {
  all,
  DENIED,
  expectRefused,
  matrixTests,
  rowsAs,
  useDatabase,
  type TableExpectations
} from './matrix.ts';

const members = { member: 5, anotherMember: 5, lead: 5, steering: 5 };

const tables: TableExpectations[] = [
  {
    table: 'profiles',
    // Five fixture users; member and lead opted in to a public profile.
    select: { anon: 2, ...members },
    // Profiles come only from the auth.users trigger.
    insert: {
      sql: `insert into profiles (id, handle, display_name) values (gen_random_uuid(), 'sneaky', 'Sneaky') returning id`,
      expect: {
        anon: DENIED,
        member: DENIED,
        anotherMember: DENIED,
        lead: DENIED,
        steering: DENIED
      }
    },
    update: {
      sql: `update profiles set job_title = 'Changed' where id = $2 returning id`,
      params: () => [ids.member],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    },
    delete: {
      sql: `delete from profiles where id = $2 returning id`,
      params: () => [ids.member],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'organisations',
    select: all(2),
    insert: {
      sql: `insert into organisations (slug, name, kind, created_by) values ('new-org', 'New Council', 'council', $1) returning id`,
      expect: { anon: DENIED, member: 1, anotherMember: 1, lead: 1, steering: 1 }
    },
    update: {
      // Added by member.
      sql: `update organisations set website = 'https://changed.example.test' where id = $2 returning id`,
      params: () => [ids.orgCouncil],
      expect: { anon: DENIED, member: 1, anotherMember: 0, lead: 0, steering: 1 }
    },
    more: {
      'update who added it': {
        // member added it; only steering may reassign.
        sql: `update organisations set created_by = $3 where id = $2 returning id`,
        params: () => [ids.orgCouncil, ids.lead],
        expect: { anon: DENIED, member: DENIED, anotherMember: 0, lead: 0, steering: 1 }
      }
    },
    delete: {
      sql: `delete from organisations where id = $2 returning id`,
      params: () => [ids.orgCouncil],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'network_roles',
    // One grant (steering); members can see who holds roles, visitors cannot.
    select: { anon: 0, member: 1, anotherMember: 1, lead: 1, steering: 1 },
    insert: {
      sql: `insert into network_roles (user_id, role, granted_by) values ($2, 'steering', $1) returning user_id`,
      params: () => [ids.lead],
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      // Granted or revoked, never changed in place: no update policy, not even for steering.
      sql: `update network_roles set role = 'admin' where user_id = $2 returning user_id`,
      params: () => [ids.steering],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 0 }
    },
    delete: {
      sql: `delete from network_roles where user_id = $2 returning user_id`,
      params: () => [ids.steering],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  },
  {
    table: 'outcomes',
    select: all(3),
    insert: {
      sql: `insert into outcomes (slug, title) values ('new-outcome', 'A new outcome') returning id`,
      expect: { anon: DENIED, member: DENIED, anotherMember: DENIED, lead: DENIED, steering: 1 }
    },
    update: {
      sql: `update outcomes set description = 'Changed' where id = $2 returning id`,
      params: () => [ids.outcomeNeed],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    },
    delete: {
      sql: `delete from outcomes where id = $2 returning id`,
      params: () => [ids.outcomeData],
      expect: { anon: DENIED, member: 0, anotherMember: 0, lead: 0, steering: 1 }
    }
  }
];

describe.each(targets())(
  'authorization matrix: profiles, organisations, roles, outcomes on %s',
  (target) => {
    const db = useDatabase(target);
    matrixTests(db, tables);

    describe('rules in words', () => {
      it('every new user gets a profile with a handle from their email and their display name', async () => {
        const rows = await rowsAs<{ handle: string; display_name: string }>(
          db(),
          'member',
          'select handle, display_name from profiles where id = $1',
          [ids.member]
        );
        expect(rows).toEqual([{ handle: 'mona-member', display_name: 'Mona Member' }]);
      });

      it('a second user with the same email local part gets a different handle', async () => {
        const handles = await inRollback(db().sql, async (tx) => {
          await tx.query(
            `insert into auth.users (id, email, raw_user_meta_data) values (gen_random_uuid(), 'mona.member@elsewhere.test', '{}')`
          );
          const r = await tx.query<{ handle: string }>(
            `select handle from profiles where handle like 'mona-member%' order by handle`
          );
          return r.rows.map((x) => x.handle);
        });
        expect(handles).toEqual(['mona-member', 'mona-member-2']);
      });

      it('anonymous visitors cannot read any email, from profiles or from auth.users', async () => {
        const columns = await rowsAs<{ column_name: string }>(
          db(),
          'anon',
          `select column_name from information_schema.columns
         where table_schema = 'public' and column_name ilike '%email%'`
        );
        expect(columns).toEqual([]);
        await expectRefused(db(), 'anon', 'select email from auth.users');
        await expectRefused(db(), 'member', 'select email from auth.users');
      });

      it('anonymous visitors see only public profiles', async () => {
        const rows = await rowsAs<{ id: string }>(
          db(),
          'anon',
          'select id from profiles order by id'
        );
        expect(rows.map((r) => r.id)).toEqual([ids.member, ids.lead]);
      });

      it('a member can edit the non-public fields of their own profile', async () => {
        const rows = await rowsAs<{ digest_frequency: string; is_public: boolean }>(
          db(),
          'anotherMember',
          `update profiles set digest_frequency = 'daily', is_public = true, bio = 'Hello'
         where id = $1 returning digest_frequency, is_public`,
          [ids.anotherMember]
        );
        expect(rows).toEqual([{ digest_frequency: 'daily', is_public: true }]);
      });

      it('a member cannot grant themselves steering', async () => {
        await expectRefused(
          db(),
          'member',
          `insert into network_roles (user_id, role, granted_by) values ($1, 'steering', $1)`,
          [ids.member]
        );
        await expectRefused(
          db(),
          'member',
          `insert into network_roles (user_id, role, granted_by) values ($1, 'steering', $2)`,
          [ids.member, ids.steering]
        );
      });

      it('editing your own profile cannot make you steering', async () => {
        const roles = await db().as('member', async (tx) => {
          await tx.query(
            `update profiles set display_name = 'Mona Steering', job_title = 'Steering group' where id = $1`,
            [ids.member]
          );
          const { rows } = await tx.query<{ steering: boolean }>(
            'select private.is_steering() as steering'
          );
          return rows[0]!.steering;
        });
        expect(roles).toBe(false);
        // And no profile column holds a role.
        const { rows } = await db().sql.query<{ column_name: string }>(
          `select column_name from information_schema.columns
         where table_schema = 'public' and table_name = 'profiles' and column_name ~ 'role|steering|admin'`
        );
        expect(rows).toEqual([]);
      });

      it('steering grants a role only in its own name', async () => {
        await expectRefused(
          db(),
          'steering',
          `insert into network_roles (user_id, role, granted_by) values ($1, 'admin', $2)`,
          [ids.lead, ids.member]
        );
      });

      it('a member cannot add an organisation in someone else’s name', async () => {
        await expectRefused(
          db(),
          'member',
          `insert into organisations (slug, name, created_by) values ('x-org', 'X', $1)`,
          [ids.anotherMember]
        );
      });
    });
  }
);
