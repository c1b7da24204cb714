package dev.planc.compiler.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Random syntactically valid plans as text. A plan is first generated as a list of lexer tokens
 * following the grammar (every declaration kind, every attribute form, expressions, keywords used
 * as names, optional semicolons), then the gaps between tokens are filled with random trivia:
 * spaces, tabs, newlines and blank lines, CRLF, line and block comments (with non-ASCII text), or
 * nothing at all where the two tokens cannot run together.
 */
public final class PlanTextGenerator {
    private PlanTextGenerator() {}

    /** Every reserved word of the lexer. */
    static final Set<String> KEYWORDS = Set.of("plan", "start", "timezone", "currency", "calendar", "hours_per_day",
            "days_per_week", "workdays", "hours", "holiday", "extends", "resource", "capacity", "rate", "leave",
            "team", "members", "task", "contingent", "duration", "effort", "assign", "after", "finish", "deadline",
            "priority", "budget", "cost", "note", "milestone", "goal", "milestones", "owner", "metric", "unit",
            "baseline", "target", "by", "tolerance", "lower_is_better", "contingency", "when", "then", "once",
            "include", "notify", "activate", "escalate", "or", "and", "not", "true", "false");

    /** Keywords the grammar also accepts as names (all but {@code or}, {@code and}, {@code not}). */
    private static final List<String> KEYWORD_NAMES = KEYWORDS.stream()
            .filter(k -> !k.equals("or") && !k.equals("and") && !k.equals("not"))
            .sorted()
            .toList();

    // ------------------------------------------------------------------ whole files

    public static Arbitrary<String> plans() {
        return topDeclaration().list().ofMinSize(0).ofMaxSize(6).flatMap(decls -> {
            List<String> tokens = new ArrayList<>();
            decls.forEach(tokens::addAll);
            return Combinators.combine(gap().list().ofSize(tokens.size()), finalGap()).as((gaps, last) -> {
                List<String> all = new ArrayList<>(gaps);
                all.add(last);
                return join(tokens, all);
            });
        });
    }

