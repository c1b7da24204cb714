package dev.planc.compiler.format;

import dev.planc.compiler.ast.Action;
import dev.planc.compiler.ast.Attr;
import dev.planc.compiler.ast.Comment;
import dev.planc.compiler.ast.Decl;
import dev.planc.compiler.ast.Ident;
import dev.planc.compiler.ast.Member;
import dev.planc.compiler.ast.PlanFile;
import dev.planc.compiler.ast.Str;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lays a file out as output lines and places its comments. Works in three steps:
 *
 * <ol>
 *   <li>Build the tree of output lines. Every line knows the source range it prints, from the
 *       start of its first token to the end of its last token ({@code ;} excluded); punctuation
 *       that the AST has no node for (braces) is found by scanning the source around the
 *       nodes, skipping whitespace and comments.
 *   <li>Attach each comment to a line: inside a line's range, it moves before that line; on the
 *       source line where a line's last token ends, it trails that line; otherwise it leads the
 *       line whose first token follows it (or closes the block, or ends the file).
 *   <li>Render, deciding blank lines from the source text in front of each item.
 * </ol>
 */
final class Layout {
    private static final String INDENT = "  ";
    /** A small block (up to this many attributes, no comments inside) may print on one line... */
    private static final int MAX_COMPACT = 3;
    /** ...when that line, indentation included, is at most this wide. */
    private static final int MAX_WIDTH = 100;

    private final PlanFile file;
    private final String text;
    private final Map<Integer, Comment> commentAt = new HashMap<>();
    private final Map<Integer, Comment> commentEndingAt = new HashMap<>();
    private final List<Line> lines = new ArrayList<>();
    private final Map<Integer, Line> lineStartingAt = new HashMap<>();
    private final Map<Integer, Line> lineEndingAt = new HashMap<>();
    private final List<Comment> endOfFile = new ArrayList<>();
    private final List<String> out = new ArrayList<>();

    Layout(PlanFile file) {
        this.file = file;
        this.text = file.source().text();
        for (Comment c : file.comments()) {
            commentAt.put(c.span().start(), c);
            commentEndingAt.put(c.span().end(), c);
        }
    }

    String render() {
        List<Item> top = new ArrayList<>();
        for (Decl d : file.decls()) {
            top.add(decl(d));
        }
        for (Item item : top) {
            collect(item);
        }
        for (Comment c : file.comments()) {
            place(c);
        }
        items(top, 0, true, endOfFile);
        if (out.isEmpty()) {
            return "";
        }
        return String.join("\n", out) + "\n";
    }

    // ------------------------------------------------------------------ the tree of lines

    /** One output line, before indentation, with the comments attached to it. */
    private static final class Line {
        final String text;
        /** Source range from the start of the first token to the end of the last. */
        final int start;
        final int end;
        /** Own-line comments in front of it in the source. */
        final List<Comment> leading = new ArrayList<>();
        /** Comments from inside its range, printed before it. */
        final List<Comment> moved = new ArrayList<>();
        /** Comments after its last token on the same source line. */
        final List<Comment> trailing = new ArrayList<>();

        Line(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }
    }

    /** A member of a block: one line, or a header, a body and a closing brace. */
    private interface Item {
        Line first();
    }

    private record Single(Line line) implements Item {
        @Override
        public Line first() {
            return line;
        }
    }

    /** {@code compact}: the whole block on one line, used when it fits (see {@link #emit}). */
    private record Block(Line header, List<Item> body, Line close, @Nullable String compact) implements Item {
        @Override
        public Line first() {
            return header;
        }
    }

    private Item decl(Decl d) {
        int start = d.span().start();
        if (d instanceof Decl.IncludeDecl) {
            return new Single(new Line(Printer.header(d), start, codeEnd(d.span().end())));
        }
        List<Item> body = new ArrayList<>();
        for (Member m : d.body()) {
            body.add(member(m));
        }
        int lbrace = find('{', headerEnd(d));
        int rbrace = codeEnd(d.span().end()) - 1;
        Item item = block(Printer.header(d), start, lbrace, body, rbrace);
        if (item instanceof Block b && compactable(d) && body.size() <= MAX_COMPACT
                && body.stream().allMatch(i -> i instanceof Single) && !hasCommentBetween(lbrace, rbrace)) {
            StringBuilder line = new StringBuilder(Printer.header(d)).append(" {");
            for (Item i : body) {
                line.append(i == body.get(0) ? " " : "  ").append(((Single) i).line().text);
            }
            return new Block(b.header(), b.body(), b.close(), line.append(" }").toString());
        }
        return item;
    }

