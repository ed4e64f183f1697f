package org.tsumugi.document.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;

/**
 * Documents on disk: {@code <root>/<first two id chars>/<id>.bin} holds the content and
 * {@code <id>.properties} beside it the metadata. Content is written to a temporary file and moved
 * into place, so a reader never sees half a document and a crash leaves no entry behind.
 *
 * <p>Ids are random UUIDs: guessing one is as hard as guessing a key, and they can never be read as
 * a path outside the root.
 */
public class DocumentStore {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final Path root;

	private final long maxSize;

	private final Duration retention;

	private final Clock clock;

	public DocumentStore(Path root, long maxSize, Duration retention, Clock clock) {
		this.root = root;
		this.maxSize = maxSize;
		this.retention = retention;
		this.clock = clock;
		try {
			Files.createDirectories(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the document directory " + root, ex);
		}
	}

	/**
	 * Stores content read from {@code in}. The stream is read to its end or to the size limit,
	 * whichever comes first; it is not closed.
	 */
	public StoredDocument store(InputStream in, String name, Long processInstanceKey) throws IOException {
		return store(in, name, processInstanceKey, retention);
	}

	public StoredDocument store(InputStream in, String name, Long processInstanceKey, Duration retainFor)
			throws IOException {
		String id = UUID.randomUUID().toString();
		Path dir = root.resolve(id.substring(0, 2));
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, id, ".part");
		try {
			MessageDigest digest = sha256();
			long size;
			byte[] head = new byte[1024];
			int headLength;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
				headLength = in.readNBytes(head, 0, head.length);
				out.write(head, 0, headLength);
				size = headLength + copyBounded(in, out, maxSize - headLength);
			}
			Instant now = clock.instant();
			StoredDocument document = new StoredDocument(id, safeName(name), ContentTypes.sniff(head, headLength),
					HexFormat.of().formatHex(digest.digest()), size, now, processInstanceKey, now.plus(retainFor));
			writeMetadata(dir.resolve(id + ".properties"), document);
			move(temp, dir.resolve(id + ".bin"));
			return document;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	public StoredDocument metadata(String id) {
		Path file = entry(id, ".properties");
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (NoSuchFileException ex) {
			throw notFound();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String key = properties.getProperty("processInstanceKey");
		return new StoredDocument(id, properties.getProperty("name"), properties.getProperty("contentType"),
				properties.getProperty("sha256"), Long.parseLong(properties.getProperty("size")),
				Instant.parse(properties.getProperty("created")), key == null ? null : Long.valueOf(key),
				Instant.parse(properties.getProperty("retainUntil")));
	}

	/** The content's path, for readers that need random access (PDFBox). */
	public Path content(String id) {
		Path file = entry(id, ".bin");
		if (!Files.isRegularFile(file)) {
			throw notFound();
		}
		return file;
	}

	public InputStream open(String id) throws IOException {
		return Files.newInputStream(content(id));
	}

	public boolean delete(String id) throws IOException {
		boolean existed = Files.deleteIfExists(entry(id, ".bin"));
		return Files.deleteIfExists(entry(id, ".properties")) || existed;
	}

	/** Deletes every document whose retention period has passed; returns how many. */
	public int purgeExpired() throws IOException {
		Instant now = clock.instant();
		int purged = 0;
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path dir : dirs) {
				try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
					for (Path file : files) {
						String id = file.getFileName().toString().replace(".properties", "");
						if (ID.matcher(id).matches() && metadata(id).retainUntil().isBefore(now) && delete(id)) {
							purged++;
						}
					}
				}
			}
		}
		return purged;
	}

	private Path entry(String id, String suffix) {
		if (id == null || !ID.matcher(id).matches()) {
			throw notFound();
		}
		return root.resolve(id.substring(0, 2)).resolve(id + suffix);
	}

	private long copyBounded(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long copied = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			copied += read;
			if (copied > limit) {
				throw new DocumentProblem(Code.DOCUMENT_TOO_LARGE, "文書が大きすぎます（上限 "
						+ (maxSize / (1024 * 1024)) + " MB）。");
			}
			out.write(buffer, 0, read);
		}
		return copied;
	}

	private static void writeMetadata(Path file, StoredDocument document) throws IOException {
		Properties properties = new Properties();
		properties.setProperty("name", document.name());
		properties.setProperty("contentType", document.contentType());
		properties.setProperty("sha256", document.sha256());
		properties.setProperty("size", Long.toString(document.size()));
		properties.setProperty("created", document.created().toString());
		properties.setProperty("retainUntil", document.retainUntil().toString());
		if (document.processInstanceKey() != null) {
			properties.setProperty("processInstanceKey", document.processInstanceKey().toString());
		}
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			properties.store(writer, null);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Keeps only the last path segment, so a name can never point somewhere else when downloaded. */
	private static String safeName(String name) {
		if (name == null || name.isBlank()) {
			return "document";
		}
		String last = name.replace('\\', '/');
		last = last.substring(last.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
		return last.isEmpty() ? "document" : last;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DocumentProblem notFound() {
		return new DocumentProblem(Code.DOCUMENT_NOT_FOUND, "文書が見つかりません。");
	}
}
