package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes imported UKE files and findings files once their retention has passed: they hold every patient's
 * claims, so they must not outlive the period the hospital keeps them for. A file's age is its last-modified
 * time, which the inbox sets to the import time. The ledger stays: it holds checksums and months only, and
 * keeps a file dropped again after the purge from being checked as new.
 */
public final class ArchivePurge {

	private final List<Path> folders;

	private final Set<Path> keep;

	private final Period retention;

	private final Clock clock;

	/**
	 * @param folders folders to clean, recursively
	 * @param keep files never deleted (the ledger)
	 */
	public ArchivePurge(List<Path> folders, Set<Path> keep, Period retention, Clock clock) {
		this.folders = List.copyOf(folders);
		this.keep = keep.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
		this.retention = retention;
		this.clock = clock;
	}

	/** Deletes what expired and the folders it leaves empty; returns how many files were deleted. */
	public int purge() throws IOException {
		Instant cutoff = ZonedDateTime.now(clock).minus(retention).toInstant();
		int[] deleted = { 0 };
		for (Path folder : folders) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			Path root = folder.toAbsolutePath().normalize();
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					if (!keep.contains(file.normalize()) && attrs.lastModifiedTime().toInstant().isBefore(cutoff)) {
						Files.delete(file);
						deleted[0]++;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
					if (!dir.equals(root)) {
						try (var entries = Files.list(dir)) {
							if (entries.findAny().isEmpty()) {
								Files.delete(dir);
							}
						}
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		return deleted[0];
	}

}
