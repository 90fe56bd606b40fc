package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Our JSON-LD export against GS1's EPCIS 2.0 JSON schema. */
class JsonSchemaValidationTest {
    private static JsonSchema schema() throws Exception {
        try (InputStream in = JsonSchemaValidationTest.class.getResourceAsStream("/json-schema/epcis-json-schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static JsonNode export(DSLContext dsl, boolean digitalLink) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EpcisExporter(dsl, Clock.systemUTC()).export(new EpcisExporter.Selection.Between(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)), new EpcisExporter.Options(EpcisDocumentWriter.Format.JSONLD, digitalLink, "t"), out, n -> { });
        return EpcisEvents.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void theJsonLdExportValidates() throws Exception {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(dsl).history();
        JsonSchema schema = schema();
        for (boolean digitalLink : new boolean[] {false, true}) {
            JsonNode doc = export(dsl, digitalLink);
            assertThat(doc.at("/epcisBody/eventList").size()).isEqualTo(9);
            Set<ValidationMessage> problems = schema.validate(doc);
            assertThat(problems).as("digital link " + digitalLink).isEmpty();
        }
    }

    @Test
    void theSchemaCatchesABrokenEvent() throws Exception {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        new ExchangeFixture(dsl).history();
        JsonNode doc = export(dsl, false);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/epcisBody/eventList/0")).put("action", "LOOK");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/epcisBody/eventList/1")).remove("eventTimeZoneOffset");
        assertThat(schema().validate(doc)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("action")).anyMatch(m -> m.contains("eventTimeZoneOffset"));
    }
}
