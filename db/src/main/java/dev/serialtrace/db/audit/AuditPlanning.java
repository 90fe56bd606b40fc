package dev.serialtrace.db.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.db.jooq.enums.AuditStatus;
import dev.serialtrace.db.jooq.enums.LocationKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.serialtrace.db.jooq.Tables.AUDIT_DISCREPANCY;
import static dev.serialtrace.db.jooq.Tables.AUDIT_SCOPE_LOCATION;
import static dev.serialtrace.db.jooq.Tables.LOCATION;
import static dev.serialtrace.db.jooq.Tables.LOCATION_LAST_COUNTED;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;
import static dev.serialtrace.db.jooq.Tables.SITE;
import static dev.serialtrace.db.jooq.Tables.SPOT_AUDIT;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

/**
 * Planning spot audits: which locations of a subtree hold what, when each was last counted and
 * which are due; random or risk-weighted samples; creating an audit with the guard against two
 * open audits counting the same location.
 */
public final class AuditPlanning {
    /** A location not counted for this long is due. */
    public static final Duration COUNT_INTERVAL = Duration.ofDays(90);
    private static final Duration RECENT = Duration.ofDays(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Serialises planning so two people cannot both pass the overlap check at the same moment. */
    private static final long PLANNING_LOCK = 0x5370_6f74_4175_6469L;

    private final DSLContext dsl;

    public AuditPlanning(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The countable locations (shelves, bays, docks, and any holding units) under {@code rootPath},
     * with their units, value, regulated units, recent discrepancies, last count and risk weight.
     * Reads the units of the subtree once (index on unit.location_id).
     */
    public List<LocationToCount> locationsUnder(String rootPath, Long productId, String category, OffsetDateTime now) {
        Condition inTree = subtree(rootPath);
        Condition unitFilter = UNIT.LOCATION_ID.in(DSL.select(LOCATION.ID).from(LOCATION).where(inTree));
        if (productId != null) {
            unitFilter = unitFilter.and(UNIT.PRODUCT_ID.eq(productId));
        }
        if (category != null) {
            unitFilter = unitFilter.and(PRODUCT.CATEGORY.eq(category));
        }
        Table<?> stock = DSL.select(UNIT.LOCATION_ID.as("location_id"), count().as("units"),
                        sum(PRODUCT.UNIT_VALUE).as("value"),
                        count().filterWhere(PRODUCT.REGULATORY_TAGS.ne(new String[0])).as("regulated"))
                .from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                .where(unitFilter)
                .groupBy(UNIT.LOCATION_ID).asTable("s");
        Table<?> recent = DSL.select(AUDIT_DISCREPANCY.LOCATION_ID.as("location_id"), count().as("n"))
                .from(AUDIT_DISCREPANCY).join(SPOT_AUDIT).on(SPOT_AUDIT.ID.eq(AUDIT_DISCREPANCY.AUDIT_ID))
                .where(SPOT_AUDIT.PLANNED_AT.gt(now.minus(RECENT)))
                .groupBy(AUDIT_DISCREPANCY.LOCATION_ID).asTable("r");
        var units = stock.field("units", Integer.class);
        var value = stock.field("value", BigDecimal.class);
        var regulated = stock.field("regulated", Integer.class);
        var discrepancies = recent.field("n", Integer.class);
        List<LocationToCount> out = new ArrayList<>();
        for (Record r : dsl.select(LOCATION.ID, LOCATION.PATH, LOCATION.KIND, units, value, regulated, discrepancies,
                        LOCATION_LAST_COUNTED.LAST_COUNTED_AT)
                .from(LOCATION)
                .leftJoin(stock).on(stock.field("location_id", Long.class).eq(LOCATION.ID))
                .leftJoin(recent).on(recent.field("location_id", Long.class).eq(LOCATION.ID))
                .leftJoin(LOCATION_LAST_COUNTED).on(LOCATION_LAST_COUNTED.LOCATION_ID.eq(LOCATION.ID))
                .where(inTree).and(LOCATION.KIND.in(LocationKind.shelf, LocationKind.bay, LocationKind.dock)
                        .or(units.isNotNull()))
                .orderBy(LOCATION.PATH)
                .fetch()) {
            int n = r.get(units) == null ? 0 : r.get(units);
            double v = r.get(value) == null ? 0 : r.get(value).doubleValue();
            int reg = r.get(regulated) == null ? 0 : r.get(regulated);
            int disc = r.get(discrepancies) == null ? 0 : r.get(discrepancies);
            OffsetDateTime last = r.get(LOCATION_LAST_COUNTED.LAST_COUNTED_AT);
            boolean due = last == null || last.isBefore(now.minus(COUNT_INTERVAL));
            out.add(new LocationToCount(r.get(LOCATION.ID), r.get(LOCATION.PATH), r.get(LOCATION.KIND).getLiteral(), n, v,
                    reg, disc, last, due, risk(n, v, reg, disc, last, now)));
        }
        return out;
    }

    /**
     * Risk weight: value (log scale), regulated units,
     * discrepancies of the last 180 days and days since its last count (capped at a year) add up; an empty location counts a quarter.
     */
    static double risk(int units, double value, int regulated, int discrepancies, OffsetDateTime lastCounted,
                       OffsetDateTime now) {
        double days = lastCounted == null ? 365 : Math.min(365, Duration.between(lastCounted, now).toDays());
        double weight = 1 + Math.log1p(value) / 4 + Math.min(regulated, 50) / 10.0 + 2.0 * discrepancies + days / 60.0;
        return units == 0 ? weight / 4 : weight;   // an empty location has little to get wrong
    }

    /** {@code n} locations picked uniformly at random. */
    public static List<LocationToCount> randomSample(List<LocationToCount> from, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LocationToCount> copy = new ArrayList<>(from);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            copy.set(i, copy.set(j, copy.get(i)));
        }
        return sortedByPath(copy.subList(0, Math.min(n, copy.size())));
    }

    /**
     * {@code n} locations drawn without replacement with probability proportional to their risk
     * (Efraimidis–Spirakis: the n largest u^(1/w)).
     */
    public static List<LocationToCount> riskWeightedSample(List<LocationToCount> from, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        record Keyed(LocationToCount location, double key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (LocationToCount l : from) {
            keyed.add(new Keyed(l, Math.pow(random.nextDouble(), 1.0 / Math.max(l.risk(), 1e-6))));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
        return sortedByPath(keyed.stream().limit(n).map(Keyed::location).toList());
    }

    private static List<LocationToCount> sortedByPath(List<LocationToCount> l) {
        return l.stream().sorted(Comparator.comparing(LocationToCount::path)).toList();
    }

    /**
     * Creates a planned audit. Refused with {@link OverlappingAuditException} when a planned or
     * running audit already covers one of these locations.
     */
    public long plan(AuditScope scope, String auditor) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            db.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(PLANNING_LOCK))).fetch();
            var overlap = db.select(SPOT_AUDIT.CODE, SPOT_AUDIT.AUDITOR, count())
                    .from(AUDIT_SCOPE_LOCATION).join(SPOT_AUDIT).on(SPOT_AUDIT.ID.eq(AUDIT_SCOPE_LOCATION.AUDIT_ID))
                    .where(AUDIT_SCOPE_LOCATION.STATUS.in(AuditStatus.planned, AuditStatus.in_progress))
                    .and(AUDIT_SCOPE_LOCATION.LOCATION_ID.in(scope.locationIds()))
                    .groupBy(SPOT_AUDIT.CODE, SPOT_AUDIT.AUDITOR)
                    .orderBy(SPOT_AUDIT.CODE)
                    .fetchAny();
            if (overlap != null) {
                throw new OverlappingAuditException(overlap.value1(), overlap.value2(), overlap.value3());
            }
            Map<Long, Long> sites = db.select(LOCATION.ID, LOCATION.SITE_ID).from(LOCATION)
                    .where(LOCATION.ID.in(scope.locationIds())).fetchMap(LOCATION.ID, LOCATION.SITE_ID);
            if (sites.size() != scope.locationIds().size()) {
                throw new IllegalArgumentException("unknown location in the audit scope");
            }
            if (sites.values().stream().distinct().count() > 1) {
                throw new IllegalArgumentException("an audit counts locations of one site");
            }
            long site = sites.values().iterator().next();
            String siteCode = db.select(SITE.CODE).from(SITE).where(SITE.ID.eq(site)).fetchOne().value1();
            var insert = db.insertInto(SPOT_AUDIT).set(SPOT_AUDIT.CODE, "new-" + UUID.randomUUID())
                    .set(SPOT_AUDIT.SITE_ID, site).set(SPOT_AUDIT.SCOPE, scopeJson(scope));
            if (auditor != null) {
                insert = insert.set(SPOT_AUDIT.AUDITOR, auditor);   // else the database user
            }
            long id = insert.returning(SPOT_AUDIT.ID).fetchOne().getId();
            db.update(SPOT_AUDIT).set(SPOT_AUDIT.CODE, String.format("SA-%s-%05d", siteCode, id))
                    .where(SPOT_AUDIT.ID.eq(id)).execute();
            return id;
        });
    }

    /** Audits not yet closed (to resume one, or to see who is counting where). */
    public List<OpenAudit> openAudits() {
        return dsl.select(SPOT_AUDIT.ID, SPOT_AUDIT.CODE, SPOT_AUDIT.STATUS, SPOT_AUDIT.AUDITOR, SPOT_AUDIT.PLANNED_AT,
                        SPOT_AUDIT.SCOPE)
                .from(SPOT_AUDIT).where(SPOT_AUDIT.STATUS.in(AuditStatus.planned, AuditStatus.in_progress))
                .orderBy(SPOT_AUDIT.PLANNED_AT.desc())
                .fetch(r -> new OpenAudit(r.value1(), r.value2(), r.value3().getLiteral(), r.value4(), r.value5(),
                        AuditScopes.parse(r.value6()).rootPath()));
    }

    /** An audit planned or in progress. */
    public record OpenAudit(long id, String code, String status, String auditor, OffsetDateTime plannedAt, String root) {
        @Override
        public String toString() {
            return code + " · " + status.replace('_', ' ') + " · " + (root == null ? "" : root) + " · " + auditor;
        }
    }

    private static Condition subtree(String rootPath) {
        String root = rootPath == null ? "" : rootPath.strip();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        if (root.isEmpty()) {
            return DSL.trueCondition();
        }
        String escaped = root.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return LOCATION.PATH.eq(root).or(LOCATION.PATH.like(escaped + "/%", '\\'));
    }

    static JSONB scopeJson(AuditScope scope) {
        ObjectNode o = JSON.createObjectNode();
        o.put("root", scope.rootPath());
        if (scope.productId() != null) {
            o.put("productId", scope.productId());
        }
        if (scope.category() != null) {
            o.put("category", scope.category());
        }
        o.put("sample", scope.sample());
        var locations = o.putArray("locations");
        scope.locationIds().stream().sorted().forEach(locations::add);
        return JSONB.valueOf(o.toString());
    }

    static String describe(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
