-- Activities and campaigns (issue 7): what a unit did, with whom, at what cost; the yearly
-- observances and a unit's own campaigns; XLSX imports recognised by their hash; and the
-- activity tables of a report frozen when it is submitted.

-- A campaign: a national observance of one year (org_unit_id null, `observance` set; made once
-- per year by the server, the unique key keeps two requests from making it twice), or a unit's
-- own campaign (org_unit_id set), usually its part in an observance (`parent_id`), with the plan
-- it comes from and its launch day.
create table campaigns (
  id integer generated always as identity primary key,
  org_unit_id integer references org_units (id),
  observance text,
  parent_id integer references campaigns (id),
  year integer not null check (year between 2000 and 2100),
  name text not null,
  starts_on date not null,
  ends_on date not null,
  launch_on date,
  plan_id integer references plans (id),
  note text,
  revision integer not null default 1,
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  updated_by integer references users (id),
  updated_at timestamptz not null default now(),
  check (starts_on <= ends_on),
  check ((org_unit_id is null) = (observance is not null)),
  unique (observance, year)
);
create index campaigns_unit on campaigns (org_unit_id, year);
create index campaigns_parent on campaigns (parent_id);

-- An XLSX file of activities imported for a unit. The same bytes imported again are recognised
-- (sha256); importing them again anyway is a confirmed copy with the next `copy` number, and the
-- unique key refuses a second "first" import running at the same moment.
create table activity_imports (
  id integer generated always as identity primary key,
  org_unit_id integer not null references org_units (id),
  file_name text not null,
  sha256 text not null,
  copy integer not null default 1,
  row_count integer not null,
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  unique (org_unit_id, sha256, copy)
);

create table activities (
  id integer generated always as identity primary key,
  org_unit_id integer not null references org_units (id),
  kind text not null check (kind in ('communication', 'training', 'talk', 'contest', 'club_meeting',
    'campaign_event', 'media_product', 'other')),
  title text not null,
  starts_on date not null,
  ends_on date not null,
  -- where it was held: a commune or ward of the registry, and/or the place as written
  place_unit_id integer references org_units (id),
  place_text text,
  campaign_id integer references campaigns (id),
  -- age group of the participants when the activity was for one (indicator catalogue's `age` options)
  age_group text check (age_group in ('age_0_15', 'age_16_30', 'age_31_59', 'age_60_plus')),
  -- ['officials', 'union_members', ...]
  target_groups jsonb not null default '[]',
  -- whole đồng
  cost_state bigint not null default 0 check (cost_state >= 0),
  cost_non_state bigint not null default 0 check (cost_non_state >= 0),
  minority_language boolean not null default false,
  note text,
  import_id integer references activity_imports (id),
  revision integer not null default 1,
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  updated_by integer references users (id),
  updated_at timestamptz not null default now(),
  -- deleted activities are kept (a submitted report's snapshot may name them)
  deleted_at timestamptz,
  deleted_by integer references users (id),
  check (starts_on <= ends_on)
);
create index activities_unit_date on activities (org_unit_id, starts_on) where deleted_at is null;
create index activities_campaign on activities (campaign_id) where deleted_at is null;
create index activities_date on activities (starts_on) where deleted_at is null;

-- Participants at one grain: sex × ethnicity, keys as the indicator catalogue's option combos
-- (`female.minority`); totals are computed.
create table activity_participants (
  activity_id integer not null references activities (id) on delete cascade,
  disaggregation text not null check (disaggregation in ('male.kinh', 'male.minority', 'female.kinh',
    'female.minority')),
  value integer not null check (value >= 0),
  primary key (activity_id, disaggregation)
);

-- The plan tasks an activity carries out.
create table activity_tasks (
  activity_id integer not null references activities (id) on delete cascade,
  item_id integer not null references plan_items (id),
  primary key (activity_id, item_id)
);
create index activity_tasks_item on activity_tasks (item_id);

-- Files and photos of an activity: bytes on disk (tasks.files.ts), flushed before the row commits.
create table activity_files (
  id integer generated always as identity primary key,
  activity_id integer not null references activities (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by integer references users (id),
  uploaded_at timestamptz not null default now()
);
create index activity_files_activity on activity_files (activity_id);

-- A submitted report's activity tables as they were: the activities counted (ids and the values
-- that went into the cells) and the tables with the ids behind every cell. Written in the submit
-- transaction; a returned report is live again until it is resubmitted.
create table report_activity_snapshots (
  submission_id integer primary key references report_submissions (id),
  revision integer not null,
  frozen_at timestamptz not null,
  activities jsonb not null,
  tables jsonb not null
);

-- Templates already in a database get the activity tables as a new version (a round keeps the
-- version it was opened with). On a fresh database this finds nothing; the seed has them.
insert into report_templates (code, version, kind, name, period_type, outline, tables, is_current)
  select t.code, t.version + 1, t.kind, t.name, t.period_type, t.outline,
    t.tables || case when t.code = 'THANG_HANH_DONG'
      then '[{"source":"activities","code":"HD01","title":"Số hoạt động và người tham gia theo loại hoạt động (Tháng hành động)","layout":"by_kind","observance":"action_month"},{"source":"activities","code":"HD02","title":"Kinh phí theo nguồn (Tháng hành động)","layout":"cost_by_source","observance":"action_month"}]'::jsonb
      else '[{"source":"activities","code":"HD01","title":"Số hoạt động và người tham gia theo loại hoạt động","layout":"by_kind"},{"source":"activities","code":"HD02","title":"Kinh phí theo nguồn","layout":"cost_by_source"}]'::jsonb
    end,
    false
  from report_templates t
  where t.is_current
    and t.code in ('BDG_NAM', 'BDG_6_THANG', 'THANG_HANH_DONG')
    and not exists (select 1 from jsonb_array_elements(t.tables) e where e ->> 'source' = 'activities');
update report_templates t set is_current = false
  where t.is_current
    and exists (select 1 from report_templates n where n.code = t.code and n.version > t.version);
update report_templates t set is_current = true
  where not t.is_current
    and t.code in ('BDG_NAM', 'BDG_6_THANG', 'THANG_HANH_DONG')
    and t.version = (select max(n.version) from report_templates n where n.code = t.code)
    and not exists (select 1 from report_templates c where c.code = t.code and c.is_current);
