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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;



/**
 * Documents on disk, the default store: {@code <root>/<first two id chars>/<id>.bin} holds the content and
 * {@code <id>.properties} beside it the metadata. Content is written to a temporary file and moved
 * into place, so a reader never sees half a document and a crash leaves no entry behind.
 *
 * <p>Ids are random UUIDs: guessing one is as hard as guessing a key, and they can never be read as
 * a path outside the root.
 */
public class DiskDocumentStore implements DocumentStore {

	private final Path root;

	private final long maxSize;

	private final Duration retention;

	private final Clock clock;

	public DiskDocumentStore(Path root, long maxSize, Duration retention, Clock clock) {
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

	@Override
	public StoredDocument store(InputStream in, String name, Long processInstanceKey) throws IOException {
		return store(in, name, processInstanceKey, retention);
	}

	@Override
	public StoredDocument store(InputStream in, String name, Long processInstanceKey, Duration retainFor)
			throws IOException {
		String id = UUID.randomUUID().toString();
		Path dir = root.resolve(id.substring(0, 2));
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, id, ".part");
		try {
			MessageDigest digest = StoreRules.sha256();
			long size;
			byte[] head = new byte[1024];
			int headLength;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
				headLength = in.readNBytes(head, 0, head.length);
				out.write(head, 0, headLength);
				size = headLength + StoreRules.copyBounded(in, out, maxSize - headLength, maxSize);
			}
			Instant now = clock.instant();
			StoredDocument document = new StoredDocument(id, StoreRules.safeName(name), ContentTypes.sniff(head, headLength),
					HexFormat.of().formatHex(digest.digest()), size, now, processInstanceKey, now.plus(retainFor));
			writeMetadata(dir.resolve(id + ".properties"), document);
			move(temp, dir.resolve(id + ".bin"));
			return document;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public StoredDocument metadata(String id) {
		Path file = entry(id, ".properties");
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (NoSuchFileException ex) {
			throw StoreRules.notFound();
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

	/** The stored file itself: no copy is needed on disk. */
	@Override
	public <T> T withFile(String id, FileReader<T> reader) throws IOException {
		return reader.read(content(id));
	}

	private Path content(String id) {
		Path file = entry(id, ".bin");
		if (!Files.isRegularFile(file)) {
			throw StoreRules.notFound();
		}
		return file;
	}

	@Override
	public InputStream open(String id) throws IOException {
		return Files.newInputStream(content(id));
	}

	@Override
	public boolean delete(String id) throws IOException {
		boolean existed = Files.deleteIfExists(entry(id, ".bin"));
		return Files.deleteIfExists(entry(id, ".properties")) || existed;
	}

	@Override
	public int purgeExpired() throws IOException {
		Instant now = clock.instant();
		int purged = 0;
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path dir : dirs) {
				try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
					for (Path file : files) {
						String id = file.getFileName().toString().replace(".properties", "");
						if (StoreRules.isId(id) && metadata(id).retainUntil().isBefore(now) && delete(id)) {
							purged++;
						}
					}
				}
			}
		}
		return purged;
	}

	private Path entry(String id, String suffix) {
		StoreRules.checkId(id);
		return root.resolve(id.substring(0, 2)).resolve(id + suffix);
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
}
