package dev.planc.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.CompiledPlan;
import dev.planc.compiler.Compiler;
import dev.planc.compiler.Result;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolver's index of bound names: each written name → the declaration it names. */
class ReferencesTest {
    static final String LIB = """
            resource ana "Ana" { calendar office }
            team core { members ana }
            calendar office { workdays mon tue wed thu fri }
            calendar summer { extends office }
            """;
    static final String PLAN = """
            plan "P" { start 2027-01-04 calendar office }
            include "lib.plan"
            task build {
              task api { effort 3d assign ana }
              task ui { effort 2d assign core after api }
            }
            milestone done { after build.api, build.ui.start }
            goal g { milestones done owner ana metric cov { baseline 1 target 2 by 2027-06-30 } }
            task fix contingent { duration 1d }
            contingency c { when cov < cov.expected and build.api.slip > 2d then { notify core "x" activate fix } }
            """;

    static Result<CompiledPlan> compile() {
        Map<Path, String> files = Map.of(Path.of("/w/lib.plan"), LIB);
        SourceLoader loader = p -> files.containsKey(p) ? new SourceLoader.LoadResult.Loaded(new Source(p.toString(),
                files.get(p))) : new SourceLoader.LoadResult.Failed("no such file", true);
        return Compiler.check(new Source("/w/plan.plan", PLAN), loader);
    }

    /** Where each occurrence of {@code name} in the text is bound to: the keyword of the declaration, or "-". */
    static String bindings(References refs, Source source, String name) {
        StringBuilder out = new StringBuilder();
        String text = source.text();
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            boolean word = (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && (i + name.length() >= text.length() || !Character.isLetterOrDigit(text.charAt(i + name.length())));
            if (!word) {
                continue;
            }
            References.Reference r = refs.at(source, i);
            out.append(r == null ? "-" : r.target().keyword() + " " + r.target().id().name()).append(';');
        }
        return out.toString();
    }

    @Test
    void everyKindOfReferenceIsBoundToItsDeclaration() {
        Result<CompiledPlan> r = compile();
        assertEquals(0, r.errorCount(), r.diagnostics().toString());
        CompiledPlan c = r.value();
        References refs = c.references();
        Source plan = c.root().source();
        Source lib = c.files().get(1).source();
        // declaration sites are not references
        assertEquals("calendar office;", bindings(refs, plan, "office"));
        assertEquals("calendar office;-;calendar office;", bindings(refs, lib, "office"));
        assertEquals("-;resource ana;", bindings(refs, lib, "ana"));
        assertEquals("resource ana;resource ana;", bindings(refs, plan, "ana"));
        assertEquals("team core;team core;", bindings(refs, plan, "core"));
        // dotted paths: each part names the task at its level
        assertEquals("-;task build;task build;task build;", bindings(refs, plan, "build"));
        assertEquals("-;task api;task api;task api;", bindings(refs, plan, "api"));
        assertEquals("-;task ui;", bindings(refs, plan, "ui"));
        assertEquals("-;milestone done;", bindings(refs, plan, "done"));
        assertEquals("-;metric cov;metric cov;", bindings(refs, plan, "cov"));
        assertEquals("-;task fix;", bindings(refs, plan, "fix"));
    }

    @Test
    void referencesToOneDeclaration() {
        CompiledPlan c = compile().value();
        Decl.TaskDecl build = (Decl.TaskDecl) c.root().decls().get(2);
        Member api = build.body().get(0);
        assertEquals(3, c.references().to((Decl) api).size());
        for (References.Reference ref : c.references().to((Decl) api)) {
            assertSame(api, ref.target());
            assertEquals("api", ref.name().name());
        }
    }

    @Test
    void unresolvedNamesAreNotBound() {
        Source s = new Source("p.plan", "plan \"P\" { start 2027-01-04 }\ntask a { duration 1d after nope }\n");
        Result<CompiledPlan> r = Compiler.check(s, p -> new SourceLoader.LoadResult.Failed("no", true));
        assertTrue(r.hasErrors());
        assertNull(r.value().references().at(s, s.text().indexOf("nope")));
        assertTrue(r.value().references().all().isEmpty());
    }

    @Test
    void compileIsCheckThenSchedule() {
        Result<CompiledPlan> checked = compile();
        Result<CompiledPlan> scheduled = Compiler.schedule(checked, dev.planc.compiler.schedule.ScheduleRequest.plain());
        assertNull(checked.value().schedule());
        assertTrue(scheduled.value().schedule() != null);
        assertSame(checked.value().references(), scheduled.value().references());
        assertSame(checked.value().plan(), scheduled.value().plan());
    }
}
