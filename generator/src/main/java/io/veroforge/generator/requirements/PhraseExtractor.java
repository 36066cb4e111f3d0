package io.veroforge.generator.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads noun phrases and the few clause shapes that carry a data model out of requirement prose:
 * <ul>
 *   <li>possession: "each job has a pickup and a drop-off address, a crew and an invoice", "for every
 *   dog we keep its name, breed and weight" — an owner and its attributes;</li>
 *   <li>actions: "Dispatchers book moving crews for customers" — a subject, a verb and its objects;</li>
 *   <li>attachments: "appointments with a dentist", "claims against a policy" — a phrase linked to the
 *   phrase before it by a preposition;</li>
 *   <li>values: "stages (screening, interview, offer)" — an enumeration in parentheses.</li>
 * </ul>
 * A rule-based chunker over word lists ({@link Lexicon}): no part-of-speech model exists offline
 * here, and the shapes above are what business prose uses. What a phrase means (entity, field,
 * role) is decided later, with the ontology, by {@link EmbeddingRequirementEngine}.
 */
final class PhraseExtractor {

    enum Tag { DET, PREP, CONJ, PRON, AUX, ADV, ADJ, NOUN, VERB, NUM, COMMA, BREAK, LPAREN, RPAREN, POSS, PROPER }

    /** Where a noun phrase stands in its clause. */
    enum Slot { OWNER, ITEM, SUBJECT, PASSIVE_SUBJECT, OBJECT, COMPLEMENT }

    record Token(String text, String lower, Tag tag) {
    }

    /**
     * A noun phrase: {@code words} are its nouns in lower case, the last one singular (adjectives
     * are dropped); {@code first} and {@code last} are token indexes (determiners included).
     */
    record NounPhrase(List<String> words, boolean plural, int sentence, String sentenceText, int first, int last) {
        String head() {
            return words.get(words.size() - 1);
        }

        String text() {
            return String.join(" ", words);
        }
    }

    record Mention(NounPhrase phrase, Slot slot, String verb) {
    }

    /** "each job has a crew": owner job, item crew; {@code values} for "stages (a, b, c)". */
    record Attribute(NounPhrase owner, NounPhrase item, List<String> values) {
    }

    record Link(NounPhrase from, String preposition, NounPhrase to) {
    }

    record Action(NounPhrase subject, String verb, NounPhrase object) {
    }

    record Phrases(List<Mention> mentions, List<Attribute> attributes, List<Link> links, List<Action> actions,
                   List<String> sentences) {
    }

    /** Verbs that, with a thing as subject, list what it holds. */
    private static final Set<String> POSSESSION_VERBS = Set.of("have", "contain", "include", "hold", "list", "keep", "record",
            "store", "carry", "consist", "get", "need", "track", "capture", "log", "show", "come");
    /** Verbs that, with "we" and "for each X", list what X holds: "for every dog we keep its name". */
    private static final Set<String> RECORDING_VERBS = Set.of("keep", "record", "store", "track", "capture", "log", "note",
            "need", "want", "have", "hold", "save", "collect");
    /** Heads that take enumerations in parentheses as their values. */
    static final Set<String> VALUE_HEADS = Set.of("stage", "status", "state", "type", "kind", "category", "level", "priority",
            "step", "phase", "tier");

    private static final Pattern TOKEN = Pattern.compile(
            "[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*|\\d+(?:[.,]\\d+)?|[,;:()/]");

    Phrases extract(String requirements) {
        List<String> sentences = Sentences.of(requirements);
        Reader reader = new Reader();
        for (int i = 0; i < sentences.size(); i++) {
            reader.sentence(i, sentences.get(i), tag(tokens(sentences.get(i))));
        }
        return new Phrases(reader.mentions, reader.attributes, reader.links, reader.actions, sentences);
    }

