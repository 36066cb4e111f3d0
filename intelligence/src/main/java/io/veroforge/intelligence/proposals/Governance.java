package io.veroforge.intelligence.proposals;

/**
 * The approval rule: only low risk with passing checks is approved without a reviewer; everything
 * else waits. Checks that did not run are not passing.
 */
final class Governance {
    private Governance() {
    }

    static boolean autoApproved(Risk risk, String checks) {
        return risk.level() == Risk.Level.low && "passed".equals(checks);
    }
}
