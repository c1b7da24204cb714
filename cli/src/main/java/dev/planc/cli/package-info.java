/** The {@code planc} command line: thin picocli commands over the compiler's entry point. */
@NullMarked
package dev.planc.cli;

import org.jspecify.annotations.NullMarked;
