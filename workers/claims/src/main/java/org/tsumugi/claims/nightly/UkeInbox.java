package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.tsumugi.claims.uke.UkeReader;
import org.tsumugi.claims.uke.UkeRecords.Ir;

/**
 * Takes new UKE files out of the inbox folder. Each file is moved into the archive under its checksum and
 * written to a ledger there, so a file dropped twice (the same bytes under any name) is imported once, and
 * a second file for a month already imported is flagged: usually a corrected re-export or a stale copy.
 */
public final class UkeInbox {

	static final String LEDGER = "imported.tsv";

	private final Path inbox;

	private final Path archive;

	private final Clock clock;

	public UkeInbox(Path inbox, Path archive) {
		this(inbox, archive, Clock.systemDefaultZone());
	}

	/** @param clock stamps each archived file with its import time, which the archive's retention counts from */
	public UkeInbox(Path inbox, Path archive, Clock clock) {
		this.inbox = inbox;
		this.archive = archive;
		this.clock = clock;
	}

	public Path archive() {
		return archive;
	}

	public Path ledger() {
		return archive.resolve(LEDGER);
	}

	/**
	 * @param files the imported files, in the archive, in name order
	 * @param skipped names of files already imported before (moved aside to {@code duplicates/})
	 * @param monthWarnings one Japanese line per file whose month was already imported
	 */
	public record Imported(List<Path> files, List<String> skipped, List<String> monthWarnings) {
	}

	public synchronized Imported importNew() throws IOException {
		Files.createDirectories(inbox);
		Files.createDirectories(archive);
		Map<String, String> monthBySum = new HashMap<>();
		Map<String, String> fileByMonth = new HashMap<>();
		Path ledger = archive.resolve(LEDGER);
		if (Files.exists(ledger)) {
			for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
				String[] f = line.split("\t", -1);
				if (f.length >= 3) {
					monthBySum.put(f[0], f[1]);
					fileByMonth.putIfAbsent(f[1], f[2]);
				}
			}
		}
		List<Path> candidates;
		try (Stream<Path> list = Files.list(inbox)) {
			candidates = list.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT).endsWith(".UKE"))
				.sorted()
				.toList();
		}
		List<Path> imported = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (Path file : candidates) {
			String name = file.getFileName().toString();
			String sum = sha256(file);
			if (monthBySum.containsKey(sum)) {
				Path aside = archive.resolve("duplicates").resolve(sum.substring(0, 12) + "-" + name);
				Files.createDirectories(aside.getParent());
				Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
				Files.setLastModifiedTime(aside, FileTime.from(clock.instant()));
				skipped.add(name);
				continue;
			}
			String month = monthKey(file);
			Path target = archive.resolve(sum.substring(0, 12)).resolve(name);
			Files.createDirectories(target.getParent());
			Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
			Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
			String earlier = month.isEmpty() ? null : fileByMonth.get(month);
			if (earlier != null) {
				warnings.add(name + ": " + describe(month) + "のファイルは取り込み済みです（" + earlier
						+ "）。修正版でなければ古いファイルが残っていないか確認してください。");
			}
			if (!month.isEmpty()) {
				fileByMonth.putIfAbsent(month, name);
			}
			monthBySum.put(sum, month);
			Files.writeString(ledger, sum + "\t" + month + "\t" + name + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			imported.add(target.toAbsolutePath());
		}
		return new Imported(imported, skipped, warnings);
	}

	/** Hospital, payer, 請求年月 and volume from the IR record; empty when the file has none (the check says why). */
	private static String monthKey(Path file) throws IOException {
		try (UkeReader reader = UkeReader.open(file)) {
			reader.next();
			Ir ir = reader.header();
			if (ir == null || ir.billingMonth() == null) {
				return "";
			}
			return ir.hospitalCode() + "/" + ir.payer() + "/" + ir.billingMonth() + "/" + ir.volume();
		}
	}

	private static String describe(String monthKey) {
		String[] parts = monthKey.split("/");
		String[] ym = parts[2].split("-");
		return "同じ医療機関・審査支払機関・請求年月（" + Integer.parseInt(ym[0]) + "年" + Integer.parseInt(ym[1]) + "月）";
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
