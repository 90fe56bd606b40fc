package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.core.epcis.Cbv;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.unit.SerialNormalizer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * A manufacturer's serial list (CSV with a header naming gtin, serial, lot, expiry — or an EPCIS
 * document, whose commissioning events count) against our units of the same GTINs: serials never
 * received, serials we hold that the maker never commissioned (counterfeit signal), and lot,
 * expiry or product mismatches. The list goes into a temporary table by COPY, so the comparison is
 * a few set-based queries whatever its length.
 */
public final class SerialReconciler {
    public enum Kind { never_received, not_commissioned_by_maker, lot_mismatch, expiry_mismatch, product_mismatch }

    /** One finding; unit is our internal id when we hold the unit (for the dossier). */
    public record Finding(Kind kind, String gtin, String serial, String unit, String ours, String theirs) {
    }

    public record Report(long listed, List<Count> counts, List<Finding> findings) {
        public long count(Kind kind) {
            return counts.stream().filter(c -> c.kind() == kind).mapToLong(Count::count).sum();
        }
    }

    public record Count(Kind kind, long count) {
    }

    private static final Table<Record> LIST = DSL.table(DSL.name("maker_serial"));
    private static final Field<String> L_GTIN = DSL.field(DSL.name("maker_serial", "gtin"), String.class);
    private static final Field<String> L_SERIAL = DSL.field(DSL.name("maker_serial", "serial"), String.class);
    private static final Field<String> L_NORM = DSL.field(DSL.name("maker_serial", "serial_norm"), String.class);
    private static final Field<String> L_LOT = DSL.field(DSL.name("maker_serial", "lot"), String.class);
    private static final Field<LocalDate> L_EXPIRY = DSL.field(DSL.name("maker_serial", "expiry"), LocalDate.class);

    private final DSLContext dsl;

    public SerialReconciler(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Report reconcile(Path file, int limitPerKind) throws IOException {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            db.createTemporaryTable(LIST)
                    .column(L_GTIN.getUnqualifiedName(), SQLDataType.CHAR(14))
                    .column(L_SERIAL.getUnqualifiedName(), SQLDataType.CLOB)
                    .column(L_NORM.getUnqualifiedName(), SQLDataType.CLOB)
                    .column(L_LOT.getUnqualifiedName(), SQLDataType.CLOB)
                    .column(L_EXPIRY.getUnqualifiedName(), SQLDataType.LOCALDATE)
                    .onCommitDrop().execute();
            CopyRows rows = new CopyRows("maker_serial", "gtin, serial, serial_norm, lot, expiry");
            long listed = read(file, rows);
            db.connection(rows::copy);
            db.createIndex("maker_serial_key").on(LIST, L_NORM, L_GTIN).execute();
            db.execute("analyze maker_serial");

            Field<String> gtin = DSL.coalesce(UNIT.GTIN, PRODUCT.GTIN);
            List<Finding> findings = new ArrayList<>();
            List<Count> counts = new ArrayList<>();
            var ours = db.select(UNIT.INTERNAL_ID, UNIT.SERIAL, UNIT.SERIAL_NORM, gtin.as("gtin"), LOT.LOT_CODE,
                            DSL.coalesce(UNIT.EXPIRY, LOT.EXPIRY).as("expiry"))
                    .from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID)).leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                    .where(PRODUCT.GTIN.in(DSL.selectDistinct(L_GTIN).from(LIST)).or(UNIT.GTIN.in(DSL.selectDistinct(L_GTIN).from(LIST))))
                    .asTable("ours");
            Field<String> oId = ours.field(UNIT.INTERNAL_ID);
            Field<String> oSerial = ours.field(UNIT.SERIAL);
            Field<String> oNorm = ours.field(UNIT.SERIAL_NORM);
            Field<String> oGtin = ours.field("gtin", String.class);
            Field<String> oLot = ours.field(LOT.LOT_CODE);
            Field<LocalDate> oExpiry = ours.field("expiry", LocalDate.class);

            // listed, but no unit of ours with that GTIN and serial
            var never = db.select(L_GTIN, L_SERIAL).from(LIST)
                    .whereNotExists(DSL.selectOne().from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                            .where(UNIT.SERIAL_NORM.eq(L_NORM)).and(gtin.eq(L_GTIN)));
            counts.add(new Count(Kind.never_received, db.fetchCount(never)));
            never.limit(limitPerKind).forEach(r -> findings.add(new Finding(Kind.never_received, r.value1(), r.value2(), null, null, null)));

            // ours, of the maker's GTINs, but not on the maker's list
            var unknown = db.select(oGtin, oSerial, oId).from(ours)
                    .whereNotExists(DSL.selectOne().from(LIST).where(L_NORM.eq(oNorm)).and(L_GTIN.eq(oGtin)));
            counts.add(new Count(Kind.not_commissioned_by_maker, db.fetchCount(unknown)));
            unknown.limit(limitPerKind).forEach(r -> findings.add(new Finding(Kind.not_commissioned_by_maker, r.value1(), r.value2(),
                    r.value3(), null, null)));

