package io.veroforge.console.playground;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The playground's limits ({@code veroforge.console.playground.*}); see docs/console.md, The playground. */
@ConfigMapping(prefix = "veroforge.console.playground")
public interface PlaygroundSettings {
    /** Off in production unless the chart turns it on (it also grants the console the writes it needs). */
    @WithDefault("false")
    boolean enabled();

    /** Demo Tenants one client address may create per {@link #window()}. */
    @WithDefault("3")
    int requestsPerClient();

    @WithDefault("1h")
    Duration window();

    /** Demo Tenants alive at once (not being deleted); beyond, the playground says it is full. */
    @WithDefault("10")
    int maxDemoTenants();

    /** Each demo Tenant's {@code spec.ttl}: the Tenant reconciler deletes it (deletionPolicy Delete) after this. */
    @WithDefault("24h")
    String ttl();

    /** The longest description accepted, in characters. */
    @WithDefault("2000")
    int maxDescription();

    /** The owner group of demo Tenants: nobody signs in as it, so no console user sees them among their own. */
    @WithDefault("veroforge-playground")
    String ownerGroup();

    Quota quota();

    interface Quota {
        @WithDefault("1")
        String cpu();

        @WithDefault("1Gi")
        String memory();

        @WithDefault("10")
        int pods();
    }
}
