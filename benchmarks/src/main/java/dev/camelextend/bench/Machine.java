package dev.camelextend.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine and JVM the numbers come from. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux
        }
        Runtime rt = Runtime.getRuntime();
        return String.format("%d cores (%s), %s %s, Java %s (%s), max heap %d MiB", rt.availableProcessors(), cpu,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024));
    }
}
