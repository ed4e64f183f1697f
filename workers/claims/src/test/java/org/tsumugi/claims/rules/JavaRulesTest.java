package org.tsumugi.claims.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.claims.Uke.iy;
import static org.tsumugi.claims.Uke.si;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tsumugi.claims.CheckDigit;
import org.tsumugi.claims.Checks;
import org.tsumugi.claims.Severity;
import org.tsumugi.claims.Uke;

/** The checks written in Java, each with a receipt that breaks it and one that does not. */
class JavaRulesTest {

	@Nested
	class CheckDigits {

		@Test
		void knownNumbersFromTheNumberingRules() {
			assertThat(CheckDigit.valid("33120015")).isTrue();
			assertThat(CheckDigit.valid("01010016")).isTrue();
			assertThat(CheckDigit.valid("34130021")).isTrue();
			assertThat(CheckDigit.valid("54016027")).isTrue();
			assertThat(CheckDigit.valid("83120063")).isTrue();
			assertThat(CheckDigit.valid("1111111")).isTrue();
			assertThat(CheckDigit.valid("83136019")).isFalse();
			assertThat(CheckDigit.expected("8313601")).isEqualTo(0);
			assertThat(CheckDigit.valid("０６１３００１７")).isFalse();
		}

		@Test
		void aWrongInsurerCheckDigitIsAnErrorOnTheHoLine() {
			List<String> lines = Uke.replacing("HO,", Uke.HO.replace("06130017", "06130018"));
			assertThat(Checks.findings(lines, PayerNumberRule.INSURER)).singleElement().satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.ERROR);
				assertThat(f.lines()).containsExactly(3);
				assertThat(f.message()).contains("06130018").contains("検証番号");
			});
		}

		@Test
		void aSixDigitNationalHealthInsuranceNumberIsCheckedToo() {
			// 国保 numbers have six digits: 13001 → check digit 3.
			assertThat(Checks.findings(Uke.replacing("HO,", Uke.HO.replace("06130017", "130013")), PayerNumberRule.INSURER))
				.isEmpty();
			assertThat(Checks.findings(Uke.replacing("HO,", Uke.HO.replace("06130017", "130011")), PayerNumberRule.INSURER))
				.hasSize(1);
		}

		@Test
		void publicPayerAndRecipientNumbersAreChecked() {
			List<String> good = Uke.adding("KO,54130018,1234566,,1,264,,,,,,");
			assertThat(Checks.findings(good, PayerNumberRule.PUBLIC_PAYER)).isEmpty();
			assertThat(Checks.findings(good, PayerNumberRule.RECIPIENT)).isEmpty();
			List<String> bad = Uke.adding("KO,54130019,1234567,,1,264,,,,,,");
			assertThat(Checks.findings(bad, PayerNumberRule.PUBLIC_PAYER)).singleElement()
				.satisfies(f -> assertThat(f.message()).contains("第1公費"));
			assertThat(Checks.findings(bad, PayerNumberRule.RECIPIENT)).singleElement()
				.satisfies(f -> assertThat(f.message()).doesNotContain("1234567"));
		}

		@Test
		void localPublicExpenseLawsCanBeExempted() {
			List<String> bad = Uke.adding("KO,81130019,,,1,264,,,,,,");
			assertThat(Checks.findings(bad).stream().filter(f -> f.ruleId().equals(PayerNumberRule.PUBLIC_PAYER))).hasSize(1);
			var exempt = Checks.findings(bad, new RuleSettings(2, Set.of("81")));
			assertThat(exempt.stream().filter(f -> f.ruleId().equals(PayerNumberRule.PUBLIC_PAYER))).isEmpty();
		}

	}

	@Nested
	class ReceiptKind {

		@Test
		void aPublicFundOnAnInsuranceOnlyReceiptIsAnError() {
			var found = Checks.findings(Uke.adding("KO,54130018,1234566,,1,264,,,,,,"), ReceiptKindRule.KIND_PAYERS);
			assertThat(found).singleElement().satisfies(f -> {
				assertThat(f.message()).contains("1112").contains("医療保険単独").contains("公費1つ");
				assertThat(f.lines()).containsExactly(2, 3, 12);
			});
		}

		@Test
		void insurancePlusOnePublicFundMatchesKind1122() {
			List<String> lines = Uke.adding("KO,54130018,1234566,,1,264,,,,,,");
			lines.set(0, Uke.RE.replace(",1112,", ",1122,"));
			assertThat(Checks.findings(lines, ReceiptKindRule.KIND_PAYERS)).isEmpty();
		}

		@Test
		void aPublicOnlyReceiptMustHaveNoHo() {
			List<String> lines = new ArrayList<>(Uke.receipt());
			lines.set(0, Uke.RE.replace(",1112,", ",1212,"));
			assertThat(Checks.findings(lines, ReceiptKindRule.KIND_PAYERS)).hasSize(1);
			lines.set(1, "KO,54130018,1234566,,1,264,,,,,,");
			assertThat(Checks.findings(lines, ReceiptKindRule.KIND_PAYERS)).isEmpty();
		}

	}

	@Nested
	class ActualDays {

		@Test
		void moreDaysThanVisitsIsAWarningPointingAtVisitsAndHo() {
			List<String> lines = Uke.replacing("HO,", Uke.HO.replace(",4567,1,264,", ",4567,2,264,"));
			assertThat(Checks.findings(lines, ActualDaysRule.MISMATCH)).singleElement().satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.WARNING);
				assertThat(f.message()).contains("2日").contains("1日");
				assertThat(f.lines()).containsExactly(3, 6);
			});
		}

		@Test
		void twoRevisitsOnTwoDaysMatchTwoDays() {
			List<String> lines = new ArrayList<>(Uke.replacing("SI,12,", si("12", "112007410", "75", 2, 5, 19)));
			lines.set(1, Uke.HO.replace(",4567,1,264,", ",4567,2,339,"));
			lines.set(3, "SI,,1,112011010,,52,1,,,,,,," + Uke.days(1, 5));
			assertThat(Checks.findings(lines, ActualDaysRule.MISMATCH)).isEmpty();
		}

		@Test
		void aPublicFundCannotHaveMoreDaysThanTheInsurance() {
			List<String> lines = Uke.adding("KO,54130018,1234566,,3,264,,,,,,");
			assertThat(Checks.findings(lines, ActualDaysRule.PUBLIC_EXCEEDS)).hasSize(1);
			assertThat(Checks.findings(Uke.adding("KO,54130018,1234566,,1,264,,,,,,"), ActualDaysRule.PUBLIC_EXCEEDS)).isEmpty();
		}

		@Test
		void moreDaysThanTheMonthHasIsAnError() {
			List<String> lines = Uke.replacing("HO,", Uke.HO.replace(",4567,1,264,", ",4567,32,264,"));
			assertThat(Checks.findings(lines, ActualDaysRule.OVER_MONTH)).hasSize(1);
			assertThat(Checks.findings(Uke.receipt(), ActualDaysRule.OVER_MONTH)).isEmpty();
		}

	}

	@Nested
	class SuspectedDiseases {

		@Test
		void aSuspectedDiagnosisOpenForThreeMonthsIsFlagged() {
			List<String> lines = Uke.adding("SY,5319009,20260701,1,8002,,,");
			assertThat(Checks.findings(lines, DiseaseRule.SUSPECTED_LONG)).singleElement().satisfies(f -> {
				assertThat(f.message()).contains("胃潰瘍の疑い").contains("3か月");
				assertThat(f.lines()).containsExactly(12);
			});
		}

		@Test
		void aRecentSuspectedDiagnosisIsFine() {
			assertThat(Checks.findings(Uke.adding("SY,5319009,20260915,1,8002,,,"), DiseaseRule.SUSPECTED_LONG)).isEmpty();
		}

		@Test
		void aClosedSuspectedDiagnosisIsFine() {
			assertThat(Checks.findings(Uke.adding("SY,5319009,20260101,4,8002,,,"), DiseaseRule.SUSPECTED_LONG)).isEmpty();
		}

		@Test
		void theLimitIsASetting() {
			List<String> lines = Uke.adding("SY,5319009,20260701,1,8002,,,");
			var relaxed = Checks.findings(lines, new RuleSettings(6, Set.of()));
			assertThat(relaxed.stream().filter(f -> f.ruleId().equals(DiseaseRule.SUSPECTED_LONG))).isEmpty();
		}

	}

	@Nested
	class Outcomes {

		@Test
		void anUnknownOutcomeCodeIsAnError() {
			assertThat(Checks.findings(Uke.replacing("SY,", "SY,4019004,20250101,7,,,01,"), DiseaseRule.OUTCOME_INVALID))
				.hasSize(1);
			assertThat(Checks.findings(Uke.receipt(), DiseaseRule.OUTCOME_INVALID)).isEmpty();
		}

		@Test
		void theSameDiagnosisContinuingAndCuredIsFlaggedOnBothLines() {
			List<String> lines = Uke.adding("SY,4019004,20250101,2,,,,");
			assertThat(Checks.findings(lines, DiseaseRule.OUTCOME_CONFLICT)).singleElement()
				.satisfies(f -> assertThat(f.lines()).containsExactly(5, 12));
		}

		@Test
		void aDifferentDiagnosisCuredIsFine() {
			assertThat(Checks.findings(Uke.adding("SY,4660007,20261001,2,,,,"), DiseaseRule.OUTCOME_CONFLICT)).isEmpty();
		}

	}

	@Nested
	class DiseaseDates {

		@Test
		void aDiagnosisStartingAfterTheFirstTreatmentLeavesItUnjustified() {
			List<String> lines = Uke.replacing("SY,", "SY,4019004,20261010,1,,,01,");
			assertThat(Checks.findings(lines, DiseaseRule.AFTER_TREATMENT)).singleElement().satisfies(f -> {
				assertThat(f.message()).contains("5日");
				assertThat(f.lines()).containsExactly(5, 6);
			});
		}

		@Test
		void aDiagnosisStartingOnTheTreatmentDayIsFine() {
			assertThat(Checks.findings(Uke.replacing("SY,", "SY,4019004,20261005,1,,,01,"), DiseaseRule.AFTER_TREATMENT))
				.isEmpty();
		}

		@Test
		void aDiagnosisStartingAfterTheMonthIsAnError() {
			assertThat(Checks.findings(Uke.adding("SY,4660007,20261105,1,,,,"), DiseaseRule.START_FUTURE)).hasSize(1);
			assertThat(Checks.findings(Uke.receipt(), DiseaseRule.START_FUTURE)).isEmpty();
		}

		@Test
		void anUncodedDiagnosisIsWorthAConfirmation() {
			var found = Checks.findings(Uke.adding("SY,0000999,20261005,1,,腰の痛み,,"), DiseaseRule.UNCODED);
			assertThat(found).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
			assertThat(Checks.findings(Uke.receipt(), DiseaseRule.UNCODED)).isEmpty();
		}

	}

	@Nested
	class MasterCodes {

		@Test
		void aCodeMissingFromTheMasterIsAnErrorAndTheRestIsStillChecked() {
			List<String> lines = Uke.replacing("SY,", "SY,4660007,20261001,1,,,01,");
			lines.add(si("60", "160999999", "10", 1, 5));
			var all = Checks.findings(lines);
			assertThat(all).filteredOn(f -> f.ruleId().equals(MasterCodeRule.UNKNOWN)).singleElement()
				.satisfies(f -> assertThat(f.message()).contains("160999999").contains("診療行為マスター"));
			assertThat(all).extracting(Finding::ruleId).contains("DMN_INDICATION");
		}

		@Test
		void unknownDiseaseAndModifierCodesAreErrors() {
			List<String> lines = Uke.adding("SY,9999998,20261001,1,7777,,,");
			assertThat(Checks.findings(lines, MasterCodeRule.UNKNOWN)).hasSize(2);
		}

		@Test
		void anAbolishedCodeIsNotInForce() {
			List<String> lines = Uke.adding(si("80", "119999910", "", 1, 5));
			assertThat(Checks.findings(lines, MasterCodeRule.NOT_IN_FORCE)).hasSize(1);
			assertThat(Checks.findings(Uke.receipt(), MasterCodeRule.NOT_IN_FORCE)).isEmpty();
		}

	}

	@Nested
	class PointsTotal {

		@Test
		void aTotalThatDoesNotAddUpIsAnError() {
			List<String> lines = Uke.replacing("HO,", Uke.HO.replace(",264,", ",265,"));
			assertThat(Checks.findings(lines, PointsTotalRule.MISMATCH)).singleElement()
				.satisfies(f -> assertThat(f.message()).contains("265点").contains("264点"));
		}

		@Test
		void linesWithoutPointsInsideAGroupAddNothing() {
			List<String> lines = Uke.adding(si("60", "160000310", "", 1, 5), si("", "160008010", "47", 1, 5));
			lines.set(1, Uke.HO.replace(",264,", ",311,"));
			assertThat(Checks.findings(lines, PointsTotalRule.MISMATCH)).isEmpty();
		}

		@Test
		void drugPointsCountTimesTheirCount() {
			List<String> lines = Uke.adding(iy("21", "620000006", "3", "2", 14, 5));
			lines.set(1, Uke.HO.replace(",264,", ",292,"));
			assertThat(Checks.findings(lines, PointsTotalRule.MISMATCH)).isEmpty();
		}

	}

}
