package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Node;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the AST generically through record components, so a new node type is covered without
 * touching any rule. Accessors are looked up once per class.
 */
final class AstNodes {
    private static final ClassValue<List<MethodHandle>> CHILDREN = new ClassValue<>() {
        @Override
        protected List<MethodHandle> computeValue(Class<?> type) {
            List<MethodHandle> handles = new ArrayList<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return handles;
            }
            for (RecordComponent c : components) {
                Class<?> t = c.getType();
                if (Node.class.isAssignableFrom(t) || List.class.isAssignableFrom(t)) {
                    try {
                        handles.add(MethodHandles.publicLookup().unreflect(c.getAccessor()));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return handles;
        }
    };

    private AstNodes() {}

    static void collect(Node node, List<Node> out) {
        out.add(node);
        for (MethodHandle h : CHILDREN.get(node.getClass())) {
            Object value;
            try {
                value = h.invoke(node);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (value instanceof Node child) {
                collect(child, out);
            } else if (value instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Node child) {
                        collect(child, out);
                    }
                }
            }
        }
    }
}
