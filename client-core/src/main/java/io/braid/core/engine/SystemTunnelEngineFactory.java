package io.braid.core.engine;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.agent.TunnelEngine;
import io.braid.core.agent.TunnelEngineFactory;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.enroll.CertificateRenewal;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.netcfg.KillSwitchLevel;
import io.braid.core.platform.Privileges;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The real tunnel engine for the agent and {@code braid up --foreground}: a {@link TunnelClient} on
 * the OS's TUN and network configuration. Found by {@link TunnelEngineFactory#discover()} through
 * {@code META-INF/services}. The TUN name and a fixed path MTU can be set with the system properties
 * {@code braid.tun} and {@code braid.pathMtu} (several clients on one machine, odd networks).
 */
public final class SystemTunnelEngineFactory implements TunnelEngineFactory {
    @Override
    public TunnelEngine start(DeviceCredentials device, Path stateDir, UpRequest request, Consumer<TunnelStatus> listener) {
        if (!Privileges.isPrivileged()) {
            throw new BraidException(ErrorCode.FORBIDDEN, "the tunnel needs administrator rights for its TUN device and routes; "
                    + "run the agent as root (sudo braid agent, or the braid-agent service)");
        }
        String tunName = System.getProperty("braid.tun", "braid0");
        Integer mtu = Integer.getInteger("braid.pathMtu");
        KillSwitchLevel killSwitch = request.killSwitch() == null ? KillSwitchLevel.OFF : KillSwitchLevel.fromWireName(request.killSwitch());
        TunnelClient.Options options = new TunnelClient.Options(tunName, Boolean.TRUE.equals(request.fullTunnel()), killSwitch, mtu,
                TunnelClient.Options.defaults().rekey());
        CredentialStore store = new CredentialStore(stateDir);
        SystemClientEnvironment env = new SystemClientEnvironment(stateDir, tunName);
        try {
            env.prepare();
        } catch (IOException e) {
            throw new BraidException(ErrorCode.INTERNAL, "cannot prepare the network configuration in " + stateDir + ": " + e.getMessage(), e);
        }
        TunnelClient client = new TunnelClient(store, new CertificateRenewal(store, ManagerClients.standard(), Clock.systemUTC()), env, options);
        client.addListener(listener);
        client.start();
        return new TunnelEngine() {
            @Override
            public TunnelStatus status() {
                return client.status();
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }
}
