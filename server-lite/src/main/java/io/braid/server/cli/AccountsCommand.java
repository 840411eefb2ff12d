package io.braid.server.cli;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.cli.TextTable;
import io.braid.core.http.JsonHttpClient;
import io.braid.server.accounts.AccountService;
import io.braid.server.api.AdminApi;
import io.braid.server.store.Account;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accounts", description = "Manage admin console accounts (with the admin token): create, list, disable, enable, reset-totp.",
        subcommands = {AccountsCommand.Create.class, AccountsCommand.ListAccounts.class, AccountsCommand.Disable.class,
                AccountsCommand.Enable.class, AccountsCommand.ResetTotp.class})
final class AccountsCommand extends CommandGroup {
    /** The API's answer when an account gets a new second factor (the QR code is for the console, not printed here). */
    record WithSecondFactor(Account account, String totpSecret, String totpUri) {}

    @Command(name = "create", description = "Create an account; prints its TOTP secret and otpauth:// URI once, for an authenticator app.")
    static final class Create extends AdminCommand {
        @Parameters(paramLabel = "USERNAME", description = "Lowercase letters, digits, '.', '_', '@', '-'.")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, operator, viewer or auditor.")
        String role;

        @Option(names = "--password-file", paramLabel = "PATH",
                description = "Read the password from this file ('-' for standard input); without it, asked twice on the terminal.")
        String passwordFile;

        @Override
        public Integer call() {
            String password = password(passwordFile);
            WithSecondFactor created;
            try (JsonHttpClient api = connection.open()) {
                created = api.post(AdminApi.ACCOUNTS, new AccountService.CreateRequest(username, role, password), WithSecondFactor.class);
            }
            return print(created, out -> secondFactor(out, created, "created " + created.account().role() + " account "
                    + created.account().username()));
        }
    }

    @Command(name = "list", description = "List accounts (never their secrets).")
    static final class ListAccounts extends AdminCommand {
        @Override
        public Integer call() {
            List<Account> accounts;
            try (JsonHttpClient api = connection.open()) {
                accounts = api.get(AdminApi.ACCOUNTS, Output.listOf(Account.class));
            }
            return print(accounts, out -> {
                TextTable table = new TextTable("USERNAME", "ROLE", "STATUS", "LAST SIGN-IN", "CREATED", "ID");
                for (Account a : accounts) {
                    table.row(a.username(), a.role(), a.status(), a.lastLoginAt() == null ? "never" : a.lastLoginAt(), a.createdAt(), a.id());
                }
                table.print(out);
            });
        }
    }

    /** Shared body of the commands that act on one account, named by username or id. */
    abstract static class Action extends AdminCommand {
        @Parameters(paramLabel = "ACCOUNT", description = "The account's username or id.")
        String account;

        abstract String action();

        @Override
        public Integer call() {
            try (JsonHttpClient api = connection.open()) {
                List<Account> all = api.get(AdminApi.ACCOUNTS, Output.listOf(Account.class));
                Account target = all.stream().filter(a -> a.username().equals(account) || a.id().equals(account)).findFirst()
                        .orElseThrow(() -> new BraidException(ErrorCode.NOT_FOUND, "no account " + account));
                String path = AdminApi.path(AdminApi.ACCOUNT_ACTION, target.id()).replace("{action}", action());
                if (action().equals("reset-totp")) {
                    WithSecondFactor renewed = api.post(path, Map.of(), WithSecondFactor.class);
                    return print(renewed, out -> secondFactor(out, renewed, "new second factor for " + target.username()
                            + " (their sessions have ended)"));
                }
                Account changed = api.post(path, Map.of(), Account.class);
                return print(changed, out -> out.println("account " + changed.username() + " is now " + changed.status()));
            }
        }
    }

    @Command(name = "disable", description = "Disable an account: its sessions end now and it cannot sign in.")
    static final class Disable extends Action {
        @Override
        String action() {
            return "disable";
        }
    }

    @Command(name = "enable", description = "Enable a disabled account again.")
    static final class Enable extends Action {
        @Override
        String action() {
            return "enable";
        }
    }

    @Command(name = "reset-totp", description = "Give an account a new TOTP secret (a lost phone); prints it once and ends its sessions.")
    static final class ResetTotp extends Action {
        @Override
        String action() {
            return "reset-totp";
        }
    }

    private static void secondFactor(PrintWriter out, WithSecondFactor w, String headline) {
        out.println(headline);
        out.println("totp secret: " + w.totpSecret());
        out.println("totp uri:    " + w.totpUri());
        out.println("Add it to an authenticator app now (the console shows it as a QR code); it is shown only this once.");
    }

    /** The password from a file, standard input, or typed twice on the terminal; never from the command line (shell history). */
    static String password(String file) {
        try {
            if ("-".equals(file)) {
                return firstLine(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
            }
            if (file != null) {
                return firstLine(Files.readString(Path.of(file)));
            }
        } catch (IOException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "cannot read the password: " + e.getMessage());
        }
        Console console = System.console();
        if (console == null) {
            throw new BraidException(ErrorCode.BAD_INPUT, "no terminal to ask for the password on; use --password-file PATH (or - for stdin)");
        }
        char[] first = console.readPassword("Password for the new account: ");
        char[] again = console.readPassword("Again: ");
        try {
            if (first == null || !Arrays.equals(first, again)) {
                throw new BraidException(ErrorCode.BAD_INPUT, "the two passwords differ");
            }
            return new String(first);
        } finally {
            Arrays.fill(first == null ? new char[0] : first, ' ');
            Arrays.fill(again == null ? new char[0] : again, ' ');
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
