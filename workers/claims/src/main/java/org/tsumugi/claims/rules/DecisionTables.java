package org.tsumugi.claims.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private static final Pattern CODE_LIST = Pattern.compile("\\s*\"[0-9A-Za-z]+\"(\\s*,\\s*\"[0-9A-Za-z]+\")*\\s*");

	/** One decision table: the parsed model, its decision id and the codes it can match (null: any). */
	record Table(String source, String decisionId, String name, ParsedDmn parsed, Set<String> codes) {

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
			tables.add(new Table(source, decision.getAttribute("id"), decision.getAttribute("name"), parsed.right().get(),
					codeIndex(decision)));
		}
		return tables;
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

	/** Evaluates one table for one item; the rows that matched, as maps of their outputs. */
	List<Map<String, Object>> evaluate(Table table, Map<String, Object> variables) throws EvaluationException {
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
		return rows;
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
