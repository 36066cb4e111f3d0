package io.veroforge.generator.model;

/**
 * What compliance requires of one entity's generated code.
 *
 * @param auditReads     log every read (HIPAA: entities holding PHI)
 * @param auditWrites    log every write (HIPAA and PCI)
 * @param dataSubject    rows describe a person (holds PII): GDPR export/erase applies
 * @param exportEndpoint generate {@code GET /<route>/:id/export}
 * @param eraseEndpoint  generate {@code POST /<route>/:id/erase} (PII overwritten, row kept for integrity)
 * @param retentionDays  rows older than this are erased by a scheduled job; {@code null} = keep
 */
public record EntityCompliance(boolean auditReads, boolean auditWrites, boolean dataSubject, boolean exportEndpoint,
                               boolean eraseEndpoint, Integer retentionDays) {

    public static final EntityCompliance NONE = new EntityCompliance(false, false, false, false, false, null);
}
