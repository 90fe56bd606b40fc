package dev.serialtrace.db.demo;

import org.postgresql.copy.CopyManager;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Parties, format rules, products, sites with their location trees, lots and lot-level stock:
 * everything units refer to. Built in memory with fixed ids, then copied in one go.
 */
final class MasterData {

    record Customer(long id, String region, String channel) {}

    record Product(long id, String sku, Family family, int makerIndex, long manufacturerId, String gtin,
                   SerialFormat format, String serialPrefix, boolean cold, int warrantyMonths, boolean hasLots,
                   boolean[] soldAtSite) {}

    /** Location ids of one site, grouped by what the floor uses them for. */
    static final class Site {
        final long id;
        final String code;
        final String zone;
        final long ownPartyId;
        final int utcOffsetHours;
        final String staffPrefix;
        long[] inboundDocks;
        long[] outboundDocks;
        final List<Long> general = new ArrayList<>();
        final List<Long> secure = new ArrayList<>();
        final List<Long> cold = new ArrayList<>();
        final List<Long> returns = new ArrayList<>();
        long quarantine;
        long scrap;
        long kitting;
        final List<Customer> electronicsCustomers = new ArrayList<>();
        final List<Customer> pharmaCustomers = new ArrayList<>();
        final List<Customer> hospitalCustomers = new ArrayList<>();
        final List<Customer> dealers = new ArrayList<>();
        final List<Long> bays = new ArrayList<>();   // general-zone bays, the usual spot-audit scope

        Site(long id, String code, String zone, long ownPartyId, int utcOffsetHours, String staffPrefix) {
            this.id = id;
            this.code = code;
            this.zone = zone;
            this.ownPartyId = ownPartyId;
            this.utcOffsetHours = utcOffsetHours;
            this.staffPrefix = staffPrefix;
        }

        List<Customer> customersFor(Family f) {
            switch (f) {
                case PHARMA: return pharmaCustomers;
                case MEDDEV: return hospitalCustomers;
                case FIREARM: return dealers;
                default: return electronicsCustomers;
            }
        }
    }

    static final String[] US_REGIONS = {"US-South", "US-West", "US-Midwest", "US-Northeast"};
    static final String[] EU_REGIONS = {"EU-Benelux", "EU-DACH", "EU-France", "EU-Nordics"};
    private static final String[] NAME_A = {"Summit", "Harbor", "Pioneer", "Lakeside", "Granite", "Maple",
            "Beacon", "Cedar", "Northgate", "Riverside", "Oakridge", "Bluewater", "Highland", "Silverline",
            "Westbrook", "Evergreen", "Redwood", "Crescent", "Meridian", "Prairie"};
    private static final String[] EU_CITIES = {"Amsterdam", "Rotterdam", "Utrecht", "Antwerpen", "Brussel",
            "Koeln", "Duesseldorf", "Muenchen", "Lyon", "Lille", "Stockholm", "Aarhus", "Eindhoven", "Gent"};

    final long historyStartDay;
    final long lastDay;
    final int months;
    final List<Site> sites = new ArrayList<>();
    final List<Product> products = new ArrayList<>();
    final long[] manufacturerIds = new long[9];
    final long[] serialOffsets = new long[9];
    final List<Long> suppliers = new ArrayList<>();
    final List<Customer> allCustomers = new ArrayList<>();
    final List<String> carriers = List.of("UPS", "FedEx Freight", "DHL Express", "PostNL", "DB Schenker");
    long firstLotId;
    long repairerId;

