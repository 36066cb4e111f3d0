package io.veroforge.generator.model;

import java.util.List;

/**
 * App-wide compliance requirements for the templates.
 *
 * @param decisions        one per regime, in {@link Regime} order, applied or not, with the reason
 * @param pgcrypto         enable the pgcrypto extension (HIPAA encrypted columns)
 * @param auditLog         generate the audit log table and interceptor
 * @param accessLogging    log every API access with user, route and entity id (HIPAA)
 * @param auditRetentionDays how long audit records are kept (HIPAA: six years), or null
 * @param paymentTokenization card data goes to a payment provider, the app keeps only tokens (PCI)
 * @param consentTracking  data subjects carry consent fields (GDPR)
 * @param personalDataRetentionDays personal data older than this is erased (GDPR), or null
 * @param requirements     the rules above in words, for people reading {@code explain}
 */
public record ComplianceProfile(List<RegimeDecision> decisions, boolean pgcrypto, boolean auditLog, boolean accessLogging,
                                Integer auditRetentionDays, boolean paymentTokenization, boolean consentTracking,
                                Integer personalDataRetentionDays,
                                List<String> requirements) {

    public ComplianceProfile {
        decisions = List.copyOf(decisions);
        requirements = List.copyOf(requirements);
    }

    public boolean applies(Regime regime) {
        return decisions.stream().anyMatch(d -> d.regime() == regime && d.applies());
    }

    public List<Regime> regimes() {
        return decisions.stream().filter(RegimeDecision::applies).map(RegimeDecision::regime).toList();
    }
}
