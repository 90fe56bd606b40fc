package dev.serialtrace.db.demo;

import dev.serialtrace.db.demo.MasterData.Product;

/**
 * The products the demo distributor carries and the serial format rules they use: laptops and TVs
 * with warranties, a home-theatre set and its components, NDC-coded pharma (some cold-chain),
 * HIBC- and GS1-labelled medical devices, ATF-regulated firearms, and two quantity-only goods.
 */
final class Catalog {
    private final MasterData m;

    Catalog(MasterData m) {
        this.m = m;
    }

    void build() {
        for (SerialFormat f : SerialFormat.values()) {
            m.rules.num(f.ordinal() + 1).text(ruleName(f)).num(f.minLength).num(f.maxLength).text(f.charset)
                    .text("^" + f.pattern + "$").text("none").text(f == SerialFormat.LAPTOP ? "insensitive" : "upper").endRow();
        }
        m.rules.num(SerialFormat.values().length + 1).text("GS1 GTIN-14").num(14).num(14).text("[0-9]")
                .text("^[0-9]{14}$").text("gs1_mod10").text("preserve").endRow();
        boolean[] both = {true, true};
        boolean[] usOnly = {true, false};
        String lumatek = "0614141";   // GS1 company prefixes (7 digits)
        String vireo = "8801234";
        String harmonia = "5701234";
        String orthalis = "0850012";
        addProduct("LT-AERO14", "Lumatek Aero 14 laptop", Family.LAPTOP, 0, gtin(lumatek, "10014"), 24, "1199.00", both, null);
        addProduct("LT-PRO16", "Lumatek ProBook 16 laptop", Family.LAPTOP, 0, gtin(lumatek, "10016"), 36, "1899.00", both, null);
        addProduct("LT-EDU13", "Lumatek Edu 13 laptop", Family.LAPTOP, 0, gtin(lumatek, "10013"), 12, "549.00", both, null);
        addProduct("TV-55OLED", "Vireo 55\" 4K OLED TV", Family.TV, 1, gtin(vireo, "55001"), 24, "1499.00", both, null);
        addProduct("TV-65QLED8K", "Vireo 65\" 8K QLED TV", Family.TV, 1, gtin(vireo, "65008"), 24, "2999.00", both, null);
        addProduct("TV-43LED", "Vireo 43\" 4K LED TV", Family.TV, 1, gtin(vireo, "43004"), 12, "399.00", both, null);
        addProduct("HA-AVR500", "Harmonia AVR-500 AV receiver", Family.AUDIO, 2, gtin(harmonia, "50001"), 24, "649.00", both, null);
        addProduct("HA-SW10", "Harmonia SW-10 subwoofer", Family.AUDIO, 2, gtin(harmonia, "50002"), 24, "399.00", both, null);
        addProduct("HA-SP2", "Harmonia SP-2 speaker pair", Family.AUDIO, 2, gtin(harmonia, "50003"), 24, "299.00", both, null);
        addProduct("HA-HT500", "Harmonia HT-500 home theatre set", Family.KIT, 2, gtin(harmonia, "50500"), 24, "1199.00", both, null);
        addProduct("RX-INSGLA", "Insulin glargine 100 U/mL pen, 5 x 3 mL", Family.PHARMA, 3, "0312345678", 0, "289.00", usOnly, null);
        addProduct("RX-AMOX500", "Amoxicillin 500 mg, 100 capsules", Family.PHARMA, 3, "0312345501", 0, "18.50", usOnly, null);
        addProduct("RX-ADA40", "Adalimumab 40 mg/0.4 mL prefilled syringe", Family.PHARMA, 4, "7123400401", 0, "2950.00", usOnly, null);
        addProduct("RX-ATOR20", "Atorvastatin 20 mg, 90 tablets", Family.PHARMA, 4, "7123402090", 0, "12.75", usOnly, null);
        addProduct("RX-EPO10K", "Epoetin alfa 10,000 U/mL vial", Family.PHARMA, 4, "7123410001", 0, "410.00", usOnly, null);
        addProduct("MD-IP300", "Medisure IP-300 infusion pump", Family.MEDDEV, 5, null, 24, "3400.00", both, "IP300");
        addProduct("MD-PM12", "Medisure PM-12 patient monitor", Family.MEDDEV, 5, null, 24, "5200.00", both, "PM121");
        addProduct("MD-KX2", "Orthalis KX-2 knee implant system", Family.MEDDEV, 6, gtin(orthalis, "00021"), 0, "7800.00", both, null);
        addProduct("MD-BD7", "Orthalis BD-7 surgical bone drill", Family.MEDDEV, 6, gtin(orthalis, "00007"), 12, "2100.00", both, null);
        addFirearm("FA-R15", "Ridgeline R-15 rifle", 7, "rifle", "5.56x45mm NATO", "R-15");
        addFirearm("FA-P9", "Ridgeline P-9 pistol", 7, "pistol", "9mm Luger", "P-9");
        addFirearm("FA-F12", "Kestrel Field 12 shotgun", 8, "shotgun", "12 gauge", "Field 12");
        addFirearm("FA-K380", "Kestrel K-380 pistol", 8, "pistol", ".380 ACP", "K-380");
        // quantity-tracked goods: only lot-level stock rows, never units
        long id = m.products.size() + 1;
        m.productRows.num(id).text("RX-NACL10").text("Sodium chloride 0.9% 10 mL flush (case of 30)").text("pharma")
                .text(Identifiers.gtinFromNdc(5, "0312345910")).text("0312345910").nul().nul().num(m.manufacturerIds[3])
                .text("lot").nul().num(7).nul().nul().nul().text("{DSCSA}").text("34.00").nul().nul().nul().bool(false).time(m.createdAt).endRow();
        m.productRows.num(id + 1).text("HA-HDMI2M").text("Harmonia HDMI cable 2 m").text("accessory")
                .text(gtin(harmonia, "59002")).nul().nul().nul().num(m.manufacturerIds[2]).text("none").nul().num(7)
                .nul().nul().nul().text("{}").text("14.90").nul().nul().nul().bool(false).time(m.createdAt).endRow();
    }

