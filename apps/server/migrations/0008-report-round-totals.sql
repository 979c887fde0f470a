-- Consolidation stays instant at national scale (issue 8) and exact (issue 6 "Always fresh"):
-- each round keeps the totals of the figures of its submitted and of its accepted reports,
-- changed in the transaction of every transition that moves a report in or out of a bucket
-- (submit, return, accept, reopen). A report's figures cannot change while it is submitted or
-- accepted (writeValues refuses them), so a bucket's totals always equal the GROUP BY over its
-- reports' figures; `refreshRoundTotals` recomputes a round from scratch (bulk loads, repairs).
-- value_sum is numeric so that adding and later subtracting a report leaves no rounding residue.
create table report_round_totals (
  round_id integer not null references report_rounds (id),
  bucket text not null check (bucket in ('submitted', 'accepted')),
  data_element_id integer not null references data_elements (id),
  disaggregation text not null,
  value_sum numeric not null,
  value_count integer not null,
  primary key (round_id, bucket, data_element_id, disaggregation)
);

-- A consolidator closes a round when the consolidated report is final: no more submissions,
-- returns or acceptances until it is reopened.
alter table report_rounds add column closed_at timestamptz;
alter table report_rounds add column closed_by integer references users (id);

-- The consolidation's drill-down reads a round's reports' own figures by unit and period.
create index report_submissions_round_status on report_submissions (round_id, status);
