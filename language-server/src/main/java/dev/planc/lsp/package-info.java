/** The language server: LSP over the one compiler entry point. */
@NullMarked
package dev.planc.lsp;

import org.jspecify.annotations.NullMarked;
