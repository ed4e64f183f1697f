package org.tsumugi.document.store;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class DocumentControllerTest {

	@TempDir
	Path dir;

	MockMvc http;

	ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

	@BeforeEach
	void start() {
		DocumentStore store = new DiskDocumentStore(dir, 1024 * 1024, Duration.ofDays(1), Clock.systemUTC());
		http = MockMvcBuilders.standaloneSetup(new DocumentController(store))
			.setMessageConverters(new MappingJackson2HttpMessageConverter(json),
					new org.springframework.http.converter.ResourceHttpMessageConverter())
			.build();
	}

	@Test
	void uploadsThenDownloadsTheSameBytesAsAnAttachment() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
		String body = http
			.perform(multipart("/api/documents").file(new MockMultipartFile("file", "検査結果.png", "image/png", png))
				.param("processInstanceKey", "42"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andExpect(jsonPath("$.processInstanceKey").value(42))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String id = json.readTree(body).get("id").asText();

		http.perform(get("/api/documents/" + id))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png))
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")));
		http.perform(get("/api/documents/" + id + "/metadata")).andExpect(jsonPath("$.name").value("検査結果.png"));
	}

	@Test
	void anUnknownIdIsA404WithAJapaneseMessageAndTheErrorCode() throws Exception {
		http.perform(get("/api/documents/00000000-0000-0000-0000-000000000000"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("文書が見つかりません。"))
			.andExpect(jsonPath("$.code").value("DOCUMENT_NOT_FOUND"));
	}
}
