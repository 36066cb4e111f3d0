package io.veroforge.operator.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.veroforge.api.v1alpha1.Tenant;

/** When a demo tenant with {@code spec.ttl} expires: its creation time plus the TTL. */
final class TenantExpiry {
    private static final Pattern WHOLE = Pattern.compile("([0-9]+(s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("([0-9]+)(s|m|h|d)");

    private TenantExpiry() {
    }

    static Optional<Instant> expiresAt(Tenant tenant) {
        String ttl = tenant.getSpec().getTtl();
        String created = tenant.getMetadata().getCreationTimestamp();
        if (ttl == null || created == null) {
            return Optional.empty();
        }
        return parse(ttl).map(Instant.parse(created)::plus);
    }

    static Optional<Duration> parse(String ttl) {
        if (!WHOLE.matcher(ttl).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(ttl);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return Optional.of(total);
    }
}
