package io.veroforge.generator.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes fields meant for payment card data by their name or description, in any case style
 * or spelling ({@code cardNumber}, {@code card_number}, {@code creditCard}, {@code CreditCardNo},
 * {@code pan}, {@code cvv}, {@code cvc2}, "the card's PAN"): such a field is card data whatever its
 * markers say, so it is only ever stored as a payment-provider token.
 */
public final class CardDataNames {

    /** Words that are card data on their own. */
    private static final Set<String> WORDS = Set.of("pan", "cvv", "cvv2", "cvc", "cvc2", "cav2", "cid2", "creditcard", "debitcard",
            "cardnumber", "cardno", "cardnum", "ccnumber", "ccnum", "card");
    /** Words that make "card" (or a word ending in it) card data when they follow it. */
    private static final Set<String> AFTER_CARD = Set.of("number", "no", "num", "nr", "nbr", "digits", "pan", "cvv", "cvc",
            "verification", "security");
    private static final Pattern DESCRIPTION = Pattern.compile(
            "\\b(card\\s*(number|no\\.?|num)|credit\\s*card|debit\\s*card|primary\\s+account\\s+number|card\\s+verification"
                    + "|cvv2?|cvc2?)\\b", Pattern.CASE_INSENSITIVE);
    /** Upper case only: "pan" in prose is usually cookware. */
    private static final Pattern PAN = Pattern.compile("\\bPANs?\\b");
    /** A last word saying the field holds a reference to card data, not the data. */
    private static final Set<String> REFERENCE = Set.of("token", "ref", "reference", "id");

    private CardDataNames() {
    }

    /** Whether a field name or its description says the field holds a card number, PAN or card security code. */
    public static boolean saysCardData(String name, String description) {
        if (name != null && referenceName(name)) {
            return false;
        }
        return name != null && nameSaysCardData(name) || description != null && (DESCRIPTION.matcher(description).find() || PAN.matcher(description).find());
    }

    /** {@code cardToken}, {@code panRef}: a name saying it holds a reference to card data, which may be stored as it is. */
    private static boolean referenceName(String name) {
        List<String> words = Inflector.words(name);
        return words.size() > 1 && REFERENCE.contains(words.get(words.size() - 1));
    }

    public static boolean nameSaysCardData(String name) {
        List<String> words = Inflector.words(name);
        if (words.isEmpty() || referenceName(name)) {
            return false;
        }
        if (words.size() == 1 && words.get(0).equals("card")) {
            return true;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.equals("card") && WORDS.contains(w)) {
                return true;
            }
            boolean cardWord = w.equals("card") || w.endsWith("card") && (w.startsWith("credit") || w.startsWith("debit"));
            if (cardWord && i > 0 && (words.get(i - 1).equals("credit") || words.get(i - 1).equals("debit") || words.get(i - 1).equals("payment"))) {
                return true;
            }
            if (cardWord && i + 1 < words.size() && AFTER_CARD.contains(words.get(i + 1))) {
                return true;
            }
            if ((w.equals("cc") || w.equals("card")) && i + 1 < words.size() && words.get(i + 1).equals("number")) {
                return true;
            }
        }
        return false;
    }
}
