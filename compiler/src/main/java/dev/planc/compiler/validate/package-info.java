/**
 * Validation rules: one class per rule, each reporting its own catalogue code. Value rules look
 * only at the syntax tree and run even when the syntax is broken; structural and model rules
 * run on a clean parse. {@link dev.planc.compiler.validate.Rules} lists them all.
 */
@NullMarked
package dev.planc.compiler.validate;

import org.jspecify.annotations.NullMarked;
