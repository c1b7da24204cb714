package dev.planc.compiler.validate;

import dev.planc.compiler.ast.Node;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks the AST generically through record components, so a new node type is covered without
 * touching any rule. Accessors are looked up once per class.
 */
final class AstNodes {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    /**
     * What the walk knows about a node class: a small number of its own, and its child accessors,
     * each marked with what it returns: a node, a list of nodes, or a list that may hold others.
     */
    private static final class Kind {
        static final byte NODE = 0;
        static final byte NODE_LIST = 1;
        static final byte ANY_LIST = 2;

        final int id = IDS.getAndIncrement();
        final Class<?> type;
        final MethodHandle[] children;
        final byte[] shapes;

        Kind(Class<?> type, MethodHandle[] children, byte[] shapes) {
            this.type = type;
            this.children = children;
            this.shapes = shapes;
        }
    }

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            List<MethodHandle> handles = new ArrayList<>();
            List<Byte> shapes = new ArrayList<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent c : components) {
                    Class<?> t = c.getType();
                    if (Node.class.isAssignableFrom(t)) {
                        shapes.add(Kind.NODE);
                    } else if (List.class.isAssignableFrom(t)) {
                        shapes.add(c.getGenericType() instanceof ParameterizedType p
                                && p.getActualTypeArguments()[0] instanceof Class<?> e && Node.class.isAssignableFrom(e)
                                ? Kind.NODE_LIST : Kind.ANY_LIST);
                    } else {
                        continue;
                    }
                    try {
                        handles.add(MethodHandles.publicLookup().unreflect(c.getAccessor()).asType(GETTER));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            byte[] shape = new byte[shapes.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapes.get(i);
            }
            return new Kind(type, handles.toArray(MethodHandle[]::new), shape);
        }
    };

    private AstNodes() {}

    /** Nodes grouped by class, each group in pre-order. */
    static final class ByClass {
        @SuppressWarnings("unchecked")
        private ArrayList<Object>[] lists = new ArrayList[64];
        private Class<?>[] classes = new Class<?>[64];

        private void add(Kind k, Object n) {
            if (k.id >= lists.length) {
                int size = Math.max(k.id + 1, lists.length * 2);
                lists = Arrays.copyOf(lists, size);
                classes = Arrays.copyOf(classes, size);
            }
            ArrayList<Object> list = lists[k.id];
            if (list == null) {
                list = new ArrayList<>();
                lists[k.id] = list;
                classes[k.id] = k.type;
            }
            list.add(n);
        }

        @SuppressWarnings("unchecked")
        Map<Class<?>, List<Node>> toMap() {
            Map<Class<?>, List<Node>> map = new IdentityHashMap<>();
            for (int i = 0; i < lists.length; i++) {
                if (lists[i] != null) {
                    map.put(classes[i], (List<Node>) (List<?>) lists[i]); // only nodes were added
                }
            }
            return map;
        }
    }

    /** Appends {@code node} and every node below it to {@code out}, in pre-order. */
    static void collect(Node node, List<Node> out) {
        out.add(node);
        for (MethodHandle h : KINDS.get(node.getClass()).children) {
            forEachChild(child(h, node), child -> collect(child, out));
        }
    }

    /**
     * Adds {@code node} and every node below it to {@code out}, each class's nodes in pre-order.
     * The component types say what a child is, so no child is tested against an interface: on
     * this JDK such tests, alternating between interfaces on the same classes, are slow.
     */
    static void index(Object node, ByClass out) {
        Kind kind = KINDS.get(node.getClass());
        out.add(kind, node);
        MethodHandle[] children = kind.children;
        for (int c = 0; c < children.length; c++) {
            Object value = child(children[c], node);
            if (value == null) {
                continue;
            }
            if (kind.shapes[c] == Kind.NODE) {
                index(value, out);
            } else if (kind.shapes[c] == Kind.NODE_LIST) {
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item != null) {
                        index(item, out);
                    }
                }
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Node child) {
                        index(child, out);
                    }
                }
            }
        }
    }

    private static Object child(MethodHandle h, Object node) {
        try {
            return (Object) h.invokeExact(node);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void forEachChild(Object value, java.util.function.Consumer<Node> action) {
        if (value instanceof Node child) {
            action.accept(child);
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Node child) {
                    action.accept(child);
                }
            }
        }
    }
}
