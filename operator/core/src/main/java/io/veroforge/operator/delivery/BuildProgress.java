package io.veroforge.operator.delivery;

/** Where the images of one Generation are: still coming, all there, or one failed. */
public sealed interface BuildProgress {

    /** @param message what is awaited, e.g. which builds are running or which components are missing */
    record Waiting(String message) implements BuildProgress {
    }

    record Succeeded(ImageRefs images) implements BuildProgress {
    }

    /** @param message why, in the build system's words, with the object to look at */
    record Failed(String component, String message) implements BuildProgress {
    }
}
