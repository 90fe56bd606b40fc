package dev.serialtrace.desktop.shell;

/** The places in the navigation rail. */
public enum Section {
    SEARCH("Search", "mdi2m-magnify", true),
    AUDITS("Audits", "mdi2c-clipboard-check-outline", true),
    DASHBOARD("Dashboard", "mdi2v-view-dashboard-outline", true),
    REPORTS("Reports", "mdi2f-file-document-outline", true),
    EXCEPTIONS("Exceptions", "mdi2a-alert-circle-outline", true),
    INTEGRITY("Integrity", "mdi2s-shield-check-outline", true),
    EXCHANGE("Exchange", "mdi2s-swap-horizontal", true);

    private final String label;
    private final String icon;
    private final boolean available;

    Section(String label, String icon, boolean available) {
        this.label = label;
        this.icon = icon;
        this.available = available;
    }

    public String label() {
        return label;
    }

    public String icon() {
        return icon;
    }

    /** False for screens that later issues bring; they show as "coming". */
    public boolean available() {
        return available;
    }
}
