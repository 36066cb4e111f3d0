package io.veroforge.console.writes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlDiffTest {

    @Test
    void keptRemovedAndAddedLinesInTheirOrder() {
        YamlDiff diff = YamlDiff.between("a: 1\nb: 2\nc: 3", "a: 1\nb: 20\nc: 3\nd: 4");
        assertThat(diff.lines()).extracting(l -> l.sign() + l.text())
                .containsExactly(" a: 1", "-b: 2", "+b: 20", " c: 3", "+d: 4");
        assertThat(diff.changes()).isTrue();
    }

    @Test
    void theSameTextChangesNothing() {
        assertThat(YamlDiff.between("a: 1", "a: 1").changes()).isFalse();
    }
}
