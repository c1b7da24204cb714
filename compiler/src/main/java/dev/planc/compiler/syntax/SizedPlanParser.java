package dev.planc.compiler.syntax;

import dev.planc.grammar.PlanParser;
import java.util.ArrayList;
import java.util.Arrays;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;

/**
 * The parser of the streaming parse: {@link PlanParser} with each rule context's list of
 * children sized for what the rule usually holds. ANTLR starts every such list at ten slots, and
 * a large file has a rule context per name, member and value (1.5 M in a 100k-task plan), most
 * with one or two children. Only the initial capacity differs; the trees are the same. It also
 * counts how deeply the rules nest, which the parse in chunks bounds (see {@link SyntaxParser}).
 */
final class SizedPlanParser extends PlanParser {
    private static final int[] CAPACITY = new int[ruleNames.length];

    static {
        Arrays.fill(CAPACITY, 4);
        for (int rule : new int[] {RULE_declaration, RULE_taskMember, RULE_name, RULE_dateValue, RULE_amount,
                RULE_duration, RULE_number, RULE_money, RULE_expr, RULE_unary, RULE_primary}) {
            CAPACITY[rule] = 2;
        }
        for (int rule : new int[] {RULE_planDecl, RULE_calendarDecl, RULE_resourceDecl, RULE_teamDecl, RULE_taskDecl,
                RULE_milestoneDecl, RULE_goalDecl, RULE_metricDecl, RULE_contingencyDecl}) {
            CAPACITY[rule] = 8;
        }
    }

    /** Rules entered and not yet left, and the most there have been. */
    private int depth;
    private int deepest;

    SizedPlanParser(TokenStream input) {
        super(input);
    }

    /** The deepest nesting of rule invocations so far (how deep the parser recursed). */
    int deepest() {
        return deepest;
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        if (++depth > deepest) {
            deepest = depth;
        }
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }

    /** Every rule context (a labelled alternative's too) passes here before its first child is added. */
    @Override
    public void enterOuterAlt(ParserRuleContext localctx, int altNum) {
        if (localctx.children == null) {
            localctx.children = new ArrayList<>(CAPACITY[localctx.getRuleIndex()]);
        }
        super.enterOuterAlt(localctx, altNum);
    }
}
