package org.tsumugi.document.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;

/**
 * Finds templates by name: first in the hospital's own template folder (so a process owner can
 * adapt a layout without a release), then among the ones shipped with Tsumugi.
 */
public class TemplateLibrary {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private final Path directory;

	/** @param directory the hospital's template folder; may be null or missing */
	public TemplateLibrary(Path directory) {
		this.directory = directory;
	}

	public String load(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw notFound(name);
		}
		try {
			if (directory != null) {
				Path file = directory.resolve(name + ".tmpl");
				if (Files.isRegularFile(file)) {
					return Files.readString(file, StandardCharsets.UTF_8);
				}
			}
			try (InputStream in = TemplateLibrary.class.getResourceAsStream("/org/tsumugi/document/templates/" + name + ".tmpl")) {
				if (in == null) {
					throw notFound(name);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static DocumentProblem notFound(String name) {
		return new DocumentProblem(Code.TEMPLATE_NOT_FOUND, "テンプレート「" + name + "」が見つかりません。");
	}
}
