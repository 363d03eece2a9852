package org.threshold.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

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

    private ConcurrentReaders() {
    }

    /** Each reader reads {@code perReader} times, all readers together; the time of every read. */
    static long[] run(List<Reader> readers, int perReader) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(readers.size());
        try {
            List<Callable<long[]>> work = new ArrayList<>();
            for (Reader reader : readers) {
                work.add(() -> {
                    long[] nanos = new long[perReader];
                    Optional<String> next = Optional.empty();
                    for (int i = 0; i < perReader; i++) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Optional<String> from = random.nextInt(4) == 0 ? next : Optional.empty();
                        long start = System.nanoTime();
                        next = reader.read(from, random);
                        nanos[i] = System.nanoTime() - start;
                    }
                    return nanos;
                });
            }
            List<long[]> done = new ArrayList<>();
            for (Future<long[]> reader : threads.invokeAll(work)) {
                done.add(reader.get());
            }
            return done.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        } finally {
            threads.shutdownNow();
        }
    }
}
