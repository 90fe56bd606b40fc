package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.serialtrace.db.jooq.Tables.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example documents of each event type (EPCIS 2.0 JSON-LD and XML, 1.2 XML) as published with
 * the OpenEPCIS test resources (derived from GS1's EPCIS standard examples; Apache-2.0): each imports
 * without a refused event, every event is kept whole, and every SGTIN it names gets its custody event.
 */
class StandardExamplesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "2.0/EPCIS/JSON/Capture/Documents/ObjectEvent.json",
            "2.0/EPCIS/JSON/Capture/Documents/AggregationEvent.json",
            "2.0/EPCIS/JSON/Capture/Documents/TransactionEvent.json",
            "2.0/EPCIS/JSON/Capture/Documents/TransformationEvent.json",
            "2.0/EPCIS/JSON/Capture/Documents/AssociationEvent.json",
            "2.0/EPCIS/JSON/Capture/Documents/ObjectEvent_with_error_declaration.json",
            "2.0/EPCIS/JSON/Capture/Documents/ObjectEvent_with_sensorData.json",
            "2.0/EPCIS/JSON/Capture/Documents/ObjectEvent_all_possible_fields.json",
            "2.0/EPCIS/JSON/Capture/Documents/Combination_of_different_event.json",
            "2.0/EPCIS/JSON/Capture/Documents/ObjectEvent_with_digitalLink.json",
            "2.0/EPCIS/XML/Capture/Documents/ObjectEvent.xml",
            "2.0/EPCIS/XML/Capture/Documents/AggregationEvent.xml",
            "2.0/EPCIS/XML/Capture/Documents/TransactionEvent.xml",
            "2.0/EPCIS/XML/Capture/Documents/TransformationEvent.xml",
            "2.0/EPCIS/XML/Capture/Documents/ObjectEvent_with_error_declaration.xml",
            "2.0/EPCIS/XML/Capture/Documents/SensorData_with_combined_events.xml",
            "2.0/EPCIS/XML/Capture/Documents/ObjectEvent_all_possible_fields.xml",
            "1.2/EPCIS/XML/Capture/Documents/ObjectEvent.xml",
            "1.2/EPCIS/XML/Capture/Documents/AggregationEvent.xml",
            "1.2/EPCIS/XML/Capture/Documents/TransactionEvent.xml",
            "1.2/EPCIS/XML/Capture/Documents/TransformationEvent.xml",
            "1.2/EPCIS/XML/Capture/Documents/All_eventTypes_in_single_document.xml",
            "1.2/EPCIS/XML/Capture/Documents/GS1_US_Pharma_Example_2_2_1_1.xml"})
    void importsWithoutLoss(String resource) throws Exception {
        Path file = dir.resolve(Path.of(resource).getFileName());
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            Files.copy(in, file);
        }
        List<ObjectNode> events = new ArrayList<>();
        try (EpcisReader reader = EpcisReader.open(file)) {
            ObjectNode e;
            while ((e = reader.next()) != null) {
                events.add((ObjectNode) EpcisEvents.MAPPER.readTree(EpcisEvents.MAPPER.writeValueAsString(e))); // as stored text
            }
        }
        assertThat(events).as("events read").isNotEmpty();
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);

        EpcisImporter.Report report = new EpcisImporter(dsl, Clock.systemUTC())
                .importFile(file, EpcisImporter.Options.defaults("examples"), (p, d, t) -> { }, () -> false);

        assertThat(report.failures()).as("refused").isEmpty();
        assertThat(report.events()).isEqualTo(events.size());
        assertThat(report.imported() + report.duplicates()).isEqualTo(events.size());
        // every event is kept exactly as read
        List<JsonNode> stored = new ArrayList<>();
        for (var payload : dsl.select(EPCIS_EVENT.PAYLOAD).from(EPCIS_EVENT).fetch(EPCIS_EVENT.PAYLOAD)) {
            stored.add(EpcisEvents.MAPPER.readTree(payload));
        }
        assertThat(stored).hasSize((int) report.imported());
        for (JsonNode s : stored) {
            assertThat(events).as("stored payload is one of the events read").anySatisfy(e -> assertThat(e).isEqualTo(s));
        }
        // every serialised unit named in an event list is a unit with history now
        Set<String> sgtins = new HashSet<>();
        for (ObjectNode e : events) {
            for (String list : EpcisEvents.EPC_LISTS) {
                for (String epc : EpcisImporter.texts(e.get(list))) {
                    if (EpcUris.parseUnit(epc) != null) {
                        sgtins.add(EpcUris.canonical(epc));
                    }
                }
            }
        }
        assertThat(dsl.fetchCount(UNIT, UNIT.EVENT_COUNT.gt(0))).isEqualTo(sgtins.size());
    }
}
