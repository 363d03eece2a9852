package org.threshold.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Where this JVM's CPU went between two moments, for a harness that runs a hub and its clients in one JVM: the whole
 * process, the hub's request threads (by their pool's name, with what they allocated), the threads of the JDK's HTTP
 * client, every Java thread together (what is left of the process is the JIT compiler, the collector and the VM's
 * own threads, which no MXBean shows one by one), and the collector's pauses. CPU time is what a shared machine's load
 * distorts least.
 */
final class JvmCosts {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // The hub's request threads are named after their pool (RequestThreads).
    private static final String REQUEST_THREADS = "hub-request";
    private static final String HTTP_CLIENT_THREADS = "HttpClient-";

    private final long processCpu;
    private final Map<Long, long[]> requestThreads;
    private final Map<Long, Long> httpClientThreads;
    private final long javaThreadsCpu;
    private final long gcCount;
    private final long gcMillis;

    private JvmCosts() {
        processCpu = PROCESS.getProcessCpuTime();
        requestThreads = new HashMap<>();
        httpClientThreads = new HashMap<>();
        long javaThreads = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long id = thread.getThreadId();
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu < 0) {
                continue;
            }
            javaThreads += cpu;
            if (thread.getThreadName().startsWith(REQUEST_THREADS)) {
                requestThreads.put(id, new long[] {cpu, THREADS.getThreadAllocatedBytes(id)});
            } else if (thread.getThreadName().startsWith(HTTP_CLIENT_THREADS)) {
                httpClientThreads.put(id, cpu);
            }
        }
        javaThreadsCpu = javaThreads;
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        gcCount = count;
        gcMillis = millis;
    }

    static JvmCosts now() {
        return new JvmCosts();
    }

    /**
     * What happened since {@code before}, when Java threads that started and ended in between spent
     * {@code passingThreadsCpuNanos} (the clients' own threads, which their harness counts). A request thread that
     * ended meanwhile is missed; with clients always waiting, the pool keeps its threads.
     */
    Spent since(JvmCosts before, long passingThreadsCpuNanos) {
        long requestCpu = 0;
        long requestAllocated = 0;
        for (Map.Entry<Long, long[]> thread : requestThreads.entrySet()) {
            long[] earlier = before.requestThreads.getOrDefault(thread.getKey(), new long[2]);
            requestCpu += thread.getValue()[0] - earlier[0];
            requestAllocated += thread.getValue()[1] - earlier[1];
        }
        long httpClientCpu = 0;
        for (Map.Entry<Long, Long> thread : httpClientThreads.entrySet()) {
            httpClientCpu += thread.getValue() - before.httpClientThreads.getOrDefault(thread.getKey(), 0L);
        }
        long process = processCpu - before.processCpu;
        long javaThreads = javaThreadsCpu - before.javaThreadsCpu + passingThreadsCpuNanos;
        return new Spent(process, requestCpu, requestAllocated, httpClientCpu, process - javaThreads,
                gcCount - before.gcCount, gcMillis - before.gcMillis);
    }

    /**
     * @param vmThreadsCpuNanos the process less every Java thread: the JIT compiler, the collector, the VM's threads
     *     (a Java thread that ended unseen in between would be counted here too)
     * @param gcMillis the collectors' pauses, as the JVM counts them
     */
    record Spent(long processCpuNanos, long requestThreadsCpuNanos, long requestThreadsAllocatedBytes,
                 long httpClientCpuNanos, long vmThreadsCpuNanos, long gcCount, long gcMillis) {
    }
}
