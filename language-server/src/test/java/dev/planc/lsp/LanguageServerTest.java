package dev.planc.lsp;

import static dev.planc.lsp.LspClient.at;
import static dev.planc.lsp.LspClient.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.format.Formatter;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.syntax.SyntaxParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every feature through the real protocol, against a server in this process. */
class LanguageServerTest {
    static final String LIB = """
            resource ana "Ana" { capacity 1 }
            resource bo "Bo" { capacity 1 }
            team core "Core" { members ana, bo }
            calendar office { workdays mon tue wed thu fri }
            """;
    static final String PLAN = """
            plan "Launch 🚀" {
              start 2027-01-04
              calendar office
            }
            include "lib.plan"

            task build "Build 🚀 it" {
              task api "API" { effort 4d assign ana }
              task ui "UI" { effort 2d assign core after api }
            }
            milestone done "Done" { after build }
            goal g "Goal" {
              milestones done
              metric cov "Coverage" { unit "%" baseline 40 target 80 by 2027-03-31 }
            }
            task fix "Fix" contingent { duration 1d assign bo }
            contingency c {
              when cov < cov.expected and build.api.slip > 2d
              then { activate fix }
            }
            """;

    @TempDir
    Path dir;
    Path plan;
    Path lib;
    LspClient client;
    TextDocumentService docs;

