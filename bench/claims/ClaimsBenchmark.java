import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.tsumugi.claims.check.CheckRequest;
import org.tsumugi.claims.check.CheckSummary;
import org.tsumugi.claims.check.ClaimChecker;
import org.tsumugi.claims.master.Masters;
import org.tsumugi.claims.rules.DecisionTables;
import org.tsumugi.claims.rules.RuleSettings;
import org.tsumugi.claims.uke.Receipt;
import org.tsumugi.claims.uke.UkeGenerator;
import org.tsumugi.claims.uke.UkeReader;

/**
 * Claim-checking benchmark: generates a synthetic month of N receipts (10% with a deliberate mistake),
 * then times reading plus every rule (reading on a second thread) and reading alone, and reports the
 * peak heap. Run by bench/claims/run.
 */
public class ClaimsBenchmark {

	public static void main(String[] args) throws Exception {
		int receipts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path dir = Files.createTempDirectory("tsumugi-claims-bench");
		Path uke = dir.resolve("RECEIPTC.UKE");
		long t0 = System.nanoTime();
		new UkeGenerator(new UkeGenerator.Options(receipts, YearMonth.of(2026, 10), 42, 0.1)).write(uke);
		System.out.printf("generated %,d receipts, %,d bytes in %.1f s%n", receipts, Files.size(uke), secs(t0));

		ClaimChecker checker = new ClaimChecker(Masters.synthetic(), DecisionTables.bundled(), RuleSettings.defaults());
		// Check first, so round 1 is what a nightly run in a fresh JVM sees (cold JIT, empty DMN memo).
		double cold = 0;
		double warm = 0;
		for (int round = 1; round <= rounds; round++) {
			long cpuStart = cpu();
			long start = System.nanoTime();
			CheckSummary summary = checker.check(CheckRequest.all(List.of(uke), dir.resolve("findings.csv")));
			double check = secs(start);
			double checkCpu = (cpu() - cpuStart) / 1e9;
			if (round == 1) {
				cold = summary.receiptsChecked() / checkCpu;
			}
			else {
				warm = Math.max(warm, summary.receiptsChecked() / checkCpu);
			}
			cpuStart = cpu();
			start = System.nanoTime();
			int read = 0;
			try (UkeReader reader = UkeReader.open(uke)) {
				Receipt r;
				while ((r = reader.next()) != null) {
					read += r.details().isEmpty() ? 0 : 1;
				}
			}
			double parse = secs(start);
			double parseCpu = (cpu() - cpuStart) / 1e9;
			// Wall time depends on what else runs on the machine; CPU time does not, so both are shown.
			System.out.printf("round %d: parse+check %,.0f receipts/s wall (%.2f s, %.2f CPU s = %,.0f receipts per CPU s), %,d findings on %,d receipts;"
					+ " parse only %,.0f receipts/s wall (%.2f s, %.2f CPU s)%n", round, summary.receiptsChecked() / check, check, checkCpu,
					summary.receiptsChecked() / checkCpu, summary.findings(), summary.receiptsWithFindings(), read / parse, parse, parseCpu);
		}
		System.out.printf("parse+check per CPU second: cold (round 1, fresh JVM) %,.0f; warm (best later round) %,.0f; aim 20,000%n",
				cold, warm);
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.printf("load average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.printf("peak heap used (sum of pool peaks): %,d MiB; max heap %,d MiB; cores %d; java %s%n", peak >> 20,
				Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
	}

	/** CPU time of the whole process (all threads, GC and JIT included). */
	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double secs(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
