package org.tsumugi.claims.rules;

import java.util.List;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.master.MasterEntry;
import org.tsumugi.claims.master.MasterEntry.Kind;
import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.EmbeddedComment;
import org.tsumugi.claims.uke.UkeRecords.Sy;

/**
 * Every code must be in its master and in force on the day it was used; an unknown or abolished code is
 * rejected by the payer's computer check. The rest of the receipt is still checked.
 */
final class MasterCodeRule implements ReceiptRule {

	static final String UNKNOWN = "MASTER_UNKNOWN_CODE";

	static final String NOT_IN_FORCE = "MASTER_CODE_NOT_IN_FORCE";

	@Override
	public void check(RuleContext ctx) {
		for (Detail detail : ctx.receipt.details()) {
			check(ctx, Masters.kindOfDetailCode(detail.code()), detail.code(), detail, detail.line());
			for (EmbeddedComment comment : detail.comments()) {
				if (!comment.code().isEmpty()) {
					check(ctx, Kind.COMMENT, comment.code(), detail, detail.line());
				}
			}
		}
		for (Sy sy : ctx.receipt.diseases()) {
			if (!sy.code().isEmpty() && !Sy.UNCODED.equals(sy.code())) {
				checkDisease(ctx, Kind.DISEASE, sy.code(), sy);
			}
			for (String modifier : sy.modifiers()) {
				checkDisease(ctx, Kind.MODIFIER, modifier, sy);
			}
		}
	}

	private static void check(RuleContext ctx, Kind kind, String code, Detail detail, int line) {
		if (code.isEmpty()) {
			return;
		}
		if (kind == null) {
			ctx.report(UNKNOWN, Severity.ERROR, "コード「" + code + "」はどのマスターのコードでもありません（先頭の数字が不正）。", line);
			return;
		}
		if (!ctx.masters.knows(kind, code)) {
			ctx.report(UNKNOWN, Severity.ERROR, kind.title() + "コード「" + code + "」が" + kind.title() + "マスターにありません。", line);
			return;
		}
		MasterEntry entry = ctx.masters.find(kind, code, ctx.masterDay(detail));
		if (entry == null) {
			ctx.report(NOT_IN_FORCE, Severity.ERROR, kind.title() + "コード「" + code + "」は診療日に有効ではありません（廃止または未収載）。"
					+ "新しいコードに置き換えてください。", line);
		}
	}

	private static void checkDisease(RuleContext ctx, Kind kind, String code, Sy sy) {
		if (!ctx.masters.knows(kind, code)) {
			ctx.report(UNKNOWN, Severity.ERROR, kind.title() + "コード「" + code + "」が" + kind.title() + "マスターにありません。", sy.line());
			return;
		}
		if (kind == Kind.DISEASE && ctx.month() != null && ctx.masters.find(kind, code, ctx.month().atEndOfMonth()) == null) {
			ctx.report(NOT_IN_FORCE, Severity.ERROR, "傷病名コード「" + code + "」は診療月に有効ではありません（廃止または移行）。", sy.line());
		}
	}

}
