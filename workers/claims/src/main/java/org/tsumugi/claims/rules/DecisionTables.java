package org.tsumugi.claims.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import scala.util.Either;

/**
 * The DMN decision tables process owners edit in Camunda Modeler ({@code bpmn/claim-*.dmn}), parsed once
 * with dmn-scala and evaluated for many receipts in one job. Every table's first input is the item
 * {@code code}; when its entries are plain code literals, the codes are indexed so a table is evaluated
 * only for the items it can match — the same result as evaluating every item, at a fraction of the cost.
 */
public final class DecisionTables {

	/** The tables shipped with Tsumugi, found on the class path under {@code bpmn/}. */
	public static final List<String> BUNDLED = List.of("claim-indication.dmn", "claim-count-limits.dmn", "claim-age-sex.dmn",
			"claim-exclusive.dmn", "claim-required-comments.dmn");

	private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

	private static final Pattern CODE_LITERAL = Pattern.compile("\"([0-9A-Za-z]+)\"");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern LIST_CONTAINS = Pattern.compile("list contains\\(\\s*\\?\\s*,\\s*\"([^\"]*)\"\\s*\\)");

	/** Tables that read the clock give different answers over time and are never memoized. */
	private static final Pattern CLOCK = Pattern.compile("\\b(now|today)\\s*\\(");

	private static final Pattern COMPARISON = Pattern.compile("(?:<|<=|>|>=)?\\s*(-?[0-9]+(?:\\.[0-9]+)?)");

	private static final int MEMO_LIMIT = 200_000;

	private static final Pattern CODE_LIST = Pattern.compile("\\s*\"[0-9A-Za-z]+\"(\\s*,\\s*\"[0-9A-Za-z]+\")*\\s*");

	/**
	 * One decision table: the parsed model, its decision id, the codes it can match (null: any), and what
	 * its results can depend on (see {@link #evaluate}).
	 *
	 * @param inputs the table's input expressions when each is a plain variable name, else null
	 * @param listLiterals per input, the code literals its entries test list membership of; absent when
	 *     the column's entries do anything else with the list
	 * @param thresholds per input, the numbers its entries compare with when every entry is a simple
	 *     comparison ({@code >= 6}, {@code 3}, {@code -}); a value then matters only by where it lies
	 *     relative to them
	 */
	record Table(String source, String decisionId, String name, ParsedDmn parsed, Set<String> codes, List<String> inputs,
			Map<String, Set<String>> listLiterals, Map<String, double[]> thresholds, boolean cacheable,
			Map<List<Object>, List<Map<String, Object>>> memo) {

		boolean mayMatch(String code) {
			return codes == null || codes.contains(code);
		}

	}

	private final DmnEngine engine;

	private final List<Table> tables;

	private DecisionTables(DmnEngine engine, List<Table> tables) {
		this.engine = engine;
		this.tables = List.copyOf(tables);
	}

