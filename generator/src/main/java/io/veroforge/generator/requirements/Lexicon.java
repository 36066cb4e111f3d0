package io.veroforge.generator.requirements;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The closed word classes of English business prose that a noun-phrase chunker needs, and the
 * few open-class lists that say what a phrase is (a field, a person, a thing no app stores).
 * A word in none of them is taken for a noun: requirements are mostly nouns and a few verbs.
 */
final class Lexicon {

    private Lexicon() {
    }

    static final Set<String> DETERMINERS = set("a", "an", "the", "each", "every", "all", "any", "some", "their", "its", "his",
            "her", "our", "your", "my", "this", "that", "these", "those", "no", "another", "both", "either", "neither", "which",
            "whose", "what", "such", "one", "two", "three", "four", "five", "ten", "several", "many", "multiple", "few", "more",
            "most", "much", "other", "same", "own", "various", "different", "certain", "given", "specific", "single", "extra",
            "additional", "new", "existing", "whole", "entire", "up", "least");

    static final Set<String> PREPOSITIONS = set("for", "of", "to", "from", "in", "on", "at", "with", "by", "per", "about", "into",
            "through", "after", "before", "during", "between", "under", "over", "within", "via", "across", "against", "among",
            "around", "until", "than", "as", "like", "without", "out", "off", "onto", "upon", "behind", "beside", "near", "along");

    static final Set<String> CONJUNCTIONS = set("and", "or", "but", "nor", "plus", "then", "so", "because", "if", "when",
            "whenever", "once", "while", "where", "unless", "whether", "although", "though", "since", "after", "before");

    static final Set<String> PRONOUNS = set("they", "we", "it", "who", "whom", "them", "he", "she", "us", "you", "i", "me",
            "him", "there", "here", "something", "everything", "anything", "someone", "everyone", "anyone", "nothing", "itself",
            "themselves", "ourselves", "what", "which", "that", "whoever", "one");

    static final Set<String> AUXILIARIES = set("is", "are", "was", "were", "be", "been", "being", "am", "can", "could", "may",
            "might", "must", "should", "shall", "will", "would", "do", "does", "did", "done", "don't", "doesn't", "cannot", "to",
            "get", "gets", "got");

    static final Set<String> ADVERBS = set("also", "only", "then", "not", "never", "always", "usually", "often", "later", "first",
            "again", "already", "just", "still", "even", "online", "monthly", "weekly", "daily", "yearly", "annually", "quarterly",
            "hourly", "automatically", "manually", "directly", "immediately", "soon", "now", "today", "tomorrow", "together",
            "back", "away", "in", "out", "up", "down", "over", "well", "very", "too", "either", "instead", "each", "per", "ahead");

    /** Adjectives that only qualify: dropped from an entity's name ("moving crews" → Crew, "regular drivers" → Driver). */
    static final Set<String> ADJECTIVES = set("new", "regular", "monthly", "weekly", "daily", "yearly", "annual", "recurring",
            "private", "public", "commercial", "residential", "online", "local", "mobile", "custom", "open", "closed", "late",
            "early", "finished", "harvested", "approved", "written", "billable", "available", "unlimited", "certain", "main",
            "full", "partial", "free", "paid", "due", "overdue", "current", "previous", "next", "last", "big", "small", "large",
            "outbound", "inbound", "active", "inactive", "broken", "ready", "final", "initial", "internal", "external", "standard",
            "special", "favourite", "favorite", "preferred", "optional", "required", "mandatory", "individual", "physical",
            "digital", "electronic", "paper", "upcoming", "past", "future", "old", "young", "senior", "junior", "general",
            "specific", "separate", "maximum", "minimum", "total", "average", "possible", "relevant", "correct", "valid",
            "invalid", "pending", "completed", "scheduled", "confirmed", "cancelled", "canceled", "uploaded", "signed", "craft",
            "short", "long", "good", "bad", "happy", "unhappy", "whole", "high", "low", "urgent", "normal", "important",
            "fast", "simple", "nice", "easy", "quick", "modern", "secure", "reliable", "beautiful", "intuitive", "clean",
            "responsive", "friendly", "user-friendly", "robust", "scalable", "cheap", "great", "better", "best", "pretty", "slow");

