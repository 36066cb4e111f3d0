package io.veroforge.localapi;

import java.util.Optional;

/**
 * What a REST path addresses: {@code /api/<version>/...} or {@code /apis/<group>/<version>/...},
 * then {@code [namespaces/<ns>/]<plural>[/<name>]}; a collection when {@code name} is null. Paths
 * of subresources ({@code /status}) address nothing here.
 */
record ResourcePath(String group, String version, String plural, String name) {

    static Optional<ResourcePath> of(String path) {
        String[] s = DiscoveryDocuments.segments(path);
        int rest;
        String group;
        if (s.length >= 3 && s[0].equals("api")) {
            group = "";
            rest = 2;
        } else if (s.length >= 4 && s[0].equals("apis")) {
            group = s[1];
            rest = 3;
        } else {
            return Optional.empty();
        }
        String version = s[rest - 1];
        if (s[rest].equals("namespaces") && s.length - rest >= 3) {
            rest += 2;
        }
        int remaining = s.length - rest;
        if (remaining > 2) {
            return Optional.empty(); // a subresource such as /status
        }
        return Optional.of(new ResourcePath(group, version, s[rest], remaining == 2 ? s[rest + 1] : null));
    }
}
