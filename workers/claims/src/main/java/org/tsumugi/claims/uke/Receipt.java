package org.tsumugi.claims.uke;

import java.util.List;

import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.Ho;
import org.tsumugi.claims.uke.UkeRecords.Jd;
import org.tsumugi.claims.uke.UkeRecords.Ko;
import org.tsumugi.claims.uke.UkeRecords.Mf;
import org.tsumugi.claims.uke.UkeRecords.Other;
import org.tsumugi.claims.uke.UkeRecords.Re;
import org.tsumugi.claims.uke.UkeRecords.Sj;
import org.tsumugi.claims.uke.UkeRecords.Sn;
import org.tsumugi.claims.uke.UkeRecords.Sy;

/**
 * One receipt (レセプト): an RE record and everything up to the next RE or GO.
 *
 * @param ho the health insurer, null for 公費単独 receipts
 * @param publicFunds KO records in 第1…第4公費 order
 * @param details SI, IY, TO and CO lines in printed order, 診療識別 already inherited
 * @param problems what was wrong in this receipt's lines while reading them
 */
public record Receipt(Re re, Ho ho, List<Ko> publicFunds, List<Sn> eligibility, List<Jd> visitDays, List<Mf> windowPayments,
		List<Sy> diseases, List<Detail> details, List<Sj> symptomNotes, List<Other> others, List<UkeProblem> problems,
		int firstLine, int lastLine) {

	/** レセプト番号, or null when the RE record did not carry a readable one. */
	public Integer receiptNo() {
		return re.receiptNo();
	}

}
