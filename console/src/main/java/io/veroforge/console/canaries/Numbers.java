package io.veroforge.console.canaries;

import java.math.BigDecimal;
import java.math.MathContext;

import io.veroforge.api.v1alpha1.CanaryRecommendation;

/** How the Canary pages write numbers and recommendations: four significant digits, the API's own spelling. */
final class Numbers {
    private Numbers() {
    }

    static String shown(Double value) {
        if (value == null) {
            return "";
        }
        if (value.isNaN() || value.isInfinite()) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** promote, rollback or continue, as in the Canary's YAML. */
    static String spelled(CanaryRecommendation recommendation) {
        return switch (recommendation) {
            case PROMOTE -> "promote";
            case ROLLBACK -> "rollback";
            case CONTINUE -> "continue";
        };
    }
}
