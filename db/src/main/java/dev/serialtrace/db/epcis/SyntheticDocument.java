package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A made-up EPCIS document of any size, written as it is generated (for the import benchmark and
 * the bounded-memory check): units of one GTIN, each commissioned with lot and expiry, received,
 * stored, picked and shipped — five events per unit.
 */
public final class SyntheticDocument {
    public static final String GTIN = "09999999000018";

    private SyntheticDocument() {
    }

    /** Writes {@code events} events (rounded up to whole units) with serials {@code prefix}-1, -2, … */
    public static long write(OutputStream out, EpcisDocumentWriter.Format format, long events, String prefix) throws IOException {
        String[][] steps = {{"commissioning", "active", "ADD"}, {"receiving", "in_progress", "OBSERVE"},
                {"storing", "sellable_accessible", "OBSERVE"}, {"picking", "in_progress", "OBSERVE"},
                {"shipping", "in_transit", "OBSERVE"}};
        OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.ofHours(1));
        long written = 0;
        try (EpcisDocumentWriter w = format.open(out)) {
            w.start(new EpcisDocumentWriter.Header(t0, false));
            for (long unit = 1; written < events; unit++) {
                String epc = EpcUris.DL + "/01/" + GTIN + "/21/" + prefix + "-" + unit;
                for (int s = 0; s < steps.length && written < events; s++) {
                    ObjectNode e = EpcisEvents.MAPPER.createObjectNode();
                    e.put("type", "ObjectEvent");
                    e.put("eventTime", EpcisEvents.time(t0.plusMinutes(unit % 50_000).plusHours(s * 6L)));
                    e.put("eventTimeZoneOffset", "+01:00");
                    e.putArray("epcList").add(epc);
                    e.put("action", steps[s][2]);
                    e.put("bizStep", "https://ref.gs1.org/cbv/BizStep-" + steps[s][0]);
                    e.put("disposition", "https://ref.gs1.org/cbv/Disp-" + steps[s][1]);
                    e.putObject("readPoint").put("id", "urn:epc:id:sgln:9999999.00001.0");
                    if (s == 0) {
                        e.putObject("ilmd").put(EpcisEvents.LOT, "BENCH-" + (unit / 1000)).put(EpcisEvents.EXPIRY, "2028-12-31");
                    }
                    if (s == 4) {
                        e.putArray("bizTransactionList").addObject().put("type", "https://ref.gs1.org/cbv/BTT-po")
                                .put("bizTransaction", "urn:epcglobal:cbv:bt:9999999000004:PO-" + unit);
                    }
                    e.put("eventID", EventHash.of(e));
                    w.event(e);
                    written++;
                }
            }
            w.finish();
        }
        return written;
    }
}