    /** Words a field can be named by, whoever owns it. */
    static final Set<String> FIELD_HEADS = set("date", "time", "address", "name", "number", "amount", "price", "cost", "fee",
            "rate", "total", "budget", "premium", "description", "note", "notes", "comment", "status", "stage", "state",
            "priority", "email", "phone", "weight", "volume", "quantity", "capacity", "size", "count", "code", "title", "type",
            "kind", "level", "rating", "score", "hours", "hour", "mileage", "reading", "breed", "species", "allergy", "allergies",
            "subject", "message", "plate", "vin", "isbn", "sku", "barcode", "author", "model", "strength", "deadline",
            "duration", "length", "width", "height", "age", "birthday", "birth", "gender", "color", "colour", "url", "website",
            "photo", "picture", "image", "signature", "salary", "wage", "balance", "discount", "tax", "vat", "currency",
            "percentage", "quota", "limit", "temperature", "distance", "area", "odometer", "label", "tag", "reference", "id",
            "identifier", "password", "username", "instructions", "checklist", "spots", "seats", "grade", "result", "outcome",
            "feedback", "value", "year", "month", "day", "week", "period", "frequency", "location", "availability", "labour",
            "labor", "mark", "marks", "points", "dimensions", "remarks", "summary", "details", "deposit", "currency", "iban",
            "license", "licence", "insurance", "party", "volume");

    /**
     * Heads too general to name an entity without their modifier: "work order", "line item",
     * "membership plan", "room type" keep both words.
     */
    static final Set<String> GENERIC_HEADS = set("order", "item", "plan", "request", "record", "session", "event", "report",
            "type", "category", "line", "entry", "note", "log", "schedule", "slot", "policy", "account", "list", "period",
            "card", "claim", "return", "opening", "company", "contract", "pass", "class", "room", "transaction", "agent",
            "member", "package", "result", "ticket", "shipment", "payment", "receipt", "statement", "manager", "owner",
            "holder", "book", "usage", "rate", "fee");

    /** Single words that never make an entity on their own: places in general, time, the business itself, the software. */
    static final Set<String> NON_ENTITIES = set("time", "day", "week", "month", "year", "hour", "minute", "second", "end",
            "start", "beginning", "quarter", "today", "night", "morning", "evening", "way", "thing", "problem", "work", "system",
            "app", "platform", "software", "website", "site", "web", "office", "business", "company", "firm", "studio",
            "shop-floor", "information", "data", "detail", "details", "lot", "kind", "type", "part-time", "home", "house",
            "place", "people", "person", "everyone", "team", "us", "we", "them", "money", "stuff", "case", "number", "amount",
            "list", "online", "phone", "email", "e-mail", "message", "text", "name", "date", "status", "price", "cost",
            "hand", "minimum", "maximum", "total", "rest", "side", "front", "back", "top", "bottom", "kitchen",
            "city", "town", "country", "world", "area", "field-service", "industry", "market", "practice", "clinic-wide",
            "head", "question", "answer", "need", "needs", "use", "help", "lab", "library", "cinema", "farm", "league",
            "brewery", "bakery", "school", "hotel", "restaurant", "gym", "space", "garage-door", "beer", "food", "produce",
            "something", "anything", "hire", "desk", "front-desk", "housekeeping", "reception", "billing", "management",
            "support", "sales", "payroll", "marketing", "finance", "stock", "inventory-level", "weather", "value", "half",
            "liter", "litre", "kilogram", "kg", "mile", "kilometer", "percent", "euro", "dollar", "cent", "one", "head-count",
            "check-in", "check-out", "pick-up", "pickup", "drop-off", "result", "ones", "own", "dates", "times", "timeslot");

    /** Heads that stand for the place or the organisation of their modifier: "client business" is the client, "the client's home" too. */
    static final Set<String> MODIFIER_HEADS = set("business", "home", "house", "site", "place", "premises", "household", "side");

    /** Nouns that only count or group what follows ("a fleet of trucks"): the thing is the "of" phrase. */
    static final Set<String> COLLECTIVES = set("fleet", "group", "set", "range", "collection", "series", "number", "lot", "pair",
            "bunch", "variety", "selection", "network", "chain", "portfolio", "catalog", "catalogue", "pool", "kind", "sort",
            "type", "list", "batch-of", "couple-of", "dozen", "handful", "majority", "rest", "part", "piece");

