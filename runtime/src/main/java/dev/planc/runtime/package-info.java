/**
 * The runtime: follows a compiled plan's schedule, records what actually happened in a journal,
 * and computes status at any instant (replay, forecast with the compiler's scheduler, earned
 * value, flags, contingency firings). It works on the compiler's plan and schedule model, never
 * on the parse tree. Nothing here reads the clock or the environment: callers pass them in.
 */
@NullMarked
package dev.planc.runtime;

import org.jspecify.annotations.NullMarked;
