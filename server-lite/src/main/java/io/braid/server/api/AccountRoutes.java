package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.accounts.AccountService;
import io.braid.server.store.Account;
import io.javalin.config.RoutesConfig;

/** Console accounts: create, list, disable/enable, new second factor, new password. */
final class AccountRoutes {
    private final AccountService accounts;

    AccountRoutes(AccountService accounts) {
        this.accounts = accounts;
    }

    /** An account with its new second factor: the secret, the URI apps take, and a QR code of it; shown once. */
    record WithSecondFactor(Account account, String totpSecret, String totpUri, String totpQrSvg) {
        static WithSecondFactor of(AccountService.Created c) {
            return new WithSecondFactor(c.account(), c.secondFactor().totpSecret(), c.secondFactor().totpUri(),
                    QrCodes.svg(c.secondFactor().totpUri()));
        }
    }

    void register(RoutesConfig routes) {
        routes.get(AdminApi.ACCOUNTS, ctx -> Exchange.json(ctx, 200, accounts.list()));
        routes.post(AdminApi.ACCOUNTS, ctx -> Exchange.json(ctx, 201,
                WithSecondFactor.of(accounts.create(Exchange.body(ctx, AccountService.CreateRequest.class), AdminRoutes.actor(ctx)))));
        routes.post(AdminApi.ACCOUNT_ACTION, ctx -> {
            String id = ctx.pathParam("id");
            Object result = switch (ctx.pathParam("action")) {
                case "disable" -> accounts.disable(id, AdminRoutes.actor(ctx));
                case "enable" -> accounts.enable(id, AdminRoutes.actor(ctx));
                case "reset-totp" -> WithSecondFactor.of(accounts.resetTotp(id, AdminRoutes.actor(ctx)));
                default -> throw new BraidException(ErrorCode.NOT_FOUND, "no such account action: " + ctx.pathParam("action"));
            };
            Exchange.json(ctx, 200, result);
        });
        routes.put(AdminApi.ACCOUNT_PASSWORD, ctx -> Exchange.json(ctx, 200, accounts.setPassword(ctx.pathParam("id"),
                Exchange.body(ctx, AccountService.PasswordRequest.class), AdminRoutes.actor(ctx))));
    }
}
