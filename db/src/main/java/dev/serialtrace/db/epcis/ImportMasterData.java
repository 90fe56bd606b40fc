package dev.serialtrace.db.epcis;

import dev.serialtrace.db.jooq.enums.PartyKind;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.serialtrace.db.jooq.Tables.LOT;
import static dev.serialtrace.db.jooq.Tables.PARTY;
import static dev.serialtrace.db.jooq.Tables.PRODUCT;

/**
 * The products, lots and trading partners an import names, by id, cached for the whole import.
 * One never seen is created in the batch's transaction (its id drawn when the batch is prepared, so a
 * batch that fails leaves none behind), if the importing person may add it ({@link Grants}); where
 * they may not, the import refuses the events that would need it before writing them.
 */
final class ImportMasterData {
    /** Which master data the importing person may add: the database refuses the rest. */
    record Grants(boolean products, boolean lots, boolean parties) {
        static final Grants ALL = new Grants(true, true, true);

        boolean all() {
            return products && lots && parties;
        }

        static Grants of(DSLContext db) {
            var r = db.select(privilege("product"), privilege("lot"), privilege("party")).fetchOne();
            // a new product comes with a new party (its maker)
            return new Grants(r.value1() && r.value3(), r.value2(), r.value3());
        }

        private static org.jooq.Field<Boolean> privilege(String table) {
            return DSL.field("has_table_privilege({0}, 'INSERT')", Boolean.class, DSL.inline(table));
        }
    }

    private static final String ASK = " Ask an administrator to import the document, or to add it first";

    static String productNotAllowed(String gtin) {
        return "it names GTIN " + gtin + ", a product the database does not have yet, and you may not add products." + ASK;
    }

    static String lotNotAllowed(String lot, String gtin) {
        return "its ILMD names lot " + lot + " of GTIN " + gtin + ", which the database does not have yet, and you may not add lots."
                + ASK;
    }

    static String partyNotAllowed(String role, String uri) {
        return "its " + role + " " + uri + " is a trading partner the database does not have yet, and you may not add trading partners."
                + ASK;
    }

    private final Map<String, Long> parties = new HashMap<>();
    private final Map<String, long[]> products = new HashMap<>();
    private final Map<String, Long> lots = new HashMap<>();

    /** Rows created in a rolled-back transaction are gone: so are their cached ids. */
    void forgetCreated() {
        parties.clear();
        products.clear();
        lots.clear();
    }

    /** The party a URI names (by GLN, or by name), created as {@code kindIfNew} if it is new. */
    Long party(DSLContext db, String uri, PartyKind kindIfNew, List<Consumer<DSLContext>> masterData) {
        if (uri == null) {
            return null;
        }
        Long found = existing(parties, uri, k -> findParty(db, k));
        if (found != null) {
            return found;
        }
        String[] key = EpcUris.parseParty(uri);
        long id = nextId(db, "party");
        masterData.add(tx -> tx.insertInto(PARTY, PARTY.ID, PARTY.KIND, PARTY.NAME, PARTY.GLN)
                .values(id, kindIfNew, key[0] != null ? "GLN " + key[0] : key[1], key[0]).execute());
        parties.put(uri, id);
        return id;
    }

    /** True if the party a URI names is in the database (or none is named); creates nothing. */
    boolean hasParty(DSLContext db, String uri) {
        return uri == null || existing(parties, uri, k -> findParty(db, k)) != null;
    }

    private static Long findParty(DSLContext db, String uri) {
        String[] key = EpcUris.parseParty(uri);
        return key[0] != null
                ? db.select(PARTY.ID).from(PARTY).where(PARTY.GLN.eq(key[0])).fetchOne(PARTY.ID)
                : db.select(PARTY.ID).from(PARTY).where(PARTY.NAME.eq(key[1])).orderBy(PARTY.ID).limit(1).fetchOne(PARTY.ID);
    }

    /** {product id, manufacturer id} of a GTIN; a product never seen is created with a maker named after it. */
    long[] product(DSLContext db, String gtin, Integer companyPrefixLength, List<Consumer<DSLContext>> masterData) {
        long[] found = existingProduct(db, gtin);
        if (found != null) {
            return found;
        }
        long maker = nextId(db, "party");
        long product = nextId(db, "product");
        Short prefix = companyPrefixLength != null && companyPrefixLength >= 6 && companyPrefixLength <= 12
                ? companyPrefixLength.shortValue() : null; // an SGTIN URI tells it; a Digital Link does not
        masterData.add(tx -> tx.insertInto(PARTY, PARTY.ID, PARTY.KIND, PARTY.NAME)
                .values(maker, PartyKind.manufacturer, "Manufacturer of GTIN " + gtin).execute());
        masterData.add(tx -> tx.insertInto(PRODUCT, PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.GTIN,
                        PRODUCT.MANUFACTURER_ID, PRODUCT.COMPANY_PREFIX_LENGTH)
                .values(product, "GTIN-" + gtin, "Imported product " + gtin, "imported", gtin, maker, prefix).execute());
        long[] created = {product, maker};
        products.put(gtin, created);
        return created;
    }

    /** {product id, manufacturer id} of a GTIN the database has, else null; creates nothing. */
    long[] existingProduct(DSLContext db, String gtin) {
        return existing(products, gtin, g -> {
            var r = db.select(PRODUCT.ID, PRODUCT.MANUFACTURER_ID).from(PRODUCT).where(PRODUCT.GTIN.eq(g)).fetchOne();
            return r == null ? null : new long[] {r.value1(), r.value2()};
        });
    }

    /** A product's lot by its code, created with {@code expiry} if it is new. */
    Long lot(DSLContext db, long product, String code, LocalDate expiry, List<Consumer<DSLContext>> masterData) {
        Long found = existingLot(db, product, code);
        if (found != null) {
            return found;
        }
        long id = nextId(db, "lot");
        masterData.add(tx -> tx.insertInto(LOT, LOT.ID, LOT.PRODUCT_ID, LOT.LOT_CODE, LOT.EXPIRY).values(id, product, code, expiry).execute());
        lots.put(product + "|" + code, id);
        return id;
    }

    /** True if the product has a lot of that code in the database; creates nothing. */
    boolean hasLot(DSLContext db, long product, String code) {
        return existingLot(db, product, code) != null;
    }

    private Long existingLot(DSLContext db, long product, String code) {
        return existing(lots, product + "|" + code,
                k -> db.select(LOT.ID).from(LOT).where(LOT.PRODUCT_ID.eq(product)).and(LOT.LOT_CODE.eq(code)).fetchOne(LOT.ID));
    }

    /** The cached value, else the database's (then cached); null if neither has one. Creates nothing. */
    private static <K, V> V existing(Map<K, V> cache, K key, java.util.function.Function<K, V> find) {
        V value = cache.get(key);
        if (value == null) {
            value = find.apply(key);
            if (value != null) {
                cache.put(key, value);
            }
        }
        return value;
    }

    /**
     * An id for a row of master data a batch names for the first time, drawn when the batch is
     * prepared; the row is inserted with it in the batch's transaction, so a batch that fails leaves
     * none behind.
     */
    private static long nextId(DSLContext db, String table) {
        return db.select(DSL.field("nextval(pg_get_serial_sequence({0}, 'id'))", Long.class, DSL.inline(table))).fetchOne(0, Long.class);
    }
}
