package dev.planc.compiler.ast;

import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.Span;
import java.util.List;

/** One parsed file: its top-level declarations and its comments (for the formatter). */
public record PlanFile(Source source, List<Decl> decls, List<Comment> comments, Span span) implements Node {
    public PlanFile {
        decls = List.copyOf(decls);
        comments = List.copyOf(comments);
    }
}
