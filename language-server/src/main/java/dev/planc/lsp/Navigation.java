package dev.planc.lsp;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.resolve.References;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.compiler.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Definition, references and rename, from the compiler's index of resolved names
 * ({@link References}) and the declarations in the syntax trees; across included files.
 */
final class Navigation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Navigation() {}

    /** Why a rename is refused (shown to the user). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The declaration named (or declared) at an offset of a file, or null. */
    static Symbols.@Nullable Entry target(Snapshot s, Source source, int offset) {
        References.Reference r = s.compiled().references().at(source, offset);
        if (r != null) {
            return s.symbols().entry(r.target());
        }
        return s.symbols().declaredAt(source, offset);
    }

    /** Every place that names the declaration: its own id first (when asked), then the references. */
    static List<Span> occurrences(Snapshot s, Symbols.Entry e, boolean declaration) {
        List<Span> out = new ArrayList<>();
        if (declaration) {
            out.add(e.id().span());
        }
        for (References.Reference r : s.compiled().references().to(e.decl())) {
            out.add(r.name().span());
        }
        return out;
    }

    /**
     * The edits that rename a declaration and every reference to it, per file. Refused when the
     * name is not a name, when the plan does not resolve, when the new name is taken where it
     * would clash, or when after the rename any name would mean something else than before
     * (checked by compiling the renamed text).
     */
    static Map<Source, List<Span>> rename(Snapshot s, Symbols.Entry e, String newName, SourceLoader loader)
            throws Refused {
        if (!NAME.matcher(newName).matches()) {
            throw new Refused("`" + newName + "` is not a name: use letters, digits and `_`, not starting with a digit");
        }
        if (s.compiled().plan() == null) {
            throw new Refused("the plan does not resolve (fix the syntax errors first), so its references are unknown");
        }
        if (newName.equals(e.id().name())) {
            return Map.of();
        }
        clash(s.symbols(), e, newName);
        Map<Source, List<Span>> edits = new LinkedHashMap<>();
        for (Span span : occurrences(s, e, true)) {
            edits.computeIfAbsent(span.source(), k -> new ArrayList<>()).add(span);
        }
        verify(s, e, newName, edits, loader);
        return edits;
    }

    private static void clash(Symbols symbols, Symbols.Entry e, String newName) throws Refused {
        Decl d = e.decl();
        if (d instanceof Decl.TaskDecl || d instanceof Decl.MilestoneDecl) {
            String parent = Symbols.parentPath(e.path());
            for (Symbols.Entry sib : symbols.children(parent)) {
                if (sib.id().name().equals(newName)) {
                    throw new Refused("a " + sib.decl().keyword() + " `" + newName + "` is already declared "
                            + (parent.isEmpty() ? "at top level" : "in `" + parent + "`") + " ("
                            + sib.id().span().location() + ")");
                }
            }
        } else if (d instanceof Decl.GoalDecl || d instanceof Decl.ContingencyDecl) {
            for (Symbols.Entry other : symbols.all()) {
                if (other.decl().getClass() == d.getClass() && other.id().name().equals(newName)) {
                    throw new Refused("a " + d.keyword() + " `" + newName + "` is already declared ("
                            + other.id().span().location() + ")");
                }
            }
        } else {
            Symbols.Entry other = symbols.global(newName);
            if (other != null) {
                throw new Refused("a " + other.decl().keyword() + " `" + newName + "` is already declared ("
                        + other.id().span().location() + "); resources, teams, calendars and metrics share one namespace");
            }
        }
    }

    /** Compiles the renamed text and checks every name still means what it meant, and no error is new. */
    private static void verify(Snapshot s, Symbols.Entry renamed, String newName, Map<Source, List<Span>> edits,
            SourceLoader loader) throws Refused {
        Map<Path, String> texts = new HashMap<>();
        Map<Path, List<Span>> byPath = new HashMap<>();
        for (Map.Entry<Source, List<Span>> f : edits.entrySet()) {
            Path p = Documents.key(f.getKey().path());
            texts.put(p, apply(f.getKey().text(), f.getValue(), newName));
            byPath.put(p, f.getValue());
        }
        SourceLoader overlay = path -> {
            String t = texts.get(path.toAbsolutePath().normalize());
            return t != null ? new SourceLoader.LoadResult.Loaded(new Source(path.toString(), t)) : loader.load(path);
        };
        Source root = s.compiled().root().source();
        String rootText = texts.getOrDefault(Documents.key(root.path()), root.text());
        Result<CompiledPlan> after = Compiler.check(new Source(root.path(), rootText), overlay);
        CompiledPlan c = Objects.requireNonNull(after.value());
        if (after.errorCount() > s.result().errorCount() || c.plan() == null) {
            throw new Refused("renaming `" + renamed.id().name() + "` to `" + newName + "` would add errors");
        }
        Map<Path, Source> newSources = new HashMap<>();
        for (PlanFile f : c.files()) {
            newSources.put(Documents.key(f.source().path()), f.source());
        }
        int delta = newName.length() - renamed.id().name().length();
        for (References.Reference r : s.compiled().references().all()) {
            Span at = r.name().span();
            Path file = Documents.key(at.source().path());
            Source now = newSources.get(file);
            References.Reference moved = now == null ? null
                    : c.references().at(now, shift(at.start(), byPath.get(file), delta));
            Ident was = Objects.requireNonNull(r.target().id());
            Span wasAt = was.span();
            Path targetFile = Documents.key(wasAt.source().path());
            int expected = shift(wasAt.start(), byPath.get(targetFile), delta);
            Ident is = moved == null ? null : moved.target().id();
            if (is == null || !Documents.key(is.span().source().path()).equals(targetFile)
                    || is.span().start() != expected) {
                throw new Refused("renaming `" + renamed.id().name() + "` to `" + newName + "` would change what `"
                        + at.text() + "` at " + at.location() + " refers to");
            }
        }
    }

    /** Where an offset moves when every span in {@code edits} (one file's) grows by {@code delta}. */
    private static int shift(int offset, @Nullable List<Span> edits, int delta) {
        if (edits == null) {
            return offset;
        }
        int moved = offset;
        for (Span e : edits) {
            if (e.start() < offset) {
                moved += delta;
            }
        }
        return moved;
    }

    static String apply(String text, List<Span> spans, String newName) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        StringBuilder out = new StringBuilder(text.length() + spans.size() * newName.length());
        int at = 0;
        for (Span sp : sorted) {
            out.append(text, at, sp.start()).append(newName);
            at = sp.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
