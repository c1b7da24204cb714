package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import java.util.List;
import java.util.Set;

/**
 * E0212: an attribute that takes one value given twice in a block. Repeatable: {@code holiday},
 * {@code leave}, {@code assign}, {@code after}, {@code members}, {@code milestones}, {@code then}.
 */
final class DuplicateAttributeRule implements Rule {
    private static final Set<Class<?>> REPEATABLE = Set.of(Attr.Holiday.class, Attr.Leave.class, Attr.Assign.class,
            Attr.After.class, Attr.Members.class, Attr.Milestones.class, Attr.Then.class);

    /**
     * A bit per single-valued attribute class (its place among Attr's records), -1 for repeatable
     * attributes and for declarations: read by class, so no member is tested against Attr.
     */
    private static final ClassValue<Integer> BIT = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            if (REPEATABLE.contains(type) || !Attr.class.isAssignableFrom(type)) {
                return -1;
            }
            Class<?>[] all = Attr.class.getPermittedSubclasses();
            for (int i = 0; i < all.length; i++) {
                if (all[i] == type) {
                    return i;
                }
            }
            throw new IllegalStateException("not an attribute record: " + type);
        }
    };

    static {
        if (Attr.class.getPermittedSubclasses().length > Long.SIZE) {
            throw new IllegalStateException("more attribute kinds than bits in a long");
        }
    }

    @Override
    public void check(RuleContext context, Diagnostics out) {
        for (Decl d : context.nodes(Decl.class)) {
            List<Member> body = d.body();
            if (body.size() < 2) {
                continue;
            }
            long seen = 0;
            for (int i = 0; i < body.size(); i++) {
                Member m = body.get(i);
                int bit = BIT.get(m.getClass());
                if (bit < 0) {
                    continue;
                }
                if ((seen & 1L << bit) == 0) {
                    seen |= 1L << bit;
                    continue;
                }
                Attr a = (Attr) m;
                Attr first = firstOfClass(body, a.getClass());
                String owner = d.id() != null ? d.keyword() + " `" + d.id().name() + "`" : "the " + d.keyword() + " block";
                out.report(Diagnostic.of(Code.E0212, a.span(), "`" + a.keyword() + "` is given twice in " + owner)
                        .withLabel("first given at " + first.span().location()));
            }
        }
    }

    private static Attr firstOfClass(List<Member> body, Class<?> type) {
        for (Member m : body) {
            if (m.getClass() == type) {
                return (Attr) m;
            }
        }
        throw new IllegalStateException("no " + type + " in the body");
    }
}
