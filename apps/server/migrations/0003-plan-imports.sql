-- Plan import: a received document (text, DOCX or PDF) read into a draft that the receiving
-- unit reviews and accepts. Accepting makes an issued plan owned by the receiving unit, with
-- its tasks and assignments, its dated events (the calendar) and its reporting duties.

create table plan_imports (
  id integer generated always as identity primary key,
  -- the unit that received the document and will own the plan
  org_unit_id integer not null references org_units (id),
  file_name text not null,
  -- SHA-256 of the extracted text with white space removed and NFC-normalised, so the same
  -- document sent once as DOCX and once as PDF is recognised
  content_sha256 text not null,
  source_text text not null,
  -- what the reader made of it (the plan-import contract)
  result jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'discarded')),
  plan_id integer,
  created_by integer references users (id),
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  check ((status = 'accepted') = (plan_id is not null))
);
create index plan_imports_unit on plan_imports (org_unit_id, created_at);
create index plan_imports_content on plan_imports (org_unit_id, content_sha256);
-- a unit accepts a given document once
create unique index plan_imports_accepted_once on plan_imports (org_unit_id, content_sha256)
  where status = 'accepted';

-- A received plan: the printed issuing body when it is not the owning unit, and its import.
alter table plans add column issuer_name text;
alter table plans add column import_id integer references plan_imports (id);
alter table plan_imports add constraint plan_imports_plan foreign key (plan_id) references plans (id);

-- Dated campaigns and observances a plan names (Tháng hành động vì bình đẳng giới, 8/3, ...).
create table plan_events (
  id integer generated always as identity primary key,
  plan_id integer not null references plans (id) on delete cascade,
  name text not null,
  starts_on date not null,
  ends_on date not null,
  check (starts_on <= ends_on)
);
create index plan_events_plan on plan_events (plan_id);
create index plan_events_dates on plan_events (starts_on, ends_on);

-- Reports a plan asks a unit to send: the unit's upcoming reporting deadlines.
create table reporting_duties (
  id integer generated always as identity primary key,
  plan_id integer not null references plans (id) on delete cascade,
  -- the unit that must report
  org_unit_id integer not null references org_units (id),
  kind text not null
    check (kind in ('6-month', 'annual', 'ad-hoc', 'self-inspection', 'thematic', 'other')),
  due_on date,
  -- to whom, as printed ("Ủy ban nhân dân tỉnh (qua Sở Nội vụ)")
  recipient text,
  created_at timestamptz not null default now()
);
create index reporting_duties_plan on reporting_duties (plan_id);
create index reporting_duties_unit on reporting_duties (org_unit_id, due_on);
