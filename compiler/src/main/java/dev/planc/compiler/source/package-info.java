/** Source texts, spans into them, and how included files are loaded. */
@NullMarked
package dev.planc.compiler.source;

import org.jspecify.annotations.NullMarked;
