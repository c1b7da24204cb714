/**
 * The Maven plugin ({@code dev.planc:planc-maven-plugin}, prefix {@code planc}): goals
 * {@code check}, {@code compile} and {@code status}, thin adapters over the compiler's entry point
 * ({@link dev.planc.compiler.PlanSet} over {@link dev.planc.compiler.Compiler}) and the runtime's
 * ({@link dev.planc.runtime.PlanRuntime}). Diagnostics are logged as
 * {@code [ERROR] path:[line,column] CODE message}, the form IDEs and CI systems link to the source.
 */
@NullMarked
package dev.planc.maven;

import org.jspecify.annotations.NullMarked;
