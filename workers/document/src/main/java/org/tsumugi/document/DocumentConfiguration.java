package org.tsumugi.document;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.scheduling.annotation.Scheduled;
import org.tsumugi.document.extract.PdfExtractor;
import org.tsumugi.document.fields.DocumentKinds;
import org.tsumugi.document.fields.FieldExtractor;
import org.tsumugi.document.ocr.OcrDependencies;
import org.tsumugi.document.ocr.OcrService;
import org.tsumugi.document.ocr.OcrSettings;
import org.tsumugi.document.render.PdfRenderer;
import org.tsumugi.document.render.TemplateLibrary;
import org.tsumugi.document.store.DatabaseDocumentStore;
import org.tsumugi.document.store.DiskDocumentStore;
import org.tsumugi.document.store.DocumentStore;

/**
 * Wires the document robots into a Spring Boot application: adding this module to the server is
 * enough. The controller and the job-worker adapters are found by scanning their packages, which
 * keeps them package-private.
 */
@AutoConfiguration
@EnableConfigurationProperties(DocumentProperties.class)
@ComponentScan(basePackages = { "org.tsumugi.document.store", "org.tsumugi.document.worker" })
public class DocumentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

	@Bean
	DocumentStore documentStore(DocumentProperties properties, ObjectProvider<DataSource> dataSource) {
		if (properties.store().type() == DocumentProperties.StoreType.DATABASE) {
			DataSource database = dataSource.getIfAvailable();
			if (database == null) {
				throw new IllegalStateException(
						"tsumugi.document.store.type=database needs the application's database (spring.datasource.*)");
			}
			log.info("Documents are stored in the database");
			return new DatabaseDocumentStore(database, properties.maxSize().toBytes(), properties.retention(),
					Clock.systemUTC());
		}
		return new DiskDocumentStore(properties.dataDir(), properties.maxSize().toBytes(), properties.retention(),
				Clock.systemUTC());
	}

	@Bean(destroyMethod = "close")
	OcrService ocrService(DocumentProperties properties) {
		return new OcrService(new OcrSettings(properties.tessdata(), properties.ocrThreads(), properties.maxPixels(),
				properties.maxPages(), 300, properties.pageTimeout(), properties.ocrPreprocessing()));
	}

	@Bean
	PdfExtractor pdfExtractor(OcrService ocr) {
		return new PdfExtractor(ocr);
	}

	@Bean
	FieldExtractor fieldExtractor(DocumentProperties properties) {
		return new FieldExtractor(DocumentKinds.load(properties.kindsFile()));
	}

	@Bean
	PdfRenderer pdfRenderer(DocumentProperties properties) {
		return new PdfRenderer(properties.font());
	}

	@Bean
	TemplateLibrary templateLibrary(DocumentProperties properties) {
		return new TemplateLibrary(properties.templatesDir());
	}

	/**
	 * Says at start-up, in one line, which Debian packages are missing. The server still starts: the
	 * other robots and the inbox work, and OCR jobs fail into incidents with the same message.
	 */
	@Bean
	DependencyCheck documentDependencyCheck(DocumentProperties properties) {
		return new DependencyCheck(properties);
	}

	static class DependencyCheck implements InitializingBean {

		private final DocumentProperties properties;

		DependencyCheck(DocumentProperties properties) {
			this.properties = properties;
		}

		@Override
		public void afterPropertiesSet() {
			List<OcrDependencies.Missing> missing = OcrDependencies.checkAll(properties.tessdata(), properties.font());
			if (missing.isEmpty()) {
				log.info("Document robots ready: Tesseract {}, OCR on {} threads", OcrDependencies.tesseractVersion(),
						properties.ocrThreads());
			}
			else {
				log.error(OcrDependencies.describe(missing));
			}
		}
	}

	/** Deletes documents past their retention once a night, if the application enables scheduling. */
	@Bean
	RetentionPurge documentRetentionPurge(DocumentStore store) {
		return new RetentionPurge(store);
	}

	static class RetentionPurge {

		private final DocumentStore store;

		RetentionPurge(DocumentStore store) {
			this.store = store;
		}

		@Scheduled(cron = "${tsumugi.document.purge-cron:0 30 3 * * *}")
		void purge() throws IOException {
			int purged = store.purgeExpired();
			if (purged > 0) {
				log.info("Deleted {} documents past their retention period", purged);
			}
		}
	}
}