    /** People words the suffix test misses, or that it would take for things. */
    static final Set<String> PERSONS = set("staff", "chef", "cook", "guest", "client", "patient", "student", "pupil", "nurse",
            "doctor", "vet", "dentist", "surgeon", "lawyer", "attorney", "agent", "clerk", "tenant", "landlord", "resident",
            "parent", "child", "couple", "family", "guardian", "candidate", "applicant", "donor", "volunteer", "member", "owner",
            "learner", "buyer", "seller", "vendor", "supplier", "contractor", "subcontractor", "mechanic", "technician",
            "electrician", "plumber", "cleaner", "driver", "courier", "coach", "trainer", "instructor", "teacher", "tutor",
            "groomer", "florist", "pharmacist", "accountant", "receptionist", "dispatcher", "manager", "coordinator",
            "planner", "recruiter", "interviewer", "inspector", "examiner", "referee", "player", "speaker", "attendee",
            "sponsor", "organizer", "organiser", "photographer", "caterer", "waiter", "waitress", "bartender", "homeowner",
            "shopper", "customer", "user", "admin", "administrator", "employee", "worker", "crew", "advisor", "adviser",
            "broker", "recipient", "author", "staffer", "engineer", "assistant", "officer", "cashier", "operator", "host",
            "hostess", "nanny", "therapist", "physician", "provider", "consultant", "freelancer", "artist", "musician",
            "athlete", "team", "housekeeper", "janitor", "guard", "porter", "bellhop", "concierge", "chaperone", "rider");

    /** Words ending like people ("-er", "-or", "-ist") that are things. */
    static final Set<String> NOT_PERSONS = set("order", "number", "folder", "center", "computer", "container", "trailer",
            "water", "paper", "letter", "voucher", "meter", "counter", "register", "master", "filter", "trigger", "ledger",
            "roster", "poster", "charger", "printer", "scanner", "router", "sensor", "monitor", "elevator", "motor", "tractor",
            "vendor-list", "quarter", "timer", "chapter", "parameter", "error", "color", "colour", "floor", "door", "interior",
            "exterior", "mirror", "calendar", "flavor", "flavour", "theater", "theatre", "cancer", "offer", "transfer",
            "identifier", "tier", "layer", "header", "footer", "cluster", "banner", "sticker", "binder", "cooler", "freezer",
            "heater", "boiler", "burner", "container", "dumpster", "list", "checklist", "playlist", "wishlist", "summer",
            "winter", "dinner", "supper", "burger", "locker", "hanger", "bumper", "liter", "litre", "meter", "metre", "sector",
            "factor", "vector", "mentor-ship", "reactor", "labor", "labour", "honor", "humor", "favor", "armor", "razor",
            "harbor", "neighbor-hood", "corridor", "anchor", "doctor-note", "tutor-ship", "reminder", "answer", "power",
            "tower", "flower", "shower", "cover", "member-ship", "tender", "gender", "border", "rubber", "leather", "feather",
            "weather", "river", "silver", "finger", "number", "partner-ship", "corner", "dinner", "odometer", "thermometer",
            "bouquet", "wafer", "mist", "list", "fist", "twist", "wrist", "interest", "contest", "forest", "request", "test",
            "protest", "harvest", "digest", "chest", "vest", "nest", "quest", "guest-list", "artist-list");

