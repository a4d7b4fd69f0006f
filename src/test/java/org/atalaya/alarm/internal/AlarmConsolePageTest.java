package org.atalaya.alarm.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.atalaya.alarm.AlarmIntake;
import org.atalaya.alarm.AlarmSignal;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.ApiClient;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.TestAccounts;
import org.atalaya.test.TestAccounts.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator works alarms on the console: an alarm raised while the page is open appears without a reload, is
 * acknowledged, its checklist ticked and it is closed with an outcome, the counts following each step; after a reload
 * it is among the recently closed. The same by keyboard alone.
 */
@AtalayaTest
class AlarmConsolePageTest {

    private static final String PASSWORD = "a-long-alarm-console-passphrase";
    /** How long a check that waits for the server may wait: the suite may share the machine with other work. */
    private static final double SERVER_ANSWER_MILLIS = 15_000;

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AlarmIntake intake;

    private String operator;
    private String cameraName;
    private long camera;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void operatorOfOneGroup() {
        TestAccounts fixtures = new TestAccounts(jdbc, accounts, "alarmconsole");
        String group = fixtures.group();
        cameraName = TestAccounts.unique("Gate");
        var created = new ApiClient(port, fixtures.tokenFor("admin")).post("/api/v1/cameras", """
                {"name": "%s", "mainUrl": "rtsp://192.0.2.60/stream", "cameraGroup": "%s"}"""
                .formatted(cameraName, group));
        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        camera = ApiClient.json(created).path("id").asLong();
        operator = fixtures.userWith(PASSWORD, List.of("ALARM_VIEW", "ALARM_HANDLE", "CAMERA_VIEW", "LIVE_VIEW",
                "PLAYBACK_VIEW").stream().map(permission -> new Grant(permission, group)).toList());
    }

