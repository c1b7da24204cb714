/**
 * Resource-leveling search on activity lists, independent of calendars: the {@link
 * dev.planc.compiler.schedule.search.Decoder} contract (a serial schedule-generation scheme that
 * turns a precedence-feasible activity list into a schedule, optionally also backwards for
 * justification), the {@link dev.planc.compiler.schedule.search.LevelingSearch} metaheuristic on
 * top of it, and a fast integer-period decoder with a parser for the PSPLIB benchmark on which
 * the search is measured.
 */
@NullMarked
package dev.planc.compiler.schedule.search;

import org.jspecify.annotations.NullMarked;
