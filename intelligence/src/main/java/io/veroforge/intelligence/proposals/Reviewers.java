package io.veroforge.intelligence.proposals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;

import io.veroforge.intelligence.IntelligenceConfig;

/** Who is calling the review API: the reviewer whose bearer token the request carries. */
@ApplicationScoped
public class Reviewers {
    private final Map<String, String> tokensByName;

    public Reviewers(IntelligenceConfig config) {
        this.tokensByName = Map.copyOf(config.reviewers());
    }

    /** The reviewer's name; 401 without a known token. */
    public String identify(String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            byte[] presented = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
            for (Map.Entry<String, String> reviewer : tokensByName.entrySet()) {
                if (MessageDigest.isEqual(presented, reviewer.getValue().getBytes(StandardCharsets.UTF_8))) {
                    return reviewer.getKey();
                }
            }
        }
        throw new NotAuthorizedException("a reviewer's bearer token is required (veroforge.intelligence.reviewers.<name>)", "Bearer");
    }
}
