package io.braid.core.bond;

/**
 * A probe's answer, as the engine read it from a PROBE_ACK: which path and probe it answers, the
 * send time the probe carried (echoed back) and how long the peer held the probe before answering.
 * RTT = arrival - sent - ack delay, all on this end's clock except the delay.
 */
public record ProbeAck(int pathId, int probeId, long echoedSentNanos, long ackDelayNanos) {}
