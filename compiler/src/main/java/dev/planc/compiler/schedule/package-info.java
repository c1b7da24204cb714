/**
 * Scheduling: working-time arithmetic on calendars ({@link dev.planc.compiler.schedule.WorkTime},
 * binary searches over precomputed intervals, built once per plan and calendar by
 * {@link dev.planc.compiler.schedule.Calendars} and shared; the common time of resources booked
 * together worked out a chunk at a time), the scheduler (serial schedule generation with
 * resource leveling, backward pass for slack, critical path, deadline check) and the
 * {@link dev.planc.compiler.schedule.Schedule} it produces.
 */
@NullMarked
package dev.planc.compiler.schedule;

import org.jspecify.annotations.NullMarked;
