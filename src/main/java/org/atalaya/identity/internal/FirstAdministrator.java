package org.atalaya.identity.internal;

import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * There is no default password. On the first start of a server, with no user at all, {@code admin} is created with
 * the password in ATALAYA_ADMIN_PASSWORD, or else with a random one-time password that is printed once to standard
 * output (never to the log) and must be changed at the first sign-in.
 */
@Component
@ConditionalOnWebApplication
class FirstAdministrator implements ApplicationRunner {

    static final String PASSWORD_VARIABLE = "ATALAYA_ADMIN_PASSWORD";

    private final UserAdministration administration;
    private final Environment environment;

    FirstAdministrator(UserAdministration administration, Environment environment) {
        this.administration = administration;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        administration.createFirstAdministrator(environment.getProperty(PASSWORD_VARIABLE))
                .ifPresent(password -> announce(password, System.out));
    }

    static void announce(String oneTimePassword, PrintStream out) {
        List<String> lines = List.of(
                "Atalaya first start: the administrator account was created.",
                "",
                "  user name:          " + UserAdministration.ADMIN,
                "  one-time password:  " + oneTimePassword,
                "",
                "It is shown only this once and must be changed at first sign-in.",
                "Or choose it: set " + PASSWORD_VARIABLE + " before the first start.");
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "+" + "-".repeat(width + 2) + "+";
        out.println();
        out.println(rule);
        lines.forEach(line -> out.println("| " + line + " ".repeat(width - line.length()) + " |"));
        out.println(rule);
        out.println();
        out.flush();
    }
}