    /** Verbs (base forms); inflections are derived. */
    static final Set<String> VERBS = set("book", "order", "reserve", "rent", "hire", "buy", "sell", "pay", "charge", "bill",
            "invoice", "send", "receive", "deliver", "ship", "pick", "pack", "assign", "schedule", "track", "record", "log",
            "keep", "store", "manage", "maintain", "run", "create", "open", "close", "add", "remove", "update", "approve",
            "reject", "review", "submit", "sign", "register", "enroll", "enrol", "apply", "attend", "teach", "lead", "give",
            "take", "make", "see", "visit", "treat", "perform", "inspect", "grade", "post", "publish", "download", "upload",
            "import", "export", "categorize", "categorise", "prepare", "dispense", "report", "request", "return", "borrow",
            "lend", "collect", "handle", "clean", "serve", "offer", "brew", "package", "plant", "harvest", "match", "choose",
            "select", "browse", "check", "rate", "remind", "notify", "confirm", "cancel", "cost", "use", "consume", "replace",
            "write", "file", "list", "show", "include", "contain", "hold", "have", "need", "want", "become", "move", "belong",
            "bring", "drop", "call", "mark", "find", "subscribe", "settle", "park", "donate", "work", "happen", "go", "come",
            "leave", "join", "own", "lease", "cover", "produce", "require", "provide", "allow", "let", "help", "tell", "ask",
            "place", "sort", "route", "dispatch", "quote", "plan", "print", "scan", "fill", "set", "host", "organize",
            "organise", "invite", "earn", "calculate", "expire", "renew", "refund", "process", "fix", "repair", "install",
            "test", "drive", "load", "unload", "weigh", "measure", "stock", "issue", "accept", "decline", "verify", "validate",
            "grant", "hand", "appear", "reach", "start", "finish", "complete", "carry", "consist", "lists", "ferment", "leave",
            "sign", "pick", "deliver", "clean", "wash", "cut", "trim", "groom", "lend", "owe", "earn", "miss", "arrive",
            "depart", "stay", "eat", "cook", "bake", "supply", "purchase", "sell", "advertise", "promote", "approve", "assess",
            "evaluate", "examine", "diagnose", "prescribe", "vaccinate", "feed", "walk", "train", "coach", "study", "learn",
            "read", "borrow", "loan", "search", "filter", "export", "notify", "email", "text", "message", "phone", "call",
            "answer", "escalate", "resolve", "comment", "close", "reopen", "detect", "monitor", "alert", "forward", "share",
            "split", "merge", "link", "attach", "tag", "label", "describe", "capture", "note", "remember", "store", "sync",
            "generate", "send", "contact", "follow", "sit", "seat", "wait", "present", "act", "turn", "convert", "get",
            "do", "be", "let", "decide", "distribute", "allocate", "rotate", "volunteer", "worked", "concern", "tell", "pass",
            "fail", "sponsor", "speak", "talk", "mentor", "lodge", "occur", "face", "play", "score", "referee", "view", "see",
            "watch", "screen", "print", "pay", "deposit", "withdraw", "transfer", "reconcile", "budget", "audit", "insure",
            "claim", "underwrite", "quote", "cater", "photograph", "shoot", "edit", "retouch", "frame", "design", "draft",
            "build", "renovate", "demolish", "paint", "plumb", "wire", "survey", "consult", "counsel", "represent", "bill",
            "draw", "click", "browse", "rent", "fly", "rank", "choose", "post", "apply", "interview", "hire", "onboard",
            "open", "break", "list", "lists", "found", "done", "given", "made", "sent", "paid", "held", "kept", "led", "taught",
            "sold", "bought", "brought", "seen", "taken", "written", "chosen", "broken", "left", "run", "ran", "won", "met",
            "meet", "lost", "lose", "win", "put", "bring", "spend", "spent", "dispense", "refill", "want", "like", "love");

    /** Verbs that are also everyday nouns: which one a word is depends on what stands before it. */
    static final Set<String> NOUN_VERBS = set("book", "order", "record", "schedule", "plan", "report", "visit", "test", "rent",
            "return", "file", "list", "charge", "bill", "invoice", "quote", "price", "package", "stock", "issue", "check", "rate",
            "request", "cost", "match", "park", "lease", "harvest", "log", "post", "call", "review", "sign", "dispatch", "drop",
            "pick", "ship", "store", "work", "support", "process", "claim", "fine", "service", "design", "cover", "hold",
            "deposit", "name", "text", "message", "email", "phone", "label", "tag", "note", "comment", "screen", "score", "talk",
            "loan", "survey", "draft", "frame", "budget", "audit", "transfer", "play", "face", "pass", "repair", "seat",
            "interview", "referee", "sponsor", "coach", "mentor", "volunteer", "shoot", "photograph", "train", "walk",
            "feed", "search", "filter", "link", "alert", "monitor", "answer", "forward", "share", "split", "lodge", "print",
            "offer", "mark", "place", "sort", "route", "set", "host", "fill", "fix", "load", "measure", "grant", "hand", "need",
            "use", "help", "move", "start", "finish", "cut", "trim", "wash", "supply", "purchase", "stay", "cook", "study",
            "read", "contact", "present", "turn", "act", "view", "watch", "win", "meet", "spend", "refill", "club", "groom",
            "ferment", "paint", "wire", "rank", "edit", "retouch", "click", "draw", "attach", "capture", "sync", "escalate",
            "resolve", "detect", "dispense", "approve", "assess", "demolish", "renovate", "lend", "borrow", "collect", "clean",
            "treat", "teach", "attend", "cancel", "confirm", "remind", "pay", "sell", "buy", "hire", "run", "keep", "track");

    /** A set from a word list that may name a word twice (these lists are edited by hand). */
    private static Set<String> set(String... words) {
        return Set.copyOf(new HashSet<>(java.util.Arrays.asList(words)));
    }

