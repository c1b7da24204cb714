package dev.planc.compiler.syntax;

/**
 * ANTLR counts code points; spans count UTF-16 units. Identity when the text has no
 * supplementary characters, which is nearly always.
 */
final class OffsetMap {
    private final int[] utf16;
    private final boolean noSurrogates;

    OffsetMap(String text) {
        boolean surrogates = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                surrogates = true;
                break;
            }
        }
        noSurrogates = !surrogates;
        int cps = surrogates ? text.codePointCount(0, text.length()) : text.length();
        if (cps == text.length()) {
            utf16 = null;
        } else {
            utf16 = new int[cps + 1];
            int u = 0;
            for (int cp = 0; cp < cps; cp++) {
                utf16[cp] = u;
                u += Character.charCount(text.codePointAt(u));
            }
            utf16[cps] = u;
        }
    }

    /** Whether the text has no surrogates at all, so every char is a code point. */
    boolean noSurrogates() {
        return noSurrogates;
    }

    int utf16(int codePointIndex) {
        if (utf16 == null) {
            return codePointIndex;
        }
        return utf16[Math.max(0, Math.min(codePointIndex, utf16.length - 1))];
    }
}
