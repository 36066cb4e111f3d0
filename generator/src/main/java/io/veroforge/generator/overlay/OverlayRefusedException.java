package io.veroforge.generator.overlay;

import java.util.List;

/**
 * An overlay the generator will not read, with every problem (file path, what is wrong, the fix).
 * Nothing of a refused overlay is applied: the generator keeps what it had.
 */
public final class OverlayRefusedException extends RuntimeException {
    private final List<String> problems;

    public OverlayRefusedException(String where, List<String> problems) {
        super("improvements overlay " + where + " refused: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
