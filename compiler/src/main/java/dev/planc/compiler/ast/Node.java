package dev.planc.compiler.ast;

import dev.planc.compiler.source.Span;

/** Every syntax node knows where it came from. */
public interface Node {
    Span span();
}
