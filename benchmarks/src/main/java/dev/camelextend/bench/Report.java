package dev.camelextend.bench;

import java.nio.file.Path;

final class Report {
    private Report() {
    }

    static void write(LoadDriver.Results results, Path out, Path jmhJson, Path docs) throws Exception {
    }
}
