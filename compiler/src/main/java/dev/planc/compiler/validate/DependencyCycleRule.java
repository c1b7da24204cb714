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

    private record Edge(int to, @Nullable Span span) {}

    @Override
    public void check(RuleContext context, Diagnostics out) {
        Plan plan = context.plan();
        List<Task> tasks = plan.tasks();
        int n = tasks.size() * 2;
        List<List<Edge>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>(2));
        }
        for (Task t : tasks) {
            int s = 2 * t.index();
            int f = s + 1;
            if (t.children().isEmpty()) {
                adj.get(s).add(new Edge(f, null));
            }
            for (int c : t.children()) {
                adj.get(s).add(new Edge(2 * c, null));
                adj.get(2 * c + 1).add(new Edge(f, null));
            }
            for (Task.Link l : t.dependencies()) {
                int from = l.type() == Task.LinkType.START_TO_START ? 2 * l.target() : 2 * l.target() + 1;
                int to = l.type() == Task.LinkType.FINISH_TO_FINISH ? f : s;
                adj.get(from).add(new Edge(to, l.span()));
            }
        }
        int[] comp = scc(adj);
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
            final int node = v;
            boolean selfLoop = adj.get(v).stream().anyMatch(e -> e.to() == node);
            if (size[c] > 1 || selfLoop) {
                reported[c] = true;
                report(v, comp, adj, tasks, out);
            }
        }
    }

    /** Finds one cycle through {@code start} inside its component and reports it. */
    private static void report(int start, int[] comp, List<List<Edge>> adj, List<Task> tasks, Diagnostics out) {
        int n = adj.size();
        int[] prev = new int[n];
        Edge[] via = new Edge[n];
        Arrays.fill(prev, -2);
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        prev[start] = -1;
        int last = -1;
        Edge closing = null;
        search:
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (Edge e : adj.get(v)) {
                if (comp[e.to()] != comp[start]) {
                    continue;
                }
                if (e.to() == start) {
                    last = v;
                    closing = e;
                    break search;
                }
                if (prev[e.to()] == -2) {
                    prev[e.to()] = v;
                    via[e.to()] = e;
                    queue.add(e.to());
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        edges.add(closing);
        for (int v = last; v != -1; v = prev[v]) {
            path.add(0, v);
            if (via[v] != null) {
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
        for (Edge e : edges) {
            if (e != null && e.span() != null && (at == null || e.span().start() < at.start()
                    && e.span().source() == at.source())) {
                at = e.span();
            }
        }
        if (at == null) {
            at = tasks.get(start / 2).span();
        }
        boolean throughGroup = false;
        for (int k = 0; k < path.size() && k < edges.size(); k++) {
            int from = path.get(k);
            int to = k + 1 < path.size() ? path.get(k + 1) : start;
            Edge e = edges.get(k);
            if (e != null && e.span() == null && from / 2 != to / 2) {
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
    private static int[] scc(List<List<Edge>> adj) {
        int n = adj.size();
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
                List<Edge> edges = adj.get(v);
                if (callEdge[depth] < edges.size()) {
                    int w = edges.get(callEdge[depth]++).to();
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
