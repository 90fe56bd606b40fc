package dev.serialtrace.db.demo;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.demo.Batch.Track;
import dev.serialtrace.db.demo.MasterData.Customer;
import dev.serialtrace.db.demo.MasterData.Site;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Outbound side: orders are picked, packed, verified at dispatch and shipped; the carrier's proof
 * of delivery arrives by EDI. Some units come back (RMA, sometimes with another serial than the
 * one authorised), get repaired or scrapped; some get warranty claims, a few of them fraudulent.
 */
final class AfterSales {
    private static final String[] RETURN_REASONS = {"dead on arrival", "damaged in transit", "wrong item ordered",
            "customer changed mind", "intermittent fault", "cosmetic damage"};
    private static final String[] CLAIM_REASONS = {"does not power on", "display defect", "no audio output",
            "battery does not charge", "overheating", "firmware failure"};

    private final MasterData master;
    private final SplittableRandom random;
    private long claimsOfBuyers;

    AfterSales(MasterData master, SplittableRandom random) {
        this.master = master;
        this.random = random;
    }

    /** Sells the received units in small orders; units whose sale would fall after asOf stay in stock. */
    void sell(Batch b, List<Track> units, long receivedDay) {
        if (units.isEmpty()) {
            return;
        }
        int i = 0;
        while (i < units.size()) {
            Track first = units.get(i);
            Family f = first.product.family();
            int size = Math.min(units.size() - i, f.orderMin + random.nextInt(f.orderMax - f.orderMin + 1));
            List<Track> order = units.subList(i, i + size);
            i += size;
            long saleDay = receivedDay + 1 + (long) (-Math.log(1 - random.nextDouble()) * f.meanDaysInStock);
            if (saleDay > master.lastDay) {
                for (Track u : order) {
                    stockClaimFraud(b, u);
                }
                continue;
            }
            ship(b, order, saleDay);
        }
        if (units.get(0).product.family().electronics() && units.get(0).product.family() != Family.KIT
                && random.nextInt(100) < 5) {
            unknownSerialClaim(b, units.get(0));
        }
    }

    private void ship(Batch b, List<Track> order, long saleDay) {
        Site site = order.get(0).site;
        Family f = order.get(0).product.family();
        List<Customer> customers = site.customersFor(f);
        Customer customer = customers.get(random.nextInt(customers.size()));
        long orderId = ++b.ids.order;
        String so = String.format("SO-%s-%07d", site.code, orderId);
        long latest = 0;
        for (Track u : order) {
            latest = Math.max(latest, u.lastAt);
        }
        long pickAt = Math.max(workTime(site, saleDay), latest + 3600 + random.nextInt(4 * 3600));
        b.orders.num(orderId).text(so).num(customer.id()).num(site.id).text(customer.channel()).time(pickAt - 3600 * (2 + random.nextInt(40))).endRow();
        long dock = site.outboundDocks[random.nextInt(site.outboundDocks.length)];
        long shipAt = pickAt + 3600 + random.nextInt(5 * 3600);
        if (shipAt > b.horizon) {
            for (Track u : order) {
                if (u.lastAt < pickAt) {
                    b.event(u, BizStep.picking, Disposition.in_progress, pickAt, u.location, dock, 0, 0, 0, Batch.tx("inv", so), null);
                }
            }
            return;
        }
        long shipmentId = ++b.ids.shipment;
        String bol = String.format("BOL-%s-%07d", site.code, shipmentId);
        String carrier = master.carriers.get(site.id == 1 ? random.nextInt(2) : 2 + random.nextInt(3));
        b.shipments.num(shipmentId).text(String.format("OUT-%s-%07d", site.code, shipmentId)).text("outbound").num(site.id)
                .num(customer.id()).num(orderId).nul().nul().text(carrier).nul().text(customer.region())
                .text(customer.channel()).time(shipAt).nul().endRow();
        boolean verified = random.nextInt(1000) >= 12;
        long deliveredAt = shipAt + 86_400L * (1 + random.nextInt(4)) + random.nextInt(8 * 3600);
        for (Track u : order) {
            if (u.lastAt >= pickAt) {
                continue;   // a unit still busy (e.g. just re-slotted) is left out of this order
            }
            b.event(u, BizStep.picking, Disposition.in_progress, pickAt, u.location, dock, 0, 0, 0, Batch.tx("inv", so), null);
            b.event(u, BizStep.packing, Disposition.in_progress, pickAt + 900 + random.nextInt(1800), 0, 0, 0, 0, 0, "[]", null);
            b.event(u, BizStep.shipping, Disposition.in_transit, shipAt, dock, 0, site.ownPartyId, customer.id(), 0,
                    Batch.tx("inv", so, "bol", bol), null);
            b.shipmentUnits.num(shipmentId).num(u.id).bool(verified).endRow();
            if (random.nextInt(1000) < 3) {
                // the same label scanned again at the truck: recorded and flagged, not dropped
                b.event(u, BizStep.shipping, Disposition.in_transit, shipAt + 600, dock, 0, site.ownPartyId, customer.id(), 0,
                        Batch.tx("bol", bol), null);
            }
            if (b.event(u, BizStep.accepting, Disposition.retail_sold, deliveredAt, 0, 0, 0, 0, 0, Batch.tx("bol", bol), null) != 0) {
                afterDelivery(b, u, order, customer, deliveredAt);
            }
        }
        if (!verified) {
            boolean recent = shipAt > b.horizon - 5 * 86_400L;
            b.exception("shipment_without_dispatch_scan", recent ? "open" : "matched", null, 0, 0, shipmentId, site, dock,
                    shipAt, "serialtrace", "shipment left without a dispatch verification scan",
                    "serials confirmed from the packing list", shipAt + 86_400);
        }
    }

