package dev.serialtrace.db.epcis;

import dev.serialtrace.core.lifecycle.Disposition;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One import batch made ready to write: every lookup done and every id drawn (sequences do not
 * roll back, so that needs no transaction), the rows already in COPY form. Writing it is then only
 * sending rows, in one transaction: master data the batch names for the first time (inserted with
 * the ids drawn for them), new units, custody events, EPCIS events.
 *
 * @param newUnits  rows for unit_pending, or null when the batch names no new unit
 * @param unnamed   staged units no custody event of the batch is for (a parent named only as parentID)
 * @param custody   custody event rows, or null when no event names a unit of ours
 * @param carry     what the batch will have written, for preparing the next one before it commits
 * @param refused   events left out because the database would refuse them (at a site the importing person is not granted)
 */
record PreparedBatch(long imported, long duplicates, long custodyEvents, long unitsCreated,
                     List<Consumer<DSLContext>> masterData, CopyRows newUnits, Long[] unnamed,
                     LocalDate partitionsFrom, LocalDate partitionsTo, CopyRows custody, CopyRows epcis, Carry carry,
                     List<EpcisImporter.Failure> refused) {

    static PreparedBatch onlyDuplicates(long duplicates, List<EpcisImporter.Failure> refused) {
        return new PreparedBatch(0, duplicates, 0, 0, List.of(), null, new Long[0], null, null, null, null, Carry.NONE, refused);
    }

    boolean writesNothing() {
        return imported == 0;
    }

    /**
     * What a batch in flight will write, as the next batch's preparation must see it: that one reads
     * the database while this one is not yet committed.
     *
     * @param keys              the batch's event keys and "id:" eventIDs: a repeat of one is a duplicate
     * @param unitIds           units by lookup key (GTIN|serial or internal|id), the new ones included
     * @param lastEventAt       each unit's latest event after the batch
     * @param status            each unit's status after the batch
     * @param custodyIdsByKey   custody events of each imported event, for an error declaration of it
     */
    record Carry(Set<String> keys, Map<String, Long> unitIds, Map<Long, OffsetDateTime> lastEventAt,
                 Map<Long, Disposition> status, Map<String, List<Long>> custodyIdsByKey) {
        static final Carry NONE = new Carry(Set.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }
}
