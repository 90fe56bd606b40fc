package dev.serialtrace.desktop.exchange;

import dev.serialtrace.db.epcis.EpcisDocumentWriter;
import dev.serialtrace.db.epcis.EpcisExporter;
import dev.serialtrace.db.epcis.EpcisImporter;
import dev.serialtrace.db.epcis.SerialReconciler;
import dev.serialtrace.desktop.connection.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The Exchange screen's work, on the open session's (FX-thread-guarded) connection. */
public final class ExchangeServices implements ExchangeViewModel.Services {
    private final Supplier<Session> session;

    public ExchangeServices(Supplier<Session> session) {
        this.session = session;
    }

    @Override
    public EpcisImporter.Report importFile(Path file, EpcisImporter.Options options, EpcisImporter.Progress progress,
                                           BooleanSupplier cancelled) throws IOException {
        return new EpcisImporter(session.get().dsl(), Clock.systemDefaultZone()).importFile(file, options, progress, cancelled);
    }

    @Override
    public SerialReconciler.Report reconcile(Path file) throws IOException {
        return new SerialReconciler(session.get().dsl()).reconcile(file, 500);
    }

    @Override
    public long exportUnit(long unitId, EpcisDocumentWriter.Format format, boolean digitalLink, Path out) throws IOException {
        return dev.serialtrace.desktop.common.AtomicFile.write(out, os ->
                new EpcisExporter(session.get().dsl(), Clock.systemDefaultZone()).export(new EpcisExporter.Selection.OfUnit(unitId),
                        new EpcisExporter.Options(format, digitalLink, "(desktop)"), os, x -> { }).events());
    }
}