    private final CopyBuffer parties = new CopyBuffer("party",
            "id, kind, name, gln, gln_company_prefix_length, region, sales_channel, address, country, licence_number, created_at");
    final CopyBuffer rules = new CopyBuffer("format_rule",
            "id, name, min_length, max_length, charset, pattern, check_scheme, case_policy");
    final CopyBuffer productRows = new CopyBuffer("product", "id, sku, name, category, gtin, ndc, "
            + "hibc_labeler, hibc_product, manufacturer_id, tracking_mode, format_rule_id, company_prefix_length, "
            + "warranty_months, storage_temp_min, storage_temp_max, regulatory_tags, unit_value, firearm_type, "
            + "firearm_caliber, firearm_model, is_kit, created_at");
    private final CopyBuffer siteRows = new CopyBuffer("site", "id, code, name, party_id, time_zone");
    private final CopyBuffer locations = new CopyBuffer("location",
            "id, site_id, parent_id, kind, code, path, name, is_cold");
    private final CopyBuffer lots = new CopyBuffer("lot", "id, product_id, lot_code, expiry, production_date");
    private final CopyBuffer stock = new CopyBuffer("stock", "id, product_id, lot_id, location_id, quantity, updated_at");

    private final SplittableRandom random;
    final long createdAt;
    private long partyId;
    private long locationId;

    MasterData(long seed, long historyStartDay, long lastDay, int months) {
        this.random = new SplittableRandom(seed ^ 0x6D61737465724CL);
        this.historyStartDay = historyStartDay;
        this.lastDay = lastDay;
        this.months = months;
        this.createdAt = (historyStartDay - 30) * 86_400 + 8 * 3600;
        build();
    }

    void copyTo(CopyManager copy) throws SQLException {
        for (CopyBuffer b : List.of(parties, rules, productRows, siteRows, locations, lots, stock)) {
            b.copyTo(copy);
        }
    }

    Product product(String sku) {
        return products.stream().filter(p -> p.sku.equals(sku)).findFirst().orElseThrow();
    }

    /** The lot a unit of this product received on that day belongs to (one lot per month). */
    long lotFor(Product p, long day) {
        int month = (int) Math.min(months - 1, Math.max(0, (day - historyStartDay) / 30));
        return firstLotId + (long) lotIndex(p) * months + month;
    }

    long lotProductionDay(long lotId) {
        return historyStartDay + ((lotId - firstLotId) % months) * 30 - 20;
    }

    private int lotIndex(Product p) {
        int i = 0;
        for (Product q : products) {
            if (q == p) {
                return i;
            }
            if (q.hasLots) {
                i++;
            }
        }
        throw new IllegalArgumentException(p.sku);
    }

    // ------------------------------------------------------------------ building

    private void build() {
        long dal = party("own", "Serialtrace Demo Distribution Inc.", "US-South", null, "2400 Logistics Pkwy, Dallas TX", "US", null);
        long vnl = party("own", "Serialtrace Demo Distribution B.V.", "EU-Benelux", null, "Venrayseweg 120, Venlo", "NL", null);
        String[][] makers = {
                {"Lumatek Computing Inc.", "US"}, {"Vireo Displays Co., Ltd.", "KR"}, {"Harmonia Audio A/S", "DK"},
                {"Cardinal Ridge Pharmaceuticals", "US"}, {"Norvale Therapeutics", "US"}, {"Medisure Devices GmbH", "DE"},
                {"Orthalis Medical", "US"}, {"Ridgeline Arms LLC", "US"}, {"Kestrel Firearms Corp.", "US"}};
        for (int i = 0; i < makers.length; i++) {
            manufacturerIds[i] = party("manufacturer", makers[i][0], null, null, null, makers[i][1], null);
            serialOffsets[i] = random.nextLong(1L << 61);
        }
        for (String s : List.of("TechSource Wholesale", "Continental Pharma Supply", "EuroMed Distribution BV", "Frontier Sporting Wholesale")) {
            suppliers.add(party("supplier", s, null, "wholesale", null, s.startsWith("EuroMed") ? "NL" : "US", null));
        }
        for (String c : carriers) {
            party("carrier", c, null, null, null, c.equals("PostNL") || c.equals("DB Schenker") ? "NL" : "US", null);
        }
        repairerId = party("repairer", "FixPoint Service Center", "US-South", null, "Irving TX", "US", null);

        Site us = new Site(1, "DAL", "America/Chicago", dal, -6, "dal");
        Site eu = new Site(2, "VNL", "Europe/Amsterdam", vnl, 1, "vnl");
        sites.add(us);
        sites.add(eu);
        siteRows.num(1).text("DAL").text("Dallas distribution center").num(dal).text(us.zone).endRow();
        siteRows.num(2).text("VNL").text("Venlo European hub").num(vnl).text(eu.zone).endRow();
        customers(us, true);
        customers(eu, false);
        buildLocations(us);
        buildLocations(eu);
        new Catalog(this).build();
        buildLotsAndStock();
    }

