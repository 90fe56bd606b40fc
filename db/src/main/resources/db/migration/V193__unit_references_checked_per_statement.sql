-- A unit's references to master data are checked once per statement, not once per row (issue 9:
-- EPCIS import speed; see docs/decisions/0011-unit-references-checked-per-statement.md).
--
-- Each foreign key of unit ran a query per inserted row (SELECT … FOR KEY SHARE on product, party,
-- lot), and, for location and holder, per row whose value an event changed: about 7 µs each. A
-- 5,000-event import batch creating 1,000 units spent 21 ms of its 200 ms in 3,000 such queries.
-- Now one statement trigger checks all of a statement's new units against the few rows they name
-- and takes the same locks (FOR KEY SHARE, so a concurrent delete of a named row waits, as it did
-- for the foreign key); row triggers on the named tables refuse to delete or renumber a row a unit
-- names. Location, holder and parent on an update come only from apply_events_to_units, which
-- checks the events' locations and parties set-wise already (unit_state_from_events_only refuses
-- every other change); the parent and stock keys stay (rarely set, and a unit's own table).
-- Same errors as before: SQLSTATE 23503 (foreign_key_violation).
-- Cost at 10M units: constraints dropped and triggers created (no data read or written).

alter table unit
  drop constraint unit_product_id_fkey,
  drop constraint unit_manufacturer_id_fkey,
  drop constraint unit_lot_id_fkey,
  drop constraint unit_location_id_fkey,
  drop constraint unit_holder_party_id_fkey;

create function check_new_unit_references() returns trigger
  language plpgsql as $$
begin
  -- the locks a foreign key takes, once per distinct row named
  perform 1 from product p where p.id in (select u.product_id from new_units u) for key share;
  perform 1 from party m where m.id in (select u.manufacturer_id from new_units u
                                        union select u.holder_party_id from new_units u) for key share;
  perform 1 from lot l where l.id in (select u.lot_id from new_units u) for key share;
  perform 1 from location l where l.id in (select u.location_id from new_units u) for key share;
  if exists (select 1 from new_units u
             where not exists (select 1 from product p where p.id = u.product_id)
                or not exists (select 1 from party m where m.id = u.manufacturer_id)
                or (u.lot_id is not null and not exists (select 1 from lot l where l.id = u.lot_id))
                or (u.location_id is not null and not exists (select 1 from location l where l.id = u.location_id))
                or (u.holder_party_id is not null and not exists (select 1 from party h where h.id = u.holder_party_id))) then
    raise exception 'unit refers to an unknown product, manufacturer, lot, location or holder'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger unit_references_exist
  after insert on unit
  referencing new table as new_units
  for each statement execute function check_new_unit_references();

-- A unit's product, manufacturer or lot changed by hand (only the schema's owner may): checked as
-- the foreign key did. The event trigger never sets these columns, so this never runs on its path.
create function check_changed_unit_references() returns trigger
  language plpgsql as $$
begin
  perform 1 from product p where p.id = new.product_id for key share;
  perform 1 from party m where m.id = new.manufacturer_id for key share;
  perform 1 from lot l where l.id = new.lot_id for key share;
  if not exists (select 1 from product p where p.id = new.product_id)
     or not exists (select 1 from party m where m.id = new.manufacturer_id)
     or (new.lot_id is not null and not exists (select 1 from lot l where l.id = new.lot_id)) then
    raise exception 'unit % would refer to an unknown product, manufacturer or lot', new.id
      using errcode = 'foreign_key_violation';
  end if;
  return new;
end $$;

create trigger unit_changed_references_exist
  before update of product_id, manufacturer_id, lot_id on unit
  for each row execute function check_changed_unit_references();

-- The other half of a foreign key: a row a unit names is not deleted or renumbered. No role but
-- the owner may delete master data; at READ COMMITTED the query below sees a unit whose insert the
-- delete waited for (its FOR KEY SHARE lock), so that delete is refused too.
create function refuse_losing_unit_reference() returns trigger
  language plpgsql as $$
declare
  named boolean;
begin
  if tg_op = 'UPDATE' and new.id = old.id then
    return new;
  end if;
  named := case tg_table_name
    when 'product' then exists (select 1 from unit u where u.product_id = old.id)
    when 'lot' then exists (select 1 from unit u where u.lot_id = old.id)
    when 'location' then exists (select 1 from unit u where u.location_id = old.id)
    else exists (select 1 from unit u where u.manufacturer_id = old.id)
         or exists (select 1 from unit u where u.holder_party_id = old.id)
  end;
  if named then
    raise exception '% % is named by a unit and cannot be %', tg_table_name, old.id,
      case tg_op when 'DELETE' then 'deleted' else 'renumbered' end
      using errcode = 'foreign_key_violation';
  end if;
  return case tg_op when 'DELETE' then old else new end;
end $$;

create trigger product_named_by_units before delete or update of id on product
  for each row execute function refuse_losing_unit_reference();
create trigger party_named_by_units before delete or update of id on party
  for each row execute function refuse_losing_unit_reference();
create trigger lot_named_by_units before delete or update of id on lot
  for each row execute function refuse_losing_unit_reference();
create trigger location_named_by_units before delete or update of id on location
  for each row execute function refuse_losing_unit_reference();
