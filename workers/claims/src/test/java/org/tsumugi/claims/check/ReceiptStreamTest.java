package org.tsumugi.claims.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tsumugi.claims.uke.Receipt;
import org.tsumugi.claims.uke.UkeFileWriter;
import org.tsumugi.claims.uke.UkeGenerator;
import org.tsumugi.claims.uke.UkeReader;

/** Reading on a second thread must hand over every receipt in order and surface failures to the caller. */
@Timeout(20)
class ReceiptStreamTest {

	static byte[] month(int receipts) throws IOException {
		var out = new java.io.ByteArrayOutputStream();
		try (UkeFileWriter writer = new UkeFileWriter(out)) {
			new UkeGenerator(new UkeGenerator.Options(receipts, YearMonth.of(2026, 10), 5, 0.0)).write(writer);
		}
		return out.toByteArray();
	}

	@Test
	void everyReceiptArrivesInOrder() throws IOException {
		List<Integer> numbers = new ArrayList<>();
		try (UkeReader reader = new UkeReader(new ByteArrayInputStream(month(2000)));
				ReceiptStream stream = new ReceiptStream(reader)) {
			Receipt r;
			while ((r = stream.next()) != null) {
				numbers.add(r.receiptNo());
			}
			assertThat(stream.next()).as("stays at the end").isNull();
			assertThat(reader.trailer()).isNotNull();
		}
		assertThat(numbers).hasSize(2000).isSorted().startsWith(1).endsWith(2000);
	}

	@Test
	void aReadFailureReachesTheCaller() throws IOException {
		byte[] head = java.util.Arrays.copyOf(month(50), 5000);
		InputStream failing = new InputStream() {
			@Override
			public int read() throws IOException {
				throw new IOException("disk gone");
			}
		};
		try (UkeReader reader = new UkeReader(new SequenceInputStream(new ByteArrayInputStream(head), failing));
				ReceiptStream stream = new ReceiptStream(reader)) {
			assertThatThrownBy(() -> {
				while (stream.next() != null) {
					// drain until the failure arrives
				}
			}).isInstanceOf(IOException.class).hasMessage("disk gone");
		}
	}

	@Test
	void closingEarlyStopsTheReaderThread() throws IOException {
		try (UkeReader reader = new UkeReader(new ByteArrayInputStream(month(3000)));
				ReceiptStream stream = new ReceiptStream(reader)) {
			assertThat(stream.next().receiptNo()).isEqualTo(1);
		}
		assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("tsumugi-claims-reader"));
	}

	@Test
	void aBrokenFileStillEndsNormally() throws IOException {
		try (UkeReader reader = new UkeReader(new ByteArrayInputStream("XX\r\n".getBytes()));
				ReceiptStream stream = new ReceiptStream(reader)) {
			assertThat(stream.next()).isNull();
			assertThat(reader.fileProblems()).isNotEmpty();
		}
	}

}
