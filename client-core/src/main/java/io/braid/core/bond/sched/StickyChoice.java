package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;

/**
 * A single best path with hysteresis, for the modes that use one path at a time. The current path
 * is kept while it remains a candidate; another replaces it only when it ranks in a better class,
 * or in the same class with a score better by more than {@code margin}, continuously for
 * {@code holdNanos}. Losing the current path switches at once (there is nothing to wait for).
 */
final class StickyChoice {
    /** How a mode ranks paths: a class (lower wins outright) and a score within the class (lower wins by a margin). */
    interface Ranking {
        int rankClass(BondPath path);

        double score(BondPath path, long nowNanos);
    }

    private final Ranking ranking;
    private final double margin;
    private final long holdNanos;
    private BondPath current;
    private BondPath challenger;
    private long challengerSince;

    StickyChoice(Ranking ranking, double margin, long holdNanos) {
        this.ranking = ranking;
        this.margin = margin;
        this.holdNanos = holdNanos;
    }

    BondPath choose(Candidates candidates, long nowNanos) {
        BondPath best = best(candidates, nowNanos);
        if (current == null || !candidates.contains(current)) {
            current = best;
            challenger = null;
        } else if (best != current && clearlyBetter(best, current, nowNanos)) {
            if (challenger != best) {
                challenger = best;
                challengerSince = nowNanos;
            }
            if (nowNanos - challengerSince >= holdNanos) {
                current = best;
                challenger = null;
            }
        } else {
            challenger = null;
        }
        return current;
    }

    void forget(int slot) {
        if (current != null && current.slot() == slot) current = null;
        if (challenger != null && challenger.slot() == slot) challenger = null;
    }

    private BondPath best(Candidates candidates, long nowNanos) {
        BondPath best = candidates.get(0);
        for (int i = 1; i < candidates.size(); i++) {
            BondPath p = candidates.get(i);
            int byClass = Integer.compare(ranking.rankClass(p), ranking.rankClass(best));
            if (byClass < 0 || (byClass == 0 && ranking.score(p, nowNanos) < ranking.score(best, nowNanos))) best = p;
        }
        return best;
    }

    private boolean clearlyBetter(BondPath a, BondPath b, long nowNanos) {
        int byClass = Integer.compare(ranking.rankClass(a), ranking.rankClass(b));
        if (byClass != 0) return byClass < 0;
        return ranking.score(a, nowNanos) < ranking.score(b, nowNanos) * (1 - margin);
    }
}
