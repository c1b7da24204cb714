package dev.planc.lsp;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.SymbolKind;
import org.jspecify.annotations.Nullable;

/** The outline of one file (its declarations, nested as written) and its folding ranges. */
final class Outline {
    private Outline() {}

    static List<DocumentSymbol> symbols(PlanFile file) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (Decl d : file.decls()) {
            DocumentSymbol s = symbol(d);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static @Nullable DocumentSymbol symbol(Decl d) {
        if (d instanceof Decl.IncludeDecl) {
            return null;
        }
        Span head;
        String name;
        if (d instanceof Decl.PlanDecl p) {
            head = new Span(p.span().source(), p.span().start(), Math.min(p.span().end(), p.span().start() + 4));
            name = p.name() != null ? p.name().value() : "plan";
        } else {
            head = d.id().span();
            name = d.id().name();
        }
        DocumentSymbol s = new DocumentSymbol(name, kind(d), Positions.range(d.span()), Positions.range(head));
        String title = Completion.title(d);
        s.setDetail(d.keyword() + title);
        List<DocumentSymbol> children = new ArrayList<>();
        for (Member m : d.body()) {
            if (m instanceof Decl child) {
                DocumentSymbol c = symbol(child);
                if (c != null) {
                    children.add(c);
                }
            }
        }
        s.setChildren(children);
        return s;
    }

    private static SymbolKind kind(Decl d) {
        if (d instanceof Decl.PlanDecl) {
            return SymbolKind.Module;
        } else if (d instanceof Decl.TaskDecl t) {
            return t.body().stream().anyMatch(m -> m instanceof Decl) ? SymbolKind.Namespace : SymbolKind.Function;
        } else if (d instanceof Decl.MilestoneDecl) {
            return SymbolKind.Event;
        } else if (d instanceof Decl.GoalDecl) {
            return SymbolKind.Class;
        } else if (d instanceof Decl.MetricDecl) {
            return SymbolKind.Field;
        } else if (d instanceof Decl.ResourceDecl) {
            return SymbolKind.Variable;
        } else if (d instanceof Decl.TeamDecl) {
            return SymbolKind.Struct;
        } else if (d instanceof Decl.CalendarDecl) {
            return SymbolKind.Enum;
        }
        return SymbolKind.Operator; // contingency
    }

    /** Blocks and {@code then} blocks that span lines (up to the line before their `}`), and block comments. */
    static List<FoldingRange> folding(PlanFile file) {
        List<FoldingRange> out = new ArrayList<>();
        for (Decl d : file.decls()) {
            fold(d, out);
        }
        for (Comment c : file.comments()) {
            if (c.block()) {
                add(c.span(), FoldingRangeKind.Comment, false, out);
            }
        }
        out.sort((a, b) -> Integer.compare(a.getStartLine(), b.getStartLine()));
        return out;
    }

    private static void fold(Member m, List<FoldingRange> out) {
        if (m instanceof Decl d && !(d instanceof Decl.IncludeDecl)) {
            add(d.span(), null, true, out);
            for (Member child : d.body()) {
                fold(child, out);
            }
        } else if (m instanceof Attr.Then t) {
            add(t.span(), null, true, out);
        }
    }

    private static void add(Span span, @Nullable String kind, boolean block, List<FoldingRange> out) {
        Source src = span.source();
        int start = src.line(span.start()) - 1;
        int end = src.line(Math.max(span.start(), span.end() - 1)) - 1;
        if (block) {
            end--; // keep the closing brace visible
        }
        if (end > start) {
            FoldingRange r = new FoldingRange(start, end);
            if (kind != null) {
                r.setKind(kind);
            }
            out.add(r);
        }
    }
}
