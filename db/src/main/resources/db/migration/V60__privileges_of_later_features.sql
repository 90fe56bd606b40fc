-- Write privileges for what issues 5, 6 and 9 added after the roles of V12. People get only what
-- they write themselves: derived tables (unit state, hash chains, KPI counters, the trail) are
-- written by trigger functions that run as the owner (afterMigrate callback).
-- Cheap at any scale: grants only.

-- The one write path (CustodyCommands.record) locks the unit row (SELECT … FOR UPDATE), and
-- PostgreSQL lets a role lock rows only with UPDATE rights on some column. event_count is a state
-- column: the unit_state_from_events_only trigger refuses every direct change of it, for every role, so this
-- grant gives the lock and nothing else. (Found when a supervisor first recorded an event
-- through the write path rather than by plain INSERT.)
grant update (event_count) on unit to serialtrace_supervisor;

-- Spot audits (issue 5): retrofitting a serial onto not-yet-serialised stock, and resolving a
-- capture exception by creating the unit, insert the unit and lower the stock's untracked quantity.
grant insert on unit to serialtrace_supervisor;
grant update (quantity, updated_at) on stock to serialtrace_supervisor;

-- EPCIS exchange (issue 9): every export and import is logged; an import keeps each event whole
-- and creates the units it brings. New products, lots and partners stay an admin's work (V12).
grant insert, update on sync_log to serialtrace_supervisor, serialtrace_compliance, serialtrace_admin;
grant insert on epcis_event to serialtrace_supervisor;

-- KPI "customer query resolution" (issue 6): customer service records and answers queries.
grant insert, update on customer_query to serialtrace_supervisor;
