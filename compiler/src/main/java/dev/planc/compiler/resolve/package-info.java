/**
 * AST to plan model: symbol tables, lexical lookup of references (innermost scope first, then
 * top level; dotted paths descend), "did you mean" suggestions, calendar inheritance, team
 * expansion, and typing of {@code when} expressions. Reports what cannot be resolved; never throws.
 */
@NullMarked
package dev.planc.compiler.resolve;

import org.jspecify.annotations.NullMarked;