    private long party(String kind, String name, String region, String channel, String address, String country, String licence) {
        long id = ++partyId;
        // company prefix "087" + 4 digits (7 digits), then a 5-digit location reference: exports can name sites by SGLN
        String gln = Identifiers.withCheckDigit("087" + String.format("%04d", 1234 + (int) (id % 7)) + String.format("%05d", id));
        parties.num(id).text(kind).text(name).text(gln).num(7).text(region).text(channel).text(address).text(country)
                .text(licence).time(createdAt).endRow();
        return id;
    }

    private void customers(Site site, boolean us) {
        String[] regions = us ? US_REGIONS : EU_REGIONS;
        int n = 0;
        for (int i = 0; i < (us ? 40 : 36); i++) {
            String channel = i % 3 == 0 ? "online" : i % 3 == 1 ? "retail" : "wholesale";
            String suffix = channel.equals("online") ? " Online" : channel.equals("retail") ? " Electronics" : " Trade Supply";
            site.electronicsCustomers.add(customer(site, regions, n++, NAME_A[i % NAME_A.length] + suffix + cityTag(us, i), channel, null));
        }
        if (us) {
            for (int i = 0; i < 24; i++) {
                site.pharmaCustomers.add(customer(site, regions, n++, NAME_A[(i + 5) % NAME_A.length] + " Pharmacy #" + (i + 1), "pharmacy", null));
            }
            for (int i = 0; i < 15; i++) {
                String lic = String.format("%d-%02d-%03d-07-%dJ-%05d", 1 + i % 9, 50 + i, 100 + i * 7, 5 + i % 4, 30000 + i * 113);
                site.dealers.add(customer(site, regions, n++, NAME_A[(i + 9) % NAME_A.length] + " Outfitters", "dealer", lic));
            }
        }
        for (int i = 0; i < (us ? 14 : 18); i++) {
            site.hospitalCustomers.add(customer(site, regions, n++, (us ? NAME_A[(i + 3) % NAME_A.length] + " Regional Hospital"
                    : "Ziekenhuis " + EU_CITIES[i % EU_CITIES.length]), "hospital", null));
        }
        if (us) {
            // hospitals also buy pharma; a few wholesalers take both
            site.pharmaCustomers.addAll(site.hospitalCustomers.subList(0, 6));
        }
    }

    private String cityTag(boolean us, int i) {
        return us ? (i >= NAME_A.length ? " II" : "") : " " + EU_CITIES[i % EU_CITIES.length];
    }

    private Customer customer(Site site, String[] regions, int n, String name, String channel, String licence) {
        String region = regions[random.nextInt(regions.length)];
        long id = party("customer", name, region, channel, null, site.id == 1 ? "US" : countryOf(region), licence);
        Customer c = new Customer(id, region, channel);
        allCustomers.add(c);
        return c;
    }

    private static String countryOf(String euRegion) {
        switch (euRegion) {
            case "EU-DACH": return "DE";
            case "EU-France": return "FR";
            case "EU-Nordics": return "SE";
            default: return "NL";
        }
    }

