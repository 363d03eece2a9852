package org.threshold.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Readers paging through queues at once, each on a thread of its own and each read after the previous one answered
 * (as a caseworker clicks): every read is timed on its own. A reader goes on to the next page one time in four, when
 * there is one, so most reads are first pages (what a caseworker opens) and some are deeper (what "more" costs).
 */
final class ConcurrentReaders {
    /** One reader: reads the page after {@code next} (the first page if empty) and returns the cursor it ends at. */
    interface Reader {
        Optional<String> read(Optional<String> next, ThreadLocalRandom random) throws Exception;
    }

    /** What a run took: the time of every read, the CPU time of the readers' own threads, and the run's wall time. */
    record Run(long[] nanos, long readersCpuNanos, long wallNanos) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ConcurrentReaders() {
    }

    /** Each reader reads {@code perReader} times, all readers together; the time of every read. */
    static long[] run(List<Reader> readers, int perReader) throws Exception {
        return measure(readers, perReader).nanos();
    }

    /** As {@link #run}, with the readers' CPU time and the wall time of the whole run. */
    static Run measure(List<Reader> readers, int perReader) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(readers.size());
        long wall = System.nanoTime();
        try {
            List<Callable<long[]>> work = new ArrayList<>();
            for (Reader reader : readers) {
                work.add(() -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    // The last slot carries this reader's CPU time back.
                    long[] nanos = new long[perReader + 1];
                    Optional<String> next = Optional.empty();
                    for (int i = 0; i < perReader; i++) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Optional<String> from = random.nextInt(4) == 0 ? next : Optional.empty();
                        long start = System.nanoTime();
                        next = reader.read(from, random);
                        nanos[i] = System.nanoTime() - start;
                    }
                    nanos[perReader] = THREADS.getCurrentThreadCpuTime() - cpu;
                    return nanos;
                });
            }
            List<long[]> done = new ArrayList<>();
            for (Future<long[]> reader : threads.invokeAll(work)) {
                done.add(reader.get());
            }
            wall = System.nanoTime() - wall;
            long readersCpu = done.stream().mapToLong(nanos -> nanos[perReader]).sum();
            return new Run(done.stream().flatMapToLong(nanos -> java.util.Arrays.stream(nanos, 0, perReader))
                    .toArray(), readersCpu, wall);
        } finally {
            threads.shutdownNow();
        }
    }
}
