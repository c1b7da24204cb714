/**
 * The compiler's one entry point ({@link dev.planc.compiler.Compiler}) and what it returns.
 * Data flows one way: sources → AST ({@code syntax}) → model ({@code resolve}), checked by the
 * rules in {@code validate}, reported through {@code diag}.
 */
@NullMarked
package dev.planc.compiler;

import org.jspecify.annotations.NullMarked;
