package io.veroforge.generator.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The model opens in a JVM whose heap is smaller than the model: the operator's heap (256 MB in
 * the deployed-operator harness, a quarter of the container's memory by default) cannot hold
 * LangChain4j's in-heap copy of the 90 MB ONNX file at its peak. Regression for the hostile-input
 * run's OutOfMemoryError ({@link ModelFiles}).
 */
class SentenceEmbedderHeapTest {

    /** The child JVM: embeds one sentence and prints the vector's length. */
    public static final class EmbedOnce {
        public static void main(String[] args) {
            System.out.println("dimensions " + SentenceEmbedder.shared().embed("Dispatchers book moving crews for customers").length);
        }
    }

    @Test
    void theModelOpensWithAHeapSmallerThanTheModel() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-cp", System.getProperty("java.class.path"), EmbedOnce.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.startsWith("dimensions ")).toList()).as(output).isEqualTo(List.of("dimensions 384"));
    }
}