            var same = db.select(oGtin, oSerial, oId, oLot, L_LOT, oExpiry, L_EXPIRY).from(ours).join(LIST)
                    .on(L_NORM.eq(oNorm).and(L_GTIN.eq(oGtin)));
            var lot = same.where(L_LOT.isNotNull()).and(oLot.isDistinctFrom(L_LOT));
            counts.add(new Count(Kind.lot_mismatch, db.fetchCount(lot)));
            lot.limit(limitPerKind).forEach(r -> findings.add(new Finding(Kind.lot_mismatch, r.value1(), r.value2(), r.value3(),
                    r.value4(), r.value5())));
            var expiry = db.select(oGtin, oSerial, oId, oExpiry, L_EXPIRY).from(ours).join(LIST)
                    .on(L_NORM.eq(oNorm).and(L_GTIN.eq(oGtin)))
                    .where(L_EXPIRY.isNotNull()).and(oExpiry.isDistinctFrom(L_EXPIRY));
            counts.add(new Count(Kind.expiry_mismatch, db.fetchCount(expiry)));
            expiry.limit(limitPerKind).forEach(r -> findings.add(new Finding(Kind.expiry_mismatch, r.value1(), r.value2(), r.value3(),
                    String.valueOf(r.value4()), String.valueOf(r.value5()))));

            // the serial is on the list under one GTIN, and ours carries it under another GTIN of the same maker
            var product = db.select(L_GTIN, L_SERIAL, UNIT.INTERNAL_ID, gtin).from(LIST)
                    .join(UNIT).on(UNIT.SERIAL_NORM.eq(L_NORM)).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                    .where(gtin.ne(L_GTIN))
                    .and(UNIT.MANUFACTURER_ID.in(DSL.select(PRODUCT.MANUFACTURER_ID).from(PRODUCT).where(PRODUCT.GTIN.eq(L_GTIN))));
            counts.add(new Count(Kind.product_mismatch, db.fetchCount(product)));
            product.limit(limitPerKind).forEach(r -> findings.add(new Finding(Kind.product_mismatch, r.value1(), r.value2(), r.value3(),
                    r.value4(), r.value1())));
            return new Report(listed, counts, findings);
        });
    }

    private static long read(Path file, CopyRows rows) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return readCsv(file, rows);
        }
        long n = 0;
        try (EpcisReader reader = EpcisReader.open(file)) {
            ObjectNode e;
            while ((e = reader.next()) != null) {
                boolean commissioning = e.path("action").asText().equals("ADD") && (!e.has("bizStep")
                        || Cbv.bizStep(e.get("bizStep").asText()).filter(s -> s == BizStep.commissioning).isPresent());
                if (!commissioning) {
                    continue;
                }
                JsonNode ilmd = e.path("ilmd");
                for (String epc : EpcisImporter.texts(e.get("epcList"))) {
                    EpcUris.UnitKey k = EpcUris.parseUnit(epc);
                    if (k != null && k.gtin() != null) {
                        row(rows, k.gtin(), k.serial(), ilmd.path(EpcisEvents.LOT).asText(null), ilmd.path(EpcisEvents.EXPIRY).asText(null));
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static long readCsv(Path file, CopyRows rows) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return 0;
            }
            String sep = header.contains(";") ? ";" : header.contains("\t") ? "\t" : ",";
            List<String> cols = Arrays.stream(header.split(sep)).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
            int g = cols.indexOf("gtin");
            int s = cols.indexOf("serial");
            int l = cols.indexOf("lot");
            int x = cols.indexOf("expiry");
            if (g < 0 || s < 0) {
                throw new EpcisFormatException("the CSV header must name the columns gtin and serial (and may name lot and expiry); found: " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(sep, -1);
                if (f.length <= Math.max(g, s)) {
                    throw new EpcisFormatException("line " + lineNo + " has " + f.length + " fields, fewer than the header");
                }
                String gtin = f[g].trim();
                if (!gtin.matches("\\d{14}")) {
                    throw new EpcisFormatException("line " + lineNo + ": gtin '" + gtin + "' is not 14 digits");
                }
                row(rows, gtin, f[s].trim(), l >= 0 && l < f.length ? f[l].trim() : null, x >= 0 && x < f.length ? f[x].trim() : null);
                n++;
            }
        }
        return n;
    }

    private static void row(CopyRows rows, String gtin, String serial, String lot, String expiry) {
        rows.value(gtin).value(serial).value(SerialNormalizer.normalize(serial)).value(lot == null || lot.isEmpty() ? null : lot)
                .value(expiry == null || expiry.isEmpty() ? null : LocalDate.parse(expiry)).endRow();
    }
}
