package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Member;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small queries on a task declaration shared by the task-shape rules. */
final class TaskShape {
    private TaskShape() {}

    static boolean hasChildren(Decl.TaskDecl t) {
        List<Member> body = t.body();
        for (int i = 0; i < body.size(); i++) {
            Member m = body.get(i);
            if (m instanceof Decl.TaskDecl || m instanceof Decl.MilestoneDecl) {
                return true;
            }
        }
        return false;
    }

    static <T extends Attr> @Nullable T first(Decl.TaskDecl t, Class<T> kind) {
        List<Member> body = t.body();
        for (int i = 0; i < body.size(); i++) {
            Member m = body.get(i);
            if (m.getClass() == kind) { // attributes are records, so final: the same as kind.isInstance(m)
                return kind.cast(m);
            }
        }
        return null;
    }

    static String name(Decl.TaskDecl t) {
        return "`" + t.id().name() + "`";
    }
}
