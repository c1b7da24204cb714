/**
 * Recording actuals: checking new events against the plan and the journal before they are
 * written ({@link dev.planc.runtime.log.EventCheck}), so a journal only ever holds events that
 * made sense when they were logged.
 */
@NullMarked
package dev.planc.runtime.log;

import org.jspecify.annotations.NullMarked;
