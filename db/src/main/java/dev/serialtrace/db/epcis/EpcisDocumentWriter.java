package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;

/** Streams one EPCIS 2.0 document: header first, then events one by one, in bounded memory. */
public interface EpcisDocumentWriter extends AutoCloseable {

    /** What the header says: creation time, and the DSCSA transaction statement when DSCSA products are in it. */
    record Header(java.time.OffsetDateTime created, boolean dscsaTransactionStatement) {
    }

    void start(Header header) throws IOException;

    /** One event in the EPCIS 2.0 JSON shape (see {@link EpcisEvents}). */
    void event(ObjectNode event) throws IOException;

    /** Ends the document and flushes (does not close the stream). */
    void finish() throws IOException;

    @Override
    default void close() throws IOException {
    }

    enum Format {
        JSONLD, XML;

        public EpcisDocumentWriter open(OutputStream out) throws IOException {
            return this == JSONLD ? new EpcisJsonWriter(out) : new EpcisXmlWriter(out);
        }
    }
}