    /** Interleaves tokens and trivia; a missing gap between tokens that would run together becomes a space. */
    static String join(List<String> tokens, List<String> gaps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i <= tokens.size(); i++) {
            String gap = gaps.get(i);
            if (i > 0 && i < tokens.size() && gap.isEmpty() && runTogether(tokens.get(i - 1), tokens.get(i))) {
                gap = " ";
            }
            out.append(gap);
            if (i < tokens.size()) {
                out.append(tokens.get(i));
            }
        }
        return out.toString();
    }

    private static boolean runTogether(String left, String right) {
        char a = left.charAt(left.length() - 1);
        char b = right.charAt(0);
        if (word(a) && word(b)) {
            return true;
        }
        if ((a == '/' || a == '*') && (b == '/' || b == '*')) {
            return true;
        }
        if ((a == '<' || a == '>' || a == '=' || a == '!') && b == '=') {
            return true;
        }
        return (a == '.' || Character.isDigit(a)) && (b == '.' || Character.isDigit(b));
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '%' || c == '.';
    }

    // ------------------------------------------------------------------ trivia

    private static final List<String> COMMENT_TEXTS = List.of("note", "TODO: check with bob", "ünïcödé ✓",
            "🚀 launch day 🎉", "a*b / c", "x /* not nested", "# hash", "", "trailing spaces   ", "\ttab inside",
            "{ } ; \"quoted\" ( )", "日本語のコメント", "שלום", "--", "*", "a\u00a0nbsp");

    static Arbitrary<String> gap() {
        Arbitrary<String> text = Arbitraries.of(COMMENT_TEXTS);
        Arbitrary<String> indent = Arbitraries.of("", "  ", "    ", "\t", "      ");
        return new Choice<String>()
                .add(40, Arbitraries.just(" "))
                .add(10, Arbitraries.just(""))
                .add(15, indent.map(i -> "\n" + i))
                .add(5, indent.map(i -> "\n\n" + i))
                .add(2, indent.map(i -> "\n\n\n\n" + i))
                .add(3, Arbitraries.of("\t", "   ", " \t ", "\f", "\r\n", "\r\n\r\n  ", " \n \n "))
                .add(4, Combinators.combine(text, indent).as((t, i) -> " # " + t + "\n" + i))
                .add(4, Combinators.combine(text, indent).as((t, i) -> "\n" + i + "#" + t + "\n" + i))
                .add(4, Combinators.combine(text, indent).as((t, i) -> " /* " + t + " */ "))
                .add(2, Combinators.combine(text, text, indent).as((t, u, i) -> "\n" + i + "/* " + t + "\n" + i
                        + "   " + u + "\n*/\n" + i))
                .add(2, Combinators.combine(text, text, indent).as((t, u, i) -> "\n\n" + i + "# " + t + "\n" + i
                        + "/*" + u + "*/" + "\n\n" + i))
                .add(1, Combinators.combine(text, text).as((t, u) -> "/*" + t + "*//*" + u + "*/"))
                .add(2, Combinators.combine(text, text, indent).as((t, u, i) -> " /* " + t + "\n" + i + u + " */ "))
                .add(1, Combinators.combine(text, text).as((t, u) -> "/*" + t + "\r" + u + "\r\n*/"))
                .add(1, Arbitraries.of("\r", " \r\r "))
                .build();
    }

    /** What ends the file: like any gap, or a line comment without a final newline, or nothing. */
    static Arbitrary<String> finalGap() {
        return new Choice<String>()
                .add(4, gap())
                .add(2, Arbitraries.of("\n", "", "\n\n\n", "\r\n"))
                .add(1, Arbitraries.of(COMMENT_TEXTS).map(t -> "\n# " + t))
                .add(1, Arbitraries.of(COMMENT_TEXTS).map(t -> " /* " + t + " */"))
                .build();
    }

    // ------------------------------------------------------------------ declarations

    static Arbitrary<List<String>> topDeclaration() {
        return new Choice<List<String>>()
                .add(2, plan())
                .add(2, calendar())
                .add(3, resource())
                .add(2, team())
                .add(5, task(3))
                .add(2, milestone())
                .add(2, goal())
                .add(1, metric())
                .add(3, contingency())
                .add(1, seq(tok("include"), one(string()), semi()))
                .build();
    }

    private static Arbitrary<List<String>> block(Arbitrary<List<String>> header, Arbitrary<List<String>> member,
            int maxMembers) {
        return seq(header, tok("{"), flat(member.list().ofMaxSize(maxMembers)), tok("}"));
    }

    static Arbitrary<List<String>> plan() {
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(3, seq(tok("start"), one(date())))
                .add(1, seq(tok("timezone"), one(string())))
                .add(1, seq(tok("currency"), one(plainId())))
                .add(1, seq(tok("calendar"), name()))
                .add(1, seq(tok("hours_per_day"), number()))
                .add(1, seq(tok("days_per_week"), number()))
                .add(1, seq(tok("note"), one(string())))
                .build();
        return block(seq(tok("plan"), optional(one(string()))), seq(attr, semi()), 5);
    }

    static Arbitrary<List<String>> calendar() {
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(2, seq(tok("workdays"), plainId().list().ofMinSize(1).ofMaxSize(5)))
                .add(2, seq(tok("hours"), separated(timeRange(), ",", 1, 3)))
                .add(2, seq(tok("holiday"), dateRange(), optional(one(string()))))
                .add(1, seq(tok("extends"), name()))
                .build();
        return block(seq(tok("calendar"), name()), seq(attr, semi()), 5);
    }

    static Arbitrary<List<String>> resource() {
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(2, seq(tok("capacity"), one(amount())))
                .add(2, seq(tok("rate"), money(), tok("/"), one(new Choice<String>().add(3, Arbitraries.of("d", "h")).add(1, plainId()).build())))
                .add(1, seq(tok("calendar"), name()))
                .add(1, seq(tok("leave"), dateRange(), optional(one(string()))))
                .add(1, seq(tok("note"), one(string())))
                .build();
        return block(seq(tok("resource"), name(), optional(one(string()))), seq(attr, semi()), 4);
    }

    static Arbitrary<List<String>> team() {
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(3, seq(tok("members"), separated(name(), ",", 1, 4)))
                .add(1, seq(tok("note"), one(string())))
                .build();
        return block(seq(tok("team"), name(), optional(one(string()))), seq(attr, semi()), 3);
    }

    static Arbitrary<List<String>> task(int depth) {
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(3, seq(tok("duration"), one(duration())))
                .add(3, seq(tok("effort"), one(duration())))
                .add(3, seq(tok("assign"), separated(seq(name(), optional(seq(tok(":"), one(amount())))), ",", 1, 3)))
                .add(3, seq(tok("after"), separated(dependency(), ",", 1, 3)))
                .add(1, seq(tok("finish"), tok("after"), dependency()))
                .add(1, seq(tok("start"), tok(">="), one(date())))
                .add(1, seq(tok("deadline"), one(date())))
                .add(1, seq(tok("priority"), number()))
                .add(1, seq(tok("budget"), money()))
                .add(1, seq(tok("cost"), money()))
                .add(1, seq(tok("note"), one(string())))
                .build();
        Choice<List<String>> member = new Choice<List<String>>().add(6, seq(attr, semi()));
        if (depth > 1) {
            member.add(2, Arbitraries.lazy(() -> task(depth - 1))).add(1, milestone());
        }
        Arbitrary<List<String>> header = seq(tok("task"), name(), optional(one(string())), optional(tok("contingent")));
        return block(header, member.build(), depth > 1 ? 4 : 3);
    }

    static Arbitrary<List<String>> milestone() {
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(3, seq(tok("after"), separated(dependency(), ",", 1, 3)))
                .add(1, seq(tok("finish"), tok("after"), dependency()))
                .add(1, seq(tok("start"), tok(">="), one(date())))
                .add(2, seq(tok("deadline"), one(date())))
                .add(1, seq(tok("note"), one(string())))
                .build();
        return block(seq(tok("milestone"), name(), optional(one(string()))), seq(attr, semi()), 3);
    }

    static Arbitrary<List<String>> goal() {
        Arbitrary<List<String>> member = new Choice<List<String>>()
                .add(2, seq(tok("milestones"), separated(ref(), ",", 1, 3), semi()))
                .add(1, seq(tok("owner"), name(), semi()))
                .add(1, seq(tok("note"), one(string()), semi()))
                .add(2, metric())
                .build();
        return block(seq(tok("goal"), name(), optional(one(string()))), member, 4);
    }

    static Arbitrary<List<String>> metric() {
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(1, seq(tok("unit"), one(string())))
                .add(2, seq(tok("baseline"), number()))
                .add(2, seq(tok("target"), number(), tok("by"), one(date())))
                .add(1, seq(tok("tolerance"), one(amount())))
                .add(1, tok("lower_is_better"))
                .add(1, seq(tok("note"), one(string())))
                .build();
        return block(seq(tok("metric"), name(), optional(one(string()))), seq(attr, semi()), 4);
    }

    static Arbitrary<List<String>> contingency() {
        Arbitrary<List<String>> action = new Choice<List<String>>()
                .add(2, seq(tok("notify"), name(), one(string())))
                .add(2, seq(tok("activate"), ref()))
                .add(1, seq(tok("escalate"), one(string())))
                .build();
        Arbitrary<List<String>> attr = new Choice<List<String>>()
                .add(3, seq(tok("when"), expr(2)))
                .add(3, seq(tok("then"), tok("{"), flat(seq(action, semi()).list().ofMaxSize(3)), tok("}")))
                .add(1, tok("once"))
                .add(1, seq(tok("note"), one(string())))
                .build();
        return block(seq(tok("contingency"), name(), optional(one(string()))), seq(attr, semi()), 4);
    }

    // ------------------------------------------------------------------ expressions (following the grammar)

    static Arbitrary<List<String>> expr(int depth) {
        return separated(and(depth), "or", 1, 2);
    }

    private static Arbitrary<List<String>> and(int depth) {
        return separated(not(depth), "and", 1, 2);
    }

    private static Arbitrary<List<String>> not(int depth) {
        Choice<List<String>> c = new Choice<List<String>>().add(5, comparison(depth));
        if (depth > 0) {
            c.add(1, Arbitraries.lazy(() -> seq(tok("not"), not(depth - 1))));
        }
        return c.build();
    }

    private static Arbitrary<List<String>> comparison(int depth) {
        Arbitrary<List<String>> op = Arbitraries.of("<", "<=", ">", ">=", "==", "!=").map(List::of);
        return seq(additive(depth), optional(seq(op, additive(depth))));
    }

    private static Arbitrary<List<String>> additive(int depth) {
        return chain(multiplicative(depth), Arbitraries.of("+", "-"));
    }

    private static Arbitrary<List<String>> multiplicative(int depth) {
        return chain(unary(depth), Arbitraries.of("*", "/"));
    }

    private static Arbitrary<List<String>> unary(int depth) {
        Choice<List<String>> c = new Choice<List<String>>().add(8, primary(depth));
        if (depth > 0) {
            c.add(1, Arbitraries.lazy(() -> seq(tok("-"), unary(depth - 1))));
        }
        return c.build();
    }

    private static Arbitrary<List<String>> primary(int depth) {
        Choice<List<String>> c = new Choice<List<String>>()
                .add(3, seq(one(plainId()), optional(seq(tok("."), one(plainId())))))
                .add(2, one(unsigned())) // no sign here: unary minus does that
                .add(1, money())
                .add(1, one(percent()))
                .add(2, one(duration()))
                .add(1, one(date()))
                .add(1, one(Arbitraries.of("true", "false")));
        if (depth > 0) {
            c.add(2, Arbitraries.lazy(() -> seq(tok("("), expr(depth - 1), tok(")"))));
        }
        return c.build();
    }

    private static Arbitrary<List<String>> chain(Arbitrary<List<String>> operand, Arbitrary<String> op) {
        return Combinators.combine(operand, Combinators.combine(op, operand).as((o, x) -> {
            List<String> l = new ArrayList<>();
            l.add(o);
            l.addAll(x);
            return l;
        }).list().ofMaxSize(2)).as((first, rest) -> {
            List<String> l = new ArrayList<>(first);
            rest.forEach(l::addAll);
            return l;
        });
    }

    // ------------------------------------------------------------------ values

    /** An identifier that is not a keyword. */
    static Arbitrary<String> plainId() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').with('_', 'A', 'Q', 'Z');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_', 'X')
                .ofMaxLength(8);
        return Combinators.combine(first, rest).as((f, r) -> f + r).filter(s -> !KEYWORDS.contains(s));
    }

    /** A name: usually a plain identifier, sometimes a keyword (the grammar allows them as names). */
    static Arbitrary<List<String>> name() {
        return new Choice<String>().add(12, plainId()).add(1, Arbitraries.of(KEYWORD_NAMES)).build().map(List::of);
    }

    static Arbitrary<List<String>> ref() {
        return separated(name(), ".", 1, 3);
    }

    static Arbitrary<List<String>> dependency() {
        return seq(ref(), optional(seq(one(Arbitraries.of("+", "-")), one(duration()))));
    }

    static Arbitrary<String> digits() {
        return new Choice<String>()
                .add(5, Arbitraries.integers().between(0, 999).map(String::valueOf))
                .add(1, Arbitraries.integers().between(0, 99).map(i -> "00" + i))
                .add(1, Arbitraries.longs().between(0, Long.MAX_VALUE).map(l -> l + "000000"))
                .build();
    }

    static Arbitrary<String> unsigned() {
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(digits(), optional(fraction.map(List::of)))
                .as((i, f) -> f.isEmpty() ? i : i + "." + f.get(0));
    }

    /** {@code number}: an optional minus, then a number (two tokens when signed). */
    static Arbitrary<List<String>> number() {
        return seq(optional(tok("-")), one(unsigned()));
    }

    static Arbitrary<String> percent() {
        return unsigned().map(n -> n + "%");
    }

    static Arbitrary<String> amount() {
        return new Choice<String>().add(1, unsigned()).add(1, percent()).build();
    }

    /**
     * Words the parser may read as a duration unit after a number and a space ({@code 10 d},
     * {@code 3 days}); never generated as a currency, so the generated plans do not depend on
     * exactly where the parser applies that rule.
     */
    static final Set<String> UNIT_WORDS = Set.of("min", "h", "d", "w", "emin", "eh", "ed", "ew", "mins", "minute",
            "minutes", "hr", "hrs", "hour", "hours", "day", "days", "wk", "wks", "week", "weeks");

    static Arbitrary<List<String>> money() {
        Arbitrary<String> currency = new Choice<String>()
                .add(3, Arbitraries.of("EUR", "USD", "GBP", "chf"))
                .add(1, plainId().filter(id -> !UNIT_WORDS.contains(id)))
                .build();
        return seq(one(unsigned()), optional(one(currency)));
    }

    static Arbitrary<String> duration() {
        return new Choice<String>()
                .add(12, Combinators.combine(unsigned(), Arbitraries.of("min", "h", "d", "w", "emin", "eh", "ed", "ew"))
                        .as((n, u) -> n + u))
                .add(1, unsigned()) // no unit: valid syntax, validation reports it
                .add(1, Combinators.combine(unsigned(), Arbitraries.of("days", "x", "EUR", "d2")).as((n, u) -> n + u))
                .build();
    }

    static Arbitrary<String> date() {
        Arbitrary<String> day = Combinators.combine(Arbitraries.integers().between(1990, 2099),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59)).as((h, m) -> String.format("T%02d:%02d", h, m));
        return Combinators.combine(day, optional(time.map(List::of))).as((d, t) -> t.isEmpty() ? d : d + t.get(0));
    }

    static Arbitrary<List<String>> dateRange() {
        return seq(one(date()), optional(seq(tok(".."), one(date()))));
    }

    static Arbitrary<List<String>> timeRange() {
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 59), Arbitraries.of(true, false))
                .as((h, m, pad) -> (pad ? String.format("%02d", h) : String.valueOf(h)) + String.format(":%02d", m));
        return seq(one(time), tok("-"), one(time));
    }

    /** A string token: random pieces, each raw text or an escape, all valid inside a string. */
    static Arbitrary<String> string() {
        Arbitrary<String> piece = new Choice<String>()
                .add(10, Arbitraries.strings().alpha().numeric().withChars(' ', '-', '.').ofMaxLength(6))
                .add(3, Arbitraries.of("\\\"", "\\\\", "\\n", "\\t"))
                .add(2, Arbitraries.of("\\u{1F680}", "\\u{e9}", "\\u{7}", "\\u{1b}", "\\u{0041}", "\\u{10FFFF}", "\\u{85}"))
                .add(3, Arbitraries.of("é", "🚀", "日本", "Größe", "ש", "\u00a0", "\u200b", "\u2028"))
                .add(2, Arbitraries.of("#", "/*", "*/", "{", "}", ";", "'", "%", "\t"))
                .build();
        return piece.list().ofMaxSize(6).map(ps -> "\"" + String.join("", ps) + "\"");
    }

    // ------------------------------------------------------------------ combinators

    static Arbitrary<List<String>> tok(String... tokens) {
        return Arbitraries.just(List.of(tokens));
    }

    static Arbitrary<List<String>> one(Arbitrary<String> token) {
        return token.map(List::of);
    }

    static Arbitrary<List<String>> semi() {
        return new Choice<List<String>>().add(3, tok()).add(1, tok(";")).build();
    }

    static Arbitrary<List<String>> optional(Arbitrary<List<String>> part) {
        return new Choice<List<String>>().add(1, tok()).add(1, part).build();
    }

    static Arbitrary<List<String>> flat(Arbitrary<List<List<String>>> lists) {
        return lists.map(ls -> {
            List<String> out = new ArrayList<>();
            ls.forEach(out::addAll);
            return out;
        });
    }

    static Arbitrary<List<String>> separated(Arbitrary<List<String>> item, String separator, int min, int max) {
        return item.list().ofMinSize(min).ofMaxSize(max).map(items -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.add(separator);
                }
                out.addAll(items.get(i));
            }
            return out;
        });
    }

    @SafeVarargs
    static Arbitrary<List<String>> seq(Arbitrary<List<String>>... parts) {
        List<Arbitrary<List<String>>> all = new ArrayList<>(parts.length);
        for (Arbitrary<List<String>> part : parts) {
            all.add(part);
        }
        return Combinators.combine(all).as(lists -> {
            List<String> out = new ArrayList<>();
            lists.forEach(out::addAll);
            return out;
        });
    }

    /** A weighted choice without generic varargs. */
    static final class Choice<T> {
        private final List<Tuple2<Integer, Arbitrary<T>>> options = new ArrayList<>();

        Choice<T> add(int weight, Arbitrary<T> option) {
            options.add(Tuple.of(weight, option));
            return this;
        }

        Arbitrary<T> build() {
            return Arbitraries.frequencyOf(options);
        }
    }
}
