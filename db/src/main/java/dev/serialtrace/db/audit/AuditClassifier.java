package dev.serialtrace.db.audit;

import dev.serialtrace.core.identify.IdentifierKind;
import dev.serialtrace.core.identify.ParseError;
import dev.serialtrace.core.identify.ParseResult;
import dev.serialtrace.core.identify.ProductIdentifier;
import dev.serialtrace.core.identify.ScanParser;
import dev.serialtrace.core.identify.format.FormatRule;
import dev.serialtrace.core.identify.format.RuleViolation;
import dev.serialtrace.core.unit.SerialNormalizer;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.Suggestion;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges audit scans against the expected units held in memory, so a scan of an expected unit is
 * classified without the database; only a capture that is not expected is looked up (wrong
 * location, status conflict, moved here during the audit, unknown with did-you-mean). Keeps the
 * running counts. Safe to call from two threads (local verdicts on one, database look-ups on
 * another): the database is asked outside the lock, the counts change under it.
 */
public final class AuditClassifier {
    /** Statuses of units that left the warehouse's custody: found on a shelf, they conflict. */
    private static final Set<String> GONE = Set.of("retail_sold", "destroyed", "stolen", "dispensed", "in_transit",
            "unknown", "expired", "recalled");
    private static final Set<String> GONE_STEPS = Set.of("shipping", "decommissioning", "destroying", "retail_selling");

    private static final String UNKNOWN_DETAIL = "not on file";

    private final AuditSnapshot snapshot;
    private final ScanParser parser;
    private final UnitLookup lookup;
    private final Map<String, List<AuditSnapshot.ExpectedUnit>> bySerial = new HashMap<>();
    private final Map<String, AuditSnapshot.ExpectedUnit> byInternalId = new HashMap<>();
    private final Map<Long, List<AuditSnapshot.ExpectedUnit>> kitChildren = new HashMap<>();
    private final Set<String> scopePaths;
    private final Set<Long> found = new HashSet<>();
    private final Map<Long, Integer> firstSeq = new HashMap<>();
    private final Set<Long> unexpectedUnits = new HashSet<>();
    private final Set<String> unknownSerials = new HashSet<>();
    private int arrivedDuringAudit;
    private int unexpected;

    public AuditClassifier(AuditSnapshot snapshot, ScanParser parser, UnitLookup lookup) {
        this.snapshot = snapshot;
        this.parser = parser;
        this.lookup = lookup;
        for (AuditSnapshot.ExpectedUnit u : snapshot.expected()) {
            bySerial.computeIfAbsent(u.serialNorm(), k -> new ArrayList<>(1)).add(u);
            byInternalId.put(u.internalId(), u);
            if (u.parentUnitId() != null) {
                kitChildren.computeIfAbsent(u.parentUnitId(), k -> new ArrayList<>()).add(u);
            }
        }
        scopePaths = new HashSet<>(snapshot.locations().values());
    }

