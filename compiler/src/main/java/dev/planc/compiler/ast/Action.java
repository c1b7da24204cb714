package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** What a contingency does when it fires. */
public sealed interface Action extends Node {
    record Notify(Ident target, Str message, Span span) implements Action {}
    record Activate(Ref task, Span span) implements Action {}
    record Escalate(Str message, Span span) implements Action {}
}
