package org.tsumugi.document.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;

/**
 * A template as a process owner writes it, one mark per line:
 *
 * <pre>
 * # 診療情報提供書            title, centred
 * ## 傷病名                   section heading
 * &gt;&gt; {{作成日}}               right-aligned line
 * | 薬剤 | 用法 |             table row; a row of only dashes under the first row makes it a header
 * | {{処方[].薬剤}} | {{処方[].用法}} |   a row repeated for every entry of the list 処方
 * ---                          horizontal rule
 * (blank line)                 space between paragraphs
 * anything else                a paragraph, wrapped with Japanese line breaking
 * </pre>
 *
 * {@code {{name}}} must be given; {@code {{name?}}} may be missing and then prints nothing. The mark
 * is read before values are filled in, so a value can never turn itself into a heading or a cell.
 */
final class Template {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}?\\s]+?)\\s*(\\?)?\\s*}}");

	private static final Pattern LIST_PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\[\\s]+)\\[]\\.");

	sealed interface Block {
	}

	record Title(String text) implements Block {
	}

	record Heading(String text) implements Block {
	}

	record Right(String text) implements Block {
	}

	record Paragraph(String text) implements Block {
	}

	record Rule() implements Block {
	}

	record Gap() implements Block {
	}

	record Table(List<List<String>> rows, boolean header) implements Block {
	}

	private Template() {
	}

	static List<Block> fill(String source, Map<String, ?> data) {
		List<Block> blocks = new ArrayList<>();
		String[] lines = source.replace("\r", "").split("\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.startsWith("|")) {
				List<List<String>> rows = new ArrayList<>();
				boolean header = false;
				while (i < lines.length && lines[i].strip().startsWith("|")) {
					String row = lines[i].strip();
					if (row.matches("\\|[\\s\\-|:]+\\|?")) {
						header = rows.size() == 1;
					}
					else {
						expandRow(cells(row), data, rows);
					}
					i++;
				}
				i--;
				blocks.add(new Table(rows, header));
			}
			else if (line.startsWith("## ")) {
				blocks.add(new Heading(substitute(line.substring(3), data)));
			}
			else if (line.startsWith("# ")) {
				blocks.add(new Title(substitute(line.substring(2), data)));
			}
			else if (line.startsWith(">> ")) {
				blocks.add(new Right(substitute(line.substring(3), data)));
			}
			else if (line.equals("---")) {
				blocks.add(new Rule());
			}
			else if (line.isEmpty()) {
				blocks.add(new Gap());
			}
			else {
				blocks.add(new Paragraph(substitute(line, data).strip()));
			}
		}
		return blocks;
	}

	private static List<String> cells(String row) {
		String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
		List<String> cells = new ArrayList<>();
		for (String cell : inner.split("\\|", -1)) {
			cells.add(cell.strip());
		}
		return cells;
	}

	/** A row naming {@code list[].field} is written once for every entry of the list. */
	private static void expandRow(List<String> cells, Map<String, ?> data, List<List<String>> rows) {
		String list = null;
		for (String cell : cells) {
			Matcher m = LIST_PLACEHOLDER.matcher(cell);
			if (m.find()) {
				list = m.group(1);
				break;
			}
		}
		if (list == null) {
			rows.add(cells.stream().map(cell -> substitute(cell, data)).toList());
			return;
		}
		Object value = data.get(list);
		if (value != null && !(value instanceof List<?>)) {
			throw invalid("「" + list + "」は一覧（リスト）である必要があります。");
		}
		List<?> entries = value == null ? List.of() : (List<?>) value;
		String prefix = list + "[].";
		for (Object entry : entries) {
			Map<?, ?> fields = entry instanceof Map<?, ?> map ? map : Map.of();
			rows.add(cells.stream().map(cell -> substitute(cell, name -> {
				if (name.startsWith(prefix)) {
					return fields.get(name.substring(prefix.length()));
				}
				return data.get(name);
			}, name -> name.startsWith(prefix) || data.containsKey(name))).toList());
		}
	}

	static String substitute(String text, Map<String, ?> data) {
		return substitute(text, data::get, data::containsKey);
	}

	private static String substitute(String text, java.util.function.Function<String, Object> lookup,
			java.util.function.Predicate<String> known) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			boolean optional = m.group(2) != null;
			Object value = lookup.apply(name);
			if (value == null && !optional && !known.test(name)) {
				throw invalid("テンプレートの差し込み項目「" + name + "」の値がありません。");
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static DocumentProblem invalid(String message) {
		return new DocumentProblem(Code.TEMPLATE_INVALID, message);
	}
}