    public AuditSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The verdict from memory alone: a {@link ScanClass#PENDING} result means the database must be
     * asked ({@link #classify}); nothing is counted for it yet.
     */
    public synchronized Classification classifyLocal(String raw, Long locationId, int seq) {
        ParseResult parsed = parser.parse(raw);
        if (parsed instanceof ParseError error) {
            if (error.kind() == IdentifierKind.INTERNAL) {
                return Classification.of(ScanClass.PENDING, null, "not a valid internal id; checking as a serial");
            }
            return count(Classification.of(ScanClass.INVALID, null, error.message()
                    + (error.position() >= 0 ? " (at position " + (error.position() + 1) + ")" : "")));
        }
        ProductIdentifier id = (ProductIdentifier) parsed;
        if (id.serial() == null) {
            return count(Classification.of(ScanClass.INVALID, null, id.gtin() != null
                    ? "GTIN " + id.gtin() + " without a serial names a product, not a unit"
                    : "no serial in this " + id.kind().label() + " capture"));
        }
        AuditSnapshot.ExpectedUnit unit = expected(id);
        if (unit != null) {
            return expectedScan(unit, locationId, seq);
        }
        String norm = SerialNormalizer.normalize(id.serial());
        if (unknownSerials.contains(norm)) {
            return count(Classification.of(ScanClass.DUPLICATE, null, "this unknown serial was already scanned in this audit"));
        }
        return Classification.of(ScanClass.PENDING, null, "not expected here; checking the records");
    }

    /** The full verdict; asks the database for captures that are not expected (may throw when it is unreachable). */
    public Classification classify(String raw, Long locationId, int seq) {
        Classification local = classifyLocal(raw, locationId, seq);
        return local.kind() == ScanClass.PENDING ? remote(raw, locationId, seq) : local;
    }

    private AuditSnapshot.ExpectedUnit expected(ProductIdentifier id) {
        if (id.kind() == IdentifierKind.INTERNAL) {
            AuditSnapshot.ExpectedUnit u = byInternalId.get(id.serial());
            if (u != null) {
                return u;
            }
        }
        List<AuditSnapshot.ExpectedUnit> candidates = bySerial.get(SerialNormalizer.normalize(id.serial()));
        if (candidates == null) {
            return null;
        }
        for (AuditSnapshot.ExpectedUnit u : candidates) {
            if (id.gtin() == null || id.gtin().equals(u.gtin())) {
                return u;
            }
        }
        return null;
    }

    private Classification expectedScan(AuditSnapshot.ExpectedUnit unit, Long locationId, int seq) {
        if (found.contains(unit.unitId())) {
            Integer first = firstSeq.get(unit.unitId());
            return Classification.of(ScanClass.DUPLICATE, unit.unitId(),
                    "already scanned" + (first == null ? " (counted through its kit)" : " as scan #" + first));
        }
        found.add(unit.unitId());
        firstSeq.put(unit.unitId(), seq);
        int children = 0;
        for (AuditSnapshot.ExpectedUnit child : kitChildren.getOrDefault(unit.unitId(), List.of())) {
            if (found.add(child.unitId())) {
                children++;
            }
        }
        String kit = children == 0 ? "" : " — kit: " + children + (children == 1 ? " child" : " children") + " counted";
        if (locationId != null && locationId != unit.locationId()) {
            unexpected++;
            return new Classification(ScanClass.WRONG_LOCATION, unit.unitId(), "records say "
                    + snapshot.locations().getOrDefault(unit.locationId(), "another location") + kit, List.of(), children);
        }
        return new Classification(ScanClass.MATCHED, unit.unitId(), unit.productName() + " · "
                + snapshot.locations().getOrDefault(unit.locationId(), "") + kit, List.of(), children);
    }

    /**
     * The verdict for a capture {@link #classifyLocal} left pending; asks the database (may throw when
     * it is unreachable). An unknown serial is judged on the exact look-up alone, so its verdict is
     * not held back by the slower near-match search: ask {@link #nearMatches} for that afterwards.
     */
    public Classification remote(String raw, Long locationId, int seq) {
        LookupResult result = lookup.lookupExact(raw);
        synchronized (this) {
            return judge(result, raw, seq);
        }
    }

    /**
     * The did-you-mean candidates for a scan judged {@link ScanClass#UNKNOWN}: the same verdict with
     * the candidates and a detail naming the best three. Counts nothing (the verdict was counted).
     */
    public Classification nearMatches(String raw) {
        List<Suggestion> guesses = parser.parse(raw) instanceof ProductIdentifier id && id.serial() != null
                ? lookup.didYouMean(SerialNormalizer.normalize(id.serial())) : List.of();
        String detail = guesses.isEmpty() ? UNKNOWN_DETAIL + ", and nothing on file is one slip away"
                : UNKNOWN_DETAIL + " — did you mean " + guesses.stream().limit(3)
                        .map(s -> s.unit().serial() + " (" + s.reason() + ")").collect(Collectors.joining(", ")) + "?";
        return new Classification(ScanClass.UNKNOWN, null, detail, guesses, 0);
    }

    private Classification judge(LookupResult result, String raw, int seq) {
        if (result instanceof LookupResult.BadInput bad) {
            return count(Classification.of(ScanClass.INVALID, null, bad.message()));
        }
        if (result instanceof LookupResult.NotFound nf) {
            String norm = nf.serialNorm();
            String broken = brokenRule(nf.identifier() == null ? raw : nf.identifier().serial());
            if (broken != null) {
                return count(Classification.of(ScanClass.INVALID, null, broken));
            }
            if (!unknownSerials.add(norm)) {
                return count(Classification.of(ScanClass.DUPLICATE, null, "this unknown serial was already scanned in this audit"));
            }
            return count(Classification.of(ScanClass.UNKNOWN, null, UNKNOWN_DETAIL));
        }
        LookupResult.Found f = (LookupResult.Found) result;
        UnitSummary u = f.units().get(0);
        String dup = f.duplicateSerial() ? " (this serial is on file " + f.units().size() + " times)" : "";
        if (found.contains(u.unitId()) || !unexpectedUnits.add(u.unitId())) {
            return count(Classification.of(ScanClass.DUPLICATE, u.unitId(), "already scanned in this audit"));
        }
        if ((u.status() != null && GONE.contains(u.status())) || (u.lastBizStep() != null && GONE_STEPS.contains(u.lastBizStep()))) {
            return count(Classification.of(ScanClass.STATUS_CONFLICT, u.unitId(), "recorded as "
                    + (u.status() == null ? "" : u.status().replace('_', ' '))
                    + (u.lastBizStep() == null ? "" : " (" + u.lastBizStep().replace('_', ' ') + ")")
                    + " — but physically here" + dup));
        }
        if (u.locationPath() != null && scopePaths.contains(u.locationPath())) {
            found.add(u.unitId());
            firstSeq.put(u.unitId(), seq);
            arrivedDuringAudit++;
            return Classification.of(ScanClass.MATCHED, u.unitId(), "moved here during the audit (" + u.locationPath() + ")" + dup);
        }
        return count(Classification.of(ScanClass.WRONG_LOCATION, u.unitId(),
                (u.locationPath() == null ? "the records give no location" : "records say " + u.locationPath()) + dup));
    }

    /** The rule broken by a serial that fits none of the scope's format rules; null when one fits (or there are none). */
    private String brokenRule(String serial) {
        if (serial == null || snapshot.formatRules().isEmpty()) {
            return null;
        }
        String best = null;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<String, FormatRule> rule : snapshot.formatRules().entrySet()) {
            List<RuleViolation> violations = rule.getValue().check(serial);
            if (violations.isEmpty()) {
                return null;
            }
            if (violations.size() < fewest) {
                fewest = violations.size();
                best = "breaks format rule " + rule.getKey() + ": "
                        + violations.stream().map(RuleViolation::message).collect(Collectors.joining("; "));
            }
        }
        return best;
    }

    private Classification count(Classification c) {
        if (c.kind().unexpected()) {
            unexpected++;
        }
        return c;
    }

    /** A unit serialised from quantity stock during the audit: on the shelf, so expected and found. */
    public synchronized void retrofitted(long unitId) {
        if (found.add(unitId)) {
            arrivedDuringAudit++;
        }
    }

    /** Restores the counts from scans stored earlier (resuming an audit). */
    public synchronized void restore(Collection<AuditScan> scans) {
        Set<Long> expectedIds = new HashSet<>();
        snapshot.expected().forEach(u -> expectedIds.add(u.unitId()));
        for (AuditScan s : scans) {
            if (s.unitId() == null) {
                if (s.classification() == ScanClass.UNKNOWN) {
                    unknownSerials.add(SerialNormalizer.normalize(s.rawInput()));
                    unexpected++;
                }
                continue;
            }
            boolean isExpected = expectedIds.contains(s.unitId());
            if (isExpected && s.classification() != ScanClass.DUPLICATE) {
                found.add(s.unitId());
                firstSeq.putIfAbsent(s.unitId(), s.seq());
                kitChildren.getOrDefault(s.unitId(), List.of()).forEach(c -> found.add(c.unitId()));
            } else if (!isExpected) {
                if (s.classification() == ScanClass.MATCHED || s.classification() == ScanClass.RETROFITTED) {
                    found.add(s.unitId());
                    arrivedDuringAudit++;
                } else {
                    unexpectedUnits.add(s.unitId());
                }
            }
            if (s.classification().unexpected()) {
                unexpected++;
            }
        }
    }

    public synchronized int expectedCount() {
        return snapshot.expected().size() + arrivedDuringAudit;
    }

    public synchronized int foundCount() {
        return found.size();
    }

    public synchronized int missingSoFar() {
        return expectedCount() - found.size();
    }

    public synchronized int unexpectedCount() {
        return unexpected;
    }

    /** Found over everything the records got right or wrong so far; 1 before anything is scanned. */
    public synchronized double accuracy() {
        int base = found.size() + unexpected;
        return base == 0 ? 1.0 : (double) found.size() / base;
    }
}
