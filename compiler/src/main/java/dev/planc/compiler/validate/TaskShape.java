package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Member;
import org.jspecify.annotations.Nullable;

/** Small queries on a task declaration shared by the task-shape rules. */
final class TaskShape {
    private TaskShape() {}

    static boolean hasChildren(Decl.TaskDecl t) {
        for (Member m : t.body()) {
            if (m instanceof Decl.TaskDecl || m instanceof Decl.MilestoneDecl) {
                return true;
            }
        }
        return false;
    }

    static <T extends Attr> @Nullable T first(Decl.TaskDecl t, Class<T> kind) {
        for (Member m : t.body()) {
            if (kind.isInstance(m)) {
                return kind.cast(m);
            }
        }
        return null;
    }

    static String name(Decl.TaskDecl t) {
        return "`" + t.id().name() + "`";
    }
}
