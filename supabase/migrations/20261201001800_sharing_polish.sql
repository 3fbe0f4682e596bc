-- Sharing polish (issue 9): pattern adoptions behave like output reuses, and the signed-in
-- home counts "review due" with the patterns' one rule.

-- ---------------------------------------------------------------------------------------
-- "We use this": one record per organisation per pattern; people of that organisation may
-- keep it up to date (phase, note), not only whoever wrote it first. As
-- 20261201001000_sharing_outputs.sql does for output reuses.

-- Records made twice for the same organisation before this rule: keep the first (its
-- "since" date is the organisation's), with the newest phase and note.
with ranked as (
  select a.id, a.pattern_id, a.organisation_id,
         row_number() over (partition by a.pattern_id, a.organisation_id
                            order by a.created_at, a.id) as n,
         first_value(a.phase) over w as newest_phase,
         first_value(a.note) over w as newest_note
  from public.pattern_adoptions a
  where a.organisation_id is not null
  window w as (partition by a.pattern_id, a.organisation_id order by a.updated_at desc, a.id)
),
kept as (
  update public.pattern_adoptions a
  set phase = r.newest_phase, note = r.newest_note
  from ranked r
  where r.id = a.id and r.n = 1
    and exists (select 1 from ranked d
                where d.pattern_id = r.pattern_id and d.organisation_id = r.organisation_id
                  and d.n > 1)
  returning a.id
)
delete from public.pattern_adoptions a
using ranked r
where r.id = a.id and r.n > 1;

create unique index pattern_adoptions_one_per_organisation
  on public.pattern_adoptions (pattern_id, organisation_id);

drop policy "Members can edit their own adoption records" on public.pattern_adoptions;
create policy "Members can edit their own or their organisation’s adoption records" on public.pattern_adoptions
  for update to authenticated
  using (user_id = (select auth.uid())
         or (organisation_id is not null and organisation_id = (select private.my_organisation_id()))
         or (select private.is_steering()))
  with check (user_id = (select auth.uid())
              or (organisation_id is not null and organisation_id = (select private.my_organisation_id()))
              or (select private.is_steering()));

-- Records (or updates) the signed-in member's organisation's adoption of a pattern.
-- p_version is the version of the record the member saw, when they saw one: a stale one is
-- refused (touch_row). Returns the record's id.
create or replace function public.record_pattern_adoption(
  p_pattern_id uuid,
  p_phase public.delivery_phase,
  p_note text default null,
  p_version integer default null
)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_org uuid := (select private.my_organisation_id());
  v_id uuid;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = '42501', message = 'Sign in to say your organisation uses this pattern.';
  end if;
  if v_org is null then
    raise exception using errcode = '42501',
      message = 'Your profile does not say which organisation you work for.',
      hint = 'Add your organisation to your profile, then say your organisation uses this pattern.';
  end if;
  update public.pattern_adoptions a
  set phase = p_phase, note = nullif(btrim(p_note), ''),
      version = coalesce(p_version, a.version)
  where a.pattern_id = p_pattern_id and a.organisation_id = v_org
  returning a.id into v_id;
  if v_id is null then
    insert into public.pattern_adoptions (pattern_id, organisation_id, user_id, phase, note)
    values (p_pattern_id, v_org, (select auth.uid()), p_phase, nullif(btrim(p_note), ''))
    returning id into v_id;
  end if;
  return v_id;
end;
$$;

revoke all on function public.record_pattern_adoption(uuid, public.delivery_phase, text, integer)
  from public, anon;
grant execute on function public.record_pattern_adoption(uuid, public.delivery_phase, text, integer)
  to authenticated, service_role;

