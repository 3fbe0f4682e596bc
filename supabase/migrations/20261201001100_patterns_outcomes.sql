-- Patterns and outcome tags (issue 9): members propose and edit patterns in one call
-- (save_pattern), workstream leads and the steering group review them (pattern_reviews,
-- review_pattern), the steering group manages the outcome vocabulary (retire, merge with a
-- redirect from the old slug), and the outcome page finds the organisations taking part and
-- which of them are working on it apart (matchmaking).

-- ---------------------------------------------------------------------------------------
-- Patterns: the last section of a GOV.UK Design System pattern page.
alter table public.patterns
  add column known_gaps text check (char_length(known_gaps) <= 20000);

-- Who may review a pattern (set its maturity): the leads of its workstream and the steering
-- group. Its author may edit the text but not judge it.
create or replace function private.can_review_pattern(p_pattern_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select (select private.is_steering()) or exists (
    select 1 from public.patterns p
    join public.workstream_members m on m.workstream_id = p.workstream_id
    where p.id = p_pattern_id and m.user_id = (select auth.uid()) and m.role = 'lead'
  )
$$;

-- Maturity and the review date change only through a review (or the seed and migrations,
-- which have no signed-in user).
create or replace function private.guard_pattern_maturity()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if (new.maturity <> 'experimental' or new.last_reviewed_on is not null)
       and not (select private.is_steering()) then
      raise exception using errcode = '42501',
        message = 'A new pattern starts as experimental.',
        hint = 'Ask a lead of its workstream or the steering group to review it.';
    end if;
  elsif (new.maturity is distinct from old.maturity
         or new.last_reviewed_on is distinct from old.last_reviewed_on)
        and not (select private.can_review_pattern(new.id)) then
    raise exception using errcode = '42501',
      message = 'Only the leads of a pattern’s workstream and the steering group can review it.',
      hint = 'Ask a lead of its workstream or the steering group to review it.';
  end if;
  return new;
end;
$$;
create trigger guard_maturity before insert or update of maturity, last_reviewed_on
  on public.patterns
  for each row execute function private.guard_pattern_maturity();

-- "Review due": a published pattern not reviewed (or, never reviewed, not published) within
-- private.pattern_review_after_days(). A computed column: patterns?select=review_due.
create or replace function public.review_due(p public.patterns)
returns boolean
language sql
stable
set search_path = ''
as $$
  select p.status = 'published' and p.maturity <> 'retired'
     and coalesce(p.last_reviewed_on, p.published_at::date, p.created_at::date)
         < private.london_today() - private.pattern_review_after_days()
$$;

-- "Useful": GOV.UK's "evidence that several services use it", at least two organisations.
-- The one place the threshold is spelled; the view keeps its columns and gains this one.
create or replace view public.pattern_adoption_counts with (security_invoker = true) as
select a.pattern_id,
       count(distinct a.organisation_id)::integer as organisation_count,
       count(*)::integer as adoption_count,
       count(distinct a.organisation_id) >= 2 as is_useful
from public.pattern_adoptions a
group by a.pattern_id;

-- The review history: each review sets the maturity, with a note saying why.
create table public.pattern_reviews (
  id uuid primary key default gen_random_uuid(),
  pattern_id uuid not null references public.patterns (id) on delete cascade,
  maturity public.pattern_maturity not null,
  previous_maturity public.pattern_maturity,
  note text not null check (char_length(btrim(note)) between 1 and 2000),
  reviewed_by uuid references public.profiles (id) on delete set null default auth.uid(),
  reviewed_on date not null default private.london_today(),
  created_at timestamptz not null default now()
);
create index pattern_reviews_pattern_id_idx on public.pattern_reviews (pattern_id, created_at desc);
create index pattern_reviews_reviewed_by_idx on public.pattern_reviews (reviewed_by);

alter table public.pattern_reviews enable row level security;
create policy "Anyone can read reviews of patterns they can see" on public.pattern_reviews
  for select to anon, authenticated
  using (exists (select 1 from public.patterns p where p.id = pattern_id));
create policy "Workstream leads and steering can review a pattern" on public.pattern_reviews
  for insert to authenticated
  with check (reviewed_by = (select auth.uid())
              and (select private.can_review_pattern(pattern_id)));
-- A review is history: nobody edits or removes one.
revoke all on public.pattern_reviews from anon;
grant select on public.pattern_reviews to anon;
revoke update, delete, truncate, references, trigger on public.pattern_reviews from authenticated;

-- A slug from a title: lower case, runs of anything else become '-', at most 80 characters.
create or replace function private.slug_from(p_text text)
returns text
language sql
immutable
set search_path = ''
as $$
  select coalesce(nullif(left(btrim(regexp_replace(lower(p_text), '[^a-z0-9]+', '-', 'g'), '-'), 80), ''),
                  'pattern')
$$;

-- Proposing or editing a pattern: its sections, workstream, outcome tags and example
-- outputs, in one transaction. p_id null proposes a new one (published, experimental,
-- the slug made from the title and kept when it is renamed); otherwise p_version is the
-- version the editor opened. Returns the slug.
create or replace function public.save_pattern(
  p_title text,
  p_summary text,
  p_problem text,
  p_id uuid default null,
  p_version integer default null,
  p_when_to_use text default null,
  p_when_not_to_use text default null,
  p_how_it_works text default null,
  p_research_evidence text default null,
  p_known_gaps text default null,
  p_workstream_id uuid default null,
  p_outcome_ids uuid[] default '{}',
  p_example_output_ids uuid[] default '{}'
)
returns text
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_id uuid := p_id;
  v_slug text;
  v_base text;
  v_n integer := 1;
  v_outcomes uuid[] := coalesce(p_outcome_ids, '{}');
  v_examples uuid[] := coalesce(p_example_output_ids, '{}');
begin
  if v_id is null then
    v_base := private.slug_from(p_title);
    v_slug := v_base;
    -- Taken slugs get a number, as handles do ("check-before-you-report-2").
    while exists (select 1 from public.patterns p where p.slug = v_slug) loop
      v_n := v_n + 1;
      v_slug := left(v_base, 75) || '-' || v_n;
    end loop;
    insert into public.patterns
      (slug, title, summary, problem, when_to_use, when_not_to_use, how_it_works,
       research_evidence, known_gaps, workstream_id, status, created_by)
    values (v_slug, p_title, p_summary, p_problem, p_when_to_use, p_when_not_to_use,
            p_how_it_works, p_research_evidence, p_known_gaps, p_workstream_id, 'published',
            (select auth.uid()))
    returning id into v_id;
  else
    update public.patterns p
    set title = p_title, summary = p_summary, problem = p_problem,
        when_to_use = p_when_to_use, when_not_to_use = p_when_not_to_use,
        how_it_works = p_how_it_works, research_evidence = p_research_evidence,
        known_gaps = p_known_gaps, workstream_id = p_workstream_id, version = p_version
    where p.id = v_id
    returning p.id, p.slug into v_id, v_slug;
    if v_id is null then
      raise exception using errcode = '42501',
        message = 'Only the author of a pattern, the leads of its workstream and the steering group can edit it.';
    end if;
    delete from public.pattern_outcomes t
    where t.pattern_id = v_id and t.outcome_id <> all (v_outcomes);
    delete from public.pattern_examples t
    where t.pattern_id = v_id and t.output_id <> all (v_examples);
  end if;
  insert into public.pattern_outcomes (pattern_id, outcome_id)
  select v_id, o from unnest(v_outcomes) as o
  on conflict do nothing;
  insert into public.pattern_examples (pattern_id, output_id)
  select v_id, o from unnest(v_examples) as o
  on conflict do nothing;
  select p.slug into v_slug from public.patterns p where p.id = v_id;
  return v_slug;
end;
$$;

-- A review: the history row and the pattern's maturity and review date, against the
-- version the reviewer opened. Policies (and the maturity guard) decide who may.
create or replace function public.review_pattern(
  p_pattern_id uuid,
  p_maturity public.pattern_maturity,
  p_note text,
  p_version integer
)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_previous public.pattern_maturity;
begin
  select p.maturity into v_previous from public.patterns p where p.id = p_pattern_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'No such pattern.';
  end if;
  if not (select private.can_review_pattern(p_pattern_id)) then
    raise exception using errcode = '42501',
      message = 'Only the leads of a pattern’s workstream and the steering group can review it.',
      hint = 'Ask a lead of its workstream or the steering group to review it.';
  end if;
  update public.patterns p
  set maturity = p_maturity, last_reviewed_on = private.london_today(), version = p_version
  where p.id = p_pattern_id;
  insert into public.pattern_reviews (pattern_id, maturity, previous_maturity, note, reviewed_by)
  values (p_pattern_id, p_maturity, v_previous, p_note, (select auth.uid()));
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Outcome tags: retired ones are kept (and still shown) but not offered in forms.
alter table public.outcomes add column retired_at timestamptz;

-- Old slugs of renamed or merged tags, so their links keep working.
create table public.outcome_redirects (
  old_slug text primary key
    check (old_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(old_slug) <= 80),
  outcome_id uuid not null references public.outcomes (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index outcome_redirects_outcome_id_idx on public.outcome_redirects (outcome_id);
create trigger touch_row before update on public.outcome_redirects
  for each row execute function private.touch_row('outcome redirect');
alter table public.outcome_redirects enable row level security;
create policy "Anyone can read where old outcome slugs now point" on public.outcome_redirects
  for select to anon, authenticated using (true);
create policy "Steering can redirect old outcome slugs" on public.outcome_redirects
  for insert to authenticated with check ((select private.is_steering()));
create policy "Steering can repoint old outcome slugs" on public.outcome_redirects
  for update to authenticated
  using ((select private.is_steering())) with check ((select private.is_steering()));
create policy "Steering can remove old outcome slugs" on public.outcome_redirects
  for delete to authenticated using ((select private.is_steering()));
revoke all on public.outcome_redirects from anon;
grant select on public.outcome_redirects to anon;
revoke truncate, references, trigger on public.outcome_redirects from authenticated;

-- Renaming a tag's slug leaves the old one redirecting (and frees the new one).
create or replace function private.redirect_old_outcome_slug()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.slug is distinct from old.slug then
    delete from public.outcome_redirects r where r.old_slug = new.slug;
    insert into public.outcome_redirects (old_slug, outcome_id) values (old.slug, new.id)
    on conflict (old_slug) do update set outcome_id = excluded.outcome_id;
  end if;
  return new;
end;
$$;
create trigger redirect_old_slug after update of slug on public.outcomes
  for each row execute function private.redirect_old_outcome_slug();

-- Links to a retired tag stay when the thing is edited: every save function replaces its
-- tags with the ticked ones, and forms no longer offer retired tags to tick. Only merging
-- (which moves them first) or deleting the tag removes them.
create or replace function private.keep_retired_outcome_links()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if coalesce(current_setting('hub.moving_outcome_links', true), '') <> 'on'
     and exists (select 1 from public.outcomes o
                 where o.id = old.outcome_id and o.retired_at is not null) then
    return null;
  end if;
  return old;
end;
$$;
create trigger keep_retired before delete on public.workstream_outcomes
  for each row execute function private.keep_retired_outcome_links();
create trigger keep_retired before delete on public.commitment_outcomes
  for each row execute function private.keep_retired_outcome_links();
create trigger keep_retired before delete on public.output_outcomes
  for each row execute function private.keep_retired_outcome_links();
create trigger keep_retired before delete on public.pattern_outcomes
  for each row execute function private.keep_retired_outcome_links();
create trigger keep_retired before delete on public.event_outcomes
  for each row execute function private.keep_retired_outcome_links();

-- Moving every link from one tag to another, whoever's the tagged thing is: the steering
-- group's call (checked here and by the caller), on rows its own policies may not all show.
create or replace function private.move_outcome_links(p_from uuid, p_into uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_table text;
  v_column text;
begin
  if not (select private.is_steering()) then
    raise exception using errcode = '42501', message = 'Only the steering group can merge outcome tags.';
  end if;
  perform set_config('hub.moving_outcome_links', 'on', true);
  for v_table, v_column in
    select * from (values ('workstream_outcomes', 'workstream_id'),
                          ('commitment_outcomes', 'commitment_id'),
                          ('output_outcomes', 'output_id'),
                          ('pattern_outcomes', 'pattern_id'),
                          ('event_outcomes', 'event_id')) as links(tbl, col)
  loop
    execute format(
      'insert into public.%1$I (%2$I, outcome_id) select t.%2$I, $2 from public.%1$I t
       where t.outcome_id = $1 on conflict do nothing', v_table, v_column)
      using p_from, p_into;
    execute format('delete from public.%I t where t.outcome_id = $1', v_table) using p_from;
  end loop;
  perform set_config('hub.moving_outcome_links', 'off', true);
end;
$$;

-- Merging two tags: everything tagged with p_from is tagged with p_into instead, p_from's
-- slug (and any slugs that redirected to it) redirect to p_into, and p_from goes. One call,
-- all or nothing. Returns the survivor's slug.
create or replace function public.merge_outcomes(p_from uuid, p_into uuid)
returns text
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_from_slug text;
  v_into_slug text;
begin
  if p_from = p_into then
    raise exception using errcode = '22023', message = 'Choose two different outcome tags to merge.';
  end if;
  select o.slug into v_from_slug from public.outcomes o where o.id = p_from;
  select o.slug into v_into_slug from public.outcomes o where o.id = p_into;
  if v_from_slug is null or v_into_slug is null then
    raise exception using errcode = 'P0002', message = 'One of those outcome tags no longer exists.';
  end if;
  perform private.move_outcome_links(p_from, p_into);
  update public.outcome_redirects r set outcome_id = p_into where r.outcome_id = p_from;
  insert into public.outcome_redirects (old_slug, outcome_id) values (v_from_slug, p_into)
  on conflict (old_slug) do update set outcome_id = excluded.outcome_id;
  delete from public.outcomes o where o.id = p_from;
  return v_into_slug;
end;
$$;

-- Forms offer only tags in use (retired ones are still shown where they tag something).
create or replace function public.filter_options()
returns table (
  kind text,
  id uuid,
  slug text,
  title text,
  workstream_status public.workstream_status
)
language sql
stable
security invoker
set search_path = ''
as $$
  select kind, id, slug, title, workstream_status
  from (
    select 'workstream' as kind, w.id, w.slug, w.title, w.status as workstream_status,
           row_number() over (order by w.title) as position
    from public.workstreams w
    union all
    select 'outcome', o.id, o.slug, o.title, null,
           row_number() over (order by o.is_principle desc, o.title)
    from public.outcomes o
    where o.retired_at is null
  ) options
  order by kind desc, position
$$;

-- ---------------------------------------------------------------------------------------
-- Organisations taking part in an outcome, and matchmaking.

-- A member's organisation, whoever may read their profile: commitment_overview shows it too.
create or replace function private.organisation_of(p_user_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.organisation_id from public.profiles p where p.id = p_user_id
$$;

-- For one outcome (or, p_outcome null, every outcome in use): the organisations taking part
-- and how: open commitments and reuses of outputs tagged with it ("working": the people
-- doing it), adoptions of patterns tagged with it, and membership of workstreams tagged
-- with it. An organisation working on it that shares no open workstream on that outcome
-- with another working organisation is "apart"; when two or more are apart,
-- suggest_workstream says so (the matchmaking rule, spelled once). member_ids are the
-- people working on it, to invite. Each row also carries the outcome's open and done
-- commitments (the outcome page says how many are done). RLS on each table decides what
-- the caller sees.
create or replace function public.outcome_organisations(p_outcome text default null)
returns table (
  outcome_slug text,
  outcome_title text,
  commitments_open integer,
  commitments_done integer,
  organisation_slug text,
  organisation_name text,
  working boolean,
  apart boolean,
  suggest_workstream boolean,
  member_ids uuid[]
)
language sql
stable
security invoker
set search_path = ''
as $$
  with tag as (
    select o.id, o.slug, o.title from public.outcomes o
    where (p_outcome is null and o.retired_at is null) or o.slug = p_outcome
  ),
  working as (
    select co.outcome_id, c.owner_id as user_id
    from public.commitment_outcomes co
    join tag on tag.id = co.outcome_id
    join public.commitments c on c.id = co.commitment_id
    where c.archived_at is null and c.status in ('planned', 'in_progress', 'blocked')
    union
    select oo.outcome_id, r.user_id
    from public.output_outcomes oo
    join tag on tag.id = oo.outcome_id
    join public.output_reuses r on r.output_id = oo.output_id
  ),
  working_orgs as (
    select w.outcome_id, private.organisation_of(w.user_id) as organisation_id,
           array_agg(distinct w.user_id) as member_ids
    from working w
    where w.user_id is not null
    group by 1, 2
  ),
  in_workstreams as (
    select wo.outcome_id, m.workstream_id, private.organisation_of(m.user_id) as organisation_id
    from public.workstream_outcomes wo
    join tag on tag.id = wo.outcome_id
    join public.workstreams ws on ws.id = wo.workstream_id and ws.status <> 'closed'
    join public.workstream_members m on m.workstream_id = wo.workstream_id
  ),
  adopting as (
    select po.outcome_id, a.organisation_id
    from public.pattern_outcomes po
    join tag on tag.id = po.outcome_id
    join public.pattern_adoptions a on a.pattern_id = po.pattern_id
  ),
  taking_part as (
    select outcome_id, organisation_id from working_orgs
    union select outcome_id, organisation_id from in_workstreams
    union select outcome_id, organisation_id from adopting
  ),
  together as (
    select distinct a.outcome_id, a.organisation_id
    from working_orgs a
    join in_workstreams x on x.outcome_id = a.outcome_id and x.organisation_id = a.organisation_id
    join in_workstreams y on y.outcome_id = x.outcome_id and y.workstream_id = x.workstream_id
                         and y.organisation_id <> a.organisation_id
    join working_orgs b on b.outcome_id = a.outcome_id and b.organisation_id = y.organisation_id
  ),
  rows as (
    select t.outcome_id, t.organisation_id,
           w.organisation_id is not null as working,
           w.organisation_id is not null and g.organisation_id is null as apart,
           coalesce(w.member_ids, '{}') as member_ids
    from taking_part t
    left join working_orgs w on w.outcome_id = t.outcome_id and w.organisation_id = t.organisation_id
    left join together g on g.outcome_id = t.outcome_id and g.organisation_id = t.organisation_id
    where t.organisation_id is not null
  ),
  commitment_counts as (
    select co.outcome_id,
           count(*) filter (where c.status in ('planned', 'in_progress', 'blocked'))::integer as open,
           count(*) filter (where c.status = 'done')::integer as done
    from public.commitment_outcomes co
    join tag on tag.id = co.outcome_id
    join public.commitments c on c.id = co.commitment_id
    where c.archived_at is null
    group by co.outcome_id
  )
  select tag.slug, tag.title, coalesce(cc.open, 0), coalesce(cc.done, 0),
         org.slug, org.name, coalesce(r.working, false), coalesce(r.apart, false),
         coalesce(r.apart and count(*) filter (where r.apart) over (partition by r.outcome_id) >= 2,
                  false),
         coalesce(r.member_ids, '{}')
  from tag
  left join commitment_counts cc on cc.outcome_id = tag.id
  left join (rows r join public.organisations org on org.id = r.organisation_id)
    on r.outcome_id = tag.id
  -- Every outcome in use has rows only when something is going on; one asked for by slug
  -- always has one (its counts), with no organisation when none take part.
  where org.id is not null or p_outcome is not null
  order by tag.title, org.name
$$;

-- ---------------------------------------------------------------------------------------
-- Proposing a workstream can invite people (matchmaking's "propose a workstream"): they
-- are added as members, which tells them (notify_workstream_member) and lets them leave.
drop function public.propose_workstream(text, text, text, text, uuid[]);
create or replace function public.propose_workstream(
  p_slug text,
  p_title text,
  p_purpose text,
  p_description text default null,
  p_outcome_ids uuid[] default '{}',
  p_invite_ids uuid[] default '{}'
)
returns text
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_id uuid;
  v_slug text;
begin
  insert into public.workstreams (slug, title, purpose, description, created_by)
  values (p_slug, p_title, p_purpose, p_description, (select auth.uid()))
  returning id, slug into v_id, v_slug;
  insert into public.workstream_outcomes (workstream_id, outcome_id)
  select v_id, o from unnest(coalesce(p_outcome_ids, '{}')) as o
  on conflict do nothing;
  insert into public.workstream_members (workstream_id, user_id, role)
  select v_id, i, 'member' from unnest(coalesce(p_invite_ids, '{}')) as i
  where i is distinct from (select auth.uid())
  on conflict do nothing;
  return v_slug;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Grants
revoke all on function
  public.save_pattern(text, text, text, uuid, integer, text, text, text, text, text, uuid, uuid[], uuid[]),
  public.review_pattern(uuid, public.pattern_maturity, text, integer),
  public.merge_outcomes(uuid, uuid),
  public.propose_workstream(text, text, text, text, uuid[], uuid[]),
  public.outcome_organisations(text),
  public.review_due(public.patterns),
  private.can_review_pattern(uuid),
  private.move_outcome_links(uuid, uuid),
  private.organisation_of(uuid),
  private.slug_from(text),
  private.keep_retired_outcome_links(),
  private.guard_pattern_maturity(),
  private.redirect_old_outcome_slug()
  from public, anon;
grant execute on function
  public.save_pattern(text, text, text, uuid, integer, text, text, text, text, text, uuid, uuid[], uuid[]),
  public.review_pattern(uuid, public.pattern_maturity, text, integer),
  public.merge_outcomes(uuid, uuid),
  public.propose_workstream(text, text, text, text, uuid[], uuid[]),
  private.move_outcome_links(uuid, uuid),
  private.slug_from(text)
  to authenticated, service_role;
grant execute on function
  public.outcome_organisations(text),
  public.review_due(public.patterns),
  private.can_review_pattern(uuid),
  private.organisation_of(uuid),
  private.pattern_review_after_days()
  to anon, authenticated, service_role;
