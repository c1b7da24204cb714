package dev.planc.compiler.syntax;

import dev.planc.compiler.Golden;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.planc.compiler.ast.Node;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.format.FormatCheck;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import dev.planc.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Mutates the example plans (byte ranges, tokens, single characters, lone surrogates) and checks
 * that {@link SyntaxParser#parse} never throws, that every diagnostic and every AST span lies
 * within the source, and that a mutant that happens to parse cleanly formats stably. Fixed seeds,
 * so a run is reproducible; the whole class stays within a few seconds.
 */
class ParserFuzzPropertyTest {

    private static final List<String> EXAMPLES = loadExamples();

    /** Text worth inserting: structure, comment and string delimiters, non-ASCII, controls. */
    private static final List<String> SNIPPETS = List.of("{", "}", "{ }", "\"", "\"\"", "/*", "*/", "#", "\n", "\r",
            "\r\n", "\t", "\\", "\\u{", "\\u{110000}", "\\u{D800}", "\\q", "(", ")", "((((", "))", "é", "🚀", "日本",
            "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\uFEFF", "\u200B", "\u00A0", "\u2028", "..", ".", "-", "+",
            ">=", "<", "==", "!=", "*", "/", ":", ",", ";", "%", "task", "milestone", "when", "then", "not", "and",
            "contingent", "start", "after", "finish", "0", "1.", ".5", "2027-02-30", "2027-01-04T25:61", "99:99",
            "9999999999999999999999999d", "3days", "\"unterminated", "/* unterminated", "# comment\n", "x.y.z");

    private static List<String> loadExamples() {
        Path dir = Repository.root().resolve("examples");
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".plan")).sorted().map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ mutations

    /** One edit; positions are fractions of the current length so they shrink and stay in range. */
    record Mutation(Kind kind, double at, double length, double other, String snippet) {
        enum Kind {
            DELETE_BYTES, DUPLICATE_BYTES, SWAP_BYTES, INSERT_SNIPPET,
            DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, INSERT_TOKEN, LONE_SURROGATE
        }

        String apply(String text) {
            return switch (kind) {
                case DELETE_BYTES, DUPLICATE_BYTES, SWAP_BYTES -> bytes(text);
                case INSERT_SNIPPET -> {
                    int i = index(at, text.length());
                    yield text.substring(0, i) + snippet + text.substring(i);
                }
                case DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, INSERT_TOKEN -> tokens(text);
                case LONE_SURROGATE -> {
                    int i = index(at, text.length());
                    if (i < text.length() && Character.isSurrogate(text.charAt(i))) {
                        yield text.substring(0, i) + text.substring(i + 1); // breaks a pair
                    }
                    yield text.substring(0, i) + (other < 0.5 ? '\uD83D' : '\uDE80') + text.substring(i);
                }
            };
        }

        /** Edits the UTF-8 bytes and decodes leniently, as an editor would show a damaged file. */
        private String bytes(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            int from = index(at, b.length);
            int len = Math.min(b.length - from, 1 + (int) (length * length * 200));
            byte[] out;
            if (kind == Kind.DELETE_BYTES) {
                out = concat(slice(b, 0, from), slice(b, from + len, b.length));
            } else if (kind == Kind.DUPLICATE_BYTES) {
                out = concat(slice(b, 0, from + len), slice(b, from, b.length));
            } else {
                int second = index(other, b.length);
                int a1 = Math.min(from, second);
                int a2 = Math.max(from, second);
                int l1 = Math.min(len, a2 - a1);
                int l2 = Math.min(len, b.length - a2);
                out = concat(concat(concat(slice(b, 0, a1), slice(b, a2, a2 + l2)),
                        concat(slice(b, a1 + l1, a2), slice(b, a1, a1 + l1))), slice(b, a2 + l2, b.length));
            }
            return new String(out, StandardCharsets.UTF_8);
        }

        private String tokens(String text) {
            List<String> t = tokenize(text);
            if (t.isEmpty()) {
                return snippet;
            }
            int i = index(at, t.size());
            int j = index(other, t.size());
            if (i >= t.size()) {
                i = t.size() - 1;
            }
            if (j >= t.size()) {
                j = t.size() - 1;
            }
            switch (kind) {
                case DELETE_TOKEN -> t.remove(i);
                case DUPLICATE_TOKEN -> t.add(i, t.get(i));
                case SWAP_TOKENS -> {
                    String x = t.get(i);
                    t.set(i, t.get(j));
                    t.set(j, x);
                }
                default -> t.add(i, snippet);
            }
            return String.join("", t);
        }

        private static int index(double fraction, int size) {
            return Math.max(0, Math.min(size, (int) (fraction * size)));
        }

        private static byte[] slice(byte[] b, int from, int to) {
            int f = Math.max(0, Math.min(from, b.length));
            int t = Math.max(f, Math.min(to, b.length));
            byte[] out = new byte[t - f];
            System.arraycopy(b, f, out, 0, out.length);
            return out;
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = new byte[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\\\n]|\\\\.)*\"|/\\*.*?\\*/|#[^\\n]*|[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9.:T%a-z-]*|\\s+|\\.\\.|[<>=!]=|.",
            Pattern.DOTALL);

    /** Rough lexer-like pieces: strings, comments, words, numbers, whitespace runs, operators. */
    static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Mutation.Kind.class), fraction, fraction,
                fraction, Arbitraries.of(SNIPPETS)).as(Mutation::new);
        Arbitrary<Integer> example = Arbitraries.integers().between(0, EXAMPLES.size() - 1);
        return Combinators.combine(example, mutation.list().ofMinSize(1).ofMaxSize(6)).as((e, ms) -> {
            String text = EXAMPLES.get(e);
            for (Mutation mu : ms) {
                text = mu.apply(text);
            }
            return text;
        });
    }

    /** Same as {@link #mutants()} but on one small plan, so that clean mutants (formatter cross-check) are common. */
    @Provide
    Arbitrary<String> smallMutants() {
        String small = "plan \"p\" { start 2027-01-04 }\n# c\ntask a \"A\" { duration 1d after b + 2d }\n"
                + "contingency c { when a.slip > 1d and (x < 2) then { notify bob \"m\" } }\n";
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
        List<Tuple2<Integer, Arbitrary<Mutation.Kind>>> kinds = List.of(
                Tuple.of(3, Arbitraries.of(Mutation.Kind.DELETE_TOKEN, Mutation.Kind.DUPLICATE_TOKEN,
                        Mutation.Kind.SWAP_TOKENS, Mutation.Kind.INSERT_TOKEN)),
                Tuple.of(1, Arbitraries.of(Mutation.Kind.class)));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.frequencyOf(kinds), fraction, fraction,
                fraction, Arbitraries.of(SNIPPETS)).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(3).map(ms -> {
            String text = small;
            for (Mutation mu : ms) {
                text = mu.apply(text);
            }
            return text;
        });
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 400, seed = "20270104")
    void mutatedExamplesNeverThrowAndSpansStayInside(@ForAll("mutants") String text) {
        check(text);
    }

    @Property(tries = 1000, seed = "4711")
    void mutatedSmallPlansNeverThrowAndCleanOnesFormatStably(@ForAll("smallMutants") String text) {
        Diagnostics diagnostics = check(text);
        if (diagnostics.size() == 0) {
            FormatCheck.check("mutant.plan", text);
        }
    }

    @Example
    void pathologicalInputs() {
        List<String> inputs = List.of("", "{", "}", "\"", "/*", "*/", "#", "\\", "\uFEFF", "\uD800", "\uDC00x",
                "{".repeat(5000), "}".repeat(5000), "(".repeat(5000), "task a { when " + "(".repeat(300),
                "contingency c { when " + "not ".repeat(20000) + "x }",
                "contingency c { when " + "- ".repeat(20000) + "x }",
                "contingency c { when x" + " + x".repeat(5000) + " }",
                "contingency c { when " + "(".repeat(190) + "x" + ")".repeat(190) + " }",
                "task a { after " + "x.".repeat(5000) + "y }",
                "task a \"" + "\\u{1F680}".repeat(5000) + "\" { }",
                "task a { note \"" + "x".repeat(200_000) + "\" }",
                "task " + "a".repeat(100_000) + " { }",
                "\u0000".repeat(100), "task a { duration 1" + "0".repeat(5000) + "d }",
                "task a { note \"\\u{FFFFFFFFFFFFFFFFFFFF}\" }", "task a { note \"\\u{}\" \"\\u{\" }",
                "/*" + "*".repeat(1000), "task".repeat(3000), "\r".repeat(1000) + "}",
                "plan \"\n\" {", "include", "include \"x\" include", "task a contingent contingent { }");
        for (String input : inputs) {
            check(input);
        }
    }

    /** Parses and checks the invariants; returns the diagnostics. */
    private static Diagnostics check(String text) {
        Source source = new Source("fuzz.plan", text);
        Diagnostics diagnostics = new Diagnostics();
        PlanFile file;
        try {
            file = SyntaxParser.parse(source, diagnostics);
        } catch (Throwable t) {
            throw new AssertionError("parse threw " + t + " for input " + visible(text), t);
        }
        for (Diagnostic d : diagnostics.all()) {
            Span s = d.span();
            assertSame(source, s.source(), () -> "diagnostic for another source: " + d.message());
            if (s.start() < 0 || s.end() < s.start() || s.end() > text.length()) {
                fail("diagnostic span " + s.start() + ".." + s.end() + " outside 0.." + text.length() + ": "
                        + d.code() + " " + d.message() + "\ninput " + visible(text));
            }
            assertFalse(d.message().isBlank(), "empty diagnostic message");
            assertTrue(s.line() >= 1 && s.column() >= 1 && s.endLine() >= s.line());
        }
        assertSame(source, file.source());
        spansInside(file, source, text);
        return diagnostics;
    }

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** Every span of every AST node (comments included) lies within the source text. */
    private static void spansInside(Object node, Source source, String text) {
        if (node instanceof List<?> list) {
            for (Object o : list) {
                spansInside(o, source, text);
            }
            return;
        }
        if (!(node instanceof Record r)) {
            return;
        }
        if (node instanceof Node n) {
            Span s = n.span();
            if (s.source() != source || s.end() > text.length()) {
                fail(node.getClass().getSimpleName() + " span " + s.start() + ".." + s.end() + " outside 0.."
                        + text.length() + "\ninput " + visible(text));
            }
        }
        for (RecordComponent c : COMPONENTS.get(r.getClass())) {
            if (c.getType() == Span.class || c.getType() == Source.class || c.getType() == String.class) {
                continue;
            }
            try {
                spansInside(c.getAccessor().invoke(r), source, text);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The input as a Java string literal, abbreviated, for a failure message that can be pasted into a test. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder("\"");
        String t = text.length() > 3000 ? text.substring(0, 3000) : text;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(text.length() > 3000 ? "\"... (" + text.length() + " chars)" : "\"").toString();
    }
}
