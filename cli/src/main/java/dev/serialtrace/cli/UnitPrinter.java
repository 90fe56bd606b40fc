package dev.serialtrace.cli;

import dev.serialtrace.db.unit.UnitSummary;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A unit as a compact block for people, or as a JSON object. */
final class UnitPrinter {
    private UnitPrinter() {
    }

    static void print(PrintWriter out, UnitSummary u) {
        out.printf("%s  serial %s%n", u.internalId(), u.serial());
        if (u.gtin() != null) {
            out.printf("  GTIN        %s%s%n", u.gtin(), u.sgtinUri() == null ? "" : "   " + u.sgtinUri());
        }
        out.printf("  product     %s  %s (%s), %s%n", u.productSku(), u.productName(), u.category(), u.manufacturerName());
        if (u.lotCode() != null || u.expiry() != null) {
            out.printf("  lot/expiry  %s / %s%n", dash(u.lotCode()), dash(u.expiry()));
        }
        out.printf("  status      %s%s%n", u.status() == null ? "no events yet" : u.status(),
                u.lastBizStep() == null ? "" : " (last step " + u.lastBizStep() + ")");
        out.printf("  location    %s%n", dash(u.locationPath()));
        out.printf("  holder      %s%n", dash(u.holderName()));
        if (u.lastEventAt() != null) {
            out.printf("  last event  %s%n", u.lastEventAt());
        }
    }

    /** One line for tables: id, serial, product, status, location. */
    static String row(UnitSummary u) {
        return String.format("%-10s %-22s %-12s %-20s %s", u.internalId(), u.serial(), u.productSku(),
                dash(u.status()), dash(u.locationPath()));
    }

    static Map<String, Object> toMap(UnitSummary u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", u.unitId());
        m.put("internalId", u.internalId());
        m.put("serial", u.serial());
        m.put("gtin", u.gtin());
        m.put("sgtin", u.sgtinUri());
        m.put("lot", u.lotCode());
        m.put("expiry", u.expiry() == null ? null : u.expiry().toString());
        m.put("productSku", u.productSku());
        m.put("productName", u.productName());
        m.put("category", u.category());
        m.put("manufacturer", u.manufacturerName());
        m.put("status", u.status());
        m.put("lastBizStep", u.lastBizStep());
        m.put("location", u.locationPath());
        m.put("holder", u.holderName());
        m.put("lastEventAt", u.lastEventAt() == null ? null : u.lastEventAt().toString());
        return m;
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
