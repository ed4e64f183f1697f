package org.tsumugi.document.bench;

import java.text.Normalizer;
import java.util.List;

/**
 * Known Japanese text for the accuracy check and the benchmark: fictional names and addresses,
 * medical terms, numbers and mixed kana/kanji as they appear in referral letters and lab reports.
 * No one's private data.
 */
public final class AccuracyCorpus {

	public static final List<String> LINES = List.of(
			"患者氏名 山田 太郎（ヤマダ タロウ） 男性 昭和40年5月6日生 満59歳",
			"住所 東京都千代田区紬町一丁目2番3号 さくらハイツ405号室",
			"電話番号 03-1234-5678 保険者番号 06130012 記号 19D0001 番号 23",
			"紹介先 紬総合病院 循環器内科 佐藤 一郎 先生 御侍史",
			"傷病名 高血圧症、2型糖尿病、脂質異常症、慢性腎臓病（ステージ3a）",
			"紹介目的 胸部不快感の精査および今後の治療方針についてご相談申し上げます。",
			"既往歴 虫垂炎（20歳時に手術）、喘息（小児期）。家族歴 父 心筋梗塞、母 胃癌。",
			"症状経過 令和6年3月頃より労作時の胸部圧迫感を自覚され、安静で数分以内に軽快します。",
			"検査結果 HbA1c 7.8%、LDLコレステロール 162mg/dL、eGFR 52mL/分/1.73㎡",
			"心電図ではⅡ、Ⅲ、aVF誘導で軽度のST低下を認め、胸部X線に明らかな異常はありません。",
			"治療経過 食事療法と運動療法を指導し、内服薬を調整いたしましたが、症状は持続しています。",
			"現在の処方 アムロジピン錠5mg 1日1回朝食後 28日分",
			"メトホルミン塩酸塩錠250mg 1日2回朝夕食後 28日分",
			"ロスバスタチン錠2.5mg 1日1回夕食後 28日分",
			"アレルギー ペニシリン系抗菌薬で発疹の既往があります。",
			"備考 ご多忙のところ恐縮ですが、ご高診のほどよろしくお願い申し上げます。",
			"さくらクリニック 院長 鈴木 花子 〒100-0001 東京都千代田区千代田9-8-7",
			"血圧 148/92mmHg 脈拍 78回/分 体温 36.5℃ SpO2 97% 身長 168.2cm 体重 72.4kg");

	/**
	 * Lines written after the look-alike corrections ({@code MedicalNotation}) were derived from the corpus
	 * above, with the same symbols in other sentences, to see whether the corrections carry over.
	 */
	public static final List<String> HELD_OUT = List.of(
			"入院時 体温 38.4℃ 血圧 132/84mmHg 脈拍 96回/分 呼吸数 20回/分",
			"翌朝には 37.1℃ まで解熱し、食事摂取も良好です。",
			"腎機能 eGFR 38mL/分/1.73㎡ と低下しており、用量を調整しました。",
			"心電図 Ⅱ、Ⅲ、aVF 誘導で陰性T波、V4～V6 で ST 低下を認めます。",
			"紹介元 川口内科クリニック 川口 次郎 先生 埼玉県川口市本町4-5-6",
			"次回受診 令和7年1月15日 午前10時30分 採血 空腹時で来院してください。");

	private AccuracyCorpus() {
	}

	/** Lines as one paragraph each, in the renderer's template syntax. */
	public static String template(String title, List<String> lines) {
		return "# " + title + "\n" + String.join("\n", lines) + "\n";
	}

	/** The corpus as one paragraph per line, in the renderer's template syntax. */
	public static String template() {
		return template("診療情報提供書（精度確認用）", LINES);
	}

	/**
	 * Character accuracy: 1 − (edit distance ÷ expected length), over the text with whitespace removed
	 * and NFKC applied to both sides, so that line breaks, spacing and full/half width do not count as
	 * errors but every wrong, missing or extra character does.
	 */
	public static double characterAccuracy(String expected, String actual) {
		int[] e = comparable(expected);
		int[] a = comparable(actual);
		int[] previous = new int[a.length + 1];
		int[] current = new int[a.length + 1];
		for (int j = 0; j <= a.length; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= e.length; i++) {
			current[0] = i;
			for (int j = 1; j <= a.length; j++) {
				int substitution = previous[j - 1] + (e[i - 1] == a[j - 1] ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return Math.max(0, 1.0 - (double) previous[a.length] / e.length);
	}

	private static int[] comparable(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints().filter(c -> !Character.isWhitespace(c))
			.toArray();
	}
}