    /** Small declarations that read well on one line, as in the language reference. */
    private static boolean compactable(Decl d) {
        if (d instanceof Decl.TaskDecl t) {
            return t.body().stream().noneMatch(m -> m instanceof Decl);
        }
        return d instanceof Decl.ResourceDecl || d instanceof Decl.TeamDecl || d instanceof Decl.MilestoneDecl
                || d instanceof Decl.MetricDecl;
    }

    /** Where the last header token that may hide a brace (a name or a string) ends. */
    private static int headerEnd(Decl d) {
        int end = d.span().start();
        Ident id = d.id();
        if (id != null) {
            end = Math.max(end, id.span().end());
        }
        Str title = title(d);
        if (title != null) {
            end = Math.max(end, title.span().end());
        }
        return end;
    }

    private static @Nullable Str title(Decl d) {
        if (d instanceof Decl.PlanDecl p) {
            return p.name();
        } else if (d instanceof Decl.ResourceDecl r) {
            return r.title();
        } else if (d instanceof Decl.TeamDecl t) {
            return t.title();
        } else if (d instanceof Decl.TaskDecl t) {
            return t.title();
        } else if (d instanceof Decl.MilestoneDecl m) {
            return m.title();
        } else if (d instanceof Decl.GoalDecl g) {
            return g.title();
        } else if (d instanceof Decl.MetricDecl m) {
            return m.title();
        } else if (d instanceof Decl.ContingencyDecl c) {
            return c.title();
        }
        return null;
    }

    private Item member(Member m) {
        if (m instanceof Decl d) {
            return decl(d);
        }
        Attr a = (Attr) m;
        int start = a.span().start();
        if (a instanceof Attr.Then then) {
            List<Item> body = new ArrayList<>();
            for (Action action : then.actions()) {
                body.add(new Single(new Line(Printer.action(action), action.span().start(),
                        codeEnd(action.span().end()))));
            }
            int lbrace = find('{', start);
            int rbrace = codeEnd(a.span().end()) - 1;
            return block(Printer.attr(a), start, lbrace, body, rbrace);
        }
        return new Single(new Line(Printer.attr(a), start, codeEnd(a.span().end())));
    }

    /** An empty block without comments inside prints as {@code header { }} on one line. */
    private Item block(String header, int start, int lbrace, List<Item> body, int rbrace) {
        if (body.isEmpty() && !hasCommentBetween(lbrace, rbrace)) {
            return new Single(new Line(header + " { }", start, rbrace + 1));
        }
        return new Block(new Line(header + " {", start, lbrace + 1), body, new Line("}", rbrace, rbrace + 1), null);
    }

    /** Whether a comment starts strictly between two offsets (comments are in source order). */
    private boolean hasCommentBetween(int from, int to) {
        List<Comment> comments = file.comments();
        int lo = 0;
        int hi = comments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comments.get(mid).span().start() <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < comments.size() && comments.get(lo).span().start() < to;
    }

    private void collect(Item item) {
        if (item instanceof Single s) {
            add(s.line());
        } else if (item instanceof Block b) {
            add(b.header());
            for (Item i : b.body()) {
                collect(i);
            }
            add(b.close());
        }
    }

    private void add(Line line) {
        lines.add(line);
        lineStartingAt.put(line.start, line);
        lineEndingAt.put(line.end, line);
    }

