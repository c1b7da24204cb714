package dev.planc.compiler.validate;

import dev.planc.compiler.diag.Diagnostics;

/** One independent check. Reports through {@code out}; never throws for bad input. */
@FunctionalInterface
public interface Rule {
    void check(RuleContext context, Diagnostics out);
}
