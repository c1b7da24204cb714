/**
 * Status at an instant: replay of the journal ({@link dev.planc.runtime.status.Replay}), the
 * forecast through the compiler's scheduler, slip against the baseline, earned value, flags and
 * contingency firings ({@link dev.planc.runtime.status.StatusEngine}); and the JSON and text
 * reports of it.
 */
@NullMarked
package dev.planc.runtime.status;

import org.jspecify.annotations.NullMarked;
