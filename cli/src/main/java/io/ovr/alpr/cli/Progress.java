package io.ovr.alpr.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Start-up progress lines: {@code [2/4] Schema Registry ... ok (0.3 s) http://127.0.0.1:8081}. */
public final class Progress {

    private final PrintWriter out;
    private final int total;
    private int current;

    public Progress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    public <T> T step(String name, Callable<T> action, Function<T, String> describe) throws Exception {
        current++;
        out.printf("[%d/%d] %-22s ... ", current, total, name);
        out.flush();
        long start = System.nanoTime();
        try {
            T result = action.call();
            out.printf("ok (%.1f s) %s%n", (System.nanoTime() - start) / 1e9, describe.apply(result));
            out.flush();
            return result;
        } catch (Exception e) {
            out.printf("FAILED: %s%n", e.getMessage());
            out.flush();
            throw e;
        }
    }
}
