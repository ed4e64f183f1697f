package org.tsumugi.claims.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.rules.DecisionTables;
import org.tsumugi.claims.rules.Finding;
import org.tsumugi.claims.rules.RuleSet;
import org.tsumugi.claims.rules.RuleSettings;
import org.tsumugi.claims.uke.Receipt;
import org.tsumugi.claims.uke.UkeProblem;
import org.tsumugi.claims.uke.UkeReader;
import org.tsumugi.claims.uke.UkeRecords.Go;
import org.tsumugi.claims.uke.UkeRecords.Ir;

/**
 * Checks a month's UKE files, or one batch of their receipts, and streams the findings to a CSV file. One
 * call checks many receipts (a batch job, never a process instance per receipt); memory holds one receipt
 * at a time whatever the file size. Knows nothing of Camunda.
 */
public final class ClaimChecker {

	static final String DUPLICATE_MONTH = "UKE_DUPLICATE_MONTH";

	static final String GO_TOTALS = "UKE_GO_TOTALS";

	private final Masters masters;

	private final DecisionTables tables;

	private final RuleSettings settings;

	public ClaimChecker(Masters masters, DecisionTables tables, RuleSettings settings) {
		this.masters = masters;
		this.tables = tables;
		this.settings = settings;
	}

	public CheckSummary check(CheckRequest request) throws IOException {
		Tally tally = new Tally();
		RuleSet rules = new RuleSet(masters, tables, settings);
		long index = 0;
		try (FindingsWriter writer = new FindingsWriter(request.findingsFile())) {
			if (request.firstBatch()) {
				for (Finding f : duplicateMonths(request.files())) {
					tally.add(writer, "", null, f);
				}
			}
			files: for (Path file : request.files()) {
				String name = file.getFileName().toString();
				long payers = 0;
				long points = 0;
				try (UkeReader reader = UkeReader.open(file); ReceiptStream receipts = new ReceiptStream(reader)) {
					Receipt receipt;
					while ((receipt = receipts.next()) != null) {
						if (!request.firstBatch() && !request.includes(index) && index >= request.batchStart()) {
							// Past this batch; only the first batch needs to read on for file-level checks.
							break files;
						}
						tally.read++;
						payers += (receipt.ho() != null ? 1 : 0) + receipt.publicFunds().size();
						points += mainPoints(receipt);
						if (request.includes(index)) {
							tally.startReceipt();
							Receipt current = receipt;
							rules.check(current, f -> tally.add(writer, name, current, f));
							tally.checked++;
						}
						index++;
					}
					if (request.firstBatch()) {
						for (UkeProblem p : reader.fileProblems()) {
							tally.add(writer, name, null, new Finding(null, "", p.code(), p.severity(), p.message(), lineList(p.line())));
						}
						Finding totals = totals(reader.header(), reader.trailer(), payers, points);
						if (totals != null) {
							tally.add(writer, name, null, totals);
						}
					}
				}
			}
		}
		catch (UncheckedWriteException ex) {
			throw ex.getCause();
		}
		return tally.summary(request.findingsFile());
	}

	/** Two files for the same hospital, payer, month and volume: one is probably an old copy. */
	private static List<Finding> duplicateMonths(List<Path> files) throws IOException {
		Map<String, Path> seen = new LinkedHashMap<>();
		List<Finding> findings = new ArrayList<>();
		for (Path file : files) {
			Ir ir;
			try (UkeReader reader = UkeReader.open(file)) {
				reader.next();
				ir = reader.header();
			}
			if (ir == null || ir.billingMonth() == null) {
				continue;
			}
			String key = ir.hospitalCode() + "/" + ir.payer() + "/" + ir.billingMonth() + "/" + ir.volume();
			Path earlier = seen.putIfAbsent(key, file);
			if (earlier != null) {
				findings.add(new Finding(null, "", DUPLICATE_MONTH, Severity.ERROR,
						"同じ請求年月（" + ir.billingMonth().getYear() + "年" + ir.billingMonth().getMonthValue() + "月）・同じ審査支払機関（"
								+ ir.payerName() + "）のファイルが2つあります: " + earlier.getFileName() + " と " + file.getFileName()
								+ "。古いファイルが残っていないか確認してください。両方とも点検しています。",
						List.of(ir.line())));
			}
		}
		return findings;
	}

	/** GO must count every payer of every receipt and sum the main payer's points (single-volume files). */
	private static Finding totals(Ir ir, Go go, long payers, long points) {
		if (go == null || go.totalCount() == null || go.totalPoints() == null) {
			return null;
		}
		boolean singleVolume = ir == null || ir.volume().isEmpty() || "00".equals(ir.volume());
		if (!singleVolume) {
			// Totals of a multi-volume set are only on the last volume and span files; not checked yet.
			return null;
		}
		if (go.totalCount() != payers || go.totalPoints() != points) {
			return new Finding(null, "", GO_TOTALS, Severity.ERROR, "GOレコード（請求書）の総件数・総合計点数（" + go.totalCount() + "件, "
					+ go.totalPoints() + "点）が、レセプトから数えた値（" + payers + "件, " + points + "点）と一致しません。", List.of(go.line()));
		}
		return null;
	}

	private static long mainPoints(Receipt receipt) {
		if (receipt.ho() != null) {
			return receipt.ho().points() == null ? 0 : receipt.ho().points();
		}
		if (!receipt.publicFunds().isEmpty() && receipt.publicFunds().get(0).points() != null) {
			return receipt.publicFunds().get(0).points();
		}
		return 0;
	}

	private static List<Integer> lineList(int line) {
		return line > 0 ? List.of(line) : List.of();
	}

	/** Counts as findings stream past; the findings themselves are not kept. */
	private static final class Tally {

		int read;

		int checked;

		int withFindings;

		int findings;

		boolean currentHasFinding;

		final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);

		final Map<String, Integer> byRule = new TreeMap<>();

		void startReceipt() {
			currentHasFinding = false;
		}

		void add(FindingsWriter writer, String file, Receipt receipt, Finding f) {
			try {
				if (receipt == null) {
					writer.write(file, f, "", "");
				}
				else {
					writer.write(file, f, receipt.re().chartNo(), FindingSubject.of(receipt, f.lines()));
				}
			}
			catch (IOException ex) {
				throw new UncheckedWriteException(ex);
			}
			findings++;
			bySeverity.merge(f.severity(), 1, Integer::sum);
			byRule.merge(f.ruleId(), 1, Integer::sum);
			if (f.receiptNo() != null && !currentHasFinding) {
				currentHasFinding = true;
				withFindings++;
			}
		}

		CheckSummary summary(Path file) {
			return new CheckSummary(read, checked, withFindings, findings, Map.copyOf(bySeverity), Map.copyOf(byRule), file);
		}

	}

	private static final class UncheckedWriteException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UncheckedWriteException(IOException cause) {
			super(cause);
		}

		@Override
		public synchronized IOException getCause() {
			return (IOException) super.getCause();
		}

	}

}