    static List<String> tokens(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            String t = m.group().replace('’', '\'');
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("e-mail") || lower.equals("e-mails")) {
                out.add(lower.endsWith("s") ? "emails" : "email");
            } else if (lower.endsWith("'s") || lower.endsWith("s'")) {
                out.add(t.substring(0, t.length() - 2));
                out.add("'s");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Tags every token; nouns and verbs that share a spelling are told apart by what stands before them. */
    static List<Token> tag(List<String> words) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String text = words.get(i);
            String lower = text.toLowerCase(Locale.ROOT);
            Tag previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1).tag();
            String next = i + 1 < words.size() ? words.get(i + 1).toLowerCase(Locale.ROOT) : null;
            tokens.add(new Token(text, lower, tagOf(text, lower, i, previous, tokens, next)));
        }
        // an -ing or -ed word before a noun qualifies it ("moving crews", "uploaded plans"); before anything else it was a verb
        for (int i = 0; i < tokens.size() - 1; i++) {
            Token t = tokens.get(i);
            if (t.tag() == Tag.VERB && Lexicon.isPastOrGerund(t.lower()) && tokens.get(i + 1).tag() == Tag.NOUN
                    && (i == 0 || tokens.get(i - 1).tag() != Tag.AUX) && !"is are was were be been".contains(t.lower())) {
                tokens.set(i, new Token(t.text(), t.lower(), Tag.ADJ));
            }
        }
        return tokens;
    }

    private static Tag tagOf(String text, String w, int index, Tag previous, List<Token> before, String next) {
        switch (w) {
            case ",", "/" -> {
                return Tag.COMMA;
            }
            case ";", ":" -> {
                return Tag.BREAK;
            }
            case "(" -> {
                return Tag.LPAREN;
            }
            case ")" -> {
                return Tag.RPAREN;
            }
            case "'s" -> {
                return Tag.POSS;
            }
            default -> {
            }
        }
        if (Character.isDigit(w.charAt(0))) {
            return Tag.NUM;
        }
        boolean capitalized = Character.isUpperCase(text.charAt(0)) && !text.equals(text.toUpperCase(Locale.ROOT));
        if (capitalized && index > 0 && !w.equals("i") && previous != Tag.BREAK) {
            return Tag.PROPER; // a name ("Acme Pest Control"): never an entity of its own
        }
        if (capitalized && index == 0 && next != null && before.isEmpty() && Character.isUpperCase(next.charAt(0))) {
            return Tag.PROPER;
        }
        if (w.equals("that") || w.equals("who") || w.equals("which") || w.equals("whom")) {
            return Tag.PRON;
        }
        if (Lexicon.PREPOSITIONS.contains(w) && !(w.equals("to") && next != null && Lexicon.verbBase(next) != null
                && !Lexicon.DETERMINERS.contains(next))) {
            return Tag.PREP;
        }
        if (Lexicon.AUXILIARIES.contains(w)) {
            return Tag.AUX;
        }
        if (Lexicon.DETERMINERS.contains(w)) {
            return Tag.DET;
        }
        if (Lexicon.CONJUNCTIONS.contains(w)) {
            return Tag.CONJ;
        }
        if (Lexicon.PRONOUNS.contains(w)) {
            return Tag.PRON;
        }
        if (Lexicon.ADJECTIVES.contains(w) && !Lexicon.ADVERBS.contains(w)) {
            return Tag.ADJ;
        }
        if (Lexicon.ADVERBS.contains(w)) {
            return next != null && previous == Tag.DET ? Tag.ADJ : Tag.ADV;
        }
        String base = Lexicon.verbBase(w);
        if (base == null) {
            return Tag.NOUN;
        }
        boolean ambiguous = Lexicon.NOUN_VERBS.contains(base) && !Lexicon.isPastOrGerund(w);
        boolean gerund = w.endsWith("ing");
        if (gerund && (previous == Tag.DET || previous == Tag.ADJ || previous == Tag.PREP)) {
            return Tag.NOUN; // "the booking", "for grooming"
        }
        if (!ambiguous) {
            return Tag.VERB;
        }
        if (previous == null || previous == Tag.BREAK) {
            return Lexicon.isThirdPerson(w) ? Tag.NOUN : Tag.VERB; // "Send the customer …" vs "Books have a title"
        }
        return switch (previous) {
            case DET, ADJ, POSS, NUM, PREP, PROPER, LPAREN -> Tag.NOUN;
            case PRON, AUX, ADV -> Tag.VERB;
            case CONJ, COMMA -> {
                // "desks or meeting rooms" (a list goes on), "and sponsors pay" (a new subject), "… and give vaccinations" (a new verb)
                Token last = lastWord(before);
                boolean nextIsVerb = next != null && Lexicon.verbBase(next) != null && !Lexicon.DETERMINERS.contains(next);
                if (next != null && (Lexicon.DETERMINERS.contains(next) || Lexicon.PRONOUNS.contains(next))) {
                    yield Tag.VERB;
                }
                if (Lexicon.isThirdPerson(w) && nextIsVerb) {
                    yield Tag.NOUN;
                }
                if (last != null && last.tag() == Tag.NOUN && lastVerbBefore(before) == null) {
                    yield Tag.NOUN;
                }
                yield lastVerbBefore(before) != null && !Lexicon.isThirdPerson(w) ? Tag.VERB : Tag.NOUN;
            }
            case NOUN -> {
                String prev = before.get(before.size() - 1).lower();
                boolean prevPlural = Singular.plural(prev);
                boolean third = Lexicon.isThirdPerson(w);
                if (third && !prevPlural && inObject(before)) {
                    yield Tag.NOUN; // "buy class passes", "approves change orders": the noun phrase after a verb goes on
                }
                yield third ? (prevPlural ? Tag.NOUN : Tag.VERB) : (prevPlural ? Tag.VERB : Tag.NOUN);
            }
            default -> Tag.NOUN;
        };
    }

    /** Whether the noun phrase that ends {@code before} stands right after a verb or preposition (an object, not a subject). */
    private static boolean inObject(List<Token> before) {
        for (int i = before.size() - 1; i >= 0; i--) {
            Tag t = before.get(i).tag();
            if (t == Tag.NOUN || t == Tag.ADJ || t == Tag.DET || t == Tag.NUM) {
                continue;
            }
            return t == Tag.VERB || t == Tag.PREP;
        }
        return false;
    }

    private static Token lastWord(List<Token> before) {
        for (int i = before.size() - 1; i >= 0; i--) {
            Tag t = before.get(i).tag();
            if (t != Tag.COMMA && t != Tag.CONJ) {
                return before.get(i);
            }
        }
        return null;
    }

    private static Token lastVerbBefore(List<Token> before) {
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i).tag() == Tag.BREAK) {
                return null;
            }
            if (before.get(i).tag() == Tag.VERB) {
                return before.get(i);
            }
        }
        return null;
    }

    /** Walks one sentence's tokens, clause by clause, collecting what {@link Phrases} holds. */
    private static final class Reader {
        final List<Mention> mentions = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
        final List<Action> actions = new ArrayList<>();

        private int sentence;
        private String sentenceText;
        private List<Token> tokens;

        // clause state
        private NounPhrase subject;
        private boolean subjectIsWe;
        private boolean passive;
        private String verb;
        private NounPhrase object;
        private NounPhrase forEach;
        private NounPhrase possessionOwner;
        private NounPhrase lastPhrase;
        private boolean lastWasComplement;
        private NounPhrase pendingShared; // "a pickup and a drop-off address": pickup waits for address's head
        private NounPhrase nested; // "items with quantity and price": the item whose own attributes follow, until a comma

        void sentence(int index, String text, List<Token> sentenceTokens) {
            this.sentence = index;
            this.sentenceText = text;
            this.tokens = sentenceTokens;
            resetClause();
            int i = 0;
            String preposition = null;
            boolean afterConjunction = true; // the start of a clause acts like one
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                switch (t.tag()) {
                    case BREAK -> {
                        resetClause();
                        preposition = null;
                        afterConjunction = true;
                        i++;
                    }
                    case LPAREN -> {
                        int close = i + 1;
                        List<String> values = new ArrayList<>();
                        StringBuilder value = new StringBuilder();
                        while (close < tokens.size() && tokens.get(close).tag() != Tag.RPAREN) {
                            Token v = tokens.get(close);
                            if (v.tag() == Tag.COMMA || v.lower().equals("and") || v.lower().equals("or")) {
                                if (value.length() > 0) {
                                    values.add(value.toString());
                                }
                                value.setLength(0);
                            } else if (v.tag() != Tag.DET) {
                                value.append(value.length() == 0 ? "" : " ").append(v.lower());
                            }
                            close++;
                        }
                        if (value.length() > 0) {
                            values.add(value.toString());
                        }
                        if (lastPhrase != null && VALUE_HEADS.contains(lastPhrase.head()) && !values.isEmpty()) {
                            NounPhrase owner = subject != null && !subjectPerson() ? subject : object != null ? object : null;
                            if (owner != null && owner != lastPhrase) {
                                attributes.add(new Attribute(owner, lastPhrase, values));
                            }
                        }
                        i = close + 1; // what is in parentheses are examples or values, never entities of their own
                    }
                    case PREP -> {
                        // "for each X …, we keep" / "for every X we record"
                        if ((t.lower().equals("for")) && i + 1 < tokens.size()
                                && Set.of("each", "every", "all", "any").contains(tokens.get(i + 1).lower()) && verb == null) {
                            int[] end = new int[1];
                            NounPhrase np = phrase(i + 2, end);
                            if (np != null) {
                                forEach = np;
                                mentions.add(new Mention(np, Slot.OWNER, null));
                                lastPhrase = np;
                                i = end[0];
                                continue;
                            }
                        }
                        preposition = t.lower();
                        i++;
                    }
                    case VERB -> {
                        String base = Lexicon.verbBase(t.lower());
                        boolean wasPassive = i > 0 && tokens.get(i - 1).tag() == Tag.AUX
                                && Set.of("is", "are", "was", "were", "be", "been", "get", "gets", "got").contains(tokens.get(i - 1).lower())
                                && Lexicon.isPastOrGerund(t.lower()) && !t.lower().endsWith("ing");
                        boolean newSubject = lastPhrase != null && !lastWasComplement && afterConjunctionBefore(lastPhrase)
                                && lastPhrase != object && lastPhrase != subject || subject == null && lastPhrase != null && !lastWasComplement;
                        if (newSubject) {
                            subject = lastPhrase;
                            subjectIsWe = false;
                            if (mentions.get(mentions.size() - 1).phrase() == lastPhrase) {
                                mentions.remove(mentions.size() - 1);
                            }
                            mentions.add(new Mention(subject, wasPassive ? Slot.PASSIVE_SUBJECT : Slot.SUBJECT, base));
                        }
                        verb = base;
                        passive = wasPassive;
                        object = null;
                        possessionOwner = null;
                        if (base != null && POSSESSION_VERBS.contains(base) && subject != null && !subjectPerson() && !passive) {
                            possessionOwner = subject;
                            replaceSlot(subject, Slot.OWNER);
                        } else if (base != null && RECORDING_VERBS.contains(base) && forEach != null && (subjectIsWe || subject == null)) {
                            possessionOwner = forEach;
                        }
                        preposition = null;
                        afterConjunction = false;
                        pendingShared = null;
                        i++;
                    }
                    case PRON -> {
                        if (t.lower().equals("we") || t.lower().equals("i") || t.lower().equals("you") || t.lower().equals("they")) {
                            if (t.lower().equals("they") && subject != null) {
                                // "the treatments they apply": a relative clause; its subject is the clause's subject again
                                i++;
                                continue;
                            }
                            subject = null;
                            subjectIsWe = true;
                            lastPhrase = null;
                            possessionOwner = null;
                        } else if (t.lower().equals("who") || t.lower().equals("which") || t.lower().equals("that")) {
                            if (lastPhrase != null && i > 0 && tokens.get(i - 1).tag() != Tag.VERB) {
                                subject = lastPhrase; // "bars, who place orders"
                                possessionOwner = null;
                                lastWasComplement = false;
                                verb = null;
                                lastPhrase = null;
                            }
                        }
                        i++;
                    }
                    case CONJ, COMMA -> {
                        if (t.tag() == Tag.CONJ && !t.lower().equals("and") && !t.lower().equals("or") && !t.lower().equals("plus")) {
                            resetClause(); // "when the work is done …" starts another clause
                        }
                        if (t.tag() == Tag.COMMA) {
                            nested = null;
                        }
                        afterConjunction = true;
                        i++;
                    }
                    case DET, ADJ, NOUN, NUM -> {
                        int[] end = new int[1];
                        NounPhrase np = phrase(i, end);
                        if (np == null) {
                            i = Math.max(end[0], i + 1);
                            continue;
                        }
                        i = end[0];
                        place(np, preposition);
                        preposition = null;
                    }
                    default -> i++;
                }
            }
        }

        private boolean afterConjunctionBefore(NounPhrase np) {
            int start = np.first() - 1;
            return start < 0 || Set.of(Tag.CONJ, Tag.COMMA, Tag.BREAK, Tag.PRON).contains(tokens.get(start).tag());
        }

        private boolean subjectPerson() {
            return subject != null && Lexicon.person(subject.head());
        }

        private void replaceSlot(NounPhrase np, Slot slot) {
            for (int k = mentions.size() - 1; k >= 0; k--) {
                if (mentions.get(k).phrase() == np) {
                    mentions.set(k, new Mention(np, slot, mentions.get(k).verb()));
                    return;
                }
            }
        }

        /** Puts a noun phrase into the clause: an attribute of an owner, an object, or a complement of the phrase before. */
        private void place(NounPhrase np, String preposition) {
            if (possessionOwner != null && nested != null && preposition == null) {
                attributes.add(new Attribute(nested, np, List.of()));
                mentions.add(new Mention(np, Slot.ITEM, verb));
                lastPhrase = np;
                return;
            }
            if (possessionOwner != null && (preposition == null || preposition.equals("with") && lastPhrase == possessionOwner)) {
                if (pendingShared != null && np.words().size() > 1 && pendingShared.words().size() == 1) {
                    // "a pickup and a drop-off address" → pickup address, drop-off address
                    List<String> shared = new ArrayList<>(pendingShared.words());
                    shared.add(np.head());
                    NounPhrase distributed = new NounPhrase(shared, pendingShared.plural(), sentence, sentenceText, pendingShared.first(),
                            pendingShared.last());
                    attributes.removeIf(a -> a.item() == pendingShared);
                    attributes.add(new Attribute(possessionOwner, distributed, List.of()));
                }
                attributes.add(new Attribute(possessionOwner, np, List.of()));
                mentions.add(new Mention(np, Slot.ITEM, verb));
                pendingShared = np.words().size() == 1 && nextIsAnd(np) ? np : null;
                lastPhrase = np;
                lastWasComplement = false;
                return;
            }
            if (possessionOwner != null && preposition != null && lastPhrase != null && lastPhrase != possessionOwner) {
                if (preposition.equals("of") || preposition.equals("per")) {
                    // "date of birth", "type of work", "price per head": one attribute in several words
                    NounPhrase item = lastPhrase;
                    List<String> merged = new ArrayList<>(item.words());
                    merged.add(preposition);
                    merged.addAll(np.words());
                    NounPhrase joined = new NounPhrase(merged, item.plural(), sentence, sentenceText, item.first(), np.last());
                    attributes.replaceAll(a -> a.item() == item ? new Attribute(a.owner(), joined, a.values()) : a);
                    mentions.replaceAll(m -> m.phrase() == item ? new Mention(joined, m.slot(), m.verb()) : m);
                    lastPhrase = joined;
                    return;
                }
                if (preposition.equals("with")) {
                    // "menu items with quantities and a price": attributes of the item
                    NounPhrase item = lastPhrase;
                    attributes.add(new Attribute(item, np, List.of()));
                    mentions.add(new Mention(np, Slot.ITEM, verb));
                    nested = item;
                    lastPhrase = np;
                    return;
                }
            }
            if (preposition != null) {
                NounPhrase anchor = lastPhrase != null && directlyBefore(lastPhrase, np) ? lastPhrase
                        : object != null ? object : subject;
                if (anchor != null && anchor != np) {
                    links.add(new Link(anchor, preposition, np));
                }
                mentions.add(new Mention(np, Slot.COMPLEMENT, verb));
                lastPhrase = np;
                lastWasComplement = true;
                return;
            }
            if (verb != null && object == null) {
                object = np;
                mentions.add(new Mention(np, Slot.OBJECT, verb));
                if (subject != null && !passive) {
                    actions.add(new Action(subject, verb, np));
                }
            } else if (verb != null && lastPhrase == object && object != null && !afterConjunctionBefore(np)) {
                mentions.add(new Mention(np, Slot.OBJECT, verb)); // "send the customer an invoice"
                object = np;
                if (subject != null && !passive) {
                    actions.add(new Action(subject, verb, np));
                }
            } else if (verb != null && object != null && afterConjunctionBefore(np) && !nextIsVerb(np)) {
                mentions.add(new Mention(np, Slot.OBJECT, verb)); // "desks or meeting rooms"
                if (subject != null && !passive) {
                    actions.add(new Action(subject, verb, np));
                }
            } else {
                mentions.add(new Mention(np, Slot.SUBJECT, null)); // a subject until a verb says otherwise
            }
            lastPhrase = np;
            lastWasComplement = false;
        }

        private boolean nextIsAnd(NounPhrase np) {
            int end = np.last() + 1;
            return end < tokens.size() && tokens.get(end).lower().equals("and");
        }

        private boolean nextIsVerb(NounPhrase np) {
            for (int k = np.last() + 1; k < tokens.size(); k++) {
                Tag tag = tokens.get(k).tag();
                if (tag == Tag.NOUN || tag == Tag.ADJ) {
                    continue;
                }
                return tag == Tag.VERB || tag == Tag.AUX;
            }
            return false;
        }

        private boolean directlyBefore(NounPhrase before, NounPhrase np) {
            int k = np.first() - 1;
            return k > 0 && tokens.get(k).tag() == Tag.PREP && k - 1 == before.last();
        }

        /**
         * The noun phrase starting at {@code from} (determiners and adjectives, then nouns); null when
         * there is no noun. {@code end[0]} is set past it. Adjectives are dropped from the words.
         */
        private NounPhrase phrase(int from, int[] end) {
            int i = from;
            while (i < tokens.size() && (tokens.get(i).tag() == Tag.DET || tokens.get(i).tag() == Tag.NUM)) {
                i++;
            }
            List<String> words = new ArrayList<>();
            int last = -1;
            while (i < tokens.size() && (tokens.get(i).tag() == Tag.ADJ || tokens.get(i).tag() == Tag.NOUN)) {
                Token t = tokens.get(i);
                if (t.tag() == Tag.NOUN) {
                    words.add(t.lower());
                    last = i;
                } else if (!words.isEmpty()) {
                    words.clear(); // "time-sensitive new orders": an adjective after nouns starts over
                }
                i++;
            }
            end[0] = i;
            if (words.isEmpty()) {
                return null;
            }
            String head = words.get(words.size() - 1);
            boolean plural = Singular.plural(head);
            words.set(words.size() - 1, Singular.of(head));
            return new NounPhrase(List.copyOf(words), plural, sentence, sentenceText, from, last);
        }

        private void resetClause() {
            subject = null;
            subjectIsWe = false;
            passive = false;
            verb = null;
            object = null;
            possessionOwner = null;
            lastPhrase = null;
            lastWasComplement = false;
            pendingShared = null;
            nested = null;
        }
    }
}
