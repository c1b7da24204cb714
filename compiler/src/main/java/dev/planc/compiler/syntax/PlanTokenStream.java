package dev.planc.compiler.syntax;

import java.util.Arrays;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.UnbufferedTokenStream;

/**
 * The streaming parse's token stream: ANTLR's {@link UnbufferedTokenStream} over
 * {@link PlanTokens}, numbering each token without asking whether it is a
 * {@code WritableToken}.
 *
 * <p>Why: HotSpot (before JDK 23) remembers one interface per class as the last one a type test
 * of that class succeeded against. Every token was tested against {@code WritableToken} here and
 * against {@code Token} when stored in the buffer, so each token rewrote that memo in
 * {@code PlanToken}'s class: a slow path on one thread, and on two threads parsing at once a
 * write to the same cache line from both cores for every token, which made two parses at once no
 * faster than one after the other (JDK-8180450). All tokens of {@link PlanTokens} are
 * {@link CommonToken}s, a class, whose test is cheap and writes nothing; what is left is the
 * {@code Token} test of the buffer, always the same interface.
 */
final class PlanTokenStream extends UnbufferedTokenStream<Token> {
    PlanTokenStream(PlanTokens tokens) {
        super(tokens);
    }

    @Override
    protected void add(Token t) {
        if (n >= tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
        }
        ((CommonToken) t).setTokenIndex(getBufferStartIndex() + n);
        tokens[n++] = t;
    }
}
