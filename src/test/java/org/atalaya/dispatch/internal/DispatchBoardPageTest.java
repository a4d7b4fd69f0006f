package org.atalaya.dispatch.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.atalaya.dispatch.AgencyKind;
import org.atalaya.dispatch.UnitStatus;
import org.atalaya.dispatch.UnitView;
import org.atalaya.identity.UserAccounts;
import org.atalaya.incident.IncidentView;
import org.atalaya.incident.Incidents;
import org.atalaya.test.Await;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts;
import org.atalaya.tracking.UnitPositions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A dispatcher on the board: the new incident is listed, choosing it shows the nearest unit first, and Enter assigns
 * it; the unit moves to the dispatched group and the incident lists it, without reloading the page.
 */
@AtalayaTest
class DispatchBoardPageTest {

    private static final String PASSWORD = "a-long-dispatch-board-passphrase";
    /** How long a check that waits for the server may wait: the suite may share the machine with other work. */
    private static final double SERVER_ANSWER_MILLIS = 15_000;

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Fleet fleet;
    @Autowired
    Incidents incidents;
    @Autowired
    UnitPositions positions;
    @Autowired
    DispatchService dispatch;
    @Autowired
    Clock clock;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void theDispatcherChoosesAnIncidentAndAssignsTheRecommendedUnitByKeyboard() {
        DispatchFixtures fixtures = new DispatchFixtures(fleet, incidents, positions);
        String dispatcher = TestAccounts.unique("dispatchboard");
        accounts.create(dispatcher, "Dispatcher", PASSWORD, Set.of("dispatcher"));
        UnitView unit = fixtures.unit(fixtures.agency(AgencyKind.POLICE), "patrol");
        double[] scene = DispatchFixtures.somewhere();
        fixtures.place(unit, DispatchFixtures.north(scene, 300)[0], scene[1], clock.instant());
        IncidentView incident = fixtures.incident("ROBBERY", scene[0], scene[1]);

        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, dispatcher, PASSWORD);
            page.navigate("/dispatch");
            assertThat(page.locator("#dispatch-stream")).hasText("Live", within());

            Locator row = page.locator("#dispatch-incident-list li", new Page.LocatorOptions()
                    .setHasText(incident.number()));
            assertThat(row).isVisible(visibleWithin());
            row.click();
            Locator first = page.locator("#dispatch-recommendations li").first();
            assertThat(first).containsText(unit.callSign(), containsWithin());
            assertThat(first).containsText("0.3 km");

            page.locator("#dispatch-recommendations").focus();
            page.keyboard().press("Enter");

            Await.until(Duration.ofSeconds(15),
                    () -> dispatch.find(unit.id()).orElseThrow().status() == UnitStatus.DISPATCHED);
            assertThat(page.locator("#dispatch-message")).containsText(unit.callSign() + ": Assigned", containsWithin());
            assertThat(row).containsText(unit.callSign(), containsWithin());
            assertThat(page.locator("#dispatch-unit-groups .dispatch-unit-list li.status-DISPATCHED",
                    new Page.LocatorOptions().setHasText(unit.callSign()))).isVisible(visibleWithin());
        }
    }

    private static LocatorAssertions.HasTextOptions within() {
        return new LocatorAssertions.HasTextOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }

    private static LocatorAssertions.ContainsTextOptions containsWithin() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }

    private static LocatorAssertions.IsVisibleOptions visibleWithin() {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }
}
