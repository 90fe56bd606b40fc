package dev.serialtrace.db.epcis;

import dev.serialtrace.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileTest {
    @TempDir
    Path dir;

    @Test
    void findsNeverReceivedUnknownToTheMakerAndMismatches() throws Exception {
        DSLContext dsl = DSL.using(TestDatabase.fresh(), SQLDialect.POSTGRES);
        ExchangeFixture f = new ExchangeFixture(dsl).history(); // we hold SN-1001, SN-1002 (LOT-7, 2027-06-30) and KIT-9
        Path list = dir.resolve("maker.csv");
        Files.writeString(list, """
                gtin,serial,lot,expiry
                00614141000012,SN-1001,LOT-7,2027-06-30
                00614141000012,SN-1002,LOT-8,2027-07-31
                00614141000012,SN-1003,LOT-7,2027-06-30
                00614141000029,SN-1001,,
                """);
        SerialReconciler.Report r = new SerialReconciler(dsl).reconcile(list, 10);
        assertThat(r.listed()).isEqualTo(4);
        assertThat(r.count(SerialReconciler.Kind.never_received)).isEqualTo(2);          // SN-1003, and SN-1001 as a kit
        assertThat(r.count(SerialReconciler.Kind.not_commissioned_by_maker)).isEqualTo(1); // KIT-9
        assertThat(r.count(SerialReconciler.Kind.lot_mismatch)).isEqualTo(1);             // SN-1002
        assertThat(r.count(SerialReconciler.Kind.expiry_mismatch)).isEqualTo(1);          // SN-1002
        assertThat(r.count(SerialReconciler.Kind.product_mismatch)).isEqualTo(1);         // SN-1001 listed as a kit
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(SerialReconciler.Kind.not_commissioned_by_maker);
            assertThat(x.serial()).isEqualTo("KIT-9");
            assertThat(x.unit()).isEqualTo(new ExchangeFixture.Ids(dsl).internalId(f.kit));
        });
    }
}
