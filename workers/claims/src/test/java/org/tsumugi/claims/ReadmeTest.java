package org.tsumugi.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The README is the clerk's and the process owner's index of rule ids and error codes: it must list all. */
class ReadmeTest {

	private static final Pattern ID = Pattern.compile("\"((?:UKE|DMN|MASTER|INSURER|PUBLIC|RECIPIENT|ACTUAL|SUSPECTED|OUTCOME|"
			+ "DISEASE|POINTS|CLAIMS|RECEIPT)_[A-Z0-9_]+)\"");

	@Test
	void everyRuleIdAndErrorCodeIsDocumented() throws IOException {
		Set<String> ids = new TreeSet<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("../../bpmn")))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".dmn")).toList()) {
				Matcher m = ID.matcher(Files.readString(file, StandardCharsets.UTF_8).replace("&quot;", "\""));
				while (m.find()) {
					ids.add(m.group(1));
				}
			}
		}
		assertThat(ids).contains("UKE_ENCODING", "DMN_INDICATION", "CLAIMS_NO_FILES");
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		assertThat(ids).allSatisfy(id -> assertThat(readme).as(id).contains("`" + id + "`"));
	}

}
