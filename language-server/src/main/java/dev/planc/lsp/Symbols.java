package dev.planc.lsp;

import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.source.Source;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declarations of one compilation read from its syntax trees (which exist even when the
 * text does not parse cleanly, as far as the parser recovered): every declaration with its
 * dotted path, the task tree, and the names of each kind. Completion, hover, outline and
 * rename read names from here; what a written name refers to comes from the compiler's
 * {@link dev.planc.compiler.resolve.References}.
 */
final class Symbols {

    /** A declaration with an id, its dotted path (tasks) or id, and its enclosing declaration. */
    record Entry(Decl decl, Ident id, String path, @Nullable Entry parent) {}

    private final Map<Decl, Entry> entries = new IdentityHashMap<>();
    private final List<Entry> ordered = new ArrayList<>();
    /** Task and milestone children by parent path ("" for the top level), in declaration order. */
    private final Map<String, Map<String, Entry>> tasks = new LinkedHashMap<>();
    private final Map<String, Entry> globals = new LinkedHashMap<>();

    Symbols(List<PlanFile> files) {
        tasks.put("", new LinkedHashMap<>());
        for (PlanFile f : files) {
            for (Decl d : f.decls()) {
                add(d, null);
            }
        }
    }

    private void add(Decl d, @Nullable Entry parent) {
        Ident id = d.id();
        Entry e = null;
        if (id != null) {
            boolean task = d instanceof Decl.TaskDecl || d instanceof Decl.MilestoneDecl;
            String path = task && parent != null ? parent.path() + "." + id.name() : id.name();
            e = new Entry(d, id, path, parent);
            entries.put(d, e);
            ordered.add(e);
            if (task) {
                tasks.computeIfAbsent(parent == null ? "" : parent.path(), k -> new LinkedHashMap<>())
                        .putIfAbsent(id.name(), e);
                tasks.computeIfAbsent(path, k -> new LinkedHashMap<>());
            } else if (d instanceof Decl.ResourceDecl || d instanceof Decl.TeamDecl || d instanceof Decl.CalendarDecl
                    || d instanceof Decl.MetricDecl) {
                globals.putIfAbsent(id.name(), e);
            }
        }
        for (Member m : d.body()) {
            if (m instanceof Decl child) {
                add(child, e);
            }
        }
    }

    @Nullable Entry entry(Decl d) {
        return entries.get(d);
    }

    List<Entry> all() {
        return ordered;
    }

    /** The declaration whose id is written at {@code offset} of {@code source} (its end included). */
    @Nullable Entry declaredAt(Source source, int offset) {
        for (Entry e : ordered) {
            if (e.id().span().source() == source && e.id().span().start() <= offset && offset <= e.id().span().end()) {
                return e;
            }
        }
        return null;
    }

    /** Tasks and milestones directly inside {@code parentPath} ("" for the top level). */
    List<Entry> children(String parentPath) {
        Map<String, Entry> m = tasks.get(parentPath);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    @Nullable Entry task(String path) {
        int dot = path.lastIndexOf('.');
        Map<String, Entry> m = tasks.get(dot < 0 ? "" : path.substring(0, dot));
        return m == null ? null : m.get(dot < 0 ? path : path.substring(dot + 1));
    }

    /** The global declarations of one kind (resources, teams, calendars, metrics), in order. */
    List<Entry> globals(Class<? extends Decl> kind) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : globals.values()) {
            if (kind.isInstance(e.decl())) {
                out.add(e);
            }
        }
        return out;
    }

    @Nullable Entry global(String name) {
        return globals.get(name);
    }

    /**
     * Lexical lookup as the resolver does it: the first name in the scopes from {@code scope}
     * outwards (a task never names itself), then down by the remaining names; null if any misses.
     */
    @Nullable Entry lookup(List<String> names, String scope) {
        Entry found = null;
        for (String s = scope; ; s = parentPath(s)) {
            Map<String, Entry> m = tasks.get(s);
            Entry hit = m == null ? null : m.get(names.get(0));
            if (hit != null && !hit.path().equals(scope)) {
                found = hit;
                break;
            }
            if (s.isEmpty()) {
                break;
            }
        }
        for (int i = 1; found != null && i < names.size(); i++) {
            Map<String, Entry> m = tasks.get(found.path());
            found = m == null ? null : m.get(names.get(i));
        }
        return found;
    }

    /** Names visible from {@code scope}: its children, then its ancestors' and the top level's, inner first. */
    List<Entry> visibleTasks(String scope) {
        Map<String, Entry> seen = new LinkedHashMap<>();
        for (String s = scope; ; s = parentPath(s)) {
            for (Entry e : children(s)) {
                if (!e.path().equals(scope)) {
                    seen.putIfAbsent(e.id().name(), e);
                }
            }
            if (s.isEmpty()) {
                break;
            }
        }
        return List.copyOf(seen.values());
    }

    static String parentPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
