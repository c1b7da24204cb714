/**
 * Event stores other than the journal file: PostgreSQL ({@link dev.planc.runtime.store.PostgresStore}),
 * and {@link dev.planc.runtime.store.Stores}, which picks the store a front door was given. The
 * only package that uses JDBC.
 */
@NullMarked
package dev.planc.runtime.store;

import org.jspecify.annotations.NullMarked;
