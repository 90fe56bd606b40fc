package dev.serialtrace.db.epcis;

import dev.serialtrace.core.identify.SgtinUri;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Identifiers in EPCIS documents: units as SGTIN EPC URIs or GS1 Digital Link URIs, locations
 * as SGLN EPC URIs (when the GLN's company-prefix length is known) or by GLN as Digital Link URIs
 * ({@code /414/<gln>/254/<location path>}), parties by GLN as Digital Link URIs (
 * {@code /417/<gln>}), and Serialtrace's own URNs where a GS1 key is missing
 * ({@code urn:serialtrace:unit:<internal id>}, {@code urn:serialtrace:location:<path>},
 * {@code urn:serialtrace:party:<name>}).
 */
public final class EpcUris {
    public static final String DL = "https://id.gs1.org";
    static final String UNIT_URN = "urn:serialtrace:unit:";
    static final String LOCATION_URN = "urn:serialtrace:location:";
    static final String PARTY_URN = "urn:serialtrace:party:";

    /** A unit as the document names it: by GTIN and serial, or by our internal id. */
    public record UnitKey(String gtin, String serial, String internalId, Integer companyPrefixLength) {
    }

    private EpcUris() {
    }

    public static String unit(String gtin, Short companyPrefixLength, String serial, String internalId, boolean digitalLink) {
        if (gtin == null || serial.length() > 20) {
            return UNIT_URN + internalId;
        }
        if (!digitalLink && companyPrefixLength != null) {
            try {
                return SgtinUri.of(gtin, companyPrefixLength, serial).uri();
            } catch (IllegalArgumentException notRepresentable) {
                // falls through to Digital Link
            }
        }
        return DL + "/01/" + gtin + "/21/" + encode(serial);
    }

    public static String location(String siteGln, String path) {
        return siteGln == null ? LOCATION_URN + encode(path) : DL + "/414/" + siteGln.trim() + "/254/" + encode(path);
    }

    /**
     * A location as an SGLN EPC URI ({@code urn:epc:id:sgln:<company prefix>.<location reference>.<extension>},
     * GS1 Tag Data Standard §6.3.3) when the GLN's company-prefix length is known, not asked for
     * Digital Link, and the path fits a GLN extension (AI 254: 1–20 characters of GS1's 82-character
     * set); otherwise as {@link #location(String, String)}.
     */
    public static String location(String siteGln, Short companyPrefixLength, String path, boolean digitalLink) {
        if (digitalLink || siteGln == null || companyPrefixLength == null || companyPrefixLength < 6 || companyPrefixLength > 12
                || !glnExtension(path)) {
            return location(siteGln, path);
        }
        String gln = siteGln.trim();
        return "urn:epc:id:sgln:" + gln.substring(0, companyPrefixLength) + "." + gln.substring(companyPrefixLength, 12) + "."
                + escapeEpc(path);
    }

    /** GS1's "CSET 82" (the characters of AI 254 and of EPC URI components), 1–20 of them. */
    private static boolean glnExtension(String path) {
        if (path == null || path.isEmpty() || path.length() > 20) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "!\"%&'()*+,-./:;<=>?_".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An EPC URI component: the characters the Tag Data Standard reserves (" % & / < > ?) as %XX. */
    private static String escapeEpc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\"%&/<>?".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String party(String gln, String name) {
        return gln == null ? PARTY_URN + encode(name) : DL + "/417/" + gln.trim();
    }

    /** The unit a URI names, or null if it names no serialised item. */
    public static UnitKey parseUnit(String uri) {
        if (uri.startsWith(UNIT_URN)) {
            return new UnitKey(null, null, uri.substring(UNIT_URN.length()), null);
        }
        String canonical = canonical(uri);
        int at = canonical.indexOf("/01/");
        int serialAt = canonical.indexOf("/21/");
        if (canonical.startsWith("http") && at > 0 && serialAt == at + 18) {
            String gtin = canonical.substring(at + 4, at + 18);
            String serial = canonical.substring(serialAt + 4);
            int query = serial.indexOf('?');
            serial = decode(query >= 0 ? serial.substring(0, query) : serial);
            int slash = serial.indexOf('/');
            Integer prefix = uri.startsWith("urn:epc:id:sgtin:") ? uri.indexOf('.') - "urn:epc:id:sgtin:".length() : null;
            return new UnitKey(gtin, slash >= 0 ? serial.substring(0, slash) : serial, null, prefix);
        }
        return null;
    }

    /** The location path a read point / business location URI names, or null. */
    public static String parseLocationPath(String uri) {
        if (uri.startsWith(LOCATION_URN)) {
            return decode(uri.substring(LOCATION_URN.length()));
        }
        uri = canonical(uri); // an SGLN EPC URI names the same location as its Digital Link
        int at = uri.indexOf("/414/");
        int ext = uri.indexOf("/254/");
        return uri.startsWith("http") && at > 0 && ext > at ? decode(uri.substring(ext + 5)) : null;
    }

    /** GLN (13 digits) or our party URN's name: {gln, name}, one of them null. */
    public static String[] parseParty(String uri) {
        if (uri.startsWith(PARTY_URN)) {
            return new String[] {null, decode(uri.substring(PARTY_URN.length()))};
        }
        String c = canonical(uri);
        for (String ai : new String[] {"/417/", "/414/"}) {
            int at = c.indexOf(ai);
            if (c.startsWith("http") && at > 0 && c.length() >= at + 5 + 13) {
                return new String[] {c.substring(at + 5, at + 18), null};
            }
        }
        return new String[] {null, uri};
    }

    /** EPC URNs as canonical GS1 Digital Link URIs (the event hash's form); anything else unchanged. */
    public static String canonical(String uri) {
        try {
            if (uri.startsWith("urn:epc:id:sgtin:")) {
                String[] p = uri.substring(17).split("\\.", 3);
                return DL + "/01/" + gtin(p[0], p[1]) + "/21/" + encode(decode(p[2]));
            }
            if (uri.startsWith("urn:epc:id:sgln:")) {
                String[] p = uri.substring(16).split("\\.", 3);
                String gln = withCheckDigit(p[0] + p[1]);
                return DL + "/414/" + gln + (p.length > 2 && !p[2].equals("0") ? "/254/" + encode(decode(p[2])) : "");
            }
            if (uri.startsWith("urn:epc:id:pgln:")) {
                String[] p = uri.substring(16).split("\\.", 2);
                return DL + "/417/" + withCheckDigit(p[0] + p[1]);
            }
            if (uri.startsWith("urn:epc:id:sscc:")) {
                String[] p = uri.substring(16).split("\\.", 2);
                return DL + "/00/" + withCheckDigit(p[1].charAt(0) + p[0] + p[1].substring(1));
            }
            if (uri.startsWith("urn:epc:id:giai:")) {
                String[] p = uri.substring(16).split("\\.", 2);
                return DL + "/8004/" + p[0] + encode(decode(p[1]));
            }
            if (uri.startsWith("urn:epc:id:gdti:")) {
                String[] p = uri.substring(16).split("\\.", 3);
                return DL + "/253/" + withCheckDigit(p[0] + p[1]) + encode(decode(p[2]));
            }
            if (uri.startsWith("urn:epc:class:lgtin:")) {
                String[] p = uri.substring(20).split("\\.", 3);
                return DL + "/01/" + gtin(p[0], p[1]) + "/10/" + encode(decode(p[2]));
            }
            if (uri.startsWith("urn:epc:idpat:sgtin:")) {
                String[] p = uri.substring(20).split("\\.", 3);
                return DL + "/01/" + gtin(p[0], p[1]);
            }
        } catch (RuntimeException malformed) {
            return uri;
        }
        return uri;
    }

    private static String gtin(String companyPrefix, String indicatorAndItem) {
        return withCheckDigit(indicatorAndItem.charAt(0) + companyPrefix + indicatorAndItem.substring(1));
    }

    static String withCheckDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not digits: " + digits);
            }
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return digits + (10 - sum % 10) % 10;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
