package dev.serialtrace.db.demo;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.demo.Batch.Track;
import dev.serialtrace.db.demo.MasterData.Product;
import dev.serialtrace.db.demo.MasterData.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inbound side of a unit's life: a supplier delivery (PO + ASN) is received at a dock, inspected
 * and put away; kits are assembled from received components. Selling and what follows is
 * {@link AfterSales}. Each call of {@link #nextBatch} continues where the previous one stopped.
 */
final class Lifecycles {
    private static final int BATCH_UNITS = 50_000;

    private final MasterData master;
    private final SplittableRandom random;
    private final Batch.Ids ids = new Batch.Ids();
    private final long totalUnits;
    private final long horizon;
    private final AfterSales afterSales;
    private final List<Product> kitComponents;
    private final Product kit;

    Lifecycles(MasterData master, long seed, long totalUnits) {
        this.master = master;
        this.random = new SplittableRandom(seed);
        this.totalUnits = totalUnits;
        this.horizon = (master.lastDay + 1) * 86_400 - 1;
        this.afterSales = new AfterSales(master, random);
        this.kitComponents = List.of(master.product("HA-AVR500"), master.product("HA-SW10"), master.product("HA-SP2"));
        this.kit = master.product("HA-HT500");
    }

    boolean hasMore() {
        return ids.unit < totalUnits;
    }

    long lastEventId() {
        return ids.event;
    }

    Batch.Ids ids() {
        return ids;
    }

    Batch nextBatch() {
        Batch b = new Batch(ids, random, master.historyStartDay, horizon);
        while (b.unitCount < BATCH_UNITS && ids.unit < totalUnits) {
            receipt(b);
        }
        return b;
    }

    private void receipt(Batch b) {
        long remaining = totalUnits - ids.unit;
        Site site = master.sites.get(random.nextInt(100) < 62 ? 0 : 1);
        Family family = pickFamily(site);
        if (family == Family.KIT && remaining < 4) {
            family = Family.LAPTOP;
        }
        long span = master.lastDay - master.historyStartDay;
        // more business lately: receipt days lean towards asOf
        long day = master.historyStartDay + (long) (span * Math.pow(random.nextDouble(), 0.8));
        int size = family.receiptMin + random.nextInt(family.receiptMax - family.receiptMin + 1);
        if (family == Family.KIT) {
            kits(b, site, (int) Math.min(size, remaining / 4), day);
            return;
        }
        Product p = pickProduct(family, site);
        List<Track> received = receive(b, site, p, (int) Math.min(size, remaining), day);
        afterSales.sell(b, received, day);
    }

    private Family pickFamily(Site site) {
        int r = random.nextInt(100);
        if (site.id == 1) {
            return r < 18 ? Family.LAPTOP : r < 30 ? Family.TV : r < 35 ? Family.AUDIO : r < 41 ? Family.KIT
                    : r < 72 ? Family.PHARMA : r < 88 ? Family.MEDDEV : Family.FIREARM;
        }
        return r < 32 ? Family.LAPTOP : r < 55 ? Family.TV : r < 65 ? Family.AUDIO : r < 77 ? Family.KIT : Family.MEDDEV;
    }

    private Product pickProduct(Family family, Site site) {
        List<Product> fit = new ArrayList<>();
        for (Product p : master.products) {
            if (p.family() == family && p.soldAtSite()[(int) site.id - 1]) {
                fit.add(p);
            }
        }
        return fit.get(random.nextInt(fit.size()));
    }

    /** A supplier delivery of n units of one product: receiving, inspecting, put-away. */
    private List<Track> receive(Batch b, Site site, Product p, int n, long day) {
        long receipt = ++ids.receipt;
        String po = String.format("PO-%06d", receipt);
        String asn = String.format("ASN-%s-%06d", site.code, receipt);
        long supplier = supplierFor(p, site);
        long at = workTime(site, day);
        inboundShipment(b, site, supplier, po, asn, at);
        String tx = Batch.tx("po", po, "desadv", asn);
        long dock = site.inboundDocks[random.nextInt(site.inboundDocks.length)];
        int year = (int) (1970 + (day - 30) / 365.25);
        long lot = p.hasLots() ? master.lotFor(p, day) : 0;
        long production = lot == 0 ? 0 : master.lotProductionDay(lot);
        long expiry = lot == 0 ? 0 : production + (p.family() == Family.PHARMA ? 730 : 1825);
        String lotCode = lot == 0 ? null : (p.family() == Family.PHARMA ? "L" : "B") + (100000 + p.id() * 1000 + (lot - master.firstLotId) % master.months);
        List<Track> units = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String serial = nextSerial(p, year);
            long t = at + i * (15L + random.nextInt(30));
            Track u = b.newUnit(p, site, serial, lot, expiry, production, t);
            String raw = p.gtin() != null ? Identifiers.gs1Scan(p.gtin(), serial, lotCode, expiry) : null;
            b.event(u, BizStep.receiving, Disposition.in_progress, t, 0, dock, supplier, site.ownPartyId, 0, tx, raw);
            captureErrors(b, u, t, dock);
            long inspected = t + 600 + random.nextInt(2400);
            long stored = inspected + 1200 + random.nextInt(7200);
            long shelf = shelfFor(p, site);
            if (random.nextInt(1000) < 3) {
                // the inspection scan synced late, after the put-away had already been recorded
                b.event(u, BizStep.storing, Disposition.sellable_accessible, stored, dock, shelf, 0, 0, 0, "[]", null);
                b.lateEvent(u, BizStep.inspecting, Disposition.in_progress, inspected,
                        "recorded after a later event (storing) of this unit; handheld synced late");
            } else {
                b.event(u, BizStep.inspecting, Disposition.in_progress, inspected, 0, 0, 0, 0, 0, "[]", null);
                b.event(u, BizStep.storing, Disposition.sellable_accessible, stored, dock, shelf, 0, 0, 0, "[]", null);
            }
            if (random.nextInt(100) < 8) {
                // re-slotting: moved to another shelf some days later
                long moved = workTime(site, day + 3 + random.nextInt(40));
                b.event(u, BizStep.storing, Disposition.sellable_accessible, moved, shelf, shelfFor(p, site), 0, 0, 0, "[]", null);
            }
            if (random.nextInt(100) < 30) {
                // routine cycle count of the shelf: observed in place, no move
                b.event(u, BizStep.cycle_counting, Disposition.sellable_accessible, u.lastAt + 86_400L * (2 + random.nextInt(30)),
                        0, 0, 0, 0, 0, "[]", null);
            }
            units.add(u);
        }
        return units;
    }

    /** Typos, double scans and partial reads at the receiving dock become capture exceptions. */
    private void captureErrors(Batch b, Track u, long at, long dock) {
        int r = random.nextInt(1000);
        boolean recent = at > horizon - 7 * 86_400L;
        String who = b.staff(u.site);
        if (r < 6) {
            String typo = Identifiers.confusableTypo(u.serial, random);
            if (typo != null) {
                b.exception("unknown_serial", recent ? "open" : "matched", typo, u.product.id(), recent ? 0 : u.id, 0, u.site,
                        dock, at - 20, who, "serial not found for " + u.product.sku(),
                        "did you mean " + u.serial + " (confusable characters)", at + 3600 + random.nextInt(86_400));
            }
        } else if (r < 9) {
            b.exception("duplicate", "rejected", u.serial, u.product.id(), u.id, 0, u.site, dock, at + 30, who,
                    "serial already received in this delivery", "second scan of the same label", at + 1800);
        } else if (r < 10) {
            b.exception("invalid_format", "rejected", u.serial.substring(0, u.serial.length() - 3), u.product.id(), 0, 0,
                    u.site, dock, at - 10, who, "too short for the product's format rule", "partial read, rescanned", at + 900);
        }
    }

    /** Home-theatre sets: three components received, then packed into a set serial at the kitting bench. */
    private void kits(Batch b, Site site, int count, long day) {
        List<List<Track>> children = new ArrayList<>();
        for (Product component : kitComponents) {
            children.add(receive(b, site, component, count, day));
        }
        List<Track> sets = new ArrayList<>(count);
        int year = (int) (1970 + day / 365.25);
        for (int k = 0; k < count; k++) {
            long at = workTime(site, day + 1 + random.nextInt(3));
            if (at > horizon) {
                continue;   // assembly would happen after asOf: the components stay on the shelf
            }
            Track set = b.newUnit(kit, site, nextSerial(kit, year), 0, 0, 0, at);
            String wo = String.format("WO-%06d", ++ids.workOrder);
            b.event(set, BizStep.commissioning, Disposition.active, at, 0, site.kitting, 0, site.ownPartyId, 0,
                    Batch.tx("prodorder", wo), null);
            long t = at;
            for (List<Track> c : children) {
                Track child = c.get(k);
                t += 60 + random.nextInt(240);
                if (child.lastAt < t) {
                    b.event(child, BizStep.packing, Disposition.in_progress, t, child.location, site.kitting, 0, 0, set.id,
                            Batch.tx("prodorder", wo), null);
                }
            }
            b.event(set, BizStep.storing, Disposition.sellable_accessible, t + 1800 + random.nextInt(3600), site.kitting,
                    shelfFor(kit, site), 0, 0, 0, "[]", null);
            sets.add(set);
        }
        afterSales.sell(b, sets, day + 3);
    }

    private String nextSerial(Product p, int year) {
        int maker = p.makerIndex();
        return p.format().serial(ids.serialCounters[maker]++, master.serialOffsets[maker], year, p.serialPrefix());
    }

    private long supplierFor(Product p, Site site) {
        switch (p.family()) {
            case PHARMA: return master.suppliers.get(1);
            case FIREARM: return master.suppliers.get(3);
            case MEDDEV: return site.id == 2 ? master.suppliers.get(2) : p.manufacturerId();
            default: return random.nextBoolean() ? master.suppliers.get(0) : p.manufacturerId();
        }
    }

    private long shelfFor(Product p, Site site) {
        List<Long> shelves = p.cold() ? site.cold : p.family() == Family.FIREARM ? site.secure : site.general;
        return shelves.get(random.nextInt(shelves.size()));
    }

    private void inboundShipment(Batch b, Site site, long supplier, String po, String asn, long receivedAt) {
        long id = ++ids.shipment;
        b.shipments.num(id).text(String.format("IN-%s-%07d", site.code, id)).text("inbound").num(site.id).num(supplier)
                .nul().text(po).text(asn).text(master.carriers.get(random.nextInt(master.carriers.size()))).nul().nul().nul()
                .time(receivedAt - 86_400 * (1 + random.nextInt(4))).time(receivedAt).endRow();
    }

    /** A moment in the site's working day (07:00-18:00 local, daylight saving ignored). */
    long workTime(Site site, long day) {
        return day * 86_400 + (7 - site.utcOffsetHours) * 3600L + random.nextInt(11 * 3600);
    }
}
