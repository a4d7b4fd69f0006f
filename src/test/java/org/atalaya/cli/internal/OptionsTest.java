package org.atalaya.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void takesSpacedAndEqualsFormsAndLeavesTheRestInOrder() {
        var options = new Options(List.of("create", "--user", "ana", "--name=scripts", "--verbose"));

        assertThat(options.take("--user")).contains("ana");
        assertThat(options.take("--name")).contains("scripts");
        assertThat(options.take("--config")).isEmpty();
        assertThat(options.remaining()).containsExactly("create", "--verbose");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertThatThrownBy(() -> new Options(List.of("--user")).take("--user"))
                .isInstanceOf(UsageException.class).hasMessage("--user needs a value");
        assertThatThrownBy(() -> new Options(List.of("--user", "--name", "x")).take("--user"))
                .isInstanceOf(UsageException.class).hasMessage("--user needs a value");
    }

    @Test
    void portsAreCheckedForRange() {
        assertThat(Options.port("8080")).isEqualTo(8080);
        assertThatThrownBy(() -> Options.port("0")).hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> Options.port("eighty")).hasMessageContaining("not 'eighty'");
    }

    @Test
    void leftoverWordsAreReported() {
        assertThatThrownBy(() -> new Options(List.of("--bogus")).requireNoneLeft("demo"))
                .hasMessage("unexpected '--bogus' for demo (try ./atalaya help)");
    }
}