    @Test
    void anAlarmAppearsWithoutReloadAndIsAcknowledgedWorkedThroughAndClosed() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, operator, PASSWORD);
            page.navigate("/alarms");
            waitUntilReady(page);
            int newBefore = count(page, "new");
            int acknowledgedBefore = count(page, "acknowledged");
            int closedBefore = count(page, "closed-today");

            String source = TestAccounts.unique("panic button");
            Instant firstAt = Instant.parse("2026-11-29T10:15:30Z");
            long id = raise(source, firstAt);
            Locator row = page.locator("#alarm-rows tr", new Page.LocatorOptions().setHasText(source));
            assertThat(row).isVisible(visibleWithin());
            assertThat(row).containsText("Panic button");
            assertThat(row).containsText(cameraName);
            assertThat(row).containsText("new");
            assertThat(page.locator("#alarm-count-new")).hasText(String.valueOf(newBefore + 1), textWithin());

            row.click();
            Locator detail = page.locator("#alarm-detail-body");
            assertThat(detail).containsText("#" + id);
            assertThat(detail).containsText("pressed at the gate");
            assertThat(detail.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Live")))
                    .hasAttribute("href", "/cameras/" + camera + "/live");
            assertThat(detail.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Playback at the alarm")))
                    .hasAttribute("href", "/cameras/" + camera + "/playback?at="
                            + "2026-11-29T10%3A15%3A20.000Z");

            detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
            assertThat(detail.locator("[data-field=state]")).hasText("acknowledged", textWithin());
            assertThat(row).containsText("acknowledged");
            assertThat(page.locator("#alarm-count-new")).hasText(String.valueOf(newBefore), textWithin());
            assertThat(page.locator("#alarm-count-acknowledged"))
                    .hasText(String.valueOf(acknowledgedBefore + 1), textWithin());

            Locator lines = detail.locator("[data-field=sop] input[type=checkbox]");
            Assertions.assertThat(lines.count()).as("the panic checklist").isEqualTo(4);
            for (int line = 0; line < 4; line++) {
                lines.nth(line).check();
                assertThat(detail.locator("[data-field=sop] li").nth(line)).containsText("done by " + operator,
                        containsWithin());
            }

            detail.getByLabel("Outcome", new Locator.GetByLabelOptions().setExact(true))
                    .selectOption("false-alarm");
            detail.getByLabel("Note (optional)").fill("a child pressed it");
            detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
            assertThat(row).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(SERVER_ANSWER_MILLIS));
            assertThat(page.locator("#alarm-count-acknowledged"))
                    .hasText(String.valueOf(acknowledgedBefore), textWithin());
            assertThat(page.locator("#alarm-count-closed-today")).hasText(String.valueOf(closedBefore + 1), textWithin());

            page.reload();
            waitUntilReady(page);
            assertThat(page.locator("#alarm-rows tr", new Page.LocatorOptions().setHasText(source))).hasCount(0);
            page.getByLabel("Show").selectOption("closed");
            Locator closedRow = page.locator("#alarm-rows tr", new Page.LocatorOptions().setHasText(source));
            assertThat(closedRow).isVisible(visibleWithin());
            assertThat(closedRow).containsText("closed");
            closedRow.click();
            assertThat(detail.locator("[data-field=closed]")).hasText("Closed as False alarm — a child pressed it");
            assertThat(detail.locator("[data-field=sop] input:checked")).hasCount(4);
            assertThat(detail.locator("[data-field=history]")).containsText("closed", containsWithin());
        }
    }

    @Test
    void theQueueIsWorkedByKeyboard() {
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, operator, PASSWORD);
            page.navigate("/alarms");
            waitUntilReady(page);

            String first = TestAccounts.unique("door sensor");
            String second = TestAccounts.unique("window sensor");
            Instant now = Instant.now();
            raise(first, now.minusSeconds(2));
            raise(second, now.minusSeconds(1));
            Locator firstRow = page.locator("#alarm-rows tr", new Page.LocatorOptions().setHasText(first));
            Locator secondRow = page.locator("#alarm-rows tr", new Page.LocatorOptions().setHasText(second));
            assertThat(secondRow).isVisible(visibleWithin());

            firstRow.click();
            assertThat(firstRow).hasAttribute("aria-selected", "true");
            page.keyboard().press("j");
            assertThat(secondRow).hasAttribute("aria-selected", "true");
            assertThat(secondRow).isFocused();
            page.keyboard().press("k");
            assertThat(firstRow).hasAttribute("aria-selected", "true");
            page.keyboard().press("ArrowDown");
            assertThat(secondRow).hasAttribute("aria-selected", "true");

            Locator state = page.locator("#alarm-detail-body [data-field=state]");
            page.keyboard().press("t");
            assertThat(secondRow).containsText("Test user", containsWithin());
            page.keyboard().press("a");
            assertThat(state).hasText("acknowledged", textWithin());
            page.keyboard().press("s");
            assertThat(state).hasText("in progress", textWithin());
            page.keyboard().press("1");
            page.keyboard().press("2");
            assertThat(page.locator("#alarm-detail-body [data-field=sop] input:checked")).hasCount(2, countWithin());

            page.keyboard().press("c");
            assertThat(page.locator("#alarm-outcome")).isFocused();
            page.locator("#alarm-outcome").selectOption("test");
            page.keyboard().press("Enter");
            assertThat(secondRow).hasCount(0, countWithin());
            assertThat(firstRow).containsText("new");
        }
    }

    @Test
    void aSupervisorChangesAnAlarmTypeOnItsPageAndAnOperatorMayNotOpenIt() {
        String supervisor = TestAccounts.unique("alarmconsole-supervisor");
        accounts.create(supervisor, "Test supervisor", PASSWORD, Set.of("supervisor"));
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, supervisor, PASSWORD);
            page.navigate("/alarms");
            waitUntilReady(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alarm types")).click();
            assertThat(page).hasURL(Pattern.compile("/alarms/types$"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                    "External alarm sources (panic buttons, sensors)"))).hasAttribute("href", "/alarms/sources");

            Locator gap = page.locator("form[data-code='recording.gap']");
            Locator sop = gap.getByLabel("Checklist, one line each");
            String original = sop.inputValue();
            String extraLine = TestAccounts.unique("Tell the camera's owner");
            try {
                gap.getByLabel("Priority").selectOption("4");
                sop.fill(original + "\n" + extraLine);
                gap.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                assertThat(page.locator("#alarm-types-message")).hasText("Alarm type “recording.gap” saved.",
                        textWithin());

                page.reload();
                assertThat(gap.getByLabel("Priority")).hasValue("4");
                assertThat(gap.getByLabel("Checklist, one line each")).hasValue(original + "\n" + extraLine);
            } finally {
                gap.getByLabel("Priority").selectOption("3");
                gap.getByLabel("Checklist, one line each").fill(original);
                gap.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
                assertThat(page.locator("#alarm-types-message")).hasText("Alarm type “recording.gap” saved.",
                        textWithin());
            }
        }
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, operator, PASSWORD);
            page.navigate("/alarms");
            waitUntilReady(page);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alarm types"))).hasCount(0);
            Assertions.assertThat(page.navigate("/alarms/types").status()).isEqualTo(403);
        }
    }

    private long raise(String source, Instant at) {
        return intake.raise(new AlarmSignal("panic", source, null, at, List.of(camera), -24.1858, -65.2995,
                "pressed at the gate"));
    }

    private static void waitUntilReady(Page page) {
        assertThat(page.locator("#alarms-page")).hasAttribute("data-ready", "true",
                new LocatorAssertions.HasAttributeOptions().setTimeout(SERVER_ANSWER_MILLIS));
        assertThat(page.locator("#alarm-stream")).hasAttribute("data-state", Pattern.compile("open"));
    }

    private static int count(Page page, String state) {
        return Integer.parseInt(page.locator("#alarm-count-" + state).textContent().strip());
    }

    private static LocatorAssertions.IsVisibleOptions visibleWithin() {
        return new LocatorAssertions.IsVisibleOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }

    private static LocatorAssertions.HasTextOptions textWithin() {
        return new LocatorAssertions.HasTextOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }

    private static LocatorAssertions.ContainsTextOptions containsWithin() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }

    private static LocatorAssertions.HasCountOptions countWithin() {
        return new LocatorAssertions.HasCountOptions().setTimeout(SERVER_ANSWER_MILLIS);
    }
}
