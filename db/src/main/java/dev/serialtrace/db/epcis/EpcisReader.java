package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the events of an EPCIS document one at a time (bounded memory whatever the document's
 * size): JSON-LD 2.0 with Jackson's streaming parser, XML 2.0 and 1.2 with StAX. Each event comes
 * out in the EPCIS 2.0 JSON shape of {@link EpcisEvents}.
 */
public interface EpcisReader extends AutoCloseable {

    /** The next event, or null at the end. */
    ObjectNode next() throws IOException;

    /** Namespace prefixes the document declared so far (prefix to IRI), for the event hash of extension fields. */
    default java.util.Map<String, String> namespaces() {
        return java.util.Map.of();
    }

    @Override
    void close() throws IOException;

    /** JSON or XML, told by the first non-blank character. */
    static EpcisReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(4096);
            int c;
            do {
                c = in.read();
            } while (c != -1 && (Character.isWhitespace(c) || c == 0xEF || c == 0xBB || c == 0xBF));
            in.reset();
            if (c == '{') {
                return new EpcisJsonReader(in);
            }
            if (c == '<') {
                return new EpcisXmlReader(in);
            }
            in.close();
            throw new EpcisFormatException("not an EPCIS document: it starts with neither '{' (JSON-LD) nor '<' (XML)");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
