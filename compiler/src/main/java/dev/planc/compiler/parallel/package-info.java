/**
 * Work spread over the machine's cores with results in a fixed order, so that what the
 * compiler produces never depends on thread timing: {@link dev.planc.compiler.parallel.Parallel}.
 */
@NullMarked
package dev.planc.compiler.parallel;

import org.jspecify.annotations.NullMarked;