    @BeforeEach
    void start() throws Exception {
        plan = dir.resolve("launch.plan");
        lib = dir.resolve("lib.plan");
        Files.writeString(plan, PLAN, StandardCharsets.UTF_8);
        Files.writeString(lib, LIB, StandardCharsets.UTF_8);
        client = new LspClient(dir, 20);
        docs = client.server.getTextDocumentService();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private TextDocumentIdentifier id(Path p) {
        return new TextDocumentIdentifier(uri(p));
    }

    private PublishDiagnosticsParams openClean() throws Exception {
        client.open(plan, PLAN);
        PublishDiagnosticsParams d = client.next(plan);
        assertEquals(List.of(), d.getDiagnostics());
        return d;
    }

    // ------------------------------------------------------------------ diagnostics

    @Test
    void diagnosticsOnOpenCountUtf16ColumnsAfterAnEmoji() throws Exception {
        String text = PLAN.replace("after api }", "after apj }");
        client.open(plan, text);
        PublishDiagnosticsParams d = client.next(plan);
        assertEquals(1, d.getVersion());
        assertEquals(1, d.getDiagnostics().size(), d.toString());
        Diagnostic e = d.getDiagnostics().get(0);
        assertEquals("E0201", e.getCode().getLeft());
        assertTrue(e.getMessage().startsWith("unknown task `apj`"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean `api`?"), e.getMessage());
        Position p = at(text, "apj", 0, 0);
        assertEquals(new Range(p, new Position(p.getLine(), p.getCharacter() + 3)), e.getRange());

        // an emoji before the error on its line: two UTF-16 units, one code point
        String emoji = PLAN.replace("task fix \"Fix\" contingent { duration 1d assign bo }",
                "task fix \"🚀🚀 Fix\" contingent { duration 1d assign bx }");
        client.replaceAll(plan, 2, emoji);
        Diagnostic e2 = client.next(plan, 2).getDiagnostics().get(0);
        int line = emoji.substring(0, emoji.indexOf("assign bx")).split("\n", -1).length - 1;
        String lineText = emoji.split("\n")[line];
        assertEquals(lineText.indexOf("bx"), e2.getRange().getStart().getCharacter());
        assertEquals(lineText.codePointCount(0, lineText.indexOf("bx")) + 2, e2.getRange().getStart().getCharacter());
        assertEquals("E0202", e2.getCode().getLeft());
    }

    @Test
    void incrementalEditsAreCheckedAndStaleResultsDropped() throws Exception {
        openClean();
        // type `, apx` one character at a time into the ui task (incremental edits, each a version)
        Position p = at(PLAN, "after api }", 0, "after api".length());
        String typed = ", apx";
        for (int i = 0; i < typed.length(); i++) {
            Position q = new Position(p.getLine(), p.getCharacter() + i);
            client.replace(plan, 2 + i, new Range(q, q), typed.substring(i, i + 1));
        }
        PublishDiagnosticsParams d = client.next(plan, 2 + typed.length() - 1);
        assertEquals(1, d.getDiagnostics().size(), d.toString());
        assertTrue(d.getDiagnostics().get(0).getMessage().startsWith("unknown task `apx`"));
        // delete it again: clean
        Position end = new Position(p.getLine(), p.getCharacter() + typed.length());
        client.replace(plan, 20, new Range(p, end), "");
        assertEquals(List.of(), client.next(plan, 20).getDiagnostics());
    }

    @Test
    void diagnosticsOfAnIncludedFileUseItsUnsavedText() throws Exception {
        openClean();
        assertEquals(List.of(), client.next(lib).getDiagnostics()); // published with the plan that includes it
        client.open(lib, LIB.replace("members ana, bo", "members ana, bob"));
        // the unsaved include is checked through the plan that includes it
        PublishDiagnosticsParams d = client.next(lib);
        assertEquals(1, d.getDiagnostics().size(), d.toString());
        assertEquals("E0202", d.getDiagnostics().get(0).getCode().getLeft());
        assertEquals(at(LIB, "bo }", 0, 0).getLine(), d.getDiagnostics().get(0).getRange().getStart().getLine());
        // an edit of the included file is checked through the plan again
        client.replaceAll(lib, 2, LIB);
        assertEquals(List.of(), client.next(lib, 2).getDiagnostics());
        // and an edit to the root with an unknown calendar shows up for the root
        client.replaceAll(plan, 2, PLAN.replace("calendar office", "calendar ofice"));
        PublishDiagnosticsParams root = client.next(plan, 2);
        assertEquals("E0203", root.getDiagnostics().get(0).getCode().getLeft());
    }

    @Test
    void anIncludedFileOpenedAloneIsCheckedThroughThePlanInTheWorkspace() throws Exception {
        // the plan is on disk only: the server finds it under the workspace folder
        client.open(lib, LIB.replace("calendar office {", "calendar office { extends nowhere"));
        PublishDiagnosticsParams d = client.next(lib, 1);
        assertEquals(1, d.getDiagnostics().size(), d.toString());
        assertEquals("E0203", d.getDiagnostics().get(0).getCode().getLeft());
        // and navigation works from the included file into the plan
        ReferenceParams rp = new ReferenceParams(id(lib), at(LIB, "ana", 0, 1), new ReferenceContext(false));
        List<? extends Location> refs = docs.references(rp).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(uri(lib), uri(plan)), refs.stream().map(Location::getUri).toList());
    }

    @Test
    void aMissedDeadlineAppearsOnceScheduled() throws Exception {
        client.open(plan, PLAN.replace("milestone done \"Done\" { after build }",
                "milestone done \"Done\" { after build deadline 2027-01-05 }"));
        PublishDiagnosticsParams front = client.next(plan);
        assertEquals(List.of(), front.getDiagnostics());
        PublishDiagnosticsParams scheduled = client.next(plan);
        assertEquals("E0307", scheduled.getDiagnostics().get(0).getCode().getLeft());
    }

    // ------------------------------------------------------------------ completion

    private List<String> complete(String text, Position p) throws Exception {
        client.replaceAll(plan, 2, text);
        var r = docs.completion(new CompletionParams(id(plan), p)).get(30, TimeUnit.SECONDS);
        List<String> out = new ArrayList<>();
        for (CompletionItem i : r.getLeft()) {
            out.add(i.getLabel());
        }
        return out;
    }

    /** Completion with the cursor where {@code |} is in {@code marked}. */
    private List<String> completeAt(String marked) throws Exception {
        int i = marked.indexOf('|');
        String text = marked.substring(0, i) + marked.substring(i + 1);
        return complete(text, at(marked, "|", 0, 0));
    }

    @Test
    void completionKnowsWhereTheCursorIs() throws Exception {
        openClean();
        // keywords valid at that point
        assertEquals(Completion.TOP, completeAt(PLAN + "\n|"));
        assertEquals(List.of("duration", "effort", "assign", "after", "finish", "start", "deadline", "priority",
                "budget", "cost", "note", "task", "milestone"), completeAt(PLAN + "\ntask x { duration 2d | }"));
        assertEquals(Completion.STARTERS.get("plan"), completeAt(PLAN.replace("start 2027-01-04", "start 2027-01-04 |")));
        assertEquals(List.of("notify", "activate", "escalate"), completeAt(PLAN.replace("then { activate fix }",
                "then { activate fix | }")));
        // task and milestone names after `after`, as seen from inside the group (its children first)
        assertEquals(List.of("api", "build", "done", "fix"), // `ui` never waits for itself
                completeAt(PLAN.replace("task ui \"UI\" { effort 2d assign core after api }",
                        "task ui \"UI\" { effort 2d assign core after | }")));
        assertEquals(List.of("build", "done", "fix"), completeAt(PLAN + "\ntask x { after | }"));
        assertEquals(List.of("build", "done", "fix"), completeAt(PLAN + "\ntask x { after fix, | }"));
        // resources and teams after `assign`
        assertEquals(List.of("ana", "bo", "core"), completeAt(PLAN + "\ntask x { effort 1d assign | }"));
        assertEquals(List.of("ana", "bo", "core"), completeAt(PLAN + "\ntask x { effort 1d assign a| }"));
        assertEquals(List.of(), completeAt(PLAN + "\ntask x { effort 1d assign ana:| }"));
        // calendars after `calendar` in a block; nothing when declaring one
        assertEquals(List.of("office"), completeAt(PLAN.replace("calendar office", "calendar |")));
        assertEquals(List.of(), completeAt(PLAN + "\ncalendar |"));
        assertEquals(List.of(), completeAt(PLAN + "\ncalendar c2 |"));
        // metrics and task fields inside `when`
        assertEquals(List.of("cov", "today", "spi", "cpi", "build", "done", "fix", "not", "true", "false"),
                completeAt(PLAN.replace("when cov < cov.expected", "when |")));
        assertEquals(List.of("cov", "today", "spi", "cpi", "build", "done", "fix", "true", "false"),
                completeAt(PLAN.replace("when cov < cov.expected", "when cov < |")));
        assertEquals(List.of("api", "ui", "slip", "progress", "started", "done", "late"),
                completeAt(PLAN.replace("build.api.slip", "build.|")));
        assertEquals(List.of("slip", "progress", "started", "done", "late"),
                completeAt(PLAN.replace("build.api.slip", "build.api.|")));
        assertEquals(List.of("expected"), completeAt(PLAN.replace("cov.expected", "cov.|")));
        // dotted paths into groups after `after`
        assertEquals(List.of("api", "ui", "start"), completeAt(PLAN + "\ntask x { after build.| }"));
        assertEquals(List.of("api", "ui", "start"), completeAt(PLAN + "\ntask x { after build.u| }"));
        // the other name positions
        assertEquals(List.of("after"), completeAt(PLAN + "\ntask x { duration 1d finish | }"));
        assertEquals(List.of("build", "done", "fix"), completeAt(PLAN + "\ntask x { duration 1d finish after | }"));
        assertEquals(List.of("ana", "bo", "core"), completeAt(PLAN.replace("owner", "") + "\ngoal h { owner | }"));
        assertEquals(List.of("ana", "bo"), completeAt(PLAN + "\nteam t { members ana, | }"));
        assertEquals(List.of("office"), completeAt(PLAN + "\ncalendar c2 { extends | }"));
        assertEquals(Completion.WEEKDAYS, completeAt(PLAN + "\ncalendar c2 { workdays | }"));
        assertEquals(List.of("build", "done", "fix"), completeAt(PLAN.replace("milestones done", "milestones |")));
        assertEquals(List.of("contingent"), completeAt(PLAN + "\ntask x \"X\" |"));
        assertEquals(List.of(), completeAt(PLAN + "\ntask |"));
        // nothing inside strings and comments
        assertEquals(List.of(), completeAt(PLAN + "\ntask x \"after |"));
        assertEquals(List.of(), completeAt(PLAN + "\n# after |"));
    }

    // ------------------------------------------------------------------ hover

    private String hover(Position p) throws Exception {
        Hover h = docs.hover(new HoverParams(id(plan), p)).get(30, TimeUnit.SECONDS);
        assertNotNull(h, "no hover at " + p);
        return h.getContents().getRight().getValue();
    }

    /** Hovers until the text has {@code needle}: the schedule is computed a moment after the check. */
    private String hoverUntil(Position p, String needle) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String h = hover(p);
        while (!h.contains(needle) && System.nanoTime() < until) {
            Thread.sleep(100);
            h = hover(p);
        }
        return h;
    }

    @Test
    void hoverShowsTheScheduleLoadAndTargetLine() throws Exception {
        openClean();
        String api = hoverUntil(at(PLAN, "api", 1, 1), "start:"); // `after api` in ui
        assertTrue(api.startsWith("**task** `build.api` \u2014 API"), api);
        assertTrue(api.contains("start: 2027-01-04T09:00"), api);
        assertTrue(api.contains("finish: 2027-01-07T17:00"), api);
        assertTrue(api.contains("slack: 0d \u2014 **critical**"), api);
        assertTrue(api.contains("assigned: `ana`"), api);

        String fix = hover(at(PLAN, "task fix", 0, 6));
        assertTrue(fix.contains("not scheduled: contingent, not activated"), fix);

        String ana = hover(at(PLAN, "assign ana", 0, 8));
        assertTrue(ana.startsWith("**resource** `ana` \u2014 Ana"), ana);
        // 4d on `api`, and half of `ui`'s 2d effort through the team `core`
        assertTrue(ana.contains("load: 5d booked on 2 tasks, 100 %"), ana);
        assertTrue(ana.contains(" % of its working time from 2027-01-04T09:00"), ana);

        String cov = hover(at(PLAN, "cov <", 0, 1));
        assertTrue(cov.contains("target line: 40 % at 2027-01-04 \u2192 80 % by 2027-03-31"), cov);
        assertTrue(cov.contains("higher is better"), cov);

        String done = hover(at(PLAN, "milestones done", 0, 12));
        assertTrue(done.contains("date: "), done);
    }

    // ------------------------------------------------------------------ navigation

    @Test
    void definitionAndReferencesAcrossTheIncludedFile() throws Exception {
        openClean();
        var def = docs.definition(new DefinitionParams(id(plan), at(PLAN, "assign ana", 0, 8))).get(30, TimeUnit.SECONDS);
        Location l = def.getLeft().get(0);
        assertEquals(uri(lib), l.getUri());
        Position ana = at(LIB, "ana", 0, 0);
        assertEquals(new Range(ana, new Position(ana.getLine(), ana.getCharacter() + 3)), l.getRange());

        // from a dotted path's part to the nested task
        var api = docs.definition(new DefinitionParams(id(plan), at(PLAN, "build.api.slip", 0, 7))).get(30, TimeUnit.SECONDS);
        assertEquals(at(PLAN, "api \"API\"", 0, 0), api.getLeft().get(0).getRange().getStart());

        ReferenceParams rp = new ReferenceParams(id(lib), at(LIB, "ana", 0, 1), new ReferenceContext(true));
        List<? extends Location> refs = docs.references(rp).get(30, TimeUnit.SECONDS);
        // declaration in lib, `members ana` in lib, `assign ana` in the plan
        assertEquals(3, refs.size(), refs.toString());
        assertEquals(2, refs.stream().filter(r -> r.getUri().equals(uri(lib))).count());
        rp.setContext(new ReferenceContext(false));
        assertEquals(2, docs.references(rp).get(30, TimeUnit.SECONDS).size());
    }

    private WorkspaceEdit rename(Path file, Position p, String name) throws Exception {
        return docs.rename(new RenameParams(id(file), p, name)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void renameAcrossIncludedFilesAndRefusingClashes() throws Exception {
        openClean();
        WorkspaceEdit edit = rename(plan, at(PLAN, "assign bo", 0, 8), "bea");
        Map<String, List<TextEdit>> changes = edit.getChanges();
        assertEquals(1, changes.get(uri(plan)).size());
        assertEquals(2, changes.get(uri(lib)).size()); // declaration and `members ... bo`
        for (TextEdit t : changes.get(uri(lib))) {
            assertEquals("bea", t.getNewText());
        }
        // a nested task: the declaration, `after api` and the dotted path in the condition
        WorkspaceEdit api = rename(plan, at(PLAN, "task api", 0, 6), "backend");
        assertEquals(3, api.getChanges().get(uri(plan)).size());

        // clashes are refused with a reason
        ExecutionException same = assertThrows(ExecutionException.class, () -> rename(plan, at(PLAN, "task api", 0, 6), "ui"));
        assertTrue(same.getCause() instanceof ResponseErrorException);
        assertTrue(same.getCause().getMessage().contains("a task `ui` is already declared in `build`"),
                same.getCause().getMessage());
        ExecutionException global = assertThrows(ExecutionException.class, () -> rename(lib, at(LIB, "ana", 0, 0), "office"));
        assertTrue(global.getCause().getMessage().contains("a calendar `office` is already declared"),
                global.getCause().getMessage());
        ExecutionException bad = assertThrows(ExecutionException.class, () -> rename(plan, at(PLAN, "task api", 0, 6), "9x"));
        assertTrue(bad.getCause().getMessage().contains("is not a name"), bad.getCause().getMessage());
        // renaming `fix` to `build` would not clash among siblings... it does (both top level);
        // renaming the milestone `done` to `api` does not clash, but `after api` in `ui` would then
        // still mean `build.api`, while nothing else changes: allowed. Renaming `api` to `done`
        // would make nothing ambiguous either. A real capture: inside `build`, `after done` (the
        // milestone) would turn into the child if a child were renamed to `done`.
        String capture = PLAN.replace("task ui \"UI\" { effort 2d assign core after api }",
                "task ui \"UI\" { effort 2d assign core after api }\n  milestone m { after done }");
        client.replaceAll(plan, 3, capture);
        ExecutionException captured = assertThrows(ExecutionException.class,
                () -> rename(plan, at(capture, "task api", 0, 6), "done"));
        assertTrue(captured.getCause().getMessage().contains("would change what `done`"),
                captured.getCause().getMessage());
    }

    // ------------------------------------------------------------------ outline, formatting, folding

    @Test
    void outlineOfGroupsTasksAndGoals() throws Exception {
        openClean();
        var symbols = docs.documentSymbol(new DocumentSymbolParams(id(plan))).get(30, TimeUnit.SECONDS);
        List<String> top = new ArrayList<>();
        for (var e : symbols) {
            top.add(e.getRight().getName());
        }
        assertEquals(List.of("Launch 🚀", "build", "done", "g", "fix", "c"), top);
        DocumentSymbol build = symbols.get(1).getRight();
        assertEquals("task \u2014 Build 🚀 it", build.getDetail());
        assertEquals(List.of("api", "ui"), build.getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("cov"), symbols.get(3).getRight().getChildren().stream().map(DocumentSymbol::getName).toList());
        assertEquals(at(PLAN, "build", 0, 0), build.getSelectionRange().getStart());
    }

    @Test
    void formattingIsWhatPlancFmtWrites() throws Exception {
        String messy = "plan \"P\" {start 2027-01-04}\n   task   a \"A 🚀\"{duration 2d}  # keep me\ntask b { after a\n duration 1d }\n";
        client.open(plan, messy);
        client.next(plan);
        List<? extends TextEdit> edits = docs.formatting(new DocumentFormattingParams(id(plan),
                new FormattingOptions(2, true))).get(30, TimeUnit.SECONDS);
        assertEquals(1, edits.size());
        String expected = Formatter.format(SyntaxParser.parse(new Source(plan.toString(), messy), new Diagnostics()));
        assertEquals(expected, edits.get(0).getNewText());
        assertEquals(new Range(new Position(0, 0), new Position(4, 0)), edits.get(0).getRange());
        // formatted text: no edit; text that does not parse: no edit either
        client.replaceAll(plan, 2, expected);
        assertEquals(List.of(), docs.formatting(new DocumentFormattingParams(id(plan), new FormattingOptions(2, true)))
                .get(30, TimeUnit.SECONDS));
        client.replaceAll(plan, 3, "plan \"P\" { start 2027-01-04 \ntask a {");
        assertEquals(List.of(), docs.formatting(new DocumentFormattingParams(id(plan), new FormattingOptions(2, true)))
                .get(30, TimeUnit.SECONDS));
    }

    @Test
    void foldingRangesForBlocksAndBlockComments() throws Exception {
        String text = PLAN + "/* a\n   long\n   comment */\n";
        client.open(plan, text);
        client.next(plan);
        List<FoldingRange> ranges = docs.foldingRange(new FoldingRangeRequestParams(id(plan))).get(30, TimeUnit.SECONDS);
        List<String> got = ranges.stream().map(r -> r.getStartLine() + "-" + r.getEndLine()
                + (r.getKind() == null ? "" : " " + r.getKind())).toList();
        // plan 0-3, build 6-9, goal 11-14, contingency 16-19; the comment 20-22
        assertEquals(List.of("0-2", "6-8", "11-13", "16-18", "20-22 comment"), got);
    }

    @Test
    void shutdownThenExitEndsTheServerWithZero() throws Exception {
        openClean();
        assertEquals(0, client.stop());
        assertFalse(client.logs.isEmpty());
    }
}
