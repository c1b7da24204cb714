/**
 * {@code planc fmt}: prints an AST back as text in the one canonical layout, keeping every
 * comment. See {@link dev.planc.compiler.format.Formatter} for the rules.
 */
@NullMarked
package dev.planc.compiler.format;

import org.jspecify.annotations.NullMarked;
