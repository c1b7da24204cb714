package dev.planc.compiler.validate;

import dev.planc.compiler.diag.Code;
import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.model.Plan;
import dev.planc.compiler.model.Task;
import dev.planc.compiler.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * E0207: dependency cycles. Works on an event graph with a start and a finish node per task: a
 * leaf's start precedes its finish; a group's start precedes its children's starts and their
 * finishes precede its finish (so a dependency on a group reaches all its children, and
 * {@code after group} waits for all of them); finish-to-start, start-to-start and
 * finish-to-finish links join the matching events. A cycle in this graph is a schedule that can
 * never start. Strongly connected components by Tarjan's algorithm (iterative, linear time).
 */
final class DependencyCycleRule implements Rule {

    /**
     * The event graph in compressed rows: the edges of node {@code v} are {@code first[v]} to
     * {@code first[v + 1] - 1}, each with its target and the span of the dependency that made it
     * (null for the edges of the task tree). Within a node, edges keep the order they were added.
     */
    private record Graph(int[] first, int[] to, @Nullable Span[] span) {
        int nodes() {
            return first.length - 1;
        }
    }

    @Override
    public void check(RuleContext context, Diagnostics out) {
        Plan plan = context.plan();
        List<Task> tasks = plan.tasks();
        Graph g = graph(tasks);
        int n = g.nodes();
        int[] comp = scc(g);
        int[] size = new int[n];
        for (int c : comp) {
            size[c]++;
        }
        boolean[] reported = new boolean[n];
        for (int v = 0; v < n; v++) {
            int c = comp[v];
            if (reported[c]) {
                continue;
            }
            boolean selfLoop = false;
            for (int e = g.first[v]; e < g.first[v + 1] && !selfLoop; e++) {
                selfLoop = g.to[e] == v;
            }
            if (size[c] > 1 || selfLoop) {
                reported[c] = true;
                report(v, comp, g, tasks, out);
            }
        }
    }

    /** Builds the graph in two identical passes: one counts each node's edges, the other places them. */
    private static Graph graph(List<Task> tasks) {
        int n = tasks.size() * 2;
        int[] first = new int[n + 1];
        int[] to = null;
        Span[] span = null;
        int[] cursor = null;
        for (int pass = 0; pass < 2; pass++) {
            for (Task t : tasks) {
                int s = 2 * t.index();
                int f = s + 1;
                if (t.children().isEmpty()) {
                    cursor = edge(pass, first, cursor, to, span, s, f, null);
                }
                List<Integer> children = t.children();
                for (int i = 0; i < children.size(); i++) {
                    int c = children.get(i);
                    cursor = edge(pass, first, cursor, to, span, s, 2 * c, null);
                    cursor = edge(pass, first, cursor, to, span, 2 * c + 1, f, null);
                }
                List<Task.Link> links = t.dependencies();
                for (int i = 0; i < links.size(); i++) {
                    Task.Link l = links.get(i);
                    int from = l.type() == Task.LinkType.START_TO_START ? 2 * l.target() : 2 * l.target() + 1;
                    cursor = edge(pass, first, cursor, to, span, from, l.type() == Task.LinkType.FINISH_TO_FINISH ? f : s,
                            l.span());
                }
            }
            if (pass == 0) {
                for (int v = 0; v < n; v++) {
                    first[v + 1] += first[v]; // counts (shifted by one) to row starts
                }
                to = new int[first[n]];
                span = new Span[first[n]];
                cursor = java.util.Arrays.copyOf(first, n);
            }
        }
        return new Graph(first, java.util.Objects.requireNonNull(to), java.util.Objects.requireNonNull(span));
    }

    /** Pass 0: counts an edge of {@code from}; pass 1: places it at the node's cursor. */
    private static int @Nullable [] edge(int pass, int[] first, int @Nullable [] cursor, int @Nullable [] to,
            @Nullable Span @Nullable [] span, int from, int target, @Nullable Span at) {
        if (pass == 0) {
            first[from + 1]++;
        } else {
            int e = cursor[from]++;
            to[e] = target;
            span[e] = at;
        }
        return cursor;
    }

    /** Finds one cycle through {@code start} inside its component and reports it. */
    private static void report(int start, int[] comp, Graph g, List<Task> tasks, Diagnostics out) {
        int n = g.nodes();
        int[] prev = new int[n];
        int[] via = new int[n]; // the edge a node was reached by, -1 for none
        Arrays.fill(prev, -2);
        Arrays.fill(via, -1);
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        prev[start] = -1;
        int last = -1;
        int closing = -1;
        search:
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int e = g.first[v]; e < g.first[v + 1]; e++) {
                int w = g.to[e];
                if (comp[w] != comp[start]) {
                    continue;
                }
                if (w == start) {
                    last = v;
                    closing = e;
                    break search;
                }
                if (prev[w] == -2) {
                    prev[w] = v;
                    via[w] = e;
                    queue.add(w);
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        List<Integer> edges = new ArrayList<>();
        edges.add(closing);
        for (int v = last; v != -1; v = prev[v]) {
            path.add(0, v);
            if (via[v] != -1) {
                edges.add(0, via[v]);
            }
        }
        List<String> names = new ArrayList<>();
        for (int v : path) {
            String name = "`" + tasks.get(v / 2).path() + "`";
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
            }
        }
        if (names.size() > 1 && names.get(0).equals(names.get(names.size() - 1))) {
            names.remove(names.size() - 1);
        }
        names.add(names.get(0));
        Span at = null;
        for (int e : edges) {
            Span s = e != -1 ? g.span[e] : null;
            if (s != null && (at == null || s.start() < at.start() && s.source() == at.source())) {
                at = s;
            }
        }
        if (at == null) {
            at = tasks.get(start / 2).span();
        }
        boolean throughGroup = false;
        for (int k = 0; k < path.size() && k < edges.size(); k++) {
            int from = path.get(k);
            int to = k + 1 < path.size() ? path.get(k + 1) : start;
            int e = edges.get(k);
            if (e != -1 && g.span[e] == null && from / 2 != to / 2) {
                throughGroup = true;
            }
        }
        Diagnostic d;
        if (names.size() == 2) {
            Task self = tasks.get(start / 2);
            d = Diagnostic.of(Code.E0207, at, "dependency cycle: " + names.get(0) + " waits for itself");
            int dot = self.path().lastIndexOf('.');
            if (!throughGroup && dot > 0 && at.text().equals(self.id())) {
                d = d.withHelp("inside `" + self.path().substring(0, dot) + "`, `" + self.id() + "` names this task "
                        + "itself: a name is looked up in the innermost block first");
            } else if (throughGroup) {
                d = d.withHelp("a task inside a group that waits for the group waits for itself");
            } else {
                d = d.withHelp("remove the dependency");
            }
        } else {
            d = Diagnostic.of(Code.E0207, at, "dependency cycle: " + String.join(" → ", names))
                    .withHelp("each task waits for the one before it; remove or reverse one of these dependencies");
            if (throughGroup) {
                d = d.withHelp("a dependency on a group applies to all of its children, and `after GROUP` waits "
                        + "for all of them");
            }
        }
        out.report(d);
    }

    /** Tarjan's strongly connected components, iterative; returns the component of each node. */
    private static int[] scc(Graph g) {
        int n = g.nodes();
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int comps = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] != -1) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (g.first[v] + callEdge[depth] < g.first[v + 1]) {
                    int w = g.to[g.first[v] + callEdge[depth]++];
                    if (index[w] == -1) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp[w] = comps;
                    } while (w != v);
                    comps++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return comp;
    }
}
