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

	/**
	 * Session 4: a larger held-out set, written and committed before any change of session 4 was tried, so that
	 * the changes could be judged on text they were not derived from. A referral letter to a nephrologist, a
	 * 問診票 and a lab report: fictional names, places, drugs and values.
	 */
	public static final List<String> REFERRAL_LAB_MONSHIN = List.of(
			"診療情報提供書 令和7年2月10日",
			"紹介先 みなと市民病院 腎臓内科 外来担当医 先生 御机下",
			"患者 高橋 美咲（タカハシ ミサキ） 女性 平成2年11月23日生 34歳",
			"住所 神奈川県横浜市港北区日吉本町3-14-2 グリーンコート201",
			"連絡先 045-987-6543 被保険者証 記号 7203 番号 118",
			"傷病名 慢性腎不全（CKDステージG3b）、腎性貧血、高尿酸血症",
			"紹介理由 腎機能の緩徐な低下があり、専門的な評価と管理をお願いしたくご紹介いたします。",
			"現病歴 平成30年の健診で尿蛋白を指摘され、以後当院で経過を観察しておりました。",
			"令和6年秋頃から下腿浮腫が出現し、クレアチニンが1.42から1.86mg/dLへ上昇しています。",
			"血液検査（令和7年1月28日） Cr 1.86mg/dL BUN 32mg/dL eGFR 27mL/分/1.73㎡",
			"Hb 10.2g/dL K 5.1mEq/L Na 139mEq/L UA 8.4mg/dL CRP 0.12mg/dL",
			"尿検査 蛋白（2+） 潜血（±） 尿蛋白/クレアチニン比 1.8g/gCr",
			"バイタル 血圧 156/94mmHg 脈拍 72回/分 体温 36.8℃ 体重 58.3kg",
			"心電図 洞調律、Ⅰ、Ⅱ、aVL 誘導に異常なく、左室肥大の所見は認めません。",
			"心不全症状は NYHA分類 Ⅱ度、浮腫は両下腿に軽度（圧痕あり）です。",
			"Ⅲ度高血圧の既往はなく、家庭血圧は130～140/80～90mmHg で推移しています。",
			"内服薬 アゼルニジピン錠16mg 1日1回朝食後",
			"フェブキソスタット錠20mg 1日1回朝食後",
			"エナラプリルマレイン酸塩錠5mg 1日1回 令和6年12月より中止しています。",
			"アレルギー 造影剤（ヨード）で蕁麻疹の既往、食物アレルギーなし",
			"生活歴 喫煙 20本/日×15年（35歳で禁煙）、飲酒 機会飲酒",
			"問診票 ご記入日 令和7年2月3日 該当するものに○をつけてください。",
			"いつから 3日前から 症状 のどの痛み、せき、37.9℃の発熱",
			"今までにかかった病気 ぜんそく・糖尿病・高血圧・腎臓病・その他",
			"現在妊娠していますか はい・いいえ 授乳中ですか はい・いいえ",
			"お薬手帳をお持ちの方は受付にお出しください。",
			"検査報告書 検体受付 令和7年1月28日 9時12分 報告 同日 14時05分",
			"AST 24 U/L ALT 19 U/L γ-GTP 31 U/L ALP 88 U/L LDH 176 U/L",
			"TG 142mg/dL HDL-C 48mg/dL LDL-C 118mg/dL 空腹時血糖 104mg/dL",
			"基準値 Cr 0.46～0.79mg/dL（女性） eGFR 60以上 H：高値 L：低値",
			"所見 腎機能低下を認めます。前回値と比較してご確認ください。",
			"返書 ご紹介ありがとうございました。腎生検は行わず、外来で経過を診てまいります。",
			"体表面積 1.58㎡ で補正した投与量に変更いたしました。",
			"次回予約 令和7年3月17日（月） 午前9時30分 腎臓内科外来 2番診察室",
			"さくら台クリニック 内科 院長 小林 健一 〒231-0023 横浜市中区山下町8-1",
			"TEL 045-222-3344 FAX 045-222-3345",
			"昭和58年生まれの兄に多発性嚢胞腎の家族歴があります。",
			"体温は朝 36.2℃、夕 37.4℃ と微熱が続き、夜間尿は2～3回です。");

	/**
	 * Session 4: written together with the set above but measured only twice, before any change and after the
	 * last one, without its misreads being looked at in between: the figure least flattered by tuning.
	 */
	public static final List<String> SEALED = List.of(
			"退院時要約 令和6年8月22日 入院 令和6年9月4日 退院",
			"患者 中村 翔太（ナカムラ ショウタ） 男性 昭和47年7月1日生",
			"住所 大阪府吹田市山田西2-7-15 ハイツ緑地302号",
			"入院時診断 急性腎盂腎炎、敗血症の疑い 主訴 悪寒を伴う39.2℃の発熱",
			"入院時 血圧 98/60mmHg 脈拍 112回/分 SpO2 95% 意識清明",
			"WBC 15800/μL CRP 18.6mg/dL PCT 4.2ng/mL Cr 1.32mg/dL",
			"セフトリアキソン 2g 1日1回 点滴静注 7日間、以後 内服に切り替え",
			"第3病日に解熱し、第5病日の血液培養は陰性でした。",
			"退院時処方 レボフロキサシン錠500mg 1日1回 7日分",
			"心電図 Ⅱ、Ⅲ、aVF に有意な変化なし、胸部X線 異常なし",
			"腎エコー 右腎盂の軽度拡張、結石は認めず 腎臓の大きさ 10.8cm",
			"外来予約 令和6年9月18日 10時00分 泌尿器科 ～ 担当 山本",
			"体温は 36.4～36.9℃ で推移し、食欲も回復しました。",
			"ご家族（妻）にも病状と今後の方針を説明し、了承を得ています。");

	/**
	 * Session 5: a discharge summary (orthopaedics, dermatology, nursing, pharmacy) written before the lexicon of
	 * characters the model cannot produce was built, and measured only before and after that work.
	 */
	public static final List<String> SECOND_SEALED = List.of(
			"退院時サマリー 整形外科 令和7年10月6日 記載 主治医 佐々木 隆",
			"患者 中村 和子（ナカムラ カズコ） 女性 昭和22年5月8日生 78歳",
			"主病名 左大腿骨頸部骨折（人工骨頭置換術後）、骨粗鬆症",
			"入院経過 9月12日に自宅で転倒し救急搬送、9月14日に手術を施行しました。",
			"術後3日目から歩行器で歩行訓練を開始し、創部の感染はありません。",
			"既往歴 高血圧症、2型糖尿病、胆嚢摘出術後（平成28年）",
			"検査 WBC 7200/μL Hb 11.4g/dL Plt 21.3万/μL HbA1c 7.1%",
			"Alb 3.2g/dL BUN 18mg/dL Cr 0.71mg/dL γ-GTP 22U/L",
			"皮膚科 体幹に紅斑と掻痒感があり、湿疹として外用薬を処方しました。",
			"看護記録 夜間に譫妄があり、離床センサーを設置して経過を観察中です。",
			"嚥下機能は良好で、常食を全量摂取できています。仙骨部に褥瘡はありません。",
			"処方 アムロジピン錠5mg 1日1回朝食後 エルデカルシトールカプセル0.75μg",
			"注射 ゾレドロン酸 5mg/100mL を年1回 点滴静注の予定です。",
			"リハビリ 膝関節の可動域は屈曲110°、伸展−5°まで改善しました。",
			"退院先 介護老人保健施設 あおば苑 〒981-3212 仙台市泉区長命ケ丘2-19-1",
			"次回外来 令和7年11月4日（火） 午後2時 整形外科 3番診察室 X線撮影あり");

	private AccuracyCorpus() {
	}

	/** Lines as one paragraph each, in the renderer's template syntax. */
	public static String template(String title, List<String> lines) {
		return "# " + title + "\n" + String.join("\n", lines) + "\n";
	}

	/**
	 * The body of what OCR read from a page printed by {@link #template(String, List)}: without the title (the
	 * first line, when it is the title that was read) and the page number the renderer prints at the foot.
	 */
	public static String body(String ocrText) {
		String text = ocrText.strip();
		int firstBreak = text.indexOf('\n');
		if (firstBreak > 0 && text.substring(0, firstBreak).contains("精度確認")) {
			text = text.substring(firstBreak + 1);
		}
		return text.replaceAll("\\n\\s*\\d+\\s*/\\s*\\d+\\s*$", "");
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
