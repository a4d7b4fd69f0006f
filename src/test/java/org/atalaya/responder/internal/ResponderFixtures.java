package org.atalaya.responder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.Incidents;
import org.atalaya.incident.NewIncident;
import org.atalaya.test.ApiClient;
import org.atalaya.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Responders, units and incidents for the responder's page, each with a name of its own: units are made and assigned
 * through dispatch's API as an administrator and a dispatcher would, incidents through the incident module.
 */
final class ResponderFixtures {

    static final String PASSWORD = "a-long-responder-passphrase";
    /** The incident's point, near the demo cameras of San Salvador de Jujuy. */
    static final double INCIDENT_LATITUDE = -24.1858;
    static final double INCIDENT_LONGITUDE = -65.2995;

    private final UserAccounts accounts;
    private final Incidents incidents;
    private final ApiClient administrator;
    private final ApiClient dispatcher;
    private Long agencyId;

    ResponderFixtures(int port, JdbcClient jdbc, UserAccounts accounts, Incidents incidents) {
        this.accounts = accounts;
        this.incidents = incidents;
        var testAccounts = new TestAccounts(jdbc, accounts, "responder");
        this.administrator = new ApiClient(port, testAccounts.tokenFor("admin"));
        this.dispatcher = new ApiClient(port, testAccounts.tokenFor("dispatcher"));
    }

    /** A new user with the responder role and {@link #PASSWORD}; returns the user name. */
    String responder() {
        String username = TestAccounts.unique("responder");
        accounts.create(username, "Responder " + username.substring(username.length() - 4), PASSWORD,
                Set.of("responder"));
        return username;
    }

    /** An API token of the user. */
    String tokenOf(String username) {
        return accounts.issueToken(username, "responder tests");
    }

    /** A new fire engine of the tests' agency, in service and available; returns its id. */
    long unit(String callSign) {
        var created = administrator.post("/api/v1/units", """
                {"callSign": "%s", "agencyId": %d, "unitType": "engine", "crew": ["Ana Quispe", "Luis Mamani"]}"""
                .formatted(callSign, agency()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).get("id").asLong();
    }

    /** A structure fire at the tests' point; returns its id. */
    long incident() {
        return incidents.open(new NewIncident("FIRE_STRUCTURE", null, INCIDENT_LATITUDE, INCIDENT_LONGITUDE,
                "Belgrano 450", "Smoke from a kitchen window", null, null, null), "responder-tests").id();
    }

    /** A dispatcher assigns the unit to the incident. */
    void assign(long incidentId, long unitId) {
        var assigned = dispatcher.post("/api/v1/incidents/" + incidentId + "/assignments",
                "{\"unitIds\": [" + unitId + "]}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
    }

    static String callSign() {
        return "R-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private long agency() {
        if (agencyId == null) {
            var created = administrator.post("/api/v1/agencies",
                    "{\"name\": \"%s\", \"kind\": \"FIRE\"}".formatted(TestAccounts.unique("Bomberos")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            agencyId = ApiClient.json(created).get("id").asLong();
        }
        return agencyId;
    }
}
