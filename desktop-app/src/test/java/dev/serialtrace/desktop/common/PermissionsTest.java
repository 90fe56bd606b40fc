package dev.serialtrace.desktop.common;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.access.Person;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static dev.serialtrace.db.access.GroupRole.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What each role set may do in the app, as the database's grants (V12, V60) allow it. */
class PermissionsTest {

    private static Permissions of(GroupRole... roles) {
        Set<GroupRole> set = roles.length == 0 ? EnumSet.noneOf(GroupRole.class) : EnumSet.of(roles[0], roles);
        return Permissions.of(Optional.of(new Person("p", "P", set, 0, null, OffsetDateTime.now(), "owner")));
    }

    /** audits, sign, resolve exceptions, import, anchor */
    private static String may(Permissions p) {
        return (p.mayRunAudits() ? "A" : "-") + (p.maySign() ? "S" : "-") + (p.mayResolveExceptions() ? "R" : "-")
                + (p.mayImport() ? "I" : "-") + (p.mayAnchor() ? "N" : "-");
    }

    @Test
    void aViewerMayOnlyRead() {
        assertThat(may(of(VIEWER))).isEqualTo("-----");
        assertThat(may(of())).isEqualTo("-----");
    }

    @Test
    void qualitySignsReviewsButRunsNothing() {
        assertThat(may(of(QUALITY))).isEqualTo("-S---");
    }

    @Test
    void aSupervisorRunsAuditsResolvesImportsAndSignsButDoesNotAnchor() {
        assertThat(may(of(SUPERVISOR))).isEqualTo("ASRI-");
    }

    @Test
    void complianceAndAdminSignAndAnchor() {
        assertThat(may(of(COMPLIANCE))).isEqualTo("-S--N");
        assertThat(may(of(ADMIN))).isEqualTo("-S--N");
    }

    @Test
    void severalRolesAddUpAndTheSchemaOwnerMayDoEverything() {
        assertThat(may(of(VIEWER, SUPERVISOR, COMPLIANCE))).isEqualTo("ASRIN");
        assertThat(may(Permissions.of(Optional.empty()))).isEqualTo("ASRIN");
        assertThat(of(VIEWER, QUALITY).describe()).isEqualTo("viewer, quality");
    }
}
