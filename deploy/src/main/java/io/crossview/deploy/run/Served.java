package io.crossview.deploy.run;

/**
 * What a run does once it has drained while its stages and console are still up: the demo's
 * {@code --serve} waits for Ctrl-C, a test looks at the console.
 */
@FunctionalInterface
public interface Served {
    /**
     * @param consoleUrl where the console answers
     * @param result     the finished run's figures
     */
    void drained(String consoleUrl, RunResult result) throws Exception;
}
