package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our event hash ids against the values GS1's reference implementation publishes for its example
 * documents (test resources {@code epcis/hash-vectors/}, see the README there).
 */
class EventHashVectorsTest {
    private static final Path VECTORS = Path.of("src/test/resources/epcis/hash-vectors");

    @ParameterizedTest
    @ValueSource(strings = {"epcisDocWithSingleEvent", "epcisDocWithShippingAndTransportingEvent", "ReferenceEventHashAlgorithm2",
            "epcisDocWithVariousEventTypes"})
    void hashIdsAreThoseOfTheReferenceImplementation(String name) throws Exception {
        List<String> expected = Files.readAllLines(VECTORS.resolve(name + ".hashes")).stream().filter(l -> !l.isBlank()).toList();
        List<String> ours = new ArrayList<>();
        List<String> preHashes = new ArrayList<>();
        try (EpcisReader reader = EpcisReader.open(VECTORS.resolve(name + ".jsonld"))) {
            ObjectNode e;
            while ((e = reader.next()) != null) {
                ours.add(EventHash.of(e, reader.namespaces()));
                preHashes.add(EventHash.preHash(e, reader.namespaces()));
            }
        }
        assertThat(ours).as("pre-hash strings:%n%s", String.join("\n", preHashes)).isEqualTo(expected);
    }
}
