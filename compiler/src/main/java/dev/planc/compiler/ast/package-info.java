/**
 * The abstract syntax tree: immutable records, one per construct, each with the span it came
 * from. Built by {@code dev.planc.compiler.syntax} from the ANTLR parse tree; nothing else ever
 * sees a parse tree. Values are kept as written (invalid dates have a null value) so the
 * validation rules can say precisely what is wrong.
 */
@NullMarked
package dev.planc.compiler.ast;

import org.jspecify.annotations.NullMarked;
