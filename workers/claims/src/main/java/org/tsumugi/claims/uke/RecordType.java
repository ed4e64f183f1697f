package org.tsumugi.claims.uke;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The record types of the 医科 UKE format with their field names (as in 記録条件仕様, used in messages)
 * and which fields hold personal or free text, whose values are never echoed into messages.
 */
public enum RecordType {

	IR("医療機関情報", names("審査支払機関", "都道府県", "点数表", "医療機関コード", "予備", "医療機関名称", "請求年月",
			"マルチボリューム識別情報", "電話番号"), Set.of(9)),
	RE("レセプト共通", reNames(), Set.of(4, 6, 13, 36)),
	HO("保険者", names("保険者番号", "被保険者証等の記号", "被保険者証等の番号", "診療実日数", "合計点数", "予備", "食事療養・生活療養回数",
			"食事療養・生活療養合計金額", "職務上の事由", "証明書番号", "負担金額（医療保険）", "減免区分", "減額割合", "減額金額"), Set.of(2, 3, 10)),
	KO("公費", names("公費負担者番号", "公費受給者番号", "任意給付区分", "診療実日数", "合計点数", "負担金額（公費）", "公費給付対象外来一部負担金",
			"公費給付対象入院一部負担金", "予備", "食事療養・生活療養回数", "食事療養・生活療養合計金額"), Set.of(2)),
	SN("資格確認", names("負担者種別", "確認区分", "保険者番号等", "被保険者証等の記号", "被保険者証等の番号", "枝番", "受給者番号", "予備"),
			Set.of(4, 5, 6, 7)),
	JD("受診日等", dayNames("負担者種別"), Set.of()),
	MF("窓口負担額", mfNames(), Set.of()),
	GR("包括評価対象外理由", null, Set.of()),
	SY("傷病名", names("傷病名コード", "診療開始日", "転帰区分", "修飾語コード", "傷病名称", "主傷病", "補足コメント"), Set.of(5, 7)),
	SI("診療行為", detailNames("診療行為コード", "数量データ"), Set.of(8, 10, 12)),
	IY("医薬品", detailNames("医薬品コード", "使用量"), Set.of(8, 10, 12)),
	TO("特定器材", toNames(), Set.of(9, 10, 12, 14, 16)),
	CO("コメント", names("診療識別", "負担区分", "コメントコード", "文字データ"), Set.of(4)),
	SJ("症状詳記", names("症状詳記区分", "症状詳記データ"), Set.of(2)),
	TI("臓器提供医療機関情報", null, Set.of()),
	TR("臓器提供者レセプト情報", null, Set.of()),
	TS("臓器提供者請求情報", null, Set.of()),
	KH("国保連固有情報", null, Set.of()),
	NI("日計表", null, Set.of()),
	GO("診療報酬請求書", names("総件数", "総合計点数", "マルチボリューム識別情報"), Set.of());

	private final String title;

	private final List<String> fieldNames;

	private final Set<Integer> privateFields;

	RecordType(String title, List<String> fieldNames, Set<Integer> privateFields) {
		this.title = title;
		this.fieldNames = fieldNames;
		this.privateFields = privateFields;
	}

	/** Finds a type by its two-letter id; null for anything else. */
	public static RecordType of(String id) {
		if (id.length() != 2) {
			return null;
		}
		try {
			return valueOf(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public String title() {
		return title;
	}

	/** Number of fields after the record id, or -1 when the layout is not typed here. */
	public int fieldCount() {
		return fieldNames == null ? -1 : fieldNames.size();
	}

	/** The field's name for messages, 1-based after the record id. */
	public String fieldName(int index) {
		if (index == 0) {
			return "";
		}
		if (fieldNames == null || index < 1 || index > fieldNames.size()) {
			return index + "番目の項目";
		}
		return fieldNames.get(index - 1);
	}

	boolean isPrivate(int index) {
		return privateFields.contains(index);
	}

	private static List<String> names(String... names) {
		return List.of(names);
	}

	private static List<String> reNames() {
		List<String> n = new ArrayList<>(List.of("レセプト番号", "レセプト種別", "診療年月", "氏名", "男女区分", "生年月日", "給付割合", "入院年月日",
				"病棟区分", "一部負担金・食事療養費・生活療養費標準負担額区分", "レセプト特記事項", "病床数", "カルテ番号等", "割引点数単価", "予備", "予備", "予備",
				"検索番号", "記録条件仕様年月情報", "請求情報"));
		for (int d = 1; d <= 3; d++) {
			for (String part : List.of("診療科名", "人体の部位等", "性別等", "医学的処置", "特定疾病")) {
				n.add(part + d);
			}
		}
		n.add("カタカナ氏名");
		n.add("患者の状態");
		return List.copyOf(n);
	}

	private static List<String> dayNames(String first) {
		List<String> n = new ArrayList<>();
		n.add(first);
		for (int d = 1; d <= 31; d++) {
			n.add(d + "日の情報");
		}
		return List.copyOf(n);
	}

	private static List<String> mfNames() {
		List<String> n = new ArrayList<>();
		n.add("窓口負担額区分");
		for (int d = 1; d <= 31; d++) {
			n.add("予備");
		}
		return List.copyOf(n);
	}

	private static List<String> detailNames(String code, String quantity) {
		List<String> n = new ArrayList<>(List.of("診療識別", "負担区分", code, quantity, "点数", "回数"));
		addCommentsAndDays(n);
		return List.copyOf(n);
	}

	private static List<String> toNames() {
		List<String> n = new ArrayList<>(List.of("診療識別", "負担区分", "特定器材コード", "使用量", "点数", "回数", "単位コード", "単価",
				"特定器材名称", "商品名及び規格又はサイズ"));
		addCommentsAndDays(n);
		return List.copyOf(n);
	}

	private static void addCommentsAndDays(List<String> n) {
		for (int c = 1; c <= 3; c++) {
			n.add("コメントコード" + c);
			n.add("文字データ" + c);
		}
		for (int d = 1; d <= 31; d++) {
			n.add(d + "日の情報");
		}
	}

}
