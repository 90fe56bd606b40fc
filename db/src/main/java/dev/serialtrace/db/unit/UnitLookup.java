package dev.serialtrace.db.unit;

import dev.serialtrace.core.identify.IdentifierKind;
import dev.serialtrace.core.identify.ParseError;
import dev.serialtrace.core.identify.ParseResult;
import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.core.identify.ProductIdentifier;
import dev.serialtrace.core.identify.ScanParser;
import dev.serialtrace.core.unit.SerialNormalizer;
import dev.serialtrace.core.unit.SerialVariants;
import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.timing.OperationTimings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * Finds the unit behind any identifier a person types or a scanner sends: internal id, bare
 * manufacturer serial, GS1 element string (with or without {@code ]d2}, GS or the configured
 * substitute), bracketed GS1, Digital Link, SGTIN URI or HIBC. Every path is one indexed query.
 */
public final class UnitLookup {
    /** Suggestions shown for an unknown serial. */
    public static final int DID_YOU_MEAN_LIMIT = 10;
    /** Shorter captures match too many serials by prefix or suffix to be worth suggesting. */
    private static final int PARTIAL_MIN_LENGTH = 4;
    private static final int PARTIAL_LIMIT = 5;
    /** Slips of a short serial can land on many units; more than this is no longer a guess. */
    private static final int SLIP_FETCH_LIMIT = 200;

    private final DSLContext dsl;
    private final ScanParser parser;
    private final RenderedQuery byInternalId;
    private final RenderedQuery bySerial;
    private final RenderedQuery byGtinAndSerial;
    private final RenderedQuery byHibcAndSerial;
    private final RenderedQuery byFoldedKeys;
    private final OperationTimings timings;

    public UnitLookup(DSLContext dsl, ParserOptions options) {
        this(dsl, options, null);
    }

    /** A lookup that records each {@link #lookup}'s duration for the lookup-time KPI ({@code timings} may be null). */
    public UnitLookup(DSLContext dsl, ParserOptions options, OperationTimings timings) {
        this.dsl = dsl;
        this.timings = timings;
        this.parser = new ScanParser(options);
        byInternalId = rendered(UNIT.INTERNAL_ID.eq(""));
        bySerial = rendered(UNIT.SERIAL_NORM.eq(""));
        // a unit without its own GTIN carries its product's
        byGtinAndSerial = rendered(UNIT.SERIAL_NORM.eq("").and(UNIT.GTIN.eq("").or(UNIT.GTIN.isNull().and(PRODUCT.GTIN.eq("")))));
        // the HIBC product code is stored with or without the unit-of-measure digit that ends it
        byHibcAndSerial = rendered(UNIT.SERIAL_NORM.eq("").and(PRODUCT.HIBC_LABELER.eq(""))
                .and(PRODUCT.HIBC_PRODUCT.eq("").or(PRODUCT.HIBC_PRODUCT.eq(""))));
        byFoldedKeys = new RenderedQuery(dsl, UnitSummaries.where(dsl,
                Routines.foldConfusables(UNIT.SERIAL_NORM).eq(DSL.any(new String[] {""}))).limit(DSL.inline(SLIP_FETCH_LIMIT)));
    }

    private RenderedQuery rendered(Condition condition) {
        return new RenderedQuery(dsl, UnitSummaries.where(dsl, condition).orderBy(UNIT.ID));
    }

    /** An exact query for a parsed identifier, and which path it takes. */
    public static final class Plan {
        private final MatchPath path;
        private final RenderedQuery.Bound bound;

        private Plan(MatchPath path, RenderedQuery.Bound bound) {
            this.path = path;
            this.bound = bound;
        }

        public MatchPath path() {
            return path;
        }

        /** The same SQL and values as a jOOQ query, e.g. to render it. */
        public ResultQuery<Record> query() {
            return bound.query();
        }

        List<UnitSummary> fetch() {
            return bound.fetch();
        }
    }

    public LookupResult lookup(String raw) {
        return timed(raw, true);
    }

    /**
     * Like {@link #lookup} but a {@link LookupResult.NotFound} comes without guesses: for callers that
     * must show the verdict at once and fetch {@link #didYouMean} afterwards (audit scanning).
     */
    public LookupResult lookupExact(String raw) {
        return timed(raw, false);
    }

    private LookupResult timed(String raw, boolean suggest) {
        if (timings == null) {
            return lookup(raw, suggest);
        }
        long start = System.nanoTime();
        boolean ok = false;
        try {
            LookupResult r = lookup(raw, suggest);
            ok = true;
            return r;
        } finally {
            timings.record(OperationTimings.Kind.LOOKUP, System.nanoTime() - start, ok);
        }
    }

