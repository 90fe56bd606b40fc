-- SGLN EPC URIs in EPCIS exports (issue 9): an SGLN splits the GLN into GS1 company prefix and
-- location reference, which the 13 digits alone do not tell. The length of the prefix (6–12
-- digits) is recorded with the party that owns the GLN (a site's GLN is its party's); where it is
-- known, read points and business locations are exported as urn:epc:id:sgln:…, otherwise as
-- GS1 Digital Link URIs, as before.
-- Cost at 10M units / 80M events: a nullable column without a default on party (catalog only,
-- no rewrite); no history is touched.
alter table party add column gln_company_prefix_length smallint
  check (gln_company_prefix_length between 6 and 12);
comment on column party.gln_company_prefix_length is
  'digits of the GS1 company prefix in gln (6–12), when known: lets exports name locations as SGLN EPC URIs';
