package org.tsumugi.claims.rules;

/** A check written in Java: looks at one receipt and reports through the context. */
interface ReceiptRule {

	void check(RuleContext ctx);

}
