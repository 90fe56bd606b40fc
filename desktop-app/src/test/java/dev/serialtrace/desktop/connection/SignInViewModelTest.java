package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.connect.ConnectionProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {
    private final ConnectionProfile dallas = new ConnectionProfile("Dallas", "jdbc:postgresql://db.dallas:5432/wh", "ann");
    private final SignInViewModel vm = new SignInViewModel(List.of(ConnectionProfile.DEMO, dallas), dallas, PasswordVault.none());

    @Test
    void choosingAProfileFillsItsFieldsButNeverAPasswordWithoutAKeystore() {
        assertThat(vm.urlProperty().get()).isEqualTo(dallas.url());
        assertThat(vm.userProperty().get()).isEqualTo("ann");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.keystoreAvailable()).isFalse();
        vm.selectedProperty().set(ConnectionProfile.DEMO);
        assertThat(vm.urlProperty().get()).isEmpty();
    }

    @Test
    void aRequestCarriesTheTypedPasswordAndNeverRemembersWithoutAKeystore() {
        vm.passwordProperty().set("s3cret");
        vm.rememberProperty().set(true);
        assertThat(vm.request()).hasValueSatisfying(r -> {
            assertThat(r.profile()).isEqualTo(dallas);
            assertThat(r.password()).isEqualTo("s3cret");
            assertThat(r.remember()).isFalse();
        });
    }

    @Test
    void mistakesAreSaidBeforeConnecting() {
        vm.urlProperty().set("mysql://x/y");
        assertThat(vm.request()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("jdbc:postgresql://");
        vm.urlProperty().set("jdbc:postgresql://h/db");
        vm.userProperty().set("");
        assertThat(vm.request()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("user name");
    }
}
