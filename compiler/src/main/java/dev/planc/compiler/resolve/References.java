package dev.planc.compiler.resolve;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.source.Source;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every name the resolver bound to a declaration: where the name is written and the declaration
 * it names, in the order the resolver met them. A dotted reference ({@code build.api}) gives one
 * entry per part, each naming the task at that level. Names it could not bind (reported as
 * errors) are not here. Editors use it to go to a definition, find references and rename.
 */
public record References(List<Reference> all) {
    public References {
        all = List.copyOf(all);
    }

    /** The name {@code name} as written names {@code target} (whose own name is {@code target.id()}). */
    public record Reference(Ident name, Decl target) {}

    public static References none() {
        return new References(List.of());
    }

    /** The references to one declaration (the very same node), in order. */
    public List<Reference> to(Decl target) {
        List<Reference> out = new ArrayList<>();
        for (Reference r : all) {
            if (r.target() == target) {
                out.add(r);
            }
        }
        return out;
    }

    /** The reference whose name covers {@code offset} of {@code source} (its end included), or null. */
    public @Nullable Reference at(Source source, int offset) {
        for (Reference r : all) {
            if (r.name().span().source() == source && r.name().span().start() <= offset
                    && offset <= r.name().span().end()) {
                return r;
            }
        }
        return null;
    }
}
