-- National scale (issue 8), the deadline spike: a report's figures are read by unit and period
-- (its save and submit, its round totals, the consolidation's drill-down). When a half-year opens
-- its period has no rows, so the statistics say "almost none" and the planner read a unit's
-- figures through data_values_period (period, data_element_id) — fine while the period is empty,
-- and a scan of the whole period filtered by unit once a deadline has filled it (0.9 s a read
-- after 3,000 of 4,171 reports). One index keyed by unit, period and element serves those reads
-- and the subtree sums (units first, found by path), covers the figures they read
-- (index-only), and leaves the write one index fewer to maintain.
create index data_values_unit_period_element on data_values (org_unit_id, period, data_element_id)
  include (disaggregation, value);
drop index data_values_unit_period;
drop index data_values_period;
