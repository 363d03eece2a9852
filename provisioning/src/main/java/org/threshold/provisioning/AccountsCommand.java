package org.threshold.provisioning;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.threshold.hub.app.account.AccountInfo;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SessionRepository.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = {"Manage the hub's named accounts (the people who sign in at the hub), their roles and services, "
                + "and their sessions. Changes take effect at once on every hub instance; a change of role, a new "
                + "password or disabling ends the account's sessions."},
        footer = {"", "Roles: ADMIN (accounts and kiosks, no household data), SUPERVISOR and CASEWORKER (their services' "
                + "referrals), PROTECTION_OFFICER (any household, sensitive codes of the protection services served), "
                + "DPO (audit log, no casework).",
            "Services: child-protection, gbv, health, mhpss, disability, legal, family-tracing, shelter.",
            "", "Example:",
            "  LEILA_PASSWORD='a long passphrase' provision accounts add --username leila --role CASEWORKER \\",
            "      --organisation 'Health NGO' --service health --password-env LEILA_PASSWORD",
            "  provision accounts list",
            "  provision accounts set-role --username leila --role SUPERVISOR --service health",
            "  provision accounts disable --username leila"},
        subcommands = {AccountsCommand.Add.class, AccountsCommand.ListAccounts.class, AccountsCommand.Disable.class,
            AccountsCommand.Enable.class, AccountsCommand.SetRole.class, AccountsCommand.ResetPassword.class,
            AccountsCommand.Sessions.class, AccountsCommand.RevokeSessions.class})
final class AccountsCommand {

    static class AccountOption {
        @Mixin
        HubOption hub;

        @Option(names = "--username", required = true, description = "The account (a-z, 0-9, '.', '_', '-').")
        String username;
    }

    static class GrantOptions {
        @Option(names = "--role", required = true, description = "ADMIN, SUPERVISOR, CASEWORKER, PROTECTION_OFFICER "
                + "or DPO.")
        Role role;

        @Option(names = "--organisation", defaultValue = "", description = "The organisation the person works for.")
        String organisation;

        @Option(names = "--service", paramLabel = "ID", description = "A service the account works for; repeat for "
                + "several. Required for SUPERVISOR, CASEWORKER and PROTECTION_OFFICER; none for ADMIN and DPO.")
        List<String> services = List.of();

        Accounts.Grant grant() {
            return new Accounts.Grant(role, organisation, Set.copyOf(services));
        }
    }

    static class PasswordOptions {
        @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment "
                + "variable instead of asking.")
        String passwordEnv;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file's "
                + "first line instead of asking.")
        Path passwordFile;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account; asks for its password "
            + "twice unless --password-env or --password-file is given.",
            footer = {"", "Example:", "  provision accounts add --username leila --role CASEWORKER --organisation \"Health NGO\" --service health"})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccountOption account;
        @Mixin
        GrantOptions grant;
        @Mixin
        PasswordOptions password;

        @Override
        public Integer call() {
            char[] secret = Passphrases.read(password.passwordEnv, password.passwordFile, "account " + account.username);
            try (HubData data = HubData.open(account.hub)) {
                AccountInfo added = data.services().accounts().add(account.username, secret, grant.grant());
                spec.commandLine().getOut().println("Account " + describe(added) + " added.");
                return 0;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every account, its role, "
            + "organisation and services, and whether it is disabled.",
            footer = {"", "Example:", "  provision accounts list"})
    static final class ListAccounts implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        HubOption hub;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(hub)) {
                PrintWriter out = spec.commandLine().getOut();
                data.services().accounts().list().forEach(account -> out.println(describe(account)));
                return 0;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account and end its "
            + "sessions; it can be enabled again.",
            footer = {"", "Example:", "  provision accounts disable --username leila"})
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccountOption account;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(account.hub)) {
                data.services().accounts().disable(account.username);
                spec.commandLine().getOut().println("Account " + account.username + " disabled; its sessions ended.");
                return 0;
            }
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account.",
            footer = {"", "Example:", "  provision accounts enable --username leila"})
    static final class Enable implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccountOption account;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(account.hub)) {
                data.services().accounts().enable(account.username);
                spec.commandLine().getOut().println("Account " + account.username + " enabled.");
                return 0;
            }
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Give an account a new role, "
            + "organisation and services (all three are replaced); its sessions end.",
            footer = {"", "Example:", "  provision accounts set-role --username leila --role PROTECTION_OFFICER --service gbv --service legal"})
    static final class SetRole implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccountOption account;
        @Mixin
        GrantOptions grant;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(account.hub)) {
                data.services().accounts().setRole(account.username, grant.grant());
                AccountInfo changed = data.services().accounts().find(account.username).orElseThrow();
                spec.commandLine().getOut().println("Account " + describe(changed) + "; its sessions ended.");
                return 0;
            }
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Give an account a new "
            + "password; its sessions end.",
            footer = {"", "Example:", "  provision accounts reset-password --username leila"})
    static final class ResetPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccountOption account;
        @Mixin
        PasswordOptions password;

        @Override
        public Integer call() {
            char[] secret = Passphrases.read(password.passwordEnv, password.passwordFile, "account " + account.username);
            try (HubData data = HubData.open(account.hub)) {
                data.services().accounts().resetPassword(account.username, secret);
                spec.commandLine().getOut().println("Account " + account.username + " has a new password; its "
                        + "sessions ended.");
                return 0;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true, description = "List an account's live sessions.",
            footer = {"", "Example:", "  provision accounts sessions --username leila"})
    static final class Sessions implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccountOption account;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(account.hub)) {
                PrintWriter out = spec.commandLine().getOut();
                List<Session> sessions = data.services().accounts().sessions(account.username);
                sessions.forEach(session -> out.println(session.sessionId() + "  signed in " + session.createdAt()
                        + ", last used " + session.lastSeen() + ", ends by " + session.expiresAt()));
                out.println(sessions.size() + " live session(s).");
                return 0;
            }
        }
    }

    @Command(name = "revoke-sessions", mixinStandardHelpOptions = true, description = "End one session of an "
            + "account (--session), or all of them.",
            footer = {"", "Example:", "  provision accounts revoke-sessions --username leila --session 3f9c..."})
    static final class RevokeSessions implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccountOption account;

        @Option(names = "--session", paramLabel = "ID", description = "The session id, as `accounts sessions` lists it.")
        String sessionId;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(account.hub)) {
                if (sessionId != null) {
                    data.services().accounts().revoke(account.username, sessionId);
                    spec.commandLine().getOut().println("Session " + sessionId + " ended.");
                } else {
                    int ended = data.services().accounts().revokeAll(account.username);
                    spec.commandLine().getOut().println(ended + " session(s) of " + account.username + " ended.");
                }
                return 0;
            }
        }
    }

    private static String describe(AccountInfo account) {
        return account.username() + " " + account.role()
                + (account.organisation().isEmpty() ? "" : " (" + account.organisation() + ")")
                + (account.services().isEmpty() ? "" : " services " + String.join(", ", new TreeSet<>(account.services())))
                + (account.disabled() ? " DISABLED" : "");
    }
}
