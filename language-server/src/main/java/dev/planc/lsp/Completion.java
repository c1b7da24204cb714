package dev.planc.lsp;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Str;
import dev.planc.compiler.syntax.Lexeme;
import dev.planc.compiler.syntax.Lexemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.jspecify.annotations.Nullable;

/**
 * Completion from where the cursor is. The text before the cursor is lexed (it may be
 * incomplete); a stack of the blocks opened there tells what the cursor is inside (the top
 * level, a {@code plan}, {@code task}, {@code contingency}, {@code then} block...) and the
 * tokens since the current attribute's keyword tell what that attribute still expects: a
 * keyword that may start an attribute here, a task or milestone after {@code after} (as the
 * resolver looks names up from that task outwards), a resource or team after {@code assign},
 * a calendar after {@code calendar}, metrics and task fields inside {@code when}, the children
 * of a group after a dot. Names come from the declarations of the last compilation.
 */
final class Completion {
    private Completion() {}

    static final List<String> TOP = List.of("plan", "calendar", "resource", "team", "task", "milestone", "goal",
            "metric", "contingency", "include");
    /** The keywords that start an attribute or a nested declaration, per block (from the grammar). */
    static final Map<String, List<String>> STARTERS = Map.ofEntries(
            Map.entry("", TOP),
            Map.entry("plan", List.of("start", "timezone", "currency", "calendar", "hours_per_day", "days_per_week",
                    "flag_slip", "flag_spi", "flag_cpi", "note")),
            Map.entry("calendar", List.of("workdays", "hours", "holiday", "extends")),
            Map.entry("resource", List.of("capacity", "rate", "calendar", "leave", "note")),
            Map.entry("team", List.of("members", "note")),
            Map.entry("task", List.of("duration", "effort", "assign", "after", "finish", "start", "deadline", "priority",
                    "budget", "cost", "note", "task", "milestone")),
            Map.entry("milestone", List.of("after", "finish", "start", "deadline", "note")),
            Map.entry("goal", List.of("milestones", "owner", "note", "metric")),
            Map.entry("metric", List.of("unit", "baseline", "target", "tolerance", "lower_is_better", "note")),
            Map.entry("contingency", List.of("when", "then", "once", "note")),
            Map.entry("then", List.of("notify", "activate", "escalate")));
    /** Keywords that start a declaration with a block (a statement of theirs ends at its `{`). */
    private static final Set<String> DECLARATIONS = Set.of("plan", "resource", "team", "task", "milestone", "goal",
            "metric", "contingency");
    static final List<String> TASK_FIELDS = List.of("slip", "progress", "started", "done", "late");
    static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Set<String> CONTINUING = Set.of(",", ".", ":", "+", "-", "*", "/", "<", "<=", ">", ">=", "==",
            "!=", "(", "..");

    /** One open block: its keyword ("" for the top level) and, for tasks and milestones, its name. */
    private record Frame(String kind, @Nullable String name) {}