    private void afterDelivery(Batch b, Track u, List<Track> order, Customer buyer, long deliveredAt) {
        Family f = u.product.family();
        if (random.nextDouble() * 100 < f.returnPercent) {
            returnUnit(b, u, order, buyer, deliveredAt);
        } else if (u.product.warrantyMonths() > 0 && random.nextDouble() * 100 < f.claimPercent) {
            claim(b, u, buyer, deliveredAt);
        }
    }

    private void returnUnit(Batch b, Track u, List<Track> order, Customer buyer, long deliveredAt) {
        Site site = u.site;
        long rmaId = ++b.ids.rma;
        String rma = String.format("RMA-%07d", rmaId);
        long openedAt = deliveredAt + 86_400L * (2 + random.nextInt(40));
        if (openedAt > b.horizon) {
            return;
        }
        // the customer asked to return one serial but sent another unit of the same order
        Track authorised = u;
        if (order.size() > 1 && random.nextInt(100) < 20) {
            Track other = order.get(0) == u ? order.get(1) : order.get(0);
            if (other.lastStep == BizStep.accepting) {
                authorised = other;
            }
        }
        String reason = RETURN_REASONS[random.nextInt(RETURN_REASONS.length)];
        long receivedAt = workTime(site, openedAt / 86_400 + 4 + random.nextInt(9));
        boolean received = receivedAt <= b.horizon;
        b.returns.num(rmaId).text(rma).num(buyer.id()).num(authorised.id).text(authorised.serial)
                .id(received ? u.id : 0).text(received ? u.serial : null).text(reason).time(openedAt);
        if (received) {
            b.returns.time(receivedAt);
        } else {
            b.returns.nul();
        }
        b.returns.endRow();
        if (!received) {
            return;
        }
        long returnsShelf = site.returns.get(random.nextInt(site.returns.size()));
        b.event(u, BizStep.receiving, Disposition.returned, receivedAt, 0, returnsShelf, buyer.id(), site.ownPartyId, 0,
                Batch.tx("rma", rma), null);
        long inspectedAt = receivedAt + 86_400L + random.nextInt(3 * 86_400);
        boolean damaged = reason.contains("damage") || reason.contains("fault") || reason.contains("dead");
        if (b.event(u, BizStep.inspecting, damaged ? Disposition.damaged : Disposition.returned, inspectedAt, 0, 0, 0, 0, 0,
                Batch.tx("rma", rma), null) == 0) {
            return;
        }
        long next = inspectedAt + 86_400L * (1 + random.nextInt(5));
        if (!damaged) {
            b.event(u, BizStep.storing, Disposition.sellable_accessible, next, returnsShelf, restockShelf(u), 0, 0, 0, "[]", null);
        } else if (random.nextBoolean()) {
            if (b.event(u, BizStep.repairing, Disposition.non_sellable_other, next, returnsShelf, site.quarantine, 0,
                    master.repairerId, 0, Batch.tx("rma", rma), null) != 0) {
                b.event(u, BizStep.storing, Disposition.sellable_accessible, next + 86_400L * (5 + random.nextInt(15)),
                        site.quarantine, restockShelf(u), 0, site.ownPartyId, 0, "[]", null);
            }
        } else {
            // WEEE: end of life recorded per serial
            b.event(u, BizStep.destroying, Disposition.destroyed, next, returnsShelf, site.scrap, 0, 0, 0, "[]", null);
        }
    }

