package dev.planc.compiler.ast;

import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A span-free structural dump of an AST node, one component per line, for asserting that two
 * trees are the same apart from where they came from ("formatting never changes the AST").
 *
 * <p>Walks records reflectively: every record component is printed except those of type
 * {@link Span} and {@link Source} and {@link PlanFile#comments()}. Numbers keep their scale
 * ({@code 3.0} differs from {@code 3}); strings are printed quoted with Java escapes.
 */
public final class AstDump {
    /** A record component to print: its name and accessor. */
    private record Shown(String name, Method accessor) {}

    /** The components to print per record type (reflection is slow; a tree has many nodes of few types). */
    private static final ClassValue<List<Shown>> SHOWN = new ClassValue<>() {
        @Override
        protected List<Shown> computeValue(Class<?> type) {
            List<Shown> shown = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                boolean skip = c.getType() == Span.class || c.getType() == Source.class
                        || (type == PlanFile.class && c.getName().equals("comments"));
                if (!skip) {
                    shown.add(new Shown(c.getName(), c.getAccessor()));
                }
            }
            return List.copyOf(shown);
        }
    };

    private AstDump() {}

    /** The dump of {@code node}: any AST record, list of them, or value. */
    public static String dump(@Nullable Object node) {
        StringBuilder out = new StringBuilder();
        value(node, 0, out);
        return out.append('\n').toString();
    }

    private static void value(@Nullable Object v, int depth, StringBuilder out) {
        if (v instanceof Record r) {
            record(r, depth, out);
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (Object item : list) {
                newline(depth + 1, out);
                value(item, depth + 1, out);
            }
            newline(depth, out);
            out.append(']');
        } else {
            out.append(scalar(v));
        }
    }

    private static void record(Record r, int depth, StringBuilder out) {
        List<Shown> shown = SHOWN.get(r.getClass());
        List<@Nullable Object> values = new ArrayList<>(shown.size());
        boolean flat = true;
        for (Shown c : shown) {
            Object v = get(r, c);
            values.add(v);
            if (v instanceof Record || (v instanceof List<?> l && !l.isEmpty())) {
                flat = false;
            }
        }
        out.append(typeName(r.getClass())).append('(');
        for (int i = 0; i < shown.size(); i++) {
            Shown c = shown.get(i);
            if (flat) {
                if (i > 0) {
                    out.append(", ");
                }
            } else {
                newline(depth + 1, out);
            }
            out.append(c.name()).append('=');
            value(values.get(i), depth + 1, out);
        }
        if (!flat) {
            newline(depth, out);
        }
        out.append(')');
    }

    private static @Nullable Object get(Record r, Shown c) {
        try {
            return c.accessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + c.name(), e);
        }
    }

    /** {@code Decl.TaskDecl} for nested types, the simple name otherwise. */
    private static String typeName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String scalar(@Nullable Object v) {
        if (v == null) {
            return "null";
        } else if (v instanceof String s) {
            return quote(s);
        } else if (v instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (v instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(v);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void newline(int depth, StringBuilder out) {
        out.append('\n');
        out.append("  ".repeat(depth));
    }
}