    private static String ruleName(SerialFormat f) {
        switch (f) {
            case LAPTOP: return "Lumatek laptop serial";
            case TV: return "Vireo TV serial";
            case AUDIO: return "Harmonia audio serial";
            case KIT: return "Harmonia set serial";
            case PHARMA: return "DSCSA serial (12 alphanumerics)";
            case HIBC_DEVICE: return "Medisure HIBC serial";
            case UDI_DEVICE: return "Orthalis UDI serial";
            default: return "Firearm serial (2 letters + 7 digits)";
        }
    }

    private static String gtin(String companyPrefix, String itemRef) {
        return Identifiers.withCheckDigit("0" + companyPrefix + itemRef);
    }

    private void addProduct(String sku, String name, Family family, int maker, String gtinOrNdc, int warranty,
                            String value, boolean[] sites, String hibcProduct) {
        long id = m.products.size() + 1;
        boolean pharma = family == Family.PHARMA;
        boolean cold = sku.equals("RX-INSGLA") || sku.equals("RX-ADA40") || sku.equals("RX-EPO10K");
        String gtin = pharma ? Identifiers.gtinFromNdc(0, gtinOrNdc) : gtinOrNdc;
        SerialFormat format = formatOf(family, maker);
        String tags = family.electronics() ? "{WEEE}" : pharma ? "{DSCSA}" : "{UDI}";
        String category = family.electronics() ? (family == Family.LAPTOP ? "laptop" : family == Family.TV ? "tv" : "audio")
                : pharma ? "pharma" : "medical_device";
        m.productRows.num(id).text(sku).text(name).text(category).text(gtin).text(pharma ? gtinOrNdc : null)
                .text(hibcProduct != null ? "M124" : null).text(hibcProduct).num(m.manufacturerIds[maker]).text("serial")
                .num(format.ordinal() + 1).text(gtin == null ? null : pharma ? "7" : "7").num(warranty);
        if (cold) {
            m.productRows.centi(200).centi(800);
        } else if (pharma) {
            m.productRows.centi(1500).centi(2500);
        } else {
            m.productRows.nul().nul();
        }
        m.productRows.text(tags).text(value).nul().nul().nul().bool(family == Family.KIT).time(m.createdAt).endRow();
        m.products.add(new Product(id, sku, family, maker, m.manufacturerIds[maker], gtin, format, null, cold, warranty,
                pharma || format == SerialFormat.UDI_DEVICE, sites));
    }

    private void addFirearm(String sku, String name, int maker, String type, String caliber, String model) {
        long id = m.products.size() + 1;
        m.productRows.num(id).text(sku).text(name).text("firearm").nul().nul().nul().nul().num(m.manufacturerIds[maker])
                .text("serial").num(SerialFormat.FIREARM.ordinal() + 1).nul().num(12).nul().nul().text("{ATF}")
                .text(type.equals("rifle") ? "1299.00" : type.equals("shotgun") ? "749.00" : "549.00")
                .text(type).text(caliber).text(model).bool(false).time(m.createdAt).endRow();
        m.products.add(new Product(id, sku, Family.FIREARM, maker, m.manufacturerIds[maker], null, SerialFormat.FIREARM,
                maker == 7 ? "RA" : "KF", false, 12, false, new boolean[]{true, false}));
    }

    private static SerialFormat formatOf(Family f, int maker) {
        switch (f) {
            case LAPTOP: return SerialFormat.LAPTOP;
            case TV: return SerialFormat.TV;
            case AUDIO: return SerialFormat.AUDIO;
            case KIT: return SerialFormat.KIT;
            case PHARMA: return SerialFormat.PHARMA;
            case MEDDEV: return maker == 5 ? SerialFormat.HIBC_DEVICE : SerialFormat.UDI_DEVICE;
            default: return SerialFormat.FIREARM;
        }
    }
}
