package io.veroforge.generator.git;

import java.util.Objects;

/**
 * What a publish is for: the Generation it records (also the idempotency key), where its input
 * came from, and the customer's branch that receives it.
 *
 * @param customerBranch short branch name, e.g. {@code main}
 */
public record Publication(String generation, String appSpec, long appSpecRevision, String pack, String packRevision,
                          String customerBranch) {

    public static final String DEFAULT_CUSTOMER_BRANCH = "main";

    public Publication {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(appSpec, "appSpec");
        customerBranch = customerBranch == null || customerBranch.isBlank() ? DEFAULT_CUSTOMER_BRANCH : customerBranch;
    }
}
