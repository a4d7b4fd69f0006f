package org.atalaya.incident.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.atalaya.incident.NewIncident;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Places and reports no other test uses, and what the audit log says of an incident. */
final class IncidentFixtures {

    private final JdbcClient jdbc;

    IncidentFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A place of its own far from San Salvador de Jujuy and from every other test's places: a random point on the
     * open sea south of Africa, where nothing else is ever reported.
     */
    static double[] lonelyPlace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[]{-50 + random.nextDouble(10), 10 + random.nextDouble(20)};
    }

    /** A report at the place, its call offered at the instant. */
    static NewIncident report(String type, double[] place, Instant offeredAt) {
        return new NewIncident(type, null, place[0], place[1], "Av. Test 123", "smoke seen", offeredAt,
                offeredAt == null ? null : offeredAt.plusSeconds(5), null);
    }

    /** The point {@code metres} north of the place. */
    static double[] north(double[] place, double metres) {
        return new double[]{place[0] + metres / (Math.PI * Geo.EARTH_RADIUS_M / 180), place[1]};
    }

    /** The audit actions recorded for the incident, oldest first. */
    List<String> auditActions(String number) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE target = ? ORDER BY seq")
                .param(IncidentRow.auditTarget(number)).query(String.class).list();
    }
}
