package dev.serialtrace.cli;

import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.access.Person;
import dev.serialtrace.db.access.Users;
import dev.serialtrace.db.connect.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"People and their roles (an admin's work; the database refuses anyone else).",
                "Each person signs in as their own PostgreSQL role; roles: viewer, quality, supervisor, compliance, admin."},
        subcommands = {UsersCommand.Add.class, UsersCommand.Grant.class, UsersCommand.Revoke.class,
                UsersCommand.ListPeople.class, UsersCommand.Unlock.class,
                UsersCommand.SignInRecorder.class})
final class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a person: a login role with a password (asked, or --password), printed name and roles.")
    static final class Add implements Runnable {
        @Parameters(index = "0", paramLabel = "USER_ID", description = "lower-case letters, digits, _ and .")
        String login;
        @Option(names = "--name", required = true, description = "printed name, as shown on signatures")
        String printedName;
        @Option(names = "--role", split = ",", description = "one or more roles (repeat or separate with commas)")
        List<String> roles = new ArrayList<>();
        @Option(names = "--password", arity = "0..1", interactive = true, description = "the new person's password (asked if no value)")
        char[] password;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            List<GroupRole> parsed = roles.stream().map(GroupRole::parse).toList();
            char[] pw = password != null ? password : ask("Password for " + login + ": ");
            try (Database db = connection.open(spec.commandLine().getErr())) {
                new Users(db.dsl()).add(login, printedName, pw, parsed);
            }
            spec.commandLine().getOut().println("added " + login + " (" + printedName + ")"
                    + (parsed.isEmpty() ? " without roles" : " as " + parsed.stream().map(GroupRole::shortName).collect(Collectors.joining(", "))));
        }

        private static char[] ask(String prompt) {
            if (System.console() == null) {
                throw new IllegalArgumentException("give the password with --password (no console to ask on)");
            }
            return System.console().readPassword(prompt);
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Give a person a role.")
    static final class Grant implements Runnable {
        @Parameters(index = "0", paramLabel = "USER_ID") String login;
        @Parameters(index = "1", paramLabel = "ROLE") String role;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            GroupRole r = GroupRole.parse(role);
            try (Database db = connection.open(spec.commandLine().getErr())) {
                new Users(db.dsl()).grant(login, r);
            }
            spec.commandLine().getOut().println(login + " now has the role " + r.shortName());
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Take a role from a person.")
    static final class Revoke implements Runnable {
        @Parameters(index = "0", paramLabel = "USER_ID") String login;
        @Parameters(index = "1", paramLabel = "ROLE") String role;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            GroupRole r = GroupRole.parse(role);
            try (Database db = connection.open(spec.commandLine().getErr())) {
                new Users(db.dsl()).revoke(login, r);
            }
            spec.commandLine().getOut().println(login + " no longer has the role " + r.shortName());
        }
    }

    @Command(name = "sign-in-recorder", mixinStandardHelpOptions = true,
            description = {"on: clients of this server count wrong passwords towards the 5-failure lock (through a",
                    "role that can do nothing else); off: they stop. The password is not a secret (default:",
                    "the built-in one; another one must be given to clients as SERIALTRACE_SIGN_IN_RECORDER_PASSWORD)."})
    static final class SignInRecorder implements Runnable {
        @Parameters(index = "0", paramLabel = "on|off") String state;
        @Option(names = "--password", description = "another recorder password than the built-in one") String password;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            boolean on = switch (state.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("say on or off, not \"" + state + "\"");
            };
            try (Database db = connection.open(spec.commandLine().getErr())) {
                new Users(db.dsl()).signInRecorder(on, password == null ? null : password.toCharArray());
            }
            spec.commandLine().getOut().println(on ? "failed sign-ins on this server are now counted by every client"
                    : "failed sign-ins on this server are no longer counted by clients");
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Lift the lock after repeated failed sign-ins.")
    static final class Unlock implements Runnable {
        @Parameters(index = "0", paramLabel = "USER_ID") String login;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            try (Database db = connection.open(spec.commandLine().getErr())) {
                new Users(db.dsl()).unlock(login);
            }
            spec.commandLine().getOut().println(login + " is unlocked");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Everyone, with roles and locks.")
    static final class ListPeople implements Runnable {
        @Option(names = "--json", description = "print JSON") boolean json;
        @Mixin ConnectionOptions connection;
        @Spec CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<Person> people;
            try (Database db = connection.open(spec.commandLine().getErr())) {
                people = new Users(db.dsl()).list();
            }
            if (json) {
                out.println(Json.write(people.stream().map(ListPeople::toMap).toList()));
                return;
            }
            out.printf("%-16s %-26s %-34s %s%n", "user", "printed name", "roles", "sign-in");
            for (Person p : people) {
                out.printf("%-16s %-26s %-34s %s%n", p.login(), p.printedName(),
                        p.roles().stream().map(GroupRole::shortName).collect(Collectors.joining(", ")),
                        p.isLocked() ? "locked until " + p.lockedUntil()
                                : p.failedSignIns() > 0 ? p.failedSignIns() + " failed" : "ok");
            }
        }

        private static Map<String, Object> toMap(Person p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", p.login());
            m.put("printedName", p.printedName());
            m.put("roles", p.roles().stream().map(GroupRole::shortName).toList());
            m.put("failedSignIns", p.failedSignIns());
            m.put("lockedUntil", p.lockedUntil() == null ? null : p.lockedUntil().toString());
            return m;
        }
    }
}
