package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenantDatabaseNamesTest {

    @Test
    void derivesSchemaRoleAndDatabaseFromTheTenantName() {
        TenantDatabaseNames names = TenantDatabaseNames.of("acme-corp");

        assertThat(names).isEqualTo(new TenantDatabaseNames("acme-corp", "tenant_acme_corp", "tenant_acme_corp_owner", "tenant_acme_corp"));
    }

    @Test
    void longestTenantNameStillFitsPostgresIdentifierLimit() {
        TenantDatabaseNames names = TenantDatabaseNames.of("a" + "-b".repeat(19) + "c");

        assertThat(names.tenant()).hasSize(40);
        assertThat(names.role().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(SqlIdentifier.quote(names.role())).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "1acme", "acme-", "-acme", "acme_corp", "acme.corp", "acme corp",
            "x\"; DROP ROLE postgres; --", "a'b", "acme\0", "ünicode", "a2345678901234567890123456789012345678901"})
    void rejectsNamesThatAreNotDnsLabelsOfAtMostFortyCharacters(String name) {
        assertThatThrownBy(() -> TenantDatabaseNames.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata.name");
    }

    @Test
    void rejectsMissingName() {
        assertThatThrownBy(() -> TenantDatabaseNames.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata.name");
    }

    @Test
    void escapesControlCharactersInTheMessage() {
        assertThatThrownBy(() -> TenantDatabaseNames.of("evil\nINFO forged log line"))
                .hasMessageNotContaining("\n")
                .hasMessageContaining("\\u000a");
    }
}
