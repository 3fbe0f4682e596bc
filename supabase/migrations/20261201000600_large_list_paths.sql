-- List pages on a large network read only the page they show (issue 8: the large seed within
-- 1.3x of the demo data). Each fix below was found with EXPLAIN (ANALYZE, BUFFERS) as anon on
-- the large seed; no policy and no result changes.

-- /patterns sorts published patterns by title. Without an index in that order Postgres
-- worked out every pattern's adoption count and outcome tags (each with its row-level
-- check), sorted them all and kept 25; in title order it reads the first 25 and stops.
create index if not exists patterns_published_title_idx
  on public.patterns (title, id)
  where status = 'published';

-- workstream_summary counts each workstream's open commitments (/workstreams, the home
-- page). The only indexes were by workstream and by status, so every count intersected the
-- workstream's commitments with every open commitment in the network; this one holds
-- exactly the open, unarchived commitments, by workstream, with the visibility the
-- visitors' policy checks. The predicate is the view's own "open" condition.
create index if not exists commitments_workstream_open_idx
  on public.commitments (workstream_id, visibility)
  where archived_at is null and status in ('planned', 'in_progress', 'blocked');

-- Places left on /events: the join was planned for an unknown number of events, so it read
-- every registration in the network and hashed it. Counting per event reads only that
-- event's registrations, through registrations_event_status_idx. Same rows, same rule.
create or replace function public.event_attendance(p_event_ids uuid[])
returns table (event_id uuid, capacity integer, going integer, waitlisted integer, places_left integer)
language sql
stable
security definer
set search_path = ''
as $$
  select e.id, e.capacity, k.going, k.waitlisted,
         case when e.capacity is null then null
              else greatest(e.capacity - k.going, 0) end
  from public.events e
  cross join lateral (
    select count(*) filter (where r.status = 'going')::integer as going,
           count(*) filter (where r.status = 'waitlisted')::integer as waitlisted
    from public.registrations r
    where r.event_id = e.id
  ) k
  where e.id = any (p_event_ids)
    and (e.status in ('published', 'cancelled')
         or private.is_event_organiser(e.id) or private.is_steering())
$$;

-- The outcome page reads a tag's commitments and counts them. This policy's EXISTS was
-- planned as a hash of every commitment the reader may see (all 10,000 at scale 0.1, each
-- through the commitments policy), built twice per page, to check a few hundred tags.
-- OFFSET 0 keeps Postgres from turning the EXISTS into that hash, so each tag is checked
-- by its commitment's primary key. The rule is the same: a tag is seen with its commitment.
alter policy "Anyone can read outcome tags of commitments they can see"
  on public.commitment_outcomes
  using (exists (select 1 from public.commitments c
                 where c.id = commitment_outcomes.commitment_id
                 offset 0));
