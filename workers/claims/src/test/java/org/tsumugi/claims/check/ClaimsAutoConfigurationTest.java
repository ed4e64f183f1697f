package org.tsumugi.claims.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tsumugi.claims.Uke;

/** What a server gets from having this module on its class path. */
class ClaimsAutoConfigurationTest {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ClaimsAutoConfiguration.class));

	@TempDir
	Path dir;

	@Test
	void registersTheWorkerWithTheConfiguredFolders() throws Exception {
		Path uke = dir.resolve("RECEIPTC.UKE");
		Files.write(uke, Uke.bytes(Uke.file(Uke.receipt())));
		runner.withPropertyValues("tsumugi.claims.findings-dir=" + dir.resolve("out"), "tsumugi.claims.suspected-months=6",
				"tsumugi.claims.local-public-laws=81,82")
			.run(context -> {
				assertThat(context).hasSingleBean(ClaimCheckWorker.class);
				ClaimsProperties properties = context.getBean(ClaimsProperties.class);
				assertThat(properties.suspectedMonths()).isEqualTo(6);
				assertThat(properties.localPublicLaws()).containsExactly("81", "82");
				Map<String, Object> out = context.getBean(ClaimCheckWorker.class).handle(List.of(uke.toString()), null, null, "t");
				assertThat(out).containsEntry("findingsCount", 0);
				assertThat(Path.of((String) out.get("findingsFile"))).startsWith(dir.resolve("out"));
			});
	}

	@Test
	void defaultsNeedNoConfigurationAndCanBeSwitchedOff() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(ClaimChecker.class);
			assertThat(context.getBean(ClaimsProperties.class).findingsDir()).isEqualTo(Path.of("data/claims/findings"));
			assertThat(context.getBean(ClaimsProperties.class).suspectedMonths()).isEqualTo(2);
		});
		runner.withPropertyValues("tsumugi.claims.enabled=false").run(context -> assertThat(context).doesNotHaveBean(ClaimChecker.class));
	}

	@Test
	void realMastersAndTablesComeFromConfiguredFolders() throws Exception {
		Path masters = Files.createDirectories(dir.resolve("masters"));
		Files.writeString(masters.resolve("s_ALL20261001.csv"), "\"0\",\"S\",\"111000110\"\r\n");
		Path rules = Files.createDirectories(dir.resolve("rules"));
		Files.copy(Path.of("../../bpmn/claim-count-limits.dmn"), rules.resolve("claim-count-limits.dmn"));
		Path uke = dir.resolve("RECEIPTC.UKE");
		// A drug without its indication: the bundled tables would flag it, the configured folder has no such table.
		Files.write(uke, Uke.bytes(Uke.file(Uke.replacing("SY,", "SY,4660007,20261001,1,,,01,"))));
		runner.withPropertyValues("tsumugi.claims.masters-dir=" + masters, "tsumugi.claims.rules-dir=" + rules,
				"tsumugi.claims.findings-dir=" + dir.resolve("out"))
			.run(context -> {
				Map<String, Object> out = context.getBean(ClaimCheckWorker.class).handle(List.of(uke.toString()), null, null, "t");
				@SuppressWarnings("unchecked")
				Map<String, Integer> byRule = (Map<String, Integer>) out.get("findingsByRule");
				assertThat(byRule).containsKey("MASTER_UNKNOWN_CODE").doesNotContainKey("DMN_INDICATION");
			});
	}

}
