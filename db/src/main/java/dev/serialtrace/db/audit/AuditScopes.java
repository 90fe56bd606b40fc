package dev.serialtrace.db.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.JSONB;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code spot_audit.scope}, including the shorter form the demo generator writes. */
final class AuditScopes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditScopes() {
    }

    static AuditScope parse(JSONB scope) {
        try {
            JsonNode o = JSON.readTree(scope.data());
            List<Long> ids = new ArrayList<>();
            o.path("locations").forEach(n -> ids.add(n.asLong()));
            return new AuditScope(text(o, "root"), o.hasNonNull("productId") ? o.get("productId").asLong() : null,
                    text(o, "category"), text(o, "sample"), ids.isEmpty() ? List.of(-1L) : ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
