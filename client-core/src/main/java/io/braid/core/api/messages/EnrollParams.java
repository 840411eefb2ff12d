package io.braid.core.api.messages;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.enroll.ManagerAddress;
import io.braid.core.pki.Fingerprint;

/**
 * {@code enroll}: join a Braid server, given either an enrollment {@code link} or the three parts
 * ({@code server}, {@code key}, {@code caFingerprint}). The key is always the literal key: the CLI
 * reads {@code file:} paths and {@code BRAID_ENROLL_KEY} itself, so the agent never opens files for a caller.
 *
 * @param name device name; the agent's host name when absent
 * @param force enroll again even if the device already has an identity
 */
public record EnrollParams(String link, String server, String key, String caFingerprint, String name, Boolean force) {

    public static EnrollParams ofLink(String link, String name, boolean force) {
        return new EnrollParams(link, null, null, null, name, force);
    }

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    /** The enrollment target these parameters name; every defect is a {@link BraidException} saying what to fix. */
    public EnrollmentLink target() {
        if (link != null) {
            if (server != null || caFingerprint != null || key != null) {
                throw new BraidException(ErrorCode.BAD_INPUT, "give either an enrollment link or --server/--key/--ca-fingerprint, not both");
            }
            return EnrollmentLink.parse(link);
        }
        if (server == null || caFingerprint == null) {
            throw new BraidException(ErrorCode.BAD_INPUT, "give an enrollment link, or --server URL and --ca-fingerprint sha256:HEX");
        }
        Fingerprint pin;
        try {
            pin = Fingerprint.parse(caFingerprint);
        } catch (IllegalArgumentException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "--ca-fingerprint: " + e.getMessage());
        }
        return new EnrollmentLink(ManagerAddress.parse(server), key, pin);
    }

    @Override
    public String toString() {
        // The key is a secret and links carry it: neither may reach a log.
        return "EnrollParams[server=" + server + ", name=" + name + ", force=" + force + "]";
    }
}
