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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accounts", description = "Manage admin console accounts (with the admin token): create, list, disable, enable, reset-totp.",
        subcommands = {AccountsCommand.Create.class, AccountsCommand.ListAccounts.class, AccountsCommand.Disable.class,
                AccountsCommand.Enable.class, AccountsCommand.ResetTotp.class})
final class AccountsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The API's answer when an account gets a new second factor (the QR code is for the console, not printed here). */
    record WithSecondFactor(Account account, String totpSecret, String totpUri) {}

    @Command(name = "create", description = "Create an account; prints its TOTP secret and otpauth:// URI once, for an authenticator app.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        AdminConnection connection;

        @Parameters(paramLabel = "USERNAME", description = "Lowercase letters, digits, '.', '_', '@', '-'.")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, operator, viewer or auditor.")
        String role;

        @Option(names = "--password-file", paramLabel = "PATH",
                description = "Read the password from this file ('-' for standard input); without it, asked twice on the terminal.")
        String passwordFile;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            String password = password(passwordFile);
            WithSecondFactor created;
            try (JsonHttpClient api = connection.open()) {
                created = api.post(AdminApi.ACCOUNTS, new AccountService.CreateRequest(username, role, password), WithSecondFactor.class);
            }
            print(spec.commandLine().getOut(), created, json, "created " + created.account().role() + " account " + created.account().username());
            return 0;
        }
    }

    @Command(name = "list", description = "List accounts (never their secrets).")
    static final class ListAccounts implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        AdminConnection connection;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            List<Account> accounts;
            try (JsonHttpClient api = connection.open()) {
                accounts = api.get(AdminApi.ACCOUNTS, Output.listOf(Account.class));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Output.json(out, accounts);
                return 0;
            }
            TextTable table = new TextTable("USERNAME", "ROLE", "STATUS", "LAST SIGN-IN", "CREATED", "ID");
            for (Account a : accounts) {
                table.row(a.username(), a.role(), a.status(), a.lastLoginAt() == null ? "never" : a.lastLoginAt(), a.createdAt(), a.id());
            }
            table.print(out);
            return 0;
        }
    }

    /** Shared body of the commands that act on one account, named by username or id. */
    abstract static class Action implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        AdminConnection connection;

        @Parameters(paramLabel = "ACCOUNT", description = "The account's username or id.")
        String account;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        abstract String action();

        @Override
        public Integer call() {
            try (JsonHttpClient api = connection.open()) {
                List<Account> all = api.get(AdminApi.ACCOUNTS, Output.listOf(Account.class));
                Account target = all.stream().filter(a -> a.username().equals(account) || a.id().equals(account)).findFirst()
                        .orElseThrow(() -> new BraidException(ErrorCode.NOT_FOUND, "no account " + account));
                String path = AdminApi.path(AdminApi.ACCOUNT_ACTION, target.id()).replace("{action}", action());
                PrintWriter out = spec.commandLine().getOut();
                if (action().equals("reset-totp")) {
                    print(out, api.post(path, Map.of(), WithSecondFactor.class), json, "new second factor for " + target.username()
                            + " (their sessions have ended)");
                    return 0;
                }
                Account changed = api.post(path, Map.of(), Account.class);
                if (json) {
                    Output.json(out, changed);
                } else {
                    out.println("account " + changed.username() + " is now " + changed.status());
                    out.flush();
                }
            }
            return 0;
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

    private static void print(PrintWriter out, WithSecondFactor w, boolean json, String headline) {
        if (json) {
            Output.json(out, w);
            return;
        }
        out.println(headline);
        out.println("totp secret: " + w.totpSecret());
        out.println("totp uri:    " + w.totpUri());
        out.println("Add it to an authenticator app now (the console shows it as a QR code); it is shown only this once.");
        out.flush();
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
