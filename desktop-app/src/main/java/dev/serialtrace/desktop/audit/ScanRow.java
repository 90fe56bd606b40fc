package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.ScanClass;
import dev.serialtrace.desktop.scan.KeystrokeBurst;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.OffsetDateTime;

/** One line of the scan log; its verdict changes when a pending scan is judged by the database. */
public final class ScanRow {
    private final int seq;
    private final OffsetDateTime at;
    private final String shown;
    private final String method;
    private final ObjectProperty<ScanClass> kind = new SimpleObjectProperty<>();
    private final StringProperty detail = new SimpleStringProperty();

    public ScanRow(int seq, OffsetDateTime at, String raw, boolean manual, ScanClass kind, String detail) {
        this.seq = seq;
        this.at = at;
        this.shown = KeystrokeBurst.forTextField(raw);
        this.method = manual ? "typed" : "scanned";
        this.kind.set(kind);
        this.detail.set(detail);
    }

    public int seq() {
        return seq;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String shown() {
        return shown;
    }

    public String method() {
        return method;
    }

    public ObjectProperty<ScanClass> kindProperty() {
        return kind;
    }

    public StringProperty detailProperty() {
        return detail;
    }
}
