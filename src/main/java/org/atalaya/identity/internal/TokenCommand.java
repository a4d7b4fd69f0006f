package org.atalaya.identity.internal;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.platform.CliCommand;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code atalaya token create --user NAME [--name LABEL]} prints a new personal API token and nothing else on
 * standard output, so a script can capture it; {@code token list --user NAME} and {@code token revoke --id N} look
 * after them. Every change is audited with the actor {@code system} and {@code via=cli}.
 */
@Component
class TokenCommand implements CliCommand {

    private static final String USAGE = "usage: atalaya token create --user NAME [--name LABEL] | list --user NAME | revoke --id N";

    private final ApiTokens tokens;
    private final MessageSource messages;

    TokenCommand(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = options(arguments.subList(1, arguments.size()));
        if (options == null) {
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (arguments.getFirst()) {
                case "create" -> create(options, out, err);
                case "list" -> list(options, out, err);
                case "revoke" -> revoke(options, err);
                default -> {
                    err.println("unknown subcommand '" + arguments.getFirst() + "'; " + USAGE);
                    yield 2;
                }
            };
        } catch (IdentityProblem problem) {
            err.println(messages.getMessage(problem.messageKey(), problem.arguments(), Locale.ENGLISH));
            return 2;
        }
    }

    private int create(Map<String, String> options, PrintStream out, PrintStream err) {
        String user = options.get("--user");
        if (user == null || !allowed(options, "--user", "--name")) {
            err.println(USAGE);
            return 2;
        }
        var issued = tokens.issue(user, options.getOrDefault("--name", "command line"), UserAdministration.SYSTEM, "cli");
        out.println(issued.token());
        err.println("created token " + issued.id() + " (" + issued.prefix() + "…) for " + user
                + "; it is shown only this once");
        return 0;
    }

    private int list(Map<String, String> options, PrintStream out, PrintStream err) {
        String user = options.get("--user");
        if (user == null || !allowed(options, "--user")) {
            err.println(USAGE);
            return 2;
        }
        for (var token : tokens.of(user)) {
            out.printf("%d\t%s…\t%s\t%s\t%s%n", token.id(), token.prefix(), token.active() ? "active" : "revoked",
                    token.createdAt(), token.label());
        }
        return 0;
    }

    private int revoke(Map<String, String> options, PrintStream err) {
        String id = options.get("--id");
        if (id == null || !allowed(options, "--id") || !id.matches("\\d{1,18}")) {
            err.println(USAGE);
            return 2;
        }
        tokens.revoke(null, Long.parseLong(id), UserAdministration.SYSTEM, "cli");
        err.println("revoked token " + id);
        return 0;
    }

    /** {@code --key value} pairs, or null if the words are not such pairs. */
    private static Map<String, String> options(List<String> words) {
        if (words.size() % 2 != 0) return null;
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            if (!words.get(i).startsWith("--") || options.put(words.get(i), words.get(i + 1)) != null) return null;
        }
        return options;
    }

    private static boolean allowed(Map<String, String> options, String... known) {
        return List.of(known).containsAll(options.keySet());
    }
}
