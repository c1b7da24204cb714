package dev.planc.compiler.format;

import dev.planc.compiler.ast.PlanFile;

/**
 * The one canonical layout of a {@code .plan} file, as printed by {@code planc fmt}.
 *
 * <p>The layout is a function of the AST, its comments and a few facts of the source (where
 * blank lines and comments were); nothing else of the original spacing survives. Formatting
 * never changes the AST (spans aside) and is idempotent: {@code format(parse(format(x)))} equals
 * {@code format(x)}. It must only be called on a file that parsed without syntax errors.
 *
 * <h2>Blocks and lines</h2>
 * <ul>
 *   <li>Two spaces of indentation per level; {@code {} ends the header line; one attribute or
 *       nested declaration per line; the closing {@code }} on its own line.
 *   <li>A block with no members and no comment inside prints as {@code header { }} on one line
 *       (also {@code then { }}).
 *   <li>A small declaration (a resource, team, milestone, metric, or a task without nested
 *       tasks) with at most three attributes and no comment inside prints on one line, attributes
 *       separated by two spaces, when that line fits in 100 columns:
 *       {@code resource bob "Bob Roe" { capacity 50%  rate 80 EUR/h }}.
 *   <li>Headers: {@code plan "Name" {}, {@code calendar ID {}, {@code resource ID "Title" {},
 *       {@code task ID "Title" contingent {}, ...; {@code include "path"} has no block.
 *   <li>No {@code ;} is printed.
 *   <li>Exactly one blank line between top-level declarations, except between two that each
 *       print on one line, where the source's choice is kept (so a list of resources stays a
 *       list); the blank line goes before the comments that
 *       lead a declaration, and before the comments at the end of the file). Inside a block, a
 *       blank line is kept (collapsed to one) where the source had one or more blank lines in
 *       front of a member or an own-line comment, so authors can group attributes; never a
 *       blank line right after {@code {} or before {@code }}.
 *   <li>The output ends with exactly one newline (an empty file stays empty) and no line ends
 *       with whitespace.
 * </ul>
 *
 * <h2>Attributes and values</h2>
 * <ul>
 *   <li>Lists: {@code after a, b + 2d, c.start - 1d}; {@code hours 09:00-12:00, 13:00-17:00};
 *       {@code workdays mon tue wed}; {@code assign bob:50%, testers:2}; {@code members a, b};
 *       {@code milestones beta, launch}.
 *   <li>{@code holiday 2027-12-24..2027-12-31 "Winter break"}, {@code leave FROM..TO "why"},
 *       {@code start >= 2027-03-22}, {@code finish after x + 1d}, {@code rate 640 EUR/d},
 *       {@code budget 40000 EUR}, {@code target 3.0 by 2027-06-30}.
 *   <li>{@code then {} is a block with one action per line: {@code notify ID "msg"},
 *       {@code activate REF}, {@code escalate "msg"}.
 *   <li>Literals come from the AST values: numbers in plain notation keeping their scale
 *       ({@code 3.0} stays {@code 3.0}, {@code 007} becomes {@code 7}); durations as amount and
 *       unit as written; dates, date-times and times of day as written; percentages as value and
 *       {@code %}; strings re-escaped from the decoded value ({@code \"}, {@code \\}, {@code \n},
 *       {@code \t}, other control characters as <code>&#92;u{HEX}</code>, everything else as itself).
 *   <li>Expressions print on one line: binary operators with single spaces around them,
 *       {@code not x}, {@code -x}, parentheses exactly where the source had them.
 * </ul>
 *
 * <h2>Comments</h2>
 * Every comment is printed exactly once, in source order, with trailing whitespace removed from
 * each of its lines and line breaks written as {@code \n}.
 * <ul>
 *   <li>A comment on its own line(s) is printed before what it preceded, at that member's
 *       indentation. A block comment is re-indented on its first line only; its other lines are
 *       kept verbatim.
 *   <li>A comment that followed code on the same source line stays at the end of the output line
 *       that prints that code, after one space.
 *   <li>A comment inside a construct that prints on one line (a header, a multi-line {@code when},
 *       between list items) moves to its own line(s) just before that construct.
 *   <li>Comments before a closing {@code }} stay inside the block, at the block's inner
 *       indentation; a block that holds only comments is not printed as {@code { }}.
 *   <li>Comments at the end of the file stay at the end; a file of only comments keeps them.
 * </ul>
 */
public final class Formatter {
    private Formatter() {}

    /** The canonical text of {@code file}, which must have parsed without syntax errors. */
    public static String format(PlanFile file) {
        return new Layout(file).render();
    }
}
