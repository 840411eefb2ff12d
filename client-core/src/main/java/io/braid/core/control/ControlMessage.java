package io.braid.core.control;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The messages of the control channel between a client and its headend (TLS 1.3, mutual certificate
 * authentication). Each travels as one JSON frame ({@link ControlFrames}) with an explicit
 * {@code type} name. The flow:
 *
 * <pre>
 * client                                   headend
 *   Hello(token, aes, epoch 0 public) ───>    admission: chain, CRL, token bound to cert, device enabled
 *                                     <───  Welcome(session id, cipher, epoch 0 public, addresses, routes, DNS, MTU)
 *   data over UDP (or Data frames here when UDP is blocked)
 *   Rekey(epoch e+1, public) ──────────>
 *                                     <───  RekeyAnswer(epoch e+1, public)
 *   TokenRefresh(token) ───────────────>    re-verified; a session without a valid token is closed
 *   Ping ──────────────────────────────>
 *                                     <───  Pong
 *                                     <───  Close(reason)   (revoked, disabled, token expired, shutdown)
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ControlMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ControlMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ControlMessage.Rekey.class, name = "rekey"),
    @JsonSubTypes.Type(value = ControlMessage.RekeyAnswer.class, name = "rekey_answer"),
    @JsonSubTypes.Type(value = ControlMessage.TokenRefresh.class, name = "token_refresh"),
    @JsonSubTypes.Type(value = ControlMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ControlMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ControlMessage.Close.class, name = "close"),
})
public sealed interface ControlMessage {
    int PROTOCOL_VERSION = 1;

    /** The client's opening: its access token, whether its CPU has AES instructions, and epoch 0's X25519 public value (base64). */
    record Hello(int protocol, String token, boolean aesInstructions, String epochPublicKey) implements ControlMessage {}

    /** The headend's admission answer: everything the client needs to configure its side and derive keys. */
    record Welcome(
            int sessionId,
            int aead,
            String epochPublicKey,
            String overlayIpv4,
            int ipv4PrefixLength,
            String overlayIpv6,
            int ipv6PrefixLength,
            String gatewayIpv4,
            int mtu,
            List<String> routes,
            List<String> dns,
            List<String> searchDomains,
            int udpPort,
            int keepaliveSeconds) implements ControlMessage {}

    /** Starts key epoch {@code epoch}; sent by the client (the initiator). */
    record Rekey(int epoch, String publicKey) implements ControlMessage {}

    record RekeyAnswer(int epoch, String publicKey) implements ControlMessage {}

    /** A fresh access token from the manager; the headend re-verifies it against the presented certificate. */
    record TokenRefresh(String token) implements ControlMessage {}

    record Ping(long sentNanos) implements ControlMessage {}

    record Pong(long sentNanos) implements ControlMessage {}

    /** The sender ends the session; {@code reason} is a stable code (see {@link CloseReason}). */
    record Close(String reason, String message) implements ControlMessage {}
}
