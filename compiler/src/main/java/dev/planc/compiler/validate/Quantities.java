package dev.planc.compiler.validate;

import java.math.BigDecimal;

/** Wording of unit amounts in messages: "2 units", "0.5 unit (50%)". */
final class Quantities {
    private Quantities() {}

    static String units(BigDecimal units) {
        BigDecimal v = units.stripTrailingZeros();
        if (v.compareTo(BigDecimal.ONE) < 0) {
            return v.toPlainString() + " unit (" + v.movePointRight(2).stripTrailingZeros().toPlainString() + "%)";
        }
        return v.toPlainString() + (v.compareTo(BigDecimal.ONE) == 0 ? " unit" : " units");
    }
}
