package org.tsumugi.document.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps Tesseract to one OpenMP thread per calling thread. Debian's libtesseract is built with
 * OpenMP and otherwise starts a team of threads per page; with pages already running in parallel
 * that oversubscribes the cores and makes OCR several times slower. {@code OMP_THREAD_LIMIT=1} in
 * the environment does the same for the whole process, but a Java program cannot set its own
 * environment, so each OCR thread also sets its own limit through libgomp.
 */
final class OpenMp {

	interface GompLibrary extends Library {

		void omp_set_num_threads(int threads);

		int omp_get_max_threads();
	}

	private static final GompLibrary GOMP = load();

	private OpenMp() {
	}

	/** Limits OpenMP parallel regions started from the calling thread to one thread. */
	static void singleThreadForCurrentThread() {
		// the benchmark switches the limit off to measure what it is worth
		if (GOMP != null && !Boolean.getBoolean("tsumugi.document.ocr.openmp-unbounded")) {
			GOMP.omp_set_num_threads(1);
		}
	}

	static int maxThreadsForCurrentThread() {
		return GOMP == null ? -1 : GOMP.omp_get_max_threads();
	}

	private static GompLibrary load() {
		try {
			return Native.load("gomp", GompLibrary.class);
		}
		catch (UnsatisfiedLinkError ex) {
			try {
				return Native.load("libgomp.so.1", GompLibrary.class);
			}
			catch (UnsatisfiedLinkError again) {
				return null; // a Tesseract built without OpenMP needs no limit
			}
		}
	}
}
