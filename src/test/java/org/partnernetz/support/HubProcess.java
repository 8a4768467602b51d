package org.partnernetz.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Another hub in a process of its own, started from the tests' class path (no jar needed): a second
 * instance on the same database, or one a test kills with {@code kill -9} ({@link #kill}) and starts
 * again. Its output goes to a file under {@code target/}, which {@link #log} reads.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private HubProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a hub with these arguments ({@code --name=value}) and waits until it answers GraphQL. */
    public static HubProcess start(String name, List<String> arguments) {
        var port = freePort();
        var log = Path.of("target", "hub-" + name + "-" + System.nanoTime() + ".log");
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx768m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.partnernetz.PartnernetzApplication");
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--management.server.port=0");
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            var hub = new HubProcess(process, log, port);
            hub.awaitReady(Duration.ofSeconds(120));
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the hub wrote so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitReady(Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub process ended at start; its log:\n" + tail());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException("the hub did not answer within " + timeout + "; its log:\n" + tail());
    }

    private String tail() {
        var text = log();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