    /**
     * A warranty claim; one in eight is suspicious: claimed by someone other than the buyer, or
     * from another region than the unit was shipped to.
     */
    private void claim(Batch b, Track u, Customer buyer, long deliveredAt) {
        long openedAt = deliveredAt + 86_400L * random.nextInt(u.product.warrantyMonths() * 30);
        if (openedAt > b.horizon) {
            return;
        }
        Customer claimant = buyer;
        String region = buyer.region();
        String fraud = null;
        long kind = claimsOfBuyers++ % 16;   // every 16 claims: one by someone else, one from another region
        if (kind == 1) {
            do {
                claimant = master.allCustomers.get(random.nextInt(master.allCustomers.size()));
            } while (claimant.id() == buyer.id());
            region = claimant.region();
            fraud = "claimant is not the buyer";
        } else if (kind == 4) {
            String[] regions = u.site.id == 1 ? MasterData.EU_REGIONS : MasterData.US_REGIONS;
            region = regions[random.nextInt(regions.length)];
            fraud = "claimed outside the region the unit was shipped to";
        }
        writeClaim(b, u.id, u.serial, claimant, region, openedAt, fraud);
    }

    /** Fraud: a claim for a serial that never left our shelf. */
    private void stockClaimFraud(Batch b, Track u) {
        if (u.product.warrantyMonths() == 0 || random.nextInt(1000) >= 10) {
            return;
        }
        List<Customer> customers = u.site.customersFor(u.product.family());
        Customer c = customers.get(random.nextInt(customers.size()));
        long openedAt = Math.max(u.lastAt, b.horizon - 60 * 86_400L) + random.nextInt(20 * 86_400);
        if (openedAt <= b.horizon) {
            writeClaim(b, u.id, u.serial, c, c.region(), openedAt, "serial was never sold (in stock)");
        }
    }

    /** Fraud: a serial in the manufacturer's format that no unit of ours carries. */
    private void unknownSerialClaim(Batch b, Track like) {
        List<Customer> customers = like.site.customersFor(like.product.family());
        Customer c = customers.get(random.nextInt(customers.size()));
        long fake = 120_000_000L + b.ids.claim;
        // running numbers far beyond any real unit's, so the scrambled serial is guaranteed unused
        String serial = like.product.format().serial(fake, master.serialOffsets[like.product.makerIndex()], 2024,
                like.product.serialPrefix());
        long openedAt = Math.min(b.horizon - 3600, like.lastAt + 86_400L * (10 + random.nextInt(60)));
        writeClaim(b, 0, serial, c, c.region(), openedAt, "serial unknown to us");
    }

    private void writeClaim(Batch b, long unitId, String serial, Customer claimant, String region, long openedAt, String fraud) {
        long id = ++b.ids.claim;
        long decidedAt = openedAt + 86_400L * (1 + random.nextInt(30)) + random.nextInt(8 * 3600);
        String outcome;
        String reason = CLAIM_REASONS[random.nextInt(CLAIM_REASONS.length)];
        if (decidedAt > b.horizon) {
            outcome = "pending";
        } else if (fraud != null) {
            outcome = random.nextInt(4) == 0 ? "approved" : "rejected";
            reason = reason + "; flagged: " + fraud;
        } else {
            outcome = random.nextInt(10) < 8 ? "approved" : "rejected";
        }
        b.claims.num(id).text(String.format("WC-%07d", id)).id(unitId).text(serial).num(claimant.id()).text(region)
                .text(claimant.channel()).time(openedAt);
        if (outcome.equals("pending")) {
            b.claims.nul();
        } else {
            b.claims.time(decidedAt);
        }
        b.claims.text(outcome).text(reason).endRow();
    }

    /** Cold goods go back to the cold room, firearms to the cage. */
    private long restockShelf(Track u) {
        List<Long> shelves = u.product.cold() ? u.site.cold
                : u.product.family() == Family.FIREARM ? u.site.secure : u.site.general;
        return shelves.get(random.nextInt(shelves.size()));
    }

    private long workTime(Site site, long day) {
        return day * 86_400 + (7 - site.utcOffsetHours) * 3600L + random.nextInt(11 * 3600);
    }
}
