package dev.planc.lsp;

import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.diag.Diagnostics;
import dev.planc.compiler.format.Formatter;
import dev.planc.compiler.source.Source;
import dev.planc.compiler.source.SourceLoader;
import dev.planc.compiler.source.Span;
import dev.planc.compiler.syntax.SyntaxParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.jspecify.annotations.Nullable;

/** The text-document half of the protocol: document sync, then one method per feature. */
final class PlanTextService implements TextDocumentService {
    /** How long a hover waits for a schedule still being computed before it shows the front end only. */
    private static final long HOVER_WAIT_MILLIS = 3000;

    private final Documents documents;
    private final Analyzer analyzer;
    private final Consumer<String> log;

    PlanTextService(Documents documents, Analyzer analyzer, Consumer<String> log) {
        this.documents = documents;
        this.analyzer = analyzer;
        this.log = log;
    }

    // ------------------------------------------------------------------ sync

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        Path p = Documents.path(params.getTextDocument().getUri());
        if (p == null) {
            log.accept("planc: ignoring " + params.getTextDocument().getUri() + ": only file: documents are checked");
            return;
        }
        documents.open(params.getTextDocument().getUri(), p, params.getTextDocument().getVersion(),
                params.getTextDocument().getText());
        analyzer.changed(p, true);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        Path p = Documents.path(params.getTextDocument().getUri());
        if (p != null && documents.change(p, params.getTextDocument().getVersion(), params.getContentChanges()) != null) {
            analyzer.changed(p, false);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        Path p = Documents.path(params.getTextDocument().getUri());
        if (p != null) {
            documents.close(p);
            analyzer.closed(p);
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open text is what is checked; saving changes nothing
    }

    // ------------------------------------------------------------------ features

    /** Runs {@code f} on a snapshot holding the document, with the document's source; null when there is none. */
    private <T> CompletableFuture<@Nullable T> with(String uri, boolean schedule, Function<At, @Nullable T> f) {
        Path p = Documents.path(uri);
        if (p == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Snapshot> s = schedule ? analyzer.scheduledSnapshot(p, HOVER_WAIT_MILLIS) : analyzer.snapshot(p);
        // a file that cannot be read has no answer (the check already said why); f's refusals do pass
        return s.exceptionally(t -> {
            log.accept("planc: " + uri + ": " + (t.getCause() != null ? t.getCause() : t));
            return null;
        }).thenApply(snap -> {
            Source src = snap == null ? null : snap.source(p);
            return src == null ? null : f.apply(new At(snap, src));
        });
    }

    private record At(Snapshot snapshot, Source source) {
        int offset(Position p) {
            return Positions.offset(source, p);
        }
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return this.<Either<List<CompletionItem>, CompletionList>>with(params.getTextDocument().getUri(), false,
                at -> Either.forLeft(Completion.complete(at.source().text(), at.offset(params.getPosition()),
                        at.snapshot().symbols())))
                .thenApply(r -> r == null ? Either.forLeft(List.of()) : r);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return with(params.getTextDocument().getUri(), true, at -> {
            int offset = at.offset(params.getPosition());
            Symbols.Entry e = Navigation.target(at.snapshot(), at.source(), offset);
            if (e == null) {
                return null;
            }
            String text = Hovers.hover(at.snapshot(), e);
            return text == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, text), range(at, offset));
        });
    }

