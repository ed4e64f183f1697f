package org.tsumugi.claims.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tsumugi.claims.Uke.iy;
import static org.tsumugi.claims.Uke.si;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tsumugi.claims.Checks;
import org.tsumugi.claims.Severity;
import org.tsumugi.claims.Uke;

/** The rules process owners keep in bpmn/claim-*.dmn, evaluated through dmn-scala. */
class DecisionTableRuleTest {

	@Nested
	class IndicationDisease {

		@Test
		void aDrugWithoutItsIndicationIsFlaggedOnTheDrugLine() {
			// 620000002 (amlodipine) needs 本態性高血圧症; the receipt only has 急性気管支炎.
			List<String> lines = Uke.replacing("SY,", "SY,4660007,20261001,1,,,01,");
			var found = Checks.findings(lines, "DMN_INDICATION");
			assertThat(found).singleElement().satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.WARNING);
				assertThat(f.message()).contains("アムロジピン").contains("適応病名");
				assertThat(f.lines()).containsExactly(8);
			});
		}

		@Test
		void theIndicationPresentMeansNoFinding() {
			assertThat(Checks.findings(Uke.receipt(), "DMN_INDICATION")).isEmpty();
		}

		@Test
		void aSuspectedDiagnosisIsNoIndication() {
			List<String> lines = Uke.replacing("SY,", "SY,4019004,20261001,1,8002,,01,");
			assertThat(Checks.findings(lines, "DMN_INDICATION")).hasSize(1);
		}

		@Test
		void anyOfSeveralIndicationsIsEnough() {
			// Lansoprazole: 胃潰瘍 or 逆流性食道炎.
			List<String> lines = Uke.adding("SY,5300001,20261001,1,,,,", iy("21", "620000004", "1", "", 1, 5));
			assertThat(Checks.findings(lines, "DMN_INDICATION")).isEmpty();
			List<String> without = Uke.adding(iy("21", "620000004", "1", "", 1, 5));
			assertThat(Checks.findings(without, "DMN_INDICATION")).hasSize(1);
		}

	}

	@Nested
	class MonthlyCountLimit {

		@Test
		void aThirdManagementFeeInAMonthIsAnError() {
			List<String> lines = Uke.adding(si("13", "113001810", "225", 3, 5, 12, 19));
			var found = Checks.findings(lines, "DMN_COUNT_LIMIT");
			assertThat(found).singleElement().satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.ERROR);
				assertThat(f.message()).contains("月2回まで");
			});
		}

		@Test
		void countsAreSummedOverLinesOfTheSameCode() {
			List<String> lines = Uke.adding(si("13", "113001810", "225", 2, 5, 12), si("13", "113001810", "225", 1, 19));
			assertThat(Checks.findings(lines, "DMN_COUNT_LIMIT")).singleElement()
				.satisfies(f -> assertThat(f.lines()).hasSize(2));
		}

		@Test
		void twiceAMonthIsAllowed() {
			List<String> lines = Uke.adding(si("13", "113001810", "225", 2, 5, 12));
			assertThat(Checks.findings(lines, "DMN_COUNT_LIMIT")).isEmpty();
		}

	}

	@Nested
	class AgeAndSex {

		@Test
		void theInfantAdditionForAnAdultIsAnError() {
			List<String> lines = Uke.adding(si("11", "111000570", "75", 1, 5));
			assertThat(Checks.findings(lines, "DMN_AGE")).singleElement()
				.satisfies(f -> assertThat(f.message()).contains("6歳未満"));
		}

		@Test
		void theInfantAdditionForAFiveYearOldIsFine() {
			List<String> lines = new ArrayList<>(Uke.adding(si("11", "111000570", "75", 1, 5)));
			lines.set(0, Uke.RE.replace("19600101", "20210301"));
			assertThat(Checks.findings(lines, "DMN_AGE")).isEmpty();
		}

		@Test
		void aGynaecologicalTestForAManIsFlagged() {
			List<String> lines = Uke.adding(si("60", "160600010", "150", 1, 5));
			assertThat(Checks.findings(lines, "DMN_SEX")).hasSize(1);
		}

		@Test
		void aGynaecologicalTestForAWomanIsFine() {
			List<String> lines = new ArrayList<>(Uke.adding(si("60", "160600010", "150", 1, 5)));
			lines.set(0, Uke.RE.replace(",1,19600101,", ",2,19600101,"));
			assertThat(Checks.findings(lines, "DMN_SEX")).isEmpty();
		}

	}

	@Nested
	class MutuallyExclusive {

		@Test
		void outpatientManagementOnTheDayOfATreatmentIsAnError() {
			List<String> lines = Uke.adding(si("40", "140000610", "52", 1, 5));
			assertThat(Checks.findings(lines, "DMN_EXCLUSIVE")).singleElement()
				.satisfies(f -> assertThat(f.message()).contains("外来管理加算"));
		}

		@Test
		void aTreatmentOnAnotherDayIsFine() {
			List<String> lines = Uke.adding(si("40", "140000610", "52", 1, 20));
			assertThat(Checks.findings(lines, "DMN_EXCLUSIVE")).isEmpty();
		}

	}

	@Nested
	class RequiredComment {

		@Test
		void aReferralFeeWithoutTheAddresseeCommentIsAnError() {
			List<String> lines = Uke.adding(si("13", "180016110", "250", 1, 5));
			assertThat(Checks.findings(lines, "DMN_REQUIRED_COMMENT")).hasSize(1);
		}

		@Test
		void theCommentOnACoLineSatisfiesIt() {
			List<String> lines = Uke.adding(si("13", "180016110", "250", 1, 5), "CO,,1,830100001,紹介先：架空病院");
			assertThat(Checks.findings(lines, "DMN_REQUIRED_COMMENT")).isEmpty();
		}

		@Test
		void theCommentInTheLinesOwnCommentSlotSatisfiesIt() {
			String line = "SI,13,1,180016110,,250,1,830100001,紹介先：架空病院,,,,," + Uke.days(1, 5);
			assertThat(Checks.findings(Uke.adding(line), "DMN_REQUIRED_COMMENT")).isEmpty();
		}

	}

	@Nested
	class BulkEvaluation {

		@Test
		void listColumnsAreReducedToTheCodesTheTableTests() {
			DecisionTables.Table indication = table("claim-indication");
			assertThat(indication.listLiterals()).containsEntry("diseaseCodes", java.util.Set.of("2500015", "4019004", "2724006",
					"5319009", "5300001"));
			assertThat(indication.codes()).containsExactlyInAnyOrder("620000001", "620000002", "620000003", "620000004");
			assertThat(indication.cacheable()).isTrue();
		}

		@Test
		void memoizedAnswersEqualFreshEvaluation() throws Exception {
			DecisionTables.Table indication = table("claim-indication");
			java.util.Random random = new java.util.Random(1);
			List<String> pool = List.of("2500015", "4019004", "2724006", "5319009", "5300001", "4660007", "4619001", "9999999");
			for (int i = 0; i < 200; i++) {
				List<String> diseases = new ArrayList<>();
				for (String code : pool) {
					if (random.nextInt(3) == 0) {
						diseases.add(code);
					}
				}
				String drug = "62000000" + (1 + random.nextInt(6));
				java.util.Map<String, Object> vars = new java.util.HashMap<>();
				vars.put("code", drug);
				vars.put("diseaseCodes", diseases);
				assertThat(Checks.TABLES.evaluate(indication, vars)).as(drug + " " + diseases)
					.isEqualTo(Checks.TABLES.evaluateNow(indication, vars));
			}
		}

		@Test
		void numbersCountOnlyByTheSideOfEachThreshold() throws Exception {
			DecisionTables.Table ageSex = table("claim-age-sex");
			assertThat(ageSex.thresholds().get("ageYears")).containsExactly(6.0);
			for (int age = 0; age <= 100; age++) {
				for (String sex : List.of("1", "2")) {
					for (String code : List.of("111000570", "160600010")) {
						java.util.Map<String, Object> vars = new java.util.HashMap<>();
						vars.put("code", code);
						vars.put("ageYears", age);
						vars.put("sex", sex);
						assertThat(Checks.TABLES.evaluate(ageSex, vars)).as(code + " " + age + " " + sex)
							.isEqualTo(Checks.TABLES.evaluateNow(ageSex, vars));
					}
				}
			}
			assertThat(ageSex.memo()).hasSizeLessThanOrEqualTo(2 * 3 * 2);
		}

		private DecisionTables.Table table(String id) {
			return Checks.TABLES.tables().stream().filter(t -> t.decisionId().equals(id)).findFirst().orElseThrow();
		}

	}

}