	/** Loads every {@code claim-*.dmn} in {@code dir}: the folder process owners save to. */
	public static DecisionTables load(Path dir) throws IOException {
		DmnEngine engine = new DmnEngine.Builder().build();
		List<Table> tables = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "claim-*.dmn")) {
			for (Path file : files) {
				tables.addAll(parse(engine, file.getFileName().toString(), Files.readAllBytes(file)));
			}
		}
		return new DecisionTables(engine, tables);
	}

	/** The tables packaged with this module (copied from {@code bpmn/} at build time). */
	public static DecisionTables bundled() throws IOException {
		DmnEngine engine = new DmnEngine.Builder().build();
		List<Table> tables = new ArrayList<>();
		for (String name : BUNDLED) {
			try (InputStream in = DecisionTables.class.getResourceAsStream("/bpmn/" + name)) {
				if (in == null) {
					throw new IOException("decision table not on the class path: bpmn/" + name);
				}
				tables.addAll(parse(engine, name, in.readAllBytes()));
			}
		}
		return new DecisionTables(engine, tables);
	}

	List<Table> tables() {
		return tables;
	}

	DmnEngine engine() {
		return engine;
	}

	static List<Table> parse(DmnEngine engine, String source, byte[] xml) throws IOException {
		Either<DmnEngine.Failure, ParsedDmn> parsed = engine.parse(new ByteArrayInputStream(xml));
		if (parsed.isLeft()) {
			throw new IOException("decision table " + source + " cannot be parsed: " + parsed.left().get().message());
		}
		List<Table> tables = new ArrayList<>();
		Document doc = dom(xml, source);
		NodeList decisions = doc.getElementsByTagNameNS(DMN_NS, "decision");
		for (int i = 0; i < decisions.getLength(); i++) {
			Element decision = (Element) decisions.item(i);
			List<String> inputs = inputNames(decision);
			Map<String, Set<String>> listLiterals = inputs == null ? Map.of() : listLiterals(decision, inputs);
			Map<String, double[]> thresholds = inputs == null ? Map.of() : thresholds(decision, inputs);
			boolean cacheable = inputs != null && !CLOCK.matcher(decision.getTextContent()).find();
			tables.add(new Table(source, decision.getAttribute("id"), decision.getAttribute("name"), parsed.right().get(),
					codeIndex(decision), inputs, listLiterals, thresholds, cacheable, new ConcurrentHashMap<>()));
		}
		return tables;
	}

	/** The input expressions when every one is a plain variable name; else null (no memo for that table). */
	private static List<String> inputNames(Element decision) {
		NodeList inputs = decision.getElementsByTagNameNS(DMN_NS, "inputExpression");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < inputs.getLength(); i++) {
			String text = inputs.item(i).getTextContent().trim();
			if (!NAME.matcher(text).matches()) {
				return null;
			}
			names.add(text);
		}
		return names;
	}

	/**
	 * For each input column whose entries only ask whether the list contains some literals (combined with
	 * not, and, or, commas), those literals. Membership of anything else cannot change such a column's
	 * outcome, so the list may be cut down to these literals before evaluating and memoizing.
	 */
	private static Map<String, Set<String>> listLiterals(Element decision, List<String> inputs) {
		Map<String, Set<String>> out = new HashMap<>();
		columns: for (int c = 0; c < inputs.size(); c++) {
			Set<String> literals = new HashSet<>();
			List<String> column = column(decision, c);
			if (column == null) {
				continue;
			}
			for (String text : column) {
				if (text.equals("-") || text.isEmpty()) {
					continue;
				}
				Matcher m = LIST_CONTAINS.matcher(text);
				boolean any = false;
				while (m.find()) {
					literals.add(m.group(1));
					any = true;
				}
				String rest = LIST_CONTAINS.matcher(text).replaceAll(" ").replaceAll("\\b(not|and|or)\\b", " ");
				if (!any || !rest.matches("[\\s(),]*")) {
					continue columns;
				}
			}
			out.put(inputs.get(c), literals);
		}
		return out;
	}

	/** Numbers each input column compares with, for columns made only of simple comparisons. */
	private static Map<String, double[]> thresholds(Element decision, List<String> inputs) {
		Map<String, double[]> out = new HashMap<>();
		columns: for (int c = 0; c < inputs.size(); c++) {
			Set<Double> numbers = new TreeSet<>();
			List<String> column = column(decision, c);
			if (column == null) {
				continue;
			}
			for (String text : column) {
				if (text.equals("-") || text.isEmpty()) {
					continue;
				}
				Matcher m = COMPARISON.matcher(text);
				if (!m.matches()) {
					continue columns;
				}
				numbers.add(Double.valueOf(m.group(1)));
			}
			out.put(inputs.get(c), numbers.stream().mapToDouble(Double::doubleValue).toArray());
		}
		return out;
	}

	/** The entries of input column {@code c}, one per rule; null when a rule lacks it. */
	private static List<String> column(Element decision, int c) {
		NodeList rules = decision.getElementsByTagNameNS(DMN_NS, "rule");
		List<String> texts = new ArrayList<>(rules.getLength());
		for (int r = 0; r < rules.getLength(); r++) {
			NodeList entries = ((Element) rules.item(r)).getElementsByTagNameNS(DMN_NS, "inputEntry");
			if (entries.getLength() <= c) {
				return null;
			}
			texts.add(entries.item(c).getTextContent().trim());
		}
		return texts;
	}

	/** Codes named in the first column when it reads {@code code} and every entry lists literals; else null. */
	private static Set<String> codeIndex(Element decision) {
		NodeList inputs = decision.getElementsByTagNameNS(DMN_NS, "inputExpression");
		if (inputs.getLength() == 0 || !"code".equals(inputs.item(0).getTextContent().trim())) {
			return null;
		}
		Set<String> codes = new HashSet<>();
		NodeList rules = decision.getElementsByTagNameNS(DMN_NS, "rule");
		for (int r = 0; r < rules.getLength(); r++) {
			NodeList entries = ((Element) rules.item(r)).getElementsByTagNameNS(DMN_NS, "inputEntry");
			if (entries.getLength() == 0) {
				return null;
			}
			String text = entries.item(0).getTextContent().trim();
			if (!CODE_LIST.matcher(text).matches()) {
				return null;
			}
			Matcher m = CODE_LITERAL.matcher(text);
			while (m.find()) {
				codes.add(m.group(1));
			}
		}
		return codes;
	}

	private static Document dom(byte[] xml, String source) throws IOException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IOException("decision table " + source + " is not readable XML: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Evaluates one table for one item; the rows that matched, as maps of their outputs.
	 * <p>
	 * dmn-scala builds a fresh FEEL context for every cell it evaluates, about a millisecond per table;
	 * a month has hundreds of thousands of items. A table's result depends only on the values of its
	 * inputs, and list inputs only on the literals the column tests (see {@link #listLiterals}), so results
	 * are memoized per table on exactly those values (numbers by where they lie among the thresholds the
	 * column compares with). Same answers as evaluating each time, since FEEL
	 * without the clock is deterministic.
	 */
	List<Map<String, Object>> evaluate(Table table, Map<String, Object> variables) throws EvaluationException {
		if (!table.cacheable()) {
			return evaluateNow(table, variables);
		}
		List<Object> key = new ArrayList<>(table.inputs().size());
		Map<String, Object> inputs = new HashMap<>();
		for (String name : table.inputs()) {
			Object value = variables.get(name);
			Set<String> literals = table.listLiterals().get(name);
			if (literals != null && value instanceof List<?> list) {
				List<String> kept = new ArrayList<>();
				for (Object item : list) {
					if (literals.contains(String.valueOf(item)) && !kept.contains(String.valueOf(item))) {
						kept.add(String.valueOf(item));
					}
				}
				kept.sort(null);
				value = kept;
			}
			double[] limits = table.thresholds().get(name);
			if (limits != null && value instanceof Number number) {
				// Only the side of each threshold matters; the value itself is still what the table sees.
				byte[] side = new byte[limits.length];
				for (int i = 0; i < limits.length; i++) {
					side[i] = (byte) Double.compare(number.doubleValue(), limits[i]);
				}
				key.add(HexFormat.of().formatHex(side));
			}
			else {
				key.add(value);
			}
			inputs.put(name, value);
		}
		List<Map<String, Object>> known = table.memo().get(key);
		if (known != null) {
			return known;
		}
		List<Map<String, Object>> rows = evaluateNow(table, inputs);
		if (table.memo().size() >= MEMO_LIMIT) {
			table.memo().clear();
		}
		table.memo().put(key, rows);
		return rows;
	}

	List<Map<String, Object>> evaluateNow(Table table, Map<String, Object> variables) throws EvaluationException {
		Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result = engine.eval(table.parsed(), table.decisionId(), variables);
		if (result.isLeft()) {
			throw new EvaluationException(table, result.left().get().failure().message());
		}
		Object value = toJava(result.right().get().value());
		List<Map<String, Object>> rows = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					@SuppressWarnings("unchecked")
					Map<String, Object> row = (Map<String, Object>) map;
					rows.add(row);
				}
			}
		}
		else if (value instanceof Map<?, ?> map) {
			@SuppressWarnings("unchecked")
			Map<String, Object> row = (Map<String, Object>) map;
			rows.add(row);
		}
		return List.copyOf(rows);
	}

	/** dmn-scala answers with Scala collections; the rules read Java ones. */
	static Object toJava(Object value) {
		if (value instanceof scala.collection.Map<?, ?> map) {
			Map<String, Object> out = new java.util.LinkedHashMap<>();
			scala.jdk.javaapi.CollectionConverters.asJava(map).forEach((k, v) -> out.put(String.valueOf(k), toJava(v)));
			return out;
		}
		if (value instanceof scala.collection.Iterable<?> iterable) {
			List<Object> out = new ArrayList<>();
			scala.jdk.javaapi.CollectionConverters.asJava(iterable).forEach(v -> out.add(toJava(v)));
			return out;
		}
		return value;
	}

	/** A table that cannot be evaluated: the table needs fixing, not the receipt. */
	static final class EvaluationException extends Exception {

		private static final long serialVersionUID = 1L;

		final transient Table table;

		EvaluationException(Table table, String message) {
			super(message);
			this.table = table;
		}

	}

}
