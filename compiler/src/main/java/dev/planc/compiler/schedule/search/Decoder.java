package dev.planc.compiler.schedule.search;

import org.jspecify.annotations.Nullable;

/**
 * A schedule-generation scheme seen from the search: activities {@code 0..size()-1}, their
 * precedence relation, and a serial decoder from activity lists to schedules.
 *
 * <p>An <em>activity list</em> is a permutation of all activities in which every activity comes
 * after all its {@linkplain #predecessors predecessors}. {@link #decode} places the activities
 * in list order, each at the earliest time at which its predecessors are done and its resources
 * are free (the serial schedule-generation scheme, Kolisch 1996), and returns the makespan. The
 * search only compares makespans, so any measure that grows with the finish of the schedule
 * does (for a calendar-aware decoder: the latest finish minute).
 *
 * <p>Justification (Valls, Ballestín &amp; Quintanilla 2005) is optional: a decoder that can
 * also place activities as <em>late</em> as possible returns {@code true} from {@link
 * #canJustify()} and implements {@link #decodeBackward}. Otherwise the search works on forward
 * decoding alone, which is much weaker: on 120 PSPLIB j120 instances at 5,000 schedules the
 * average deviation from the critical-path bound is 36.6 % without justification, 32.6 % with.
 *
 * <p>The search reads {@link #start} and {@link #finish} only to order activities (by start, or
 * by finish backwards) and to cut schedules into time windows; lists it builds from them are
 * made precedence-feasible even when times do not follow precedence (negative lags).
 *
 * <p>Implementations are stateful (the times of the last decode) and need not be thread-safe;
 * they must be deterministic: the same list gives the same schedule. One that can hand out
 * independent copies ({@link #fork}) lets the search decode on several threads at once.
 */
public interface Decoder {

    /**
     * Another decoder of the same activities that gives the same schedules and may decode on
     * another thread while this one does (sharing only what neither modifies); null when there
     * is none, and then the search decodes on one thread.
     */
    default @Nullable Decoder fork() {
        return null;
    }

    /** The number of activities, numbered {@code 0..size()-1}. */
    int size();

    /**
     * The activities that must be placed before {@code a} (the direct ones suffice). The search
     * never modifies the returned array.
     */
    int[] predecessors(int a);

    /**
     * The activities that have {@code a} among their {@link #predecessors}: exactly the mirror
     * relation. Never modified by the search.
     */
    int[] successors(int a);

    /**
     * Forward serial SGS: places the activities in list order, each as early as possible, and
     * returns the makespan. Afterwards {@link #start} and {@link #finish} describe this schedule.
     *
     * @param activityList a precedence-feasible permutation of all activities (not modified)
     */
    long decode(int[] activityList);

    /** Start of activity {@code a} in the schedule of the last {@code decode}/{@code decodeBackward}. */
    long start(int a);

    /** Finish of activity {@code a} in the schedule of the last {@code decode}/{@code decodeBackward}. */
    long finish(int a);

    /** Whether {@link #decodeBackward} is implemented, enabling justification. */
    default boolean canJustify() {
        return false;
    }

    /**
     * Backward serial SGS: places the activities in list order, each to <em>finish</em> as late
     * as possible but no later than {@code deadline} and the starts of its successors (which
     * come earlier in this list), with its resources free. Afterwards {@link #start} and {@link
     * #finish} describe this right-justified schedule. The result is only used to order the
     * next forward {@link #decode}, so a decoder with release dates or fixed activities may
     * approximate them here: the forward decode is what counts.
     *
     * @param reverseList a permutation in which every activity comes after all its successors
     * @param deadline the makespan of the forward schedule being justified
     */
    default void decodeBackward(int[] reverseList, long deadline) {
        throw new UnsupportedOperationException("this decoder does not justify");
    }
}
