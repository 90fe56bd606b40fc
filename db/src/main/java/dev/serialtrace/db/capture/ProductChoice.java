package dev.serialtrace.db.capture;

/** A product a new unit can be created as, shown by what people recognise: SKU, name, GTIN. */
public record ProductChoice(long id, String sku, String name, String gtin) {
    @Override
    public String toString() {
        return sku + " · " + name + (gtin == null ? "" : " · GTIN " + gtin);
    }
}