    private void buildLocations(Site s) {
        long root = location(s, 0, "site", s.code, s.code, s.code.equals("DAL") ? "Dallas DC" : "Venlo hub", false);
        s.inboundDocks = new long[]{location(s, root, "dock", "D1", s.code + "/D1", "Inbound dock 1", false),
                location(s, root, "dock", "D2", s.code + "/D2", "Inbound dock 2", false)};
        s.outboundDocks = new long[]{location(s, root, "dock", "D3", s.code + "/D3", "Outbound dock 3", false),
                location(s, root, "dock", "D4", s.code + "/D4", "Outbound dock 4", false)};
        zone(s, root, "A", "General storage", 6, 4, 4, false, s.general, true);
        zone(s, root, "B", "Secure cage", 1, 3, 4, false, s.secure, false);
        zone(s, root, "C", "Cold room 2-8 C", 1, 2, 3, true, s.cold, false);
        zone(s, root, "R", "Returns", 1, 1, 4, false, s.returns, false);
        List<Long> q = new ArrayList<>();
        zone(s, root, "Q", "Quarantine and scrap", 1, 1, 2, false, q, false);
        s.quarantine = q.get(0);
        s.scrap = q.get(1);
        List<Long> k = new ArrayList<>();
        zone(s, root, "K", "Kitting", 1, 1, 2, false, k, false);
        s.kitting = k.get(0);
    }

    private void zone(Site s, long root, String code, String name, int aisles, int bays, int shelves, boolean cold,
                      List<Long> out, boolean auditable) {
        String zp = s.code + "/" + code;
        long zone = location(s, root, "zone", code, zp, name, cold);
        for (int a = 1; a <= aisles; a++) {
            String ap = zp + "/" + two(a);
            long aisle = location(s, zone, "aisle", two(a), ap, "Aisle " + code + two(a), cold);
            for (int b = 1; b <= bays; b++) {
                String bp = ap + "/" + two(b);
                long bay = location(s, aisle, "bay", two(b), bp, null, cold);
                if (auditable) {
                    s.bays.add(bay);
                }
                for (int sh = 1; sh <= shelves; sh++) {
                    out.add(location(s, bay, "shelf", Integer.toString(sh), bp + "/" + sh, null, cold));
                }
            }
        }
    }

    private long location(Site s, long parent, String kind, String code, String path, String name, boolean cold) {
        long id = ++locationId;
        locations.num(id).num(s.id).id(parent).text(kind).text(code).text(path).text(name).bool(cold).endRow();
        return id;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private void buildLotsAndStock() {
        firstLotId = 1;
        long lotId = 0;
        int productCount = products.size();
        for (Product p : products) {
            if (!p.hasLots) {
                continue;
            }
            for (int m = 0; m < months; m++) {
                long production = historyStartDay + m * 30L - 20;
                long expiry = production + (p.family == Family.PHARMA ? 730 : 1825);
                String code = (p.family == Family.PHARMA ? "L" : "B") + (100000 + p.id * 1000 + m);
                lots.num(++lotId).num(p.id).text(code).date(expiry).date(production).endRow();
            }
        }
        // quantity stock: saline flush by lot (lot-tracked), cables (untracked), and pharma cases not yet serialised
        long stockId = 0;
        long saline = productCount + 1;
        long cable = productCount + 2;
        long updated = lastDay * 86_400 + 15 * 3600;
        Site us = sites.get(0);
        for (int m = Math.max(0, months - 4); m < months; m++) {
            long salineLot = ++lotId;
            long production = historyStartDay + m * 30L - 20;
            lots.num(salineLot).num(saline).text("NS" + (240000 + m)).date(production + 540).date(production).endRow();
            stock.num(++stockId).num(saline).num(salineLot).num(us.general.get(m % us.general.size()))
                    .num(40 + random.nextInt(400)).time(updated).endRow();
        }
        for (Site s : sites) {
            for (int i = 0; i < 6; i++) {
                stock.num(++stockId).num(cable).nul().num(s.general.get(10 + i * 7)).num(20 + random.nextInt(300)).time(updated).endRow();
            }
        }
        for (Product p : products) {
            if (p.family == Family.PHARMA) {
                long lot = lotFor(p, lastDay);
                long loc = p.cold ? us.cold.get(0) : us.inboundDocks[0];
                stock.num(++stockId).num(p.id).num(lot).num(loc).num(12 * (1 + random.nextInt(20))).time(updated).endRow();
            }
        }
    }
}
