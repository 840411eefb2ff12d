package io.braid.core.manager;

import io.braid.core.http.JsonHttpClient;
import java.util.Map;

/** The device side of the manager's API: enrollment, token refresh, certificate renewal and settings. */
public final class ManagerClient implements AutoCloseable {
    private final JsonHttpClient http;

    public ManagerClient(JsonHttpClient http) {
        this.http = http;
    }

    public ManagerApi.EnrollResponse enroll(ManagerApi.EnrollRequest request) {
        return http.post(ManagerApi.ENROLL, request, ManagerApi.EnrollResponse.class);
    }

    public ManagerApi.AccessToken refreshToken() {
        return http.post(ManagerApi.DEVICE_TOKEN, Map.of(), ManagerApi.AccessToken.class);
    }

    public ManagerApi.RenewResponse renew(ManagerApi.RenewRequest request) {
        return http.post(ManagerApi.DEVICE_RENEW, request, ManagerApi.RenewResponse.class);
    }

    public TunnelSettings settings() {
        return http.get(ManagerApi.DEVICE_SETTINGS, TunnelSettings.class);
    }

    @Override
    public void close() {
        http.close();
    }
}
