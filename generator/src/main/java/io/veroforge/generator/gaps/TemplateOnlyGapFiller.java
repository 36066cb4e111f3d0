package io.veroforge.generator.gaps;

import java.util.List;

import io.veroforge.generator.literal.QuotedString;
import io.veroforge.generator.model.Gap;

/**
 * The filler used when no language model is available (or allowed): it does not guess. Each gap
 * becomes a handler that says, in a comment and in the exception it throws, which gap it is,
 * what was asked and where to implement it, so a missing rule fails loudly at runtime (HTTP 501
 * through NestJS) instead of silently doing nothing.
 */
public final class TemplateOnlyGapFiller implements GapFiller {

    public static final String NAME = "template-only";
    /** Searchable marker in generated code; the security scanner and reviewers can grep for it. */
    public static final String MARKER = "VEROFORGE-GAP";
    static final String IMPORT = "import { NotImplementedException } from '@nestjs/common';";
    /** Keeps the exception message readable in logs; the full text is in the comment above it. */
    static final int MAX_MESSAGE_DESCRIPTION = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GapFill fill(Gap gap, GapContext context) {
        String what = switch (gap.type()) {
            case BUSINESS_RULE -> "business rule";
            case CUSTOM_ACTION -> "custom workflow action";
        };
        String description = oneLine(gap.description());
        String body = String.join("\n",
                "// " + MARKER + " " + gap.id() + " (" + what + ", " + NAME + "): NOT IMPLEMENTED",
                "// Asked for at spec." + oneLine(gap.path()) + ": " + description,
                "// Implement it here in " + context.targetFile() + ", or describe it in the AppSpec and regenerate.",
                "throw new NotImplementedException(" + tsString("VeroForge gap " + gap.id() + ": " + shorten(description)
                        + " — implement in " + context.targetFile() + " or describe it in the AppSpec") + ");");
        return new GapFill(gap, body, List.of(IMPORT), false, NAME, context.targetFile());
    }

    /** Comments are line comments: a line break in user text must not end one and start code. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE_DESCRIPTION ? text : text.substring(0, MAX_MESSAGE_DESCRIPTION - 1) + "…";
    }

    /** A single-quoted TypeScript string literal; user text can never close it or inject code. */
    static String tsString(String text) {
        return QuotedString.of(text, '\'');
    }
}
