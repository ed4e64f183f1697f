package org.tsumugi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.camunda.client.annotation.JobWorker;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tsumugi.document.store.DatabaseDocumentStore;
import org.tsumugi.document.store.DiskDocumentStore;
import org.tsumugi.document.store.DocumentStore;

@ExtendWith(OutputCaptureExtension.class)
class DocumentConfigurationTest {

	@TempDir
	Path dir;

	ApplicationContextRunner context() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DocumentConfiguration.class))
			.withPropertyValues("tsumugi.document.data-dir=" + dir.resolve("documents"), "tsumugi.document.ocr-threads=1");
	}

	@Test
	void wiresTheStoreTheControllerAndAWorkerPerJobType() {
		context().run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(DocumentStore.class);
			assertThat(context.getBeanNamesForType(Class.forName("org.tsumugi.document.store.DocumentController")))
				.hasSize(1);
			assertThat(jobTypes(context.getBeanDefinitionNames(), context::getType)).containsExactly(
					"tsumugi.document.extract", "tsumugi.document.ocr", "tsumugi.document.render");
		});
	}

	@Test
	void keepsDocumentsOnDiskUnlessTheDatabaseIsChosen() {
		context().run(context -> assertThat(context.getBean(DocumentStore.class)).isInstanceOf(DiskDocumentStore.class));
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:configuration;DB_CLOSE_DELAY=-1");
		context().withPropertyValues("tsumugi.document.store.type=database")
			.withBean(DataSource.class, () -> h2)
			.run(context -> assertThat(context.getBean(DocumentStore.class)).isInstanceOf(DatabaseDocumentStore.class));
		context().withPropertyValues("tsumugi.document.store.type=database")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tsumugi.document.store.type=database needs the application's database"));
	}

	@Test
	void saysAtStartUpWhichDebianPackageIsMissing(CapturedOutput output) {
		context().withPropertyValues("tsumugi.document.tessdata=" + dir, "tsumugi.document.font=" + dir.resolve("no.ttf"))
			.run(context -> assertThat(context).hasNotFailed());

		assertThat(output).contains("apt-get install --no-install-recommends tesseract-ocr-jpn")
			.contains("fonts-ipaexfont");
	}

	@Test
	void everyJobTypeIsDocumentedInTheModuleReadme() throws IOException {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		context().run(context -> assertThat(jobTypes(context.getBeanDefinitionNames(), context::getType))
			.allSatisfy(type -> assertThat(readme).contains("`" + type + "`")));
		for (DocumentProblem.Code code : DocumentProblem.Code.values()) {
			assertThat(readme).as("error code %s in README", code).contains("`" + code.name() + "`");
		}
	}

	private static Set<String> jobTypes(String[] beans, java.util.function.Function<String, Class<?>> typeOf) {
		Set<String> types = new TreeSet<>();
		for (String bean : beans) {
			Class<?> type = typeOf.apply(bean);
			if (type == null) {
				continue;
			}
			Arrays.stream(type.getDeclaredMethods())
				.map((Method m) -> m.getAnnotation(JobWorker.class))
				.filter(a -> a != null)
				.forEach(a -> types.add(a.type()));
		}
		return types;
	}
}
