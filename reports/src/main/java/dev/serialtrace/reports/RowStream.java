package dev.serialtrace.reports;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Bridges a definition that pushes rows (from a database cursor, inside a transaction) and
 * JasperReports, which pulls them: the definition runs on its own thread and hands rows over
 * through a small bounded queue, so only a few thousand rows are ever in memory. Every row also
 * goes into the report id's digest and the progress count; a cancel stops both sides.
 */
final class RowStream implements JRDataSource, AutoCloseable {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2048);
    private final ReportDigest digest;
    private final BooleanSupplier cancelled;
    private final AtomicLong expected = new AtomicLong(-1);
    private final AtomicLong delivered = new AtomicLong();
    private final Consumer<RowStream> onProgress;
    private final Thread producer;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private ReportRow current;

    RowStream(ReportDefinition definition, ReportContext context, ReportArguments arguments, ReportDigest digest,
              BooleanSupplier cancelled, Consumer<RowStream> onProgress) {
        this.digest = digest;
        this.cancelled = cancelled;
        this.onProgress = onProgress;
        this.producer = new Thread(() -> produce(definition, context, arguments), "report-rows-" + definition.name());
        producer.setDaemon(true);
    }

    void start() {
        producer.start();
    }

    private void produce(ReportDefinition definition, ReportContext context, ReportArguments arguments) {
        try {
            definition.produce(context, arguments, new RowSink() {
                @Override
                public void add(ReportRow row) {
                    put(row);
                }

                @Override
                public void expect(long rows) {
                    expected.set(rows);
                }
            });
        } catch (RuntimeException e) {
            if (!closed) {
                failure = e;
            }
        } finally {
            try {
                putEnd();
            } catch (RuntimeException ignored) {
                // the reader is gone (closed or cancelled); nothing waits for the end mark
            }
        }
    }

    private void put(Object row) {
        try {
            while (!queue.offer(row, 100, TimeUnit.MILLISECONDS)) {
                if (closed || cancelled.getAsBoolean()) {
                    throw new ReportCancelledException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportCancelledException();
        }
    }

    private void putEnd() {
        if (!closed) {
            put(END);
        }
    }

    /** The next row for whoever reads (the fill or the CSV writer); null at the end. */
    ReportRow nextRow() {
        try {
            Object o;
            do {
                if (cancelled.getAsBoolean()) {
                    throw new ReportCancelledException();
                }
                o = queue.poll(100, TimeUnit.MILLISECONDS);
            } while (o == null);
            if (o == END) {
                if (failure != null) {
                    throw failure;
                }
                digest.complete();
                queue.offer(END);   // a second call after the end answers the end again
                return null;
            }
            ReportRow row = (ReportRow) o;
            digest.add(row);
            long n = delivered.incrementAndGet();
            if ((n & 255) == 0) {
                onProgress.accept(this);
            }
            return row;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportCancelledException();
        }
    }

    long delivered() {
        return delivered.get();
    }

    long expected() {
        return expected.get();
    }

    @Override
    public boolean next() {
        current = nextRow();
        return current != null;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        String name = field.getName();
        switch (name) {
            case "section":
                return current.section();
            case "sectionTitle":
                return current.sectionTitle();
            case "layout":
                return current.layout();
            case "kind":
                return current.kind().name();
            case "flagged":
                return current.flagged();
            case "chart":
                return current.chart();
            default:
                int index = Integer.parseInt(name.substring(1)) - 1;
                return name.charAt(0) == 'c' ? current.cell(index) : current.head(index);
        }
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
    }
}
