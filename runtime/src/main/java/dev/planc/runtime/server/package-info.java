/**
 * {@code planc serve}: the runtime over HTTP (the JDK's {@code com.sun.net.httpserver}), the
 * dashboard, the live stream and webhooks. The only package that sees HTTP types; every route is
 * a thin adapter over {@link dev.planc.runtime.PlanRuntime}.
 */
@NullMarked
package dev.planc.runtime.server;

import org.jspecify.annotations.NullMarked;
