package org.tsumugi.claims.master;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.tsumugi.claims.master.MasterEntry.Kind;

/**
 * The code masters, looked up by code and date. Load the real ones from the folder where the hospital
 * keeps the files it downloaded from 支払基金 ({@code s_*.csv}, {@code y_*.csv}, {@code t_*.csv},
 * {@code b_*.csv}, {@code z_*.csv}, {@code c_*.csv}; several files per master are merged, so a new
 * revision can sit beside the old one), or the small synthetic set that ships for tests.
 */
public final class Masters {

	private static final String SYNTHETIC = "/org/tsumugi/claims/master/synthetic/";

	private final Map<Kind, Map<String, List<MasterEntry>>> byKind = new EnumMap<>(Kind.class);

	private Masters() {
		for (Kind kind : Kind.values()) {
			byKind.put(kind, new HashMap<>());
		}
	}

	/** Loads every master file found in {@code dir}. */
	public static Masters load(Path dir) throws IOException {
		Masters masters = new Masters();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{csv,CSV,txt,TXT}")) {
			for (Path file : files) {
				Kind kind = kindOf(file.getFileName().toString());
				if (kind != null) {
					try (InputStream in = Files.newInputStream(file)) {
						masters.read(kind, in);
					}
				}
			}
		}
		return masters;
	}

	/** The synthetic masters bundled for tests and demonstrations; never for real claims. */
	public static Masters synthetic() {
		Masters masters = new Masters();
		for (Kind kind : Kind.values()) {
			String name = SYNTHETIC + prefix(kind) + "_SYNTHETIC.csv";
			try (InputStream in = Masters.class.getResourceAsStream(name)) {
				if (in == null) {
					throw new IllegalStateException("missing bundled master " + name);
				}
				masters.read(kind, in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return masters;
	}

	/** The version of {@code code} in force on {@code day}, or null. */
	public MasterEntry find(Kind kind, String code, LocalDate day) {
		List<MasterEntry> versions = byKind.get(kind).get(code);
		if (versions == null) {
			return null;
		}
		for (MasterEntry entry : versions) {
			if (day == null || entry.validOn(day)) {
				return entry;
			}
		}
		return null;
	}

	/** Whether the master has the code at all, in any version. */
	public boolean knows(Kind kind, String code) {
		return byKind.get(kind).containsKey(code);
	}

	public int size(Kind kind) {
		return byKind.get(kind).size();
	}

	/** The master a 9-digit 摘要 code belongs to, by its first digit. */
	public static Kind kindOfDetailCode(String code) {
		if (code.isEmpty()) {
			return null;
		}
		return switch (code.charAt(0)) {
			case '1' -> Kind.PROCEDURE;
			case '6' -> Kind.DRUG;
			case '7' -> Kind.MATERIAL;
			case '8' -> Kind.COMMENT;
			default -> null;
		};
	}

	private void read(Kind kind, InputStream in) throws IOException {
		Function<String[], MasterEntry> mapper = mapper(kind);
		Map<String, List<MasterEntry>> map = byKind.get(kind);
		MasterCsv.read(in, row -> {
			MasterEntry entry = mapper.apply(row);
			if (entry != null && !entry.code().isEmpty()) {
				map.computeIfAbsent(entry.code(), k -> new ArrayList<>(1)).add(entry);
			}
		});
	}

	// Column positions (0-based) follow the 支払基金 基本マスター layouts.
	private static Function<String[], MasterEntry> mapper(Kind kind) {
		return switch (kind) {
			case PROCEDURE -> r -> new MasterEntry(kind, col(r, 2), name(col(r, 112), col(r, 4)), col(r, 11), "1".equals(col(r, 26)),
					integer(col(r, 35)), "", date(col(r, 86)), date(col(r, 87)));
			case DRUG -> r -> new MasterEntry(kind, col(r, 2), name(col(r, 34), col(r, 4)), col(r, 11), false, null, col(r, 8),
					date(col(r, 29)), date(col(r, 30)));
			case MATERIAL -> r -> new MasterEntry(kind, col(r, 2), name(col(r, 36), col(r, 4)), col(r, 11), false, null, "",
					date(col(r, 27)), date(col(r, 29)));
			case DISEASE -> r -> new MasterEntry(kind, col(r, 2), name(col(r, 5), col(r, 7)), "", false, null, col(r, 13),
					date(col(r, 22)), date(col(r, 23)));
			case MODIFIER -> r -> new MasterEntry(kind, col(r, 2), col(r, 6), "", false, null, col(r, 18), null, null);
			case COMMENT -> r -> new MasterEntry(kind, commentCode(r), col(r, 6), "", false, null, col(r, 3), date(col(r, 20)),
					date(col(r, 21)));
		};
	}

	private static String commentCode(String[] r) {
		String code = col(r, 22);
		// Older layouts lack the full code column: it is 区分 + パターン + 一連番号.
		return code.isEmpty() ? col(r, 2) + col(r, 3) + col(r, 4) : code;
	}

	private static String col(String[] r, int i) {
		return i < r.length ? r[i].trim() : "";
	}

	private static String name(String preferred, String fallback) {
		return preferred.isEmpty() ? fallback : preferred;
	}

	private static Integer integer(String text) {
		if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 9) {
			return null;
		}
		int n = Integer.parseInt(text);
		return n == 0 ? null : n;
	}

	private static LocalDate date(String text) {
		if (text.length() != 8 || text.startsWith("9999") || !text.chars().allMatch(Character::isDigit)) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 4, 6, 10), Integer.parseInt(text, 6, 8, 10));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static Kind kindOf(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		for (Kind kind : Kind.values()) {
			if (lower.startsWith(prefix(kind) + "_")) {
				return kind;
			}
		}
		return null;
	}

	private static String prefix(Kind kind) {
		return switch (kind) {
			case PROCEDURE -> "s";
			case DRUG -> "y";
			case MATERIAL -> "t";
			case DISEASE -> "b";
			case MODIFIER -> "z";
			case COMMENT -> "c";
		};
	}

}
