-- Reporting rounds (DESIGN.md "A report form is a reporting obligation", "Return with a reason",
-- "Always fresh"): versioned templates (a narrative outline and appendix tables over data
-- elements), rounds (template × period × cut-off × due date × reporting units × consolidating
-- unit), one submission per reporting unit with its transitions. Appendix figures are not
-- stored here: they are the unit's data_values for the round's period. Consolidated totals are
-- never stored either; they are a GROUP BY at read time.

-- A template version. A round keeps the version it was opened with; editing a template makes a
-- new version and the old one stops being current.
create table report_templates (
  id integer generated always as identity primary key,
  code text not null,
  version integer not null default 1,
  kind text not null
    check (kind in ('six_month', 'annual', 'committee', 'self_inspection', 'action_month', 'ad_hoc')),
  name text not null,
  period_type text not null check (period_type in ('year', 'half_year', 'any')),
  -- [{ key, level, title, guidance }]
  outline jsonb not null default '[]',
  -- [{ code, title, dataElements: [code] }]
  tables jsonb not null default '[]',
  is_current boolean not null default true,
  created_at timestamptz not null default now(),
  unique (code, version)
);
create unique index report_templates_current on report_templates (code) where is_current;

create table report_rounds (
  id integer generated always as identity primary key,
  template_id integer not null references report_templates (id),
  consolidating_unit_id integer not null references org_units (id),
  -- a sub-consolidator's round (sector unions → Labour Federation) feeding the parent round
  parent_round_id integer references report_rounds (id),
  title text not null,
  period text not null check (period ~ '^[0-9]{4}(S[12])?$'),
  cut_off_from date not null,
  cut_off_to date not null,
  due_on date not null,
  -- the end of due_on in Vietnam (the next day 00:00 at UTC+7); first submitted after it = late.
  -- Computed once by the server so both engines compare timestamps, not time zones.
  due_at timestamptz not null,
  created_by integer not null references users (id),
  created_at timestamptz not null default now(),
  check (cut_off_from <= cut_off_to)
);
create index report_rounds_consolidator on report_rounds (consolidating_unit_id, period);
create index report_rounds_parent on report_rounds (parent_round_id);

-- One row per expected reporting unit, made when the round opens (status draft, revision 0).
create table report_submissions (
  id integer generated always as identity primary key,
  round_id integer not null references report_rounds (id),
  org_unit_id integer not null references org_units (id),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'accepted')),
  revision integer not null default 0,
  -- { sectionKey: answer }
  narrative jsonb not null default '{}',
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  accepted_at timestamptz,
  updated_by integer references users (id),
  updated_at timestamptz not null default now(),
  unique (round_id, org_unit_id),
  check ((status = 'draft') or first_submitted_at is not null)
);
create index report_submissions_unit on report_submissions (org_unit_id, status);

-- Every transition with who, when and why (DHIS2 can only "unapprove", without a word).
create table report_submission_events (
  id bigint generated always as identity primary key,
  submission_id integer not null references report_submissions (id),
  action text not null check (action in ('submitted', 'resubmitted', 'returned', 'accepted')),
  from_status text not null,
  to_status text not null,
  comment text,
  actor_user_id integer not null references users (id),
  at timestamptz not null default now()
);
create index report_submission_events_submission on report_submission_events (submission_id, at);
