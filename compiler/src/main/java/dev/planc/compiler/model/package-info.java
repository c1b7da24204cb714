/**
 * The resolved plan: what the scheduler and the runtime work on. No names are left to look up:
 * tasks, resources and metrics refer to each other by index into the plan's lists, durations
 * are minutes, dates are {@code java.time} values. Built by {@code dev.planc.compiler.resolve}.
 */
@NullMarked
package dev.planc.compiler.model;

import org.jspecify.annotations.NullMarked;
