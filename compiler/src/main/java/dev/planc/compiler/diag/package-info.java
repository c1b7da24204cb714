/**
 * Diagnostics: the catalogue of codes, the diagnostic record, and the renderers that print them
 * as text (with source snippets and carets) or JSON. Nothing here throws for user error.
 */
@NullMarked
package dev.planc.compiler.diag;

import org.jspecify.annotations.NullMarked;
