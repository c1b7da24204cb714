/**
 * Events and where they are kept. {@link dev.planc.runtime.journal.Event} is one fact about the
 * execution of a plan; an {@link dev.planc.runtime.journal.EventStore} keeps them durably, in
 * order, one writer at a time. The embedded default store is an append-only file of JSON lines
 * beside the plan ({@code NAME.journal}).
 */
@NullMarked
package dev.planc.runtime.journal;

import org.jspecify.annotations.NullMarked;
