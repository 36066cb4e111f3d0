package io.veroforge.localapi;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * Answers the self-review requests of {@code authorization.k8s.io/v1} the way kube-apiserver does
 * for a subject that may do everything, which is the truth here: the local API enforces no RBAC.
 * kube-apiserver computes these from RBAC and never stores them; the CRUD store would keep the
 * request and echo it back without a status, and JOSDK's leader election reads
 * {@code status.resourceRules} of its {@code SelfSubjectRulesReview} before it competes for the Lease.
 */
final class AccessReviews {
    private static final String BASE = "/apis/authorization.k8s.io/v1/";
    private final ObjectMapper json;

    AccessReviews(ObjectMapper json) {
        this.json = json;
    }

    /** The answer to a review request; empty for every other request. */
    Optional<MockResponse> answer(RecordedRequest request, String path) {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return Optional.empty();
        }
        JsonNode body = HttpWatchStreams.read(json, new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
        ObjectNode review = body instanceof ObjectNode object ? object : json.createObjectNode();
        if (path.equals(BASE + "selfsubjectrulesreviews")) {
            ObjectNode status = review.putObject("status");
            ObjectNode everything = status.putArray("resourceRules").addObject();
            everything.putArray("verbs").add("*");
            everything.putArray("apiGroups").add("*");
            everything.putArray("resources").add("*");
            ObjectNode urls = status.putArray("nonResourceRules").addObject();
            urls.putArray("verbs").add("*");
            urls.putArray("nonResourceURLs").add("*");
            status.put("incomplete", false);
        } else if (path.equals(BASE + "selfsubjectaccessreviews")) {
            review.putObject("status").put("allowed", true).put("reason", "the local API enforces no RBAC");
        } else {
            return Optional.empty();
        }
        review.put("apiVersion", "authorization.k8s.io/v1");
        return Optional.of(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                .setBody(review.toString()));
    }
}
