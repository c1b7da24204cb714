package dev.planc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.planc.compiler.diag.Diagnostic;
import dev.planc.compiler.diag.Severity;
import dev.planc.compiler.schedule.ScheduleRequest;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanSetTest {
    /** Files in memory, as a directory would hold them; every load makes a new Source, as the disk does. */
    static final Map<String, String> FILES = Map.of(
            "/p/web.plan", """
                    plan "Web" { start 2027-01-04 }
                    include "shared/people.plan"
                    task design "Design" { effort 5d  assign alice }
                    """,
            "/p/ops.plan", """
                    plan "Ops" { start 2027-01-04 }
                    include "shared/people.plan"
                    task rota "Rota" { effort 2d  assign alice }
                    """,
            "/p/bad.plan", """
                    plan "Bad" { start 2027-01-04 }
                    task rota "Rota" { duration 2d  after nobody }
                    """,
            "/p/shared/people.plan", """
                    resource alice "Alice" { }
                    resource bob "Bob" { }
                    """);

    static final SourceLoader LOADER = path -> {
        String text = FILES.get(path.toString());
        return text == null ? new SourceLoader.LoadResult.Failed("no such file", true)
                : new SourceLoader.LoadResult.Loaded(new Source(path.toString(), text));
    };

    static PlanSet.Root root(String path, boolean found) {
        return new PlanSet.Root(((SourceLoader.LoadResult.Loaded) LOADER.load(Path.of(path))).source(), found);
    }

    static List<String> lines(PlanSet set) {
        return set.diagnostics().stream().map(d -> d.span().location() + " " + d.code().id()).toList();
    }

    @Test
    void aLibraryFoundInTheDirectoryIsCheckedThroughItsIncludersAndItsFindingsReportedOnce() {
        PlanSet set = PlanSet.compile(List.of(root("/p/bad.plan", true), root("/p/ops.plan", true),
                root("/p/shared/people.plan", true), root("/p/web.plan", true)), LOADER, ScheduleRequest.plain());
        assertEquals(List.of("/p/bad.plan", "/p/ops.plan", "/p/web.plan"),
                set.plans().stream().map(PlanSet.Member::path).toList());
        // `bob` is unused in both plans that include the file: one warning, not two.
        assertEquals(List.of("/p/bad.plan:2:39 E0201", "/p/shared/people.plan:2:10 W0001"), lines(set));
        assertEquals(1, set.errors());
        assertEquals(1, set.warnings());
        assertEquals(1, set.filesWith(Severity.ERROR));
        assertEquals(1, set.filesWith(Severity.WARNING));
    }

    @Test
    void aFileNamedOnItsOwnIsAlwaysCompiledOnItsOwn() {
        PlanSet set = PlanSet.compile(List.of(root("/p/shared/people.plan", false), root("/p/web.plan", true)),
                LOADER, ScheduleRequest.plain());
        assertEquals(2, set.plans().size());
        assertEquals(List.of("/p/shared/people.plan:1:1 E0210", "/p/shared/people.plan:2:10 W0001"), lines(set));
        assertEquals(List.of(Severity.ERROR, Severity.WARNING),
                set.diagnostics().stream().map(Diagnostic::severity).toList());
    }

    @Test
    void nothingToCompileIsAnEmptySet() {
        PlanSet set = PlanSet.compile(List.of(), LOADER, ScheduleRequest.plain());
        assertEquals(0, set.plans().size());
        assertEquals(0, set.errors() + set.warnings());
    }
}
