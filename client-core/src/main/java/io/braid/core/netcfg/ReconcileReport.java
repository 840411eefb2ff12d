package io.braid.core.netcfg;

/**
 * What a reconcile did: changes undone, undo steps that found nothing to undo (already gone),
 * and changes deliberately kept (a lockdown kill switch).
 */
public record ReconcileReport(int undone, int stepsAlreadyGone, int kept) {}
