package org.tsumugi.document.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Documents in the application's database (tables {@code document_store} and {@code document_chunk}, server
 * migration V60), for hospitals that back up one database rather than a database and a folder. Content is
 * written in chunks of {@value #CHUNK} bytes inside one transaction, so a failed or oversized upload leaves
 * nothing behind, and read back one chunk per query, so neither direction holds a whole document in memory
 * nor keeps a connection while a caller reads slowly. Times are kept to the millisecond.
 */
public class DatabaseDocumentStore implements DocumentStore {

	static final int CHUNK = 1024 * 1024;

	private final DataSource dataSource;

	private final long maxSize;

	private final Duration retention;

	private final Clock clock;

	public DatabaseDocumentStore(DataSource dataSource, long maxSize, Duration retention, Clock clock) {
		this.dataSource = dataSource;
		this.maxSize = maxSize;
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public StoredDocument store(InputStream in, String name, Long processInstanceKey) throws IOException {
		return store(in, name, processInstanceKey, retention);
	}

	@Override
	public StoredDocument store(InputStream in, String name, Long processInstanceKey, Duration retainFor) throws IOException {
		String id = UUID.randomUUID().toString();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		MessageDigest digest = StoreRules.sha256();
		InputStream content = new DigestInputStream(in, digest);
		byte[] chunk = new byte[CHUNK];
		int length = content.readNBytes(chunk, 0, CHUNK);
		String contentType = ContentTypes.sniff(chunk, Math.min(length, 1024));
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				insertDocument(connection, id, StoreRules.safeName(name), contentType, now, processInstanceKey,
						now.plus(retainFor));
				long size = 0;
				int seq = 0;
				try (PreparedStatement insert = connection
					.prepareStatement("INSERT INTO document_chunk (document_id, seq, data) VALUES (?, ?, ?)")) {
					while (length > 0) {
						size += length;
						if (size > maxSize) {
							throw StoreRules.tooLarge(maxSize);
						}
						insert.setString(1, id);
						insert.setInt(2, seq++);
						insert.setBytes(3, length == CHUNK ? chunk : Arrays.copyOf(chunk, length));
						insert.executeUpdate();
						length = content.readNBytes(chunk, 0, CHUNK);
					}
				}
				String sha256 = HexFormat.of().formatHex(digest.digest());
				try (PreparedStatement update = connection
					.prepareStatement("UPDATE document_store SET sha256 = ?, size_bytes = ? WHERE id = ?")) {
					update.setString(1, sha256);
					update.setLong(2, size);
					update.setString(3, id);
					update.executeUpdate();
				}
				connection.commit();
				return new StoredDocument(id, StoreRules.safeName(name), contentType, sha256, size, now, processInstanceKey,
						now.plus(retainFor));
			}
			catch (SQLException | IOException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not store the document in the database", ex);
		}
	}

	private static void insertDocument(Connection connection, String id, String name, String contentType, Instant now,
			Long processInstanceKey, Instant retainUntil) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO document_store (id, name, content_type, "
				+ "sha256, size_bytes, created_at, process_instance_key, retain_until) VALUES (?, ?, ?, '', 0, ?, ?, ?)")) {
			insert.setString(1, id);
			insert.setString(2, name);
			insert.setString(3, contentType);
			insert.setLong(4, now.toEpochMilli());
			if (processInstanceKey == null) {
				insert.setNull(5, Types.BIGINT);
			}
			else {
				insert.setLong(5, processInstanceKey);
			}
			insert.setLong(6, retainUntil.toEpochMilli());
			insert.executeUpdate();
		}
	}

	@Override
	public StoredDocument metadata(String id) {
		StoreRules.checkId(id);
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("SELECT name, content_type, sha256, size_bytes, "
						+ "created_at, process_instance_key, retain_until FROM document_store WHERE id = ?")) {
			select.setString(1, id);
			try (ResultSet row = select.executeQuery()) {
				if (!row.next()) {
					throw StoreRules.notFound();
				}
				long key = row.getLong(6);
				Long processInstanceKey = row.wasNull() ? null : key;
				return new StoredDocument(id, row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
						Instant.ofEpochMilli(row.getLong(5)), processInstanceKey, Instant.ofEpochMilli(row.getLong(7)));
			}
		}
		catch (SQLException ex) {
			throw new UncheckedIOException(new IOException("Could not read document metadata from the database", ex));
		}
	}

	@Override
	public InputStream open(String id) throws IOException {
		return new ChunkStream(id, metadata(id).size());
	}

	/** A temporary copy, readable by this process only, deleted when the reader is done. */
	@Override
	public <T> T withFile(String id, FileReader<T> reader) throws IOException {
		Path copy = Files.createTempFile("tsumugi-document-", ".bin");
		try {
			try (InputStream in = open(id); OutputStream out = Files.newOutputStream(copy)) {
				in.transferTo(out);
			}
			return reader.read(copy);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	@Override
	public boolean delete(String id) throws IOException {
		if (!StoreRules.isId(id)) {
			return false;
		}
		return update("DELETE FROM document_store WHERE id = ?", ps -> ps.setString(1, id)) > 0;
	}

	@Override
	public int purgeExpired() throws IOException {
		long now = clock.millis();
		return update("DELETE FROM document_store WHERE retain_until < ?", ps -> ps.setLong(1, now));
	}

	private int update(String sql, Binder binder) throws IOException {
		try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IOException("Could not change documents in the database", ex);
		}
	}

	@FunctionalInterface
	private interface Binder {

		void bind(PreparedStatement statement) throws SQLException;

	}

	/** Reads the chunks in order, one query each, holding one chunk at a time. */
	private final class ChunkStream extends InputStream {

		private final String id;

		private final long size;

		private long delivered;

		private int nextSeq;

		private byte[] chunk = new byte[0];

		private int position;

		private boolean ended;

		ChunkStream(String id, long size) {
			this.id = id;
			this.size = size;
		}

		@Override
		public int read() throws IOException {
			if (!fill()) {
				return -1;
			}
			delivered++;
			return chunk[position++] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(length, chunk.length - position);
			System.arraycopy(chunk, position, buffer, offset, n);
			position += n;
			delivered += n;
			return n;
		}

		private boolean fill() throws IOException {
			while (position >= chunk.length) {
				if (ended) {
					return false;
				}
				try (Connection connection = dataSource.getConnection();
						PreparedStatement select = connection
							.prepareStatement("SELECT data FROM document_chunk WHERE document_id = ? AND seq = ?")) {
					select.setString(1, id);
					select.setInt(2, nextSeq);
					try (ResultSet row = select.executeQuery()) {
						if (row.next()) {
							chunk = row.getBytes(1);
							position = 0;
							nextSeq++;
						}
						else if (delivered < size) {
							// Deleted (purged) while being read: a short read must not pass for the whole document.
							throw new IOException("The document was deleted while it was being read");
						}
						else {
							ended = true;
						}
					}
				}
				catch (SQLException ex) {
					throw new IOException("Could not read the document from the database", ex);
				}
			}
			return true;
		}

	}

}