    static List<CompletionItem> complete(String text, int offset, Symbols symbols) {
        List<Lexeme> lexemes = Lexemes.of(text.substring(0, Math.max(0, Math.min(offset, text.length()))));
        if (!lexemes.isEmpty()) {
            Lexeme last = lexemes.get(lexemes.size() - 1);
            if (last.end() == offset && inside(last)) {
                return List.of();
            }
            if (last.end() == offset && last.kind() == Lexeme.Kind.WORD) {
                lexemes = lexemes.subList(0, lexemes.size() - 1); // the word being typed
            }
        }
        // Walk the tokens: blocks opened and closed, and the statement the cursor is in.
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame("", null));
        List<Lexeme> stmt = new ArrayList<>();
        Lexeme prev = null;
        for (Lexeme l : lexemes) {
            if (l.kind() == Lexeme.Kind.COMMENT) {
                continue;
            }
            Frame frame = frames.get(frames.size() - 1);
            if (l.is(Lexeme.Kind.SYMBOL, "{")) {
                String kind = stmt.isEmpty() ? "?" : stmt.get(0).text();
                String name = stmt.size() > 1 && stmt.get(1).kind() == Lexeme.Kind.WORD ? stmt.get(1).text() : null;
                frames.add(new Frame(STARTERS.containsKey(kind) ? kind : "?", name));
                stmt = new ArrayList<>();
            } else if (l.is(Lexeme.Kind.SYMBOL, "}")) {
                if (frames.size() > 1) {
                    frames.remove(frames.size() - 1);
                }
                stmt = new ArrayList<>();
            } else if (l.is(Lexeme.Kind.SYMBOL, ";")) {
                stmt = new ArrayList<>();
            } else if (l.kind() == Lexeme.Kind.WORD && starts(frame, l.text(), prev, stmt)) {
                stmt = new ArrayList<>();
                stmt.add(l);
            } else {
                stmt.add(l);
            }
            prev = l;
        }
        Frame frame = frames.get(frames.size() - 1);
        String scope = scope(frames);
        Out out = new Out();
        if (!stmt.isEmpty() && !frame.kind().equals("then") && (DECLARATIONS.contains(stmt.get(0).text())
                || frame.kind().isEmpty() && stmt.get(0).text().equals("calendar"))) {
            // a declaration's head (`task id "Title" contingent`) before its block
            if (stmt.get(0).text().equals("task") && stmt.size() >= 2 && !expectsMore(stmt, prev)) {
                out.keyword("contingent");
            }
            return out.items;
        }
        if (stmt.isEmpty() || !expectsMore(stmt, prev)) {
            for (String k : STARTERS.getOrDefault(frame.kind(), List.of())) {
                out.keyword(k);
            }
            if (!stmt.isEmpty() && stmt.get(0).text().equals("when")) {
                out.keyword("and");
                out.keyword("or");
            }
            return out.items;
        }
        String head = stmt.get(0).text();
        if (prev != null && prev.is(Lexeme.Kind.SYMBOL, ".")) {
            dotted(stmt, head, scope, symbols, out);
            return out.items;
        }
        boolean listed = prev == stmt.get(0) || prev != null && prev.is(Lexeme.Kind.SYMBOL, ",");
        switch (head) {
            case "after":
                if (listed) {
                    tasks(symbols.visibleTasks(scope), out);
                }
                break;
            case "finish":
                if (prev == stmt.get(0)) {
                    out.keyword("after");
                } else if (prev != null && prev.is(Lexeme.Kind.WORD, "after")) {
                    tasks(symbols.visibleTasks(scope), out);
                }
                break;
            case "assign":
            case "owner":
            case "notify":
                if (listed) {
                    globals(symbols, Decl.ResourceDecl.class, out);
                    globals(symbols, Decl.TeamDecl.class, out);
                }
                break;
            case "members":
                if (listed) {
                    globals(symbols, Decl.ResourceDecl.class, out);
                }
                break;
            case "calendar":
            case "extends":
                if (prev == stmt.get(0) && !frame.kind().isEmpty()) {
                    globals(symbols, Decl.CalendarDecl.class, out);
                    if (head.equals("extends")) {
                        out.items.removeIf(i -> i.getLabel().equals(frame.name())); // not itself
                    }
                }
                break;
            case "milestones":
            case "activate":
                if (listed) {
                    tasks(symbols.children(""), out);
                }
                break;
            case "workdays":
                for (String d : WEEKDAYS) {
                    out.add(d, CompletionItemKind.EnumMember, "weekday");
                }
                break;
            case "when":
                globals(symbols, Decl.MetricDecl.class, out);
                out.add("today", CompletionItemKind.Constant, "the status date");
                out.add("spi", CompletionItemKind.Constant, "schedule performance index");
                out.add("cpi", CompletionItemKind.Constant, "cost performance index");
                tasks(symbols.children(""), out);
                if (prev != null && (prev == stmt.get(0) || prev.is(Lexeme.Kind.WORD, "and")
                        || prev.is(Lexeme.Kind.WORD, "or") || prev.is(Lexeme.Kind.SYMBOL, "("))) {
                    out.keyword("not");
                }
                out.keyword("true");
                out.keyword("false");
                break;
            default:
                break;
        }
        return out.items;
    }

    /** Completions after {@code a.b.}: the children of the group it names, and the fields that fit. */
    private static void dotted(List<Lexeme> stmt, String head, String scope, Symbols symbols, Out out) {
        List<String> names = new ArrayList<>();
        int i = stmt.size() - 1; // the dot
        while (i - 1 >= 0 && stmt.get(i).is(Lexeme.Kind.SYMBOL, ".") && stmt.get(i - 1).kind() == Lexeme.Kind.WORD) {
            names.add(0, stmt.get(i - 1).text());
            i -= 2;
        }
        if (names.isEmpty()) {
            return;
        }
        boolean when = head.equals("when");
        if (when && names.size() == 1) {
            Symbols.Entry g = symbols.global(names.get(0));
            if (g != null && g.decl() instanceof Decl.MetricDecl) {
                out.add("expected", CompletionItemKind.Property, "where the metric should be today");
                return;
            }
        }
        // `after`/`finish after` look up from the task they are in; the rest from the top level.
        boolean local = head.equals("after") || head.equals("finish");
        Symbols.Entry target = symbols.lookup(names, local ? scope : "");
        if (target == null) {
            return;
        }
        tasks(symbols.children(target.path()), out);
        if (when) {
            for (String f : TASK_FIELDS) {
                out.add(f, CompletionItemKind.Property, "task field");
            }
        } else if (head.equals("after")) {
            out.add("start", CompletionItemKind.Property, "wait for its start, not its finish");
        }
    }

    private static void tasks(List<Symbols.Entry> entries, Out out) {
        for (Symbols.Entry e : entries) {
            boolean milestone = e.decl() instanceof Decl.MilestoneDecl;
            boolean group = !milestone && e.decl().body().stream().anyMatch(m -> m instanceof Decl);
            String what = milestone ? "milestone" : group ? "group" : "task";
            if (e.decl() instanceof Decl.TaskDecl t && t.contingent()) {
                what = "contingent " + what;
            }
            out.add(e.id().name(), milestone ? CompletionItemKind.Event : group ? CompletionItemKind.Module
                    : CompletionItemKind.Function, what + title(e.decl()));
        }
    }

    private static void globals(Symbols symbols, Class<? extends Decl> kind, Out out) {
        for (Symbols.Entry e : symbols.globals(kind)) {
            CompletionItemKind k = kind == Decl.CalendarDecl.class ? CompletionItemKind.Enum
                    : kind == Decl.MetricDecl.class ? CompletionItemKind.Field
                    : kind == Decl.TeamDecl.class ? CompletionItemKind.Struct : CompletionItemKind.Variable;
            out.add(e.id().name(), k, e.decl().keyword() + title(e.decl()));
        }
    }

    static String title(Decl d) {
        Str t = d instanceof Decl.TaskDecl x ? x.title() : d instanceof Decl.MilestoneDecl x ? x.title()
                : d instanceof Decl.ResourceDecl x ? x.title() : d instanceof Decl.TeamDecl x ? x.title()
                : d instanceof Decl.MetricDecl x ? x.title() : d instanceof Decl.GoalDecl x ? x.title()
                : d instanceof Decl.ContingencyDecl x ? x.title() : null;
        return t == null ? "" : " \u2014 " + t.value();
    }

    /** The dotted path of the innermost task or milestone the cursor is in ("" at the top level). */
    private static String scope(List<Frame> frames) {
        StringBuilder path = new StringBuilder();
        for (Frame f : frames) {
            if ((f.kind().equals("task") || f.kind().equals("milestone")) && f.name() != null) {
                path.append(path.length() == 0 ? "" : ".").append(f.name());
            }
        }
        return path.toString();
    }

    /** Whether a word starts a new attribute or declaration here (keywords may be names elsewhere). */
    private static boolean starts(Frame frame, String word, @Nullable Lexeme prev, List<Lexeme> stmt) {
        List<String> starters = STARTERS.get(frame.kind());
        if (starters == null || !starters.contains(word)) {
            return false;
        }
        // `finish after`: `after` continues `finish`
        if (word.equals("after") && prev != null && prev.is(Lexeme.Kind.WORD, "finish") && stmt.size() == 1) {
            return false;
        }
        return stmt.isEmpty() || !expectsMore(stmt, prev);
    }

    /** Whether the statement so far still needs something after {@code prev} (a name, a value, an operand). */
    private static boolean expectsMore(List<Lexeme> stmt, @Nullable Lexeme prev) {
        if (prev == null || stmt.isEmpty()) {
            return false;
        }
        if (prev.kind() == Lexeme.Kind.SYMBOL) {
            return CONTINUING.contains(prev.text());
        }
        if (prev == stmt.get(0)) {
            return !Set.of("once", "lower_is_better").contains(prev.text());
        }
        if (prev.kind() == Lexeme.Kind.WORD) {
            String w = prev.text();
            return stmt.get(0).text().equals("when") && (w.equals("and") || w.equals("or") || w.equals("not"))
                    || stmt.get(0).text().equals("finish") && w.equals("after") && stmt.size() == 2;
        }
        return false;
    }

    /** Whether the cursor at the end of this token is inside it (an open string or a comment). */
    private static boolean inside(Lexeme l) {
        if (l.kind() == Lexeme.Kind.STRING) {
            return l.text().length() == 1 || !l.text().endsWith("\"");
        }
        if (l.kind() == Lexeme.Kind.COMMENT) {
            return !(l.text().startsWith("/*") && l.text().endsWith("*/") && l.text().length() >= 4);
        }
        return false;
    }

    /** Items in order, each label once. */
    private static final class Out {
        final List<CompletionItem> items = new ArrayList<>();
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        void keyword(String k) {
            add(k, CompletionItemKind.Keyword, "keyword");
        }

        void add(String label, CompletionItemKind kind, String detail) {
            if (!seen.add(label)) {
                return;
            }
            CompletionItem item = new CompletionItem(label);
            item.setKind(kind);
            item.setDetail(detail);
            item.setSortText(String.format("%04d", items.size()));
            items.add(item);
        }
    }
}
