package dev.planc.compiler.syntax;

/**
 * ANTLR counts code points; spans count UTF-16 units. Identity when the text has no
 * supplementary characters, which is nearly always.
 */
final class OffsetMap {
    private final int[] utf16;

    OffsetMap(String text) {
        int cps = text.codePointCount(0, text.length());
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

    int utf16(int codePointIndex) {
        if (utf16 == null) {
            return codePointIndex;
        }
        return utf16[Math.max(0, Math.min(codePointIndex, utf16.length - 1))];
    }
}
