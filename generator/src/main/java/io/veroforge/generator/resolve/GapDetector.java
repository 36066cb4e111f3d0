package io.veroforge.generator.resolve;

import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.ActionType;
import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.GapType;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what the templates cannot express, so the gap filler (AI, later) has explicit input:
 * each sentence of the free-text requirements is a possible business rule, and each custom
 * workflow action is code to write.
 */
public final class GapDetector {

    public List<Gap> detect(ResolvedModel model) {
        List<Gap> gaps = new ArrayList<>();
        List<String> sentences = sentences(model.requirements());
        for (int i = 0; i < sentences.size(); i++) {
            gaps.add(new Gap(GapType.BUSINESS_RULE, "requirements[" + i + "]", sentences.get(i)));
        }
        for (Workflow workflow : model.workflows()) {
            for (int j = 0; j < workflow.actions().size(); j++) {
                Action action = workflow.actions().get(j);
                if (action.type() == ActionType.CUSTOM) {
                    gaps.add(new Gap(GapType.CUSTOM_ACTION, workflow.path() + ".actions[" + j + "]",
                            "workflow " + workflow.name() + " on " + workflow.trigger().type().keyword()
                                    + (workflow.trigger().entity() == null ? "" : " " + workflow.trigger().entity()) + ": " + action.message()));
                }
            }
        }
        return gaps;
    }

    /**
     * Splits into sentences ("." "!" "?" followed by a space), keeping the order. A line break
     * inside a paragraph is only wrapping (YAML block text is wrapped by hand); blank lines and
     * list items ("-", "*", "•") start a new piece.
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            boolean item = stripped.matches("^[-*•]\\s.*");
            if (stripped.isEmpty() || item) {
                pieces.add(current.toString());
                current.setLength(0);
            }
            if (!stripped.isEmpty()) {
                current.append(current.length() == 0 ? "" : " ").append(stripped);
            }
        }
        pieces.add(current.toString());
        for (String piece : pieces) {
            for (String sentence : piece.split("(?<=[.!?])\\s+")) {
                String trimmed = sentence.strip().replaceFirst("^[-*•]\\s*", "");
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }
}
