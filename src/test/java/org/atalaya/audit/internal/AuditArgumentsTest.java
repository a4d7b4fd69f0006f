package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditArgumentsTest {

    @Test
    void readsEachCommand() {
        var verify = AuditArguments.parse(List.of("verify", "--public-key", "a.pub", "--public-key", "b.pub"));
        assertThat(verify.command()).isEqualTo(AuditArguments.Command.VERIFY);
        assertThat(verify.publicKeyFiles()).containsExactly(Path.of("a.pub"), Path.of("b.pub"));
        assertThat(verify.proofFile()).isEmpty();
        assertThat(AuditArguments.parse(List.of("verify", "--proof", "p.json")).proofFile()).contains(Path.of("p.json"));
        assertThat(AuditArguments.parse(List.of("proof", "--entry", "17")).entry()).hasValue(17);
        assertThat(AuditArguments.parse(List.of("public-key")).command()).isEqualTo(AuditArguments.Command.PUBLIC_KEY);
    }

    @Test
    void badUsageIsOneLineNamingTheProblem() {
        assertBadUsage(List.of(), "missing command");
        assertBadUsage(List.of("erase"), "unknown command erase");
        assertBadUsage(List.of("proof"), "audit proof needs --entry N");
        assertBadUsage(List.of("proof", "--entry", "zero"), "--entry takes an entry number (1, 2, ...), not zero");
        assertBadUsage(List.of("proof", "--entry", "0"), "--entry takes an entry number (1, 2, ...), not 0");
        assertBadUsage(List.of("proof", "--entry"), "--entry needs a value");
        assertBadUsage(List.of("public-key", "--entry", "1"), "audit public-key does not take --entry");
        assertBadUsage(List.of("verify", "--proof", "a", "--proof", "b"), "--proof can be given once");
    }

    private static void assertBadUsage(List<String> words, String problem) {
        assertThatThrownBy(() -> AuditArguments.parse(words))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(problem + "; " + AuditArguments.USAGE)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
