package io.veroforge.operator.delivery;

/** Whether an app's Deployments have rolled out. */
public sealed interface Rollout {

    record Available() implements Rollout {
    }

    /** @param detail per Deployment still rolling, e.g. {@code shop-api 2/3 ready} */
    record Progressing(String detail) implements Rollout {
    }

    /** @param message the Deployment controller's message */
    record Failed(String deployment, String message) implements Rollout {
    }
}