    /** The range of the name under the cursor (a reference or a declaration's id). */
    private static @Nullable Range range(At at, int offset) {
        var r = at.snapshot().compiled().references().at(at.source(), offset);
        if (r != null) {
            return Positions.range(r.name().span());
        }
        Symbols.Entry d = at.snapshot().symbols().declaredAt(at.source(), offset);
        return d == null ? null : Positions.range(d.id().span());
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return this.<Either<List<? extends Location>, List<? extends LocationLink>>>with(
                params.getTextDocument().getUri(), false, at -> {
                    Symbols.Entry e = Navigation.target(at.snapshot(), at.source(), at.offset(params.getPosition()));
                    return Either.forLeft(e == null ? List.of() : List.of(location(e.id().span())));
                }).thenApply(r -> r == null ? Either.forLeft(List.of()) : r);
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean decl = params.getContext() != null && params.getContext().isIncludeDeclaration();
        return this.<List<? extends Location>>with(params.getTextDocument().getUri(), false, at -> {
            Symbols.Entry e = Navigation.target(at.snapshot(), at.source(), at.offset(params.getPosition()));
            if (e == null) {
                return List.of();
            }
            List<Location> out = new ArrayList<>();
            for (Span s : Navigation.occurrences(at.snapshot(), e, decl)) {
                out.add(location(s));
            }
            return out;
        }).thenApply(r -> r == null ? List.of() : r);
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return this.<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>with(
                params.getTextDocument().getUri(), false, at -> {
                    int offset = at.offset(params.getPosition());
                    Symbols.Entry e = Navigation.target(at.snapshot(), at.source(), offset);
                    Range r = e == null ? null : range(at, offset);
                    return r == null ? null : Either3.forSecond(new PrepareRenameResult(r, e.id().name()));
                });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        SourceLoader loader = analyzer.loader();
        return with(params.getTextDocument().getUri(), false, at -> {
            Symbols.Entry e = Navigation.target(at.snapshot(), at.source(), at.offset(params.getPosition()));
            if (e == null) {
                throw refused("there is no declared name here to rename");
            }
            Map<Source, List<Span>> edits;
            try {
                edits = Navigation.rename(at.snapshot(), e, params.getNewName(), loader);
            } catch (Navigation.Refused x) {
                throw refused(x.getMessage());
            }
            Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
            for (Map.Entry<Source, List<Span>> f : edits.entrySet()) {
                List<TextEdit> list = new ArrayList<>();
                for (Span s : f.getValue()) {
                    list.add(new TextEdit(Positions.range(s), params.getNewName()));
                }
                changes.put(documents.uri(f.getKey()), list);
            }
            return new WorkspaceEdit(changes);
        });
    }

    private static ResponseErrorException refused(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                "cannot rename: " + message, null));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return this.<List<Either<SymbolInformation, DocumentSymbol>>>with(params.getTextDocument().getUri(), false, at -> {
            PlanFile f = at.snapshot().file(Documents.key(at.source().path()));
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            if (f != null) {
                for (DocumentSymbol s : Outline.symbols(f)) {
                    out.add(Either.forRight(s));
                }
            }
            return out;
        }).thenApply(r -> r == null ? List.of() : r);
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return this.<List<FoldingRange>>with(params.getTextDocument().getUri(), false, at -> {
            PlanFile f = at.snapshot().file(Documents.key(at.source().path()));
            return f == null ? List.of() : Outline.folding(f);
        }).thenApply(r -> r == null ? List.of() : r);
    }

    /**
     * The whole document in {@code planc fmt}'s layout (the same formatter, so the same bytes),
     * as one edit; nothing when it is already formatted or does not parse.
     */
    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        Path p = Documents.path(params.getTextDocument().getUri());
        if (p == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            SourceLoader.LoadResult loaded = documents.load(p);
            if (!(loaded instanceof SourceLoader.LoadResult.Loaded l)) {
                return List.of();
            }
            Source source = l.source();
            Diagnostics diagnostics = new Diagnostics();
            PlanFile file = SyntaxParser.parse(source, diagnostics);
            if (diagnostics.hasErrors()) {
                log.accept("planc: not formatting " + p + ": fix the syntax errors first");
                return List.of();
            }
            String formatted = Formatter.format(file);
            if (formatted.equals(source.text())) {
                return List.of();
            }
            Range all = new Range(new Position(0, 0), Positions.position(source, source.text().length()));
            return List.of(new TextEdit(all, formatted));
        });
    }

    private Location location(Span span) {
        return new Location(documents.uri(span.source()), Positions.range(span));
    }
}
