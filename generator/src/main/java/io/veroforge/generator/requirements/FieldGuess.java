package io.veroforge.generator.requirements;

import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A field's type from its name, the way a person reading "a pickup address, a date and a price"
 * would type it: dates, times, amounts of money, e-mail, phone, addresses, counts, measures,
 * free text, files, and enums for status-like words (with the values the text lists, or a
 * sensible default set).
 */
final class FieldGuess {

    private static final Set<String> DATES = Set.of("date", "day", "birthday", "deadline", "birth", "dob", "anniversary");
    private static final Set<String> TIMES = Set.of("time", "timestamp", "datetime");
    private static final Set<String> MONEY = Set.of("price", "cost", "fee", "amount", "budget", "rate", "premium", "total", "deposit",
            "rent", "salary", "wage", "fine", "balance", "discount", "tax", "vat", "charge", "tip", "payout", "revenue", "value");
    private static final Set<String> COUNTS = Set.of("quantity", "count", "capacity", "size", "seats", "seat", "spots", "spot",
            "mileage", "age", "points", "score", "rating", "stock", "odometer", "reading", "guests", "nights", "rooms", "level");
    private static final Set<String> MEASURES = Set.of("weight", "volume", "hours", "hour", "distance", "length", "width", "height",
            "area", "temperature", "percentage", "duration", "labour", "labor", "liters", "litres", "kilograms", "meters");
    private static final Set<String> TEXTS = Set.of("description", "notes", "note", "comment", "comments", "feedback", "message",
            "instructions", "allergy", "allergies", "remarks", "summary", "details", "reason", "diagnosis", "bio", "checklist");
    private static final Set<String> FILES = Set.of("photo", "picture", "image", "signature", "file", "attachment", "scan", "logo",
            "plan", "plans", "document", "contract", "receipt", "pdf");
    private static final Set<String> BOOLEANS = Set.of("active", "paid", "approved", "confirmed", "verified", "enabled", "consent");
    static final Set<String> ENUMS = Set.of("status", "stage", "state", "priority", "method", "type", "kind", "category", "tier",
            "level", "phase", "step", "gender");

    private FieldGuess() {
    }

    /** @param words the attribute's words in lower case ("drop-off", "address"); values from the text for an enum, or empty */
    static FieldInput field(String name, List<String> words, List<String> values) {
        String last = words.get(words.size() - 1);
        String joined = String.join(" ", words);
        if (!values.isEmpty() && (ENUMS.contains(last) || PhraseExtractor.VALUE_HEADS.contains(last))) {
            return of(name, FieldType.ENUM, null, null, values.stream().map(Inflector::camel).filter(v -> !v.isEmpty()).distinct().toList());
        }
        if (last.equals("priority")) {
            return of(name, FieldType.ENUM, null, null, List.of("low", "normal", "high", "urgent"));
        }
        if (Set.of("status", "stage", "state").contains(last)) {
            return of(name, FieldType.ENUM, null, null, List.of("open", "inProgress", "done", "cancelled"));
        }
        if (words.contains("email")) {
            return of(name, FieldType.EMAIL, null, 254, List.of());
        }
        if (words.contains("phone") || words.contains("mobile") || words.contains("telephone")) {
            return of(name, FieldType.PHONE, null, 32, List.of());
        }
        if (words.contains("url") || words.contains("website") || words.contains("link")) {
            return of(name, FieldType.URL, null, 2048, List.of());
        }
        if (last.equals("address")) {
            return of(name, FieldType.STRING, null, 300, List.of());
        }
        if (joined.startsWith("number of") || joined.startsWith("count of")) {
            return of(name, FieldType.INTEGER, BigDecimal.ZERO, null, List.of());
        }
        if (words.stream().anyMatch(MONEY::contains)) {
            return of(name, FieldType.MONEY, BigDecimal.ZERO, null, List.of());
        }
        if (DATES.contains(last) || words.contains("date") || joined.contains("date of")) {
            return of(name, FieldType.DATE, null, null, List.of());
        }
        if (TIMES.contains(last) || last.equals("at")) {
            return of(name, FieldType.DATETIME, null, null, List.of());
        }
        if (COUNTS.contains(last)) {
            return of(name, FieldType.INTEGER, BigDecimal.ZERO, null, List.of());
        }
        if (MEASURES.contains(last) || words.stream().anyMatch(MEASURES::contains)) {
            return of(name, FieldType.DECIMAL, BigDecimal.ZERO, null, List.of());
        }
        if (TEXTS.contains(last)) {
            return of(name, FieldType.TEXT, null, null, List.of());
        }
        if (FILES.contains(last)) {
            return of(name, FieldType.FILE, null, null, List.of());
        }
        if (BOOLEANS.contains(last)) {
            return of(name, FieldType.BOOLEAN, null, null, List.of());
        }
        return of(name, FieldType.STRING, null, 200, List.of());
    }

    private static FieldInput of(String name, FieldType type, BigDecimal min, Integer maxLength, List<String> values) {
        return new FieldInput(name, type.keyword(), null, null, null, min, null, null, maxLength, null, values, List.of());
    }
}
