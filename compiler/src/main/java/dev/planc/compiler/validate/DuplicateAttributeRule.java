package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * E0212: an attribute that takes one value given twice in a block. Repeatable: {@code holiday},
 * {@code leave}, {@code assign}, {@code after}, {@code members}, {@code milestones}, {@code then}.
 */
final class DuplicateAttributeRule implements Rule {
    private static final Set<Class<?>> REPEATABLE = Set.of(Attr.Holiday.class, Attr.Leave.class, Attr.Assign.class,
            Attr.After.class, Attr.Members.class, Attr.Milestones.class, Attr.Then.class);

    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl d : context.nodes(Decl.class)) {
            Map<Class<?>, Attr> seen = new HashMap<>();
            for (Member m : d.body()) {
                if (!(m instanceof Attr a) || REPEATABLE.contains(a.getClass())) {
                    continue;
                }
                Attr first = seen.putIfAbsent(a.getClass(), a);
                if (first != null) {
                    String owner = d.id() != null ? d.keyword() + " `" + d.id().name() + "`" : "the " + d.keyword() + " block";
                    out.report(Diagnostic.of(Code.E0212, a.span(), "`" + a.keyword() + "` is given twice in " + owner)
                            .withLabel("first given at " + first.span().location()));
                }
            }
        }
    }
}
