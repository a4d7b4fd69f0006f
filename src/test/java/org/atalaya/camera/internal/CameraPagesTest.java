package org.atalaya.camera.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import org.atalaya.identity.UserAccounts;
import org.atalaya.test.AtalayaTest;
import org.atalaya.test.Browser;
import org.atalaya.test.RtspServer;
import org.atalaya.test.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator adds a camera on the console, sees why it does not record yet, completes it and probes it. */
@AtalayaTest
class CameraPagesTest {

    private static Browser browser;
    private static RtspServer cameras;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        browser = new Browser();
        cameras = RtspServer.withStreams(1).size(320, 240).credentials("viewer", "console-secret").start();
    }

    @AfterAll
    static void stop() {
        cameras.close();
        browser.close();
    }

    @Test
    void addCompleteAndProbeACamera() {
        String group = new TestAccounts(jdbc, accounts, "camera").group();
        String username = TestAccounts.unique("cam-console");
        accounts.create(username, "Camera Admin", "a-long-camera-admin-passphrase", Set.of("admin"));
        String name = TestAccounts.unique("Gate");
        try (BrowserContext context = browser.newContext("http://localhost:" + port, "en")) {
            Page page = context.newPage();
            Browser.signIn(page, username, "a-long-camera-admin-passphrase");

            page.navigate("/cameras");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add camera")).click();
            page.getByLabel("Name").fill(name);
            page.getByLabel("Camera group").selectOption(group);
            page.getByLabel("Main stream (rtsp://)").fill("rtsp://viewer:x@127.0.0.1/cam1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator(".flash.error")).containsText("do not put a user or password in the address");

            page.getByLabel("Main stream (rtsp://)").fill(cameras.url(1));
            page.getByLabel("Camera user").fill("viewer");
            page.getByLabel("Camera password").fill("console-secret");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

            var row = page.locator("#cameras tr", new Page.LocatorOptions().setHasText(name));
            assertThat(row).containsText(group);
            assertThat(row).containsText("not recording");
            assertThat(row).containsText("purpose and legal basis are required before a camera records");

            row.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name)).click();
            assertThat(page.getByLabel("Camera password")).hasValue("");
            page.getByLabel("Purpose").fill("Safety at the school entrance");
            page.getByLabel("Legal basis").fill("Municipal ordinance 12/2026");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Probe")).click();
            assertThat(page.locator("#probe-result")).containsText("h264 320×240");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#cameras tr", new Page.LocatorOptions().setHasText(name))).containsText("yes");

            page.navigate("/cameras?lang=es");
            assertThat(page.locator("#cameras-heading")).hasText("Cámaras");
            assertThat(page.locator("#cameras tr", new Page.LocatorOptions().setHasText(name))).containsText("no graba");
        }
    }
}