    // ------------------------------------------------------------------ source scanning

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\uFEFF';
    }

    /** The end of the last code token at or before {@code offset}: skips whitespace, {@code ;} and comments. */
    private int codeEnd(int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0) {
            Comment c = commentEndingAt.get(i);
            if (c != null && c.span().start() < i) {
                i = c.span().start();
            } else if (isSpace(text.charAt(i - 1)) || text.charAt(i - 1) == ';') {
                i--;
            } else {
                break;
            }
        }
        return i;
    }

    /** The start of the next code token at or after {@code offset}, or the text length. */
    private int codeStart(int offset) {
        int i = offset;
        while (i < text.length()) {
            Comment c = commentAt.get(i);
            if (c != null && c.span().end() > i) {
                i = c.span().end();
            } else if (isSpace(text.charAt(i)) || text.charAt(i) == ';') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The offset of {@code ch} at or after {@code from}, outside comments. */
    private int find(char ch, int from) {
        int i = from;
        while (i < text.length()) {
            Comment c = commentAt.get(i);
            if (c != null && c.span().end() > i) {
                i = c.span().end();
            } else if (text.charAt(i) == ch) {
                return i;
            } else {
                i++;
            }
        }
        throw new IllegalStateException("no `" + ch + "` after offset " + from + " in " + file.source().path()
                + ": the formatter needs a file without syntax errors");
    }

    private boolean hasLineBreak(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Whether a blank line separates {@code offset} from what precedes it (whitespace and {@code ;} only). */
    private boolean blankBefore(int offset) {
        int breaks = 0;
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                breaks++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    breaks++;
                }
            } else if (!isSpace(c) && c != ';') {
                break;
            }
            if (breaks >= 2) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ placing comments

    private void place(Comment c) {
        int at = c.span().start();
        Line inside = lineAround(at);
        if (inside != null) {
            inside.moved.add(c);
            return;
        }
        int prev = codeEnd(at);
        if (prev > 0 && !hasLineBreak(prev, at)) {
            Line before = lineEndingAt.get(prev);
            if (before != null) {
                before.trailing.add(c);
                return;
            }
        }
        int next = codeStart(c.span().end());
        if (next < text.length()) {
            Line after = lineStartingAt.get(next);
            if (after == null) {
                after = lineAround(next);
            }
            if (after != null) {
                (after.start == next ? after.leading : after.moved).add(c);
                return;
            }
        }
        endOfFile.add(c);
    }

    /** The line whose range strictly contains {@code offset} (after its first token's start, before its end). */
    private @Nullable Line lineAround(int offset) {
        int lo = 0;
        int hi = lines.size() - 1;
        Line best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Line l = lines.get(mid);
            if (l.start < offset) {
                best = l;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best != null && offset < best.end ? best : null;
    }

    // ------------------------------------------------------------------ rendering

    /**
     * Prints the members of one block (or of the file) and then the comments that close it.
     * Blank lines: never first in a block; at top level always before the first item of a new
     * declaration's group (its leading comments, or itself) and before end-of-file comments;
     * elsewhere where the source had a blank line in front of the item.
     */
    private void items(List<Item> items, int depth, boolean top, List<Comment> closing) {
        boolean first = true;
        Item previous = null;
        for (Item item : items) {
            Line line = item.first();
            // Top-level declarations are separated by a blank line, except a run of one-liners
            // (resources, say), which keeps the grouping the author chose.
            boolean force = top && !first && !(previous != null && oneLine(previous, depth) && oneLine(item, depth));
            previous = item;
            for (Comment c : line.leading) {
                comment(c, depth, !first && (force || blankBefore(c.span().start())));
                first = false;
                force = false;
            }
            boolean groupBlank = !first && (force || blankBefore(line.start));
            if (!line.moved.isEmpty()) {
                // The first moved comment takes the item's blank line; the item then follows it directly.
                for (int i = 0; i < line.moved.size(); i++) {
                    Comment c = line.moved.get(i);
                    comment(c, depth, i == 0 ? groupBlank : blankBefore(c.span().start()));
                }
                first = false;
                groupBlank = false;
            }
            if (groupBlank) {
                out.add("");
            }
            first = false;
            emit(item, depth);
        }
        boolean force = top && !first;
        for (Comment c : closing) {
            comment(c, depth, !first && (force || blankBefore(c.span().start())));
            first = false;
            force = false;
        }
    }

    private static boolean oneLine(Item item, int depth) {
        return item instanceof Single || (item instanceof Block b && fits(b, depth));
    }

    private static boolean fits(Block b, int depth) {
        return b.compact() != null && INDENT.length() * depth + b.compact().length() <= MAX_WIDTH;
    }

    private void emit(Item item, int depth) {
        if (item instanceof Single s) {
            line(s.line(), depth);
        } else if (item instanceof Block b) {
            if (fits(b, depth)) {
                Line one = new Line(b.compact(), b.header().start, b.close().end);
                one.trailing.addAll(b.close().trailing);
                line(one, depth);
                return;
            }
            line(b.header(), depth);
            items(b.body(), depth + 1, false, b.close().leading);
            line(b.close(), depth);
        }
    }

    private void line(Line line, int depth) {
        out.add(INDENT.repeat(depth) + line.text);
        for (Comment c : line.trailing) {
            List<String> parts = commentLines(c);
            int last = out.size() - 1;
            out.set(last, out.get(last) + " " + parts.get(0));
            out.addAll(parts.subList(1, parts.size()));
        }
    }

    private void comment(Comment c, int depth, boolean blankBefore) {
        if (blankBefore) {
            out.add("");
        }
        List<String> parts = commentLines(c);
        out.add(INDENT.repeat(depth) + parts.get(0));
        out.addAll(parts.subList(1, parts.size()));
    }

    /**
     * A comment's text split into lines at any line break, each without trailing whitespace. Only
     * the first line is (re)indented by the caller; the others are kept as written.
     */
    static List<String> commentLines(Comment c) {
        List<String> parts = new ArrayList<>();
        String s = c.text();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || ch == '\r') {
                parts.add(stripTrailing(s.substring(from, i)));
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        parts.add(stripTrailing(s.substring(from)));
        return parts;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == '\uFEFF')) {
            end--;
        }
        return s.substring(0, end);
    }
}
