package dev.serialtrace.db.epcis;

/** Business transaction ids as CBV URIs ({@code urn:epcglobal:cbv:bt:<gln>:<id>}) and back. */
final class BizTransactions {
    private static final String CBV = "urn:epcglobal:cbv:bt:";
    private static final String OWN = "urn:serialtrace:bt:";

    private BizTransactions() {
    }

    static String uri(String ownGln, String id) {
        return ownGln == null ? OWN + EpcUris.encode(id) : CBV + ownGln.trim() + ":" + id;
    }

    /** The document id inside a transaction URI; other URIs are kept whole. */
    static String id(String uri) {
        if (uri.startsWith(OWN)) {
            return EpcUris.decode(uri.substring(OWN.length()));
        }
        if (uri.startsWith(CBV)) {
            int colon = uri.indexOf(':', CBV.length());
            return colon > 0 ? uri.substring(colon + 1) : uri.substring(CBV.length());
        }
        return uri;
    }
}
