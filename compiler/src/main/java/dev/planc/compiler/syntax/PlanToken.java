package dev.planc.compiler.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A token that reads its text straight from a {@link SourceCharStream}: what {@link CommonToken}
 * returns, without an {@code Interval} per read.
 */
final class PlanToken extends CommonToken {
    /** Makes these tokens as ANTLR's default factory makes common tokens (text not copied). */
    static final TokenFactory<CommonToken> FACTORY = new TokenFactory<>() {
        @Override
        public CommonToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel, int start,
                int stop, int line, int charPositionInLine) {
            PlanToken t = new PlanToken(source, type, channel, start, stop);
            t.setLine(line);
            t.setCharPositionInLine(charPositionInLine);
            if (text != null) {
                t.setText(text);
            }
            return t;
        }

        @Override
        public CommonToken create(int type, String text) {
            return new CommonToken(type, text);
        }
    };

    private PlanToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop) {
        super(source, type, channel, start, stop);
    }

    @Override
    public String getText() {
        if (text != null) {
            return text;
        }
        if (getInputStream() instanceof SourceCharStream input) {
            int n = input.size();
            return start < n && stop < n ? input.text(start, stop) : "<EOF>";
        }
        return super.getText();
    }
}
