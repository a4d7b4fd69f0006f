package org.atalaya.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.atalaya.audit.AuditEvent.Outcome;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void timesAreUtcAndAnEndDayOrMinuteIsIncluded() {
        var days = AuditFilter.parse("2025-03-01", "2025-03-02", null, null, null, null);
        assertThat(days.from()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
        var minutes = AuditFilter.parse("2025-03-01T10:15", "2025-03-01T10:20", null, null, null, null);
        assertThat(minutes.from()).isEqualTo(Instant.parse("2025-03-01T10:15:00Z"));
        assertThat(minutes.to()).isEqualTo(Instant.parse("2025-03-01T10:21:00Z"));
        var exact = AuditFilter.parse("2025-03-01T10:15:30", "2025-03-01T12:00:00+02:00", null, null, null, null);
        assertThat(exact.from()).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(exact.to()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void blanksMeanAnythingAndOutcomesAreReadInAnyCase() {
        var filter = AuditFilter.parse(" ", "", "  ana ", "", null, "denied");
        assertThat(filter).isEqualTo(new AuditFilter(null, null, "ana", null, null, Outcome.DENIED));
        assertThat(filter.parameters()).containsExactly(Map.entry("actor", "ana"), Map.entry("outcome", "DENIED"));
    }

    @Test
    void theParametersOfAFilterReadBackToTheSameFilter() {
        var filter = AuditFilter.parse("2025-03-01", "2025-03-01T10:20", "ana", "user.", "camera:", "FAILURE");
        var parameters = filter.parameters();
        assertThat(AuditFilter.parse(parameters.get("from"), parameters.get("to"), parameters.get("actor"),
                parameters.get("action"), parameters.get("target"), parameters.get("outcome"))).isEqualTo(filter);
    }

    @Test
    void nonsenseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> AuditFilter.parse("yesterday", null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidAuditQueryException.class,
                        e -> assertThat(e.messageCode()).isEqualTo("audit.invalid.from"));
        assertThatThrownBy(() -> AuditFilter.parse(null, "2025-13-01", null, null, null, null))
                .isInstanceOfSatisfying(InvalidAuditQueryException.class,
                        e -> assertThat(e.messageCode()).isEqualTo("audit.invalid.to"));
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, null, "maybe"))
                .isInstanceOfSatisfying(InvalidAuditQueryException.class,
                        e -> assertThat(e.messageArguments()).containsExactly("maybe"));
    }
}