    static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    private static final java.util.Map<String, String> IRREGULAR_VERBS = java.util.Map.ofEntries(
            java.util.Map.entry("has", "have"), java.util.Map.entry("had", "have"), java.util.Map.entry("having", "have"),
            java.util.Map.entry("made", "make"), java.util.Map.entry("gave", "give"), java.util.Map.entry("given", "give"),
            java.util.Map.entry("took", "take"), java.util.Map.entry("taken", "take"), java.util.Map.entry("sent", "send"),
            java.util.Map.entry("paid", "pay"), java.util.Map.entry("held", "hold"), java.util.Map.entry("kept", "keep"),
            java.util.Map.entry("led", "lead"), java.util.Map.entry("taught", "teach"), java.util.Map.entry("sold", "sell"),
            java.util.Map.entry("bought", "buy"), java.util.Map.entry("brought", "bring"), java.util.Map.entry("saw", "see"),
            java.util.Map.entry("seen", "see"), java.util.Map.entry("wrote", "write"), java.util.Map.entry("written", "write"),
            java.util.Map.entry("chose", "choose"), java.util.Map.entry("chosen", "choose"), java.util.Map.entry("found", "find"),
            java.util.Map.entry("left", "leave"), java.util.Map.entry("spent", "spend"), java.util.Map.entry("met", "meet"),
            java.util.Map.entry("ran", "run"), java.util.Map.entry("became", "become"), java.util.Map.entry("came", "come"),
            java.util.Map.entry("went", "go"), java.util.Map.entry("gone", "go"), java.util.Map.entry("done", "do"),
            java.util.Map.entry("did", "do"), java.util.Map.entry("does", "do"), java.util.Map.entry("lent", "lend"),
            java.util.Map.entry("broke", "break"), java.util.Map.entry("broken", "break"), java.util.Map.entry("put", "put"),
            java.util.Map.entry("won", "win"), java.util.Map.entry("lost", "lose"), java.util.Map.entry("told", "tell"),
            java.util.Map.entry("drew", "draw"), java.util.Map.entry("drawn", "draw"), java.util.Map.entry("drove", "drive"),
            java.util.Map.entry("driven", "drive"), java.util.Map.entry("ate", "eat"), java.util.Map.entry("eaten", "eat"));

    /** The base form of a verb ({@code books → book}, {@code scheduled → schedule}, {@code shipping → ship}), or null. */
    static String verbBase(String word) {
        String w = lower(word);
        if (IRREGULAR_VERBS.containsKey(w)) {
            return IRREGULAR_VERBS.get(w);
        }
        if (VERBS.contains(w)) {
            return w;
        }
        for (String candidate : candidates(w)) {
            if (VERBS.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Set<String> candidates(String w) {
        Set<String> out = new HashSet<>();
        if (w.endsWith("ies") && w.length() > 4) {
            out.add(w.substring(0, w.length() - 3) + "y");
        }
        if (w.endsWith("es") && w.length() > 3) {
            out.add(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 2) {
            out.add(w.substring(0, w.length() - 1));
        }
        for (String suffix : new String[]{"ed", "ing"}) {
            if (w.endsWith(suffix) && w.length() > suffix.length() + 2) {
                String stem = w.substring(0, w.length() - suffix.length());
                out.add(stem);
                out.add(stem + "e");
                if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                    out.add(stem.substring(0, stem.length() - 1));
                }
                if (stem.endsWith("i")) {
                    out.add(stem.substring(0, stem.length() - 1) + "y");
                }
            }
        }
        if (w.endsWith("d") && w.length() > 3) {
            out.add(w.substring(0, w.length() - 1));
        }
        return out;
    }

    static boolean isPastOrGerund(String word) {
        String w = lower(word);
        return (w.endsWith("ed") || w.endsWith("ing")) && verbBase(w) != null && !VERBS.contains(w) && !w.equals("having")
                || Set.of("done", "given", "made", "sent", "paid", "held", "kept", "led", "taught", "sold", "bought", "brought", "seen",
                "taken", "written", "chosen", "broken", "found", "left", "spent", "lost", "met", "won").contains(w);
    }

    static boolean isThirdPerson(String word) {
        String w = lower(word);
        return w.endsWith("s") && !w.endsWith("ss") && !VERBS.contains(w) && verbBase(w) != null || w.equals("lists") || w.equals("has")
                || w.equals("does");
    }

    /** A person by word list or by the agent suffixes English uses for jobs and parties. */
    static boolean person(String singular) {
        String w = lower(singular);
        if (PERSONS.contains(w)) {
            return true;
        }
        if (NOT_PERSONS.contains(w) || w.length() < 5) {
            return false;
        }
        return w.endsWith("er") || w.endsWith("or") || w.endsWith("ist") || w.endsWith("ian") || w.endsWith("ant")
                || w.endsWith("ee") && !w.endsWith("fee");
    }
}
