-- The KPI trigger functions of V30 probe keys instead of scanning (issue 6). A bulk load (demo
-- data, EPCIS import) runs in one transaction on tables without statistics, where the planner
-- would scan the whole of unit or shipment_unit once per statement (or once per row of a lateral
-- join): a 1M-unit demo load stalled on its first batch. A per-function setting keeps it local.
-- Cost: catalogue changes only.
alter function kpi_count_events() set enable_seqscan = off;
alter function kpi_detect_clones() set enable_seqscan = off;
alter function kpi_count_shipments() set enable_seqscan = off;
alter function kpi_refresh_return_facts(bigint[]) set enable_seqscan = off;
alter function kpi_refresh_claim_facts(bigint[]) set enable_seqscan = off;
