package dev.serialtrace.db.signature;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.testing.TestPeople.TestPerson;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static dev.serialtrace.db.jooq.Tables.REPORT_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report is approved by signature, bound to its name and reproducible id; people who may not sign cannot. */
class ReportApprovalsTest {
    private final DataSource owner = TestDatabase.fresh();
    private final TestPerson cora = TestPeople.add(owner, "Cora", GroupRole.COMPLIANCE);
    private final TestPerson vic = TestPeople.add(owner, "Vic", GroupRole.VIEWER);

    private ReportApprovals as(TestPerson p) {
        return new ReportApprovals(DSL.using(p.dataSource(), SQLDialect.POSTGRES), new ElectronicSignatures(p.dataSource()));
    }

    @Test
    void complianceApprovesAReportAndTheApprovalHoldsForThatReportOnly() {
        ReportApprovals approvals = as(cora);
        assertThat(approvals.approvals("recall", "ST-AAAA")).isEmpty();

        Signature s = approvals.sign("recall", "ST-AAAA", "lot=L7", SignatureMeaning.APPROVED, cora.login(), cora.passwordChars());
        assertThat(s.signer()).isEqualTo(cora.login());
        assertThat(s.printedName()).isEqualTo("Cora Tester");
        assertThat(approvals.approvals("recall", "ST-AAAA")).singleElement()
                .satisfies(a -> assertThat(ReportApprovals.holds(a, "recall", "ST-AAAA")).isTrue());
        // a second signature (review) goes to the same record
        approvals.sign("recall", "ST-AAAA", "lot=L7", SignatureMeaning.REVIEWED, cora.login(), cora.passwordChars());
        assertThat(approvals.approvals("recall", "ST-AAAA")).hasSize(2);
        DSLContext db = DSL.using(owner, SQLDialect.POSTGRES);
        assertThat(db.fetchCount(REPORT_RECORD)).isEqualTo(1);
        // another report (other data, other id) has no approval, and the signature does not hold for it
        assertThat(approvals.approvals("recall", "ST-BBBB")).isEmpty();
        assertThat(ReportApprovals.holds(s, "recall", "ST-BBBB")).isFalse();
        // the record never changes
        assertThatThrownBy(() -> db.update(REPORT_RECORD).set(REPORT_RECORD.REPORT_ID, "ST-BBBB").execute())
                .hasMessageContaining("append-only");
    }

    @Test
    void aWrongPasswordOrAViewerIsRefusedAndNothingIsSigned() {
        assertThatThrownBy(() -> as(cora).sign("recall", "ST-CCCC", "", SignatureMeaning.APPROVED, cora.login(), "wrong".toCharArray()))
                .isInstanceOf(SignatureRefusedException.class);
        assertThat(as(cora).approvals("recall", "ST-CCCC")).isEmpty();
        assertThatThrownBy(() -> as(vic).sign("recall", "ST-DDDD", "", SignatureMeaning.APPROVED, vic.login(), vic.passwordChars()))
                .hasMessageContaining("permission denied");
        assertThat(as(cora).approvals("recall", "ST-DDDD")).isEmpty();
    }
}
