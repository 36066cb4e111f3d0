package io.veroforge.intelligence.patterns;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * One structural customer edit seen by fewer than k tenants: too rare to be a pattern alone, but
 * possibly one of several similar edits that together are. The customer ids are the anonymized
 * hashes, kept in memory only to count distinct tenants across variants; they never leave detection.
 */
record EditVariant(Map<String, String> parts, Set<String> customers, long events, OffsetDateTime firstSeen, OffsetDateTime lastSeen) {

    String part(String name) {
        return parts.getOrDefault(name, "");
    }
}
