package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event hash depends on what happened, not on how the document spells it. */
class EventHashTest {
    private static ObjectNode event(String epc, String bizStep, String time, String disposition) {
        ObjectNode e = EpcisEvents.MAPPER.createObjectNode();
        e.put("type", "ObjectEvent").put("eventTime", time).put("eventTimeZoneOffset", "+01:00").put("action", "OBSERVE");
        e.putArray("epcList").add(epc).add("urn:epc:id:sgtin:0614141.107346.2018");
        e.put("bizStep", bizStep).put("disposition", disposition);
        e.putObject("readPoint").put("id", "urn:epc:id:sgln:0614141.07346.1234");
        return e;
    }

    @Test
    void spellingsOfTheSameEventHashTheSame() {
        String a = EventHash.of(event("urn:epc:id:sgtin:0614141.107346.2017", "shipping", "2005-04-03T20:33:31.116+01:00", "in_transit"));
        String b = EventHash.of(event("https://id.gs1.org/01/10614141073464/21/2017", "urn:epcglobal:cbv:bizstep:shipping",
                "2005-04-03T19:33:31.116Z", "https://ref.gs1.org/cbv/Disp-in_transit"));
        assertThat(a).isEqualTo(b).matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0");
    }

    @Test
    void listOrderRecordTimeAndEventIdDoNotCountButContentDoes() {
        ObjectNode e = event("urn:epc:id:sgtin:0614141.107346.2017", "shipping", "2005-04-03T20:33:31.116+01:00", "in_transit");
        String h = EventHash.of(e);
        ObjectNode reordered = e.deepCopy();
        reordered.putArray("epcList").add("urn:epc:id:sgtin:0614141.107346.2018").add("urn:epc:id:sgtin:0614141.107346.2017");
        reordered.put("recordTime", "2020-01-01T00:00:00Z").put("eventID", "urn:uuid:1");
        assertThat(EventHash.of(reordered)).isEqualTo(h);
        assertThat(EventHash.of(e.deepCopy().put("disposition", "in_progress"))).isNotEqualTo(h);
        assertThat(EventHash.preHash(e)).startsWith("eventType=ObjectEventeventTime=2005-04-03T19:33:31.116ZeventTimeZoneOffset=+01:00"
                + "epcListepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018"
                + "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shipping");
    }
}
