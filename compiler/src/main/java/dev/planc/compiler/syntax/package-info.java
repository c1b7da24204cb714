/**
 * Text to AST: lexing, parsing (SLL, then LL on failure) and lowering the ANTLR parse tree to
 * the immutable AST. The only package that sees ANTLR types.
 */
@NullMarked
package dev.planc.compiler.syntax;

import org.jspecify.annotations.NullMarked;