    private LookupResult lookup(String raw, boolean suggest) {
        ParseResult parsed = parser.parse(raw);
        if (parsed instanceof ParseError error) {
            // shaped like an internal id but failing its check: it may still be a manufacturer serial
            if (error.kind() == IdentifierKind.INTERNAL) {
                List<UnitSummary> units = bySerial.with(SerialNormalizer.normalize(raw)).fetch();
                if (!units.isEmpty()) {
                    return new LookupResult.Found(null, MatchPath.SERIAL, units);
                }
            }
            return new LookupResult.BadInput(error.message(), error.position());
        }
        ProductIdentifier id = (ProductIdentifier) parsed;
        Optional<Plan> plan = plan(id);
        if (plan.isEmpty()) {
            return new LookupResult.BadInput(id.gtin() != null
                    ? "GTIN " + id.gtin() + " without a serial names a product, not a unit"
                    : "no serial in this " + id.kind().label() + " capture", 0);
        }
        List<UnitSummary> units = plan.get().fetch();
        if (units.isEmpty() && id.kind() == IdentifierKind.INTERNAL) {
            units = bySerial.with(SerialNormalizer.normalize(id.serial())).fetch();
            if (!units.isEmpty()) {
                return new LookupResult.Found(id, MatchPath.SERIAL, units);
            }
        }
        if (!units.isEmpty()) {
            return new LookupResult.Found(id, plan.get().path(), units);
        }
        String norm = SerialNormalizer.normalize(id.serial());
        return new LookupResult.NotFound(id, norm, suggest ? didYouMean(norm) : List.of());
    }

    /** The exact query {@link #lookup} runs first for this identifier; empty when it names no unit. */
    public Optional<Plan> plan(ProductIdentifier id) {
        if (id.serial() == null) {
            return Optional.empty();
        }
        if (id.kind() == IdentifierKind.INTERNAL) {
            return Optional.of(new Plan(MatchPath.INTERNAL_ID, byInternalId.with(id.serial())));
        }
        String norm = SerialNormalizer.normalize(id.serial());
        if (id.gtin() != null) {
            return Optional.of(new Plan(MatchPath.GTIN_SERIAL, byGtinAndSerial.with(norm, id.gtin(), id.gtin())));
        }
        if (id.kind() == IdentifierKind.HIBC && id.productCode() != null) {
            String code = id.productCode();
            String labeler = code.substring(0, Math.min(4, code.length()));
            String product = code.substring(labeler.length());
            String withoutUom = product.isEmpty() ? product : product.substring(0, product.length() - 1);
            return Optional.of(new Plan(MatchPath.HIBC, byHibcAndSerial.with(norm, labeler, product, withoutUom)));
        }
        return Optional.of(new Plan(MatchPath.SERIAL, bySerial.with(norm)));
    }

    /** Parses and plans in one step, for callers that time the query alone (the benchmark). */
    public Optional<Plan> plan(String raw) {
        return parser.parse(raw) instanceof ProductIdentifier id ? plan(id) : Optional.empty();
    }

    /**
     * Units whose serial is one slip away from {@code serialNorm} (misread, swapped, missing or
     * extra character), best first, then units whose serial starts or ends with it.
     */
    public List<Suggestion> didYouMean(String serialNorm) {
        record Ranked(Suggestion suggestion, int score) {
        }
        List<ResultQuery<Record>> queries = didYouMeanQueries(serialNorm);
        List<Ranked> slips = new ArrayList<>();
        for (UnitSummary u : fetch(queries.get(0))) {
            SerialVariants.explain(serialNorm, u.serialNorm()).ifPresent(e -> slips.add(new Ranked(
                    new Suggestion(u, e.slip().name().toLowerCase(Locale.ROOT), e.reason()),
                    e.edits() * 10 + e.slip().ordinal())));
        }
        slips.sort(Comparator.comparingInt(Ranked::score)
                .thenComparing(r -> r.suggestion().unit().serialNorm())
                .thenComparingLong(r -> r.suggestion().unit().unitId()));
        Map<Long, Suggestion> ranked = new LinkedHashMap<>();
        slips.forEach(r -> ranked.putIfAbsent(r.suggestion().unit().unitId(), r.suggestion()));
        if (queries.size() > 1) {
            partial(queries.get(1), "prefix", "serial starts with the capture (partial scan?)", ranked);
            partial(queries.get(2), "suffix", "serial ends with the capture (partial scan?)", ranked);
        }
        return ranked.values().stream().limit(DID_YOU_MEAN_LIMIT).toList();
    }

    /**
     * The queries behind {@link #didYouMean}: one indexed probe per candidate key on
     * {@code fold_confusables(serial_norm)}, then (for captures long enough) prefix and suffix.
     */
    public List<ResultQuery<Record>> didYouMeanQueries(String serialNorm) {
        String[] keys = SerialVariants.candidateKeys(serialNorm).toArray(String[]::new);
        ResultQuery<Record> slips = byFoldedKeys.with((Object) keys).query();
        if (serialNorm.length() < PARTIAL_MIN_LENGTH) {
            return List.of(slips);
        }
        return List.of(slips,
                UnitSummaries.where(dsl, LikePatterns.startsWith(UNIT.SERIAL_NORM, serialNorm)).limit(PARTIAL_LIMIT),
                UnitSummaries.where(dsl, LikePatterns.endsWith(UNIT.SERIAL_NORM, serialNorm)).limit(PARTIAL_LIMIT));
    }

    private void partial(ResultQuery<Record> query, String kind, String reason, Map<Long, Suggestion> ranked) {
        List<UnitSummary> units = new ArrayList<>(fetch(query));
        units.sort(Comparator.comparing(UnitSummary::serialNorm).thenComparingLong(UnitSummary::unitId));
        for (UnitSummary u : units) {
            ranked.putIfAbsent(u.unitId(), new Suggestion(u, kind, reason));
        }
    }

    private static List<UnitSummary> fetch(ResultQuery<Record> query) {
        return query.fetch(UnitSummaries::map);
    }
}
