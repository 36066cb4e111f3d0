package io.veroforge.operator.delivery.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformRepositoriesTest {
    @TempDir
    Path root;

    @Test
    void repositoryOfAnAppLivesUnderItsNamespace() {
        PlatformRepositories repositories = new PlatformRepositories(root, "http://git");

        assertThat(repositories.pathOf("team-a", "shop")).isEqualTo(root.resolve("team-a").resolve("shop.git"));
    }

    @Test
    void cloneUrlIsTheBaseUrlFollowedByNamespaceAndApp() {
        String expected = "http://veroforge-git.veroforge-system.svc:8081/team-a/shop.git";

        assertThat(new PlatformRepositories(root, "http://veroforge-git.veroforge-system.svc:8081")
                .cloneUrl("team-a", "shop")).isEqualTo(expected);
        assertThat(new PlatformRepositories(root, "http://veroforge-git.veroforge-system.svc:8081/")
                .cloneUrl("team-a", "shop")).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"..", ".", "../etc", "a/b", "a\\b", "Shop", "-shop", "shop-", "shop.git", "shop_1",
            "sh op", "shop\u0000", "/abs", "%2e%2e",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void namesThatAreNotDnsLabelsAreRejected(String name) {
        PlatformRepositories repositories = new PlatformRepositories(root, "http://git");

        assertThatThrownBy(() -> repositories.pathOf("team-a", name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app");
        assertThatThrownBy(() -> repositories.pathOf(name, "shop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> repositories.cloneUrl(name, "shop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repositories.delete("team-a", name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repositories.open("team-a", name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longestDnsLabelIsAccepted() {
        String name = "a".repeat(63);

        assertThat(new PlatformRepositories(root, "http://git").pathOf(name, name))
                .isEqualTo(root.resolve(name).resolve(name + ".git"));
    }

    @Test
    void openingAMissingRepositoryCreatesNothing() {
        PlatformRepositories repositories = new PlatformRepositories(root, "http://git");

        assertThat(repositories.open("team-a", "shop")).isEmpty();
        assertThat(root.resolve("team-a")).doesNotExist();
    }

    @Test
    void deleteRemovesTheRepositoryAndLeavesOtherApps() throws Exception {
        PlatformRepositories repositories = new PlatformRepositories(root, "http://git");
        RepositoryFixtures.bareRepositoryWithReadme(repositories.pathOf("team-a", "shop"), "# Shop\n");
        RepositoryFixtures.bareRepositoryWithReadme(repositories.pathOf("team-a", "billing"), "# Billing\n");

        assertThat(repositories.delete("team-a", "shop")).isTrue();

        assertThat(repositories.pathOf("team-a", "shop")).doesNotExist();
        assertThat(repositories.open("team-a", "billing")).isPresent().get().satisfies(r -> r.close());
        assertThat(repositories.delete("team-a", "shop")).isFalse();
    }
}
