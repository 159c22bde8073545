package jp.evalsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ingestion benchmark: for each size, a synthetic corpus ({@link SyntheticSubmissions}), the real
 * job run over it in its own JVM, started as the README's command starts it (the extracted jar and its
 * class-data sharing archive; wall time, peak RSS, peak heap, the time of each step), the floor
 * (the same files read by the bare readers in their own JVM, {@link ReaderFloor}), pandas+openpyxl on
 * the same .xlsx files when Python has them, the latency of every analyst view, and the export of the
 * warehouse ({@code --export}: wall time, peak RSS, Parquet and CSV sizes). Excluded from the
 * default build; run with {@code mvn -B -Pbenchmark verify -Dbench.sizes=city,prefecture}.
 *
 * <p>System properties: {@code bench.sizes} (city, prefecture, nation or a number of municipalities;
 * default {@code city}), {@code bench.seed} (default 42), {@code bench.nation.municipalities}
 * (default 1741, every municipality of Japan), {@code bench.distinct.municipalities} (municipalities
 * with files of their own; the rest reuse theirs under their own codes; default 200),
 * {@code bench.pandas.maxFiles} (above this many .xlsx files, pandas reads every k-th, at most this
 * many, and is compared per file; 0 skips pandas; default 2000),
 * {@code bench.dir} (default {@code pipeline/target/benchmark}), {@code bench.python} (the
 * interpreter with pandas and openpyxl; default the first of {@code python3} and
 * {@code /usr/bin/python3} that has them).
 */
@Tag("benchmark")
class IngestionBenchmark {

    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern HEAP_AT_EXIT = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final String PANDAS = """
            import sys, time, pandas as pd
            files = [line.strip() for line in open(sys.argv[1], encoding='utf-8') if line.strip()]
            sheets = cells = 0
            for f in files:
                for frame in pd.read_excel(f, sheet_name=None, header=None).values():
                    sheets += 1
                    cells += int(frame.notna().sum().sum())
            print(f"pandas files={len(files)} sheets={sheets} cells={cells}")
            """;

    /**
     * Options for the JVMs of the job and the floor alike ({@code bench.jvm}, split at spaces): by
     * default those of the README's command, so that the job is measured as it is run.
     */
    private static final List<String> JVM_OPTIONS = Arrays.stream(System.getProperty("bench.jvm",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").trim().split("\\s+"))
            .filter(option -> !option.isEmpty()).toList();

    /**
     * The extracted jar and its class-data sharing archive, made by {@code mvn package} (see the pom):
     * the job is started from them as the README's command starts it.
     */
    private static final Path APP = Path.of(System.getProperty("bench.app", "pipeline/target/app")).toAbsolutePath();
    private static final String APP_JAR = "evalsheet-warehouse.jar";
    private static final String APP_ARCHIVE = "evalsheet-warehouse.jsa";

    private final long seed = Long.getLong("bench.seed", 42);
    private final Path dir = Path.of(System.getProperty("bench.dir", "pipeline/target/benchmark")).toAbsolutePath();
    private final List<Result> results = new ArrayList<>();
    private PrintStream report;

    @Test
    void ingestionAtEachSize() throws Exception {
        Files.createDirectories(dir);
        Path reportFile = dir.resolve("report-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        try (PrintStream file = new PrintStream(Files.newOutputStream(reportFile), true, StandardCharsets.UTF_8)) {
            report = new Tee(System.out, file);
            print("Ingestion benchmark  seed=%d  %s  %d cores, %.1f GiB RAM  Java %s%n", seed,
                    LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16),
                    Runtime.getRuntime().availableProcessors(), totalMemoryGiB(), System.getProperty("java.version"));
            print("JVM options     %s (job and floor alike; bench.jvm)%n", JVM_OPTIONS.isEmpty() ? "none" : String.join(" ", JVM_OPTIONS));
            print("class data      job: %s (made by mvn package, as README command 1 uses it); floor: its own, "
                    + "trained on input/ likewise%n", APP.resolve(APP_ARCHIVE));
            for (String size : System.getProperty("bench.sizes", "city").split(",")) {
                results.add(measure(size.strip()));
            }
            summary();
            print("%nreport: %s%n", reportFile);
        }
        assertThat(results).allSatisfy(r -> assertThat(r.facts).isPositive());
    }

    private Result measure(String size) throws Exception {
        int municipalities = switch (size) {
            case "city" -> 20;
            case "prefecture" -> 60;
            case "nation" -> Integer.getInteger("bench.nation.municipalities", 1741);
            default -> Integer.parseInt(size);
        };
        print("%n== %s: %d municipalities ==%n", size, municipalities);
        long started = System.nanoTime();
        Path corpus = new SyntheticSubmissions(dir, seed, Integer.getInteger("bench.distinct.municipalities", 200))
                .corpus(size, municipalities);
        print("corpus          %s (ready in %.1f s; cached per seed and size)%n", corpus, seconds(started));

        Result result = new Result(size, municipalities);
        Path run = dir.resolve("runs").resolve(size + "-" + municipalities);
        SyntheticSubmissions.deleteRecursively(run);
        Files.createDirectories(run);

        // the floor: the bare readers, every sheet and cell, no extraction, no database
        Child floor = runJava(run, "floor", floorLaunch(), corpus.toString());
        Matcher counts = Pattern.compile("floor files=(\\d+) sheets=(\\d+) cells=(\\d+) unreadable=(\\d+)").matcher(floor.stdout);
        assertThat(counts.find()).as("floor output: %s", floor.stdout).isTrue();
        result.files = Long.parseLong(counts.group(1));
        result.sheets = Long.parseLong(counts.group(2));
        result.cells = Long.parseLong(counts.group(3));
        result.floor = floor;

        // the real job, as the command line runs it
        Path warehouse = run.resolve("warehouse.duckdb");
        Child job = runJava(run, "job", List.of("-XX:SharedArchiveFile=" + APP.resolve(APP_ARCHIVE), "-jar",
                APP.resolve(APP_JAR).toString()), "--input=" + corpus,
                "--warehouse=" + warehouse, "--feedback=" + run.resolve("feedback"));
        assertThat(job.exitCode).as("job exit code (0 ok, 2 some input rejected); see %s", run.resolve("job.out")).isIn(0, 2);
        result.job = job;
        readRun(warehouse, result);
        result.views = viewLatencies(warehouse);

        // the export of what the job published, as the command line runs it
        Path export = run.resolve("export");
        result.export = runJava(run, "export", List.of("-XX:SharedArchiveFile=" + APP.resolve(APP_ARCHIVE), "-jar",
                APP.resolve(APP_JAR).toString()), "--warehouse=" + warehouse, "--export=" + export);
        assertThat(result.export.exitCode).as("export exit code; see %s", run.resolve("export.out")).isZero();
        result.warehouseBytes = Files.size(warehouse);
        result.parquetBytes = sizeOf(export, ".parquet");
        result.parquetFiles = countOf(export, ".parquet");
        result.csvBytes = sizeOf(export, ".csv");

        result.pandas = pandas(corpus, run);
        if (result.pandas != null) {
            Matcher pandasFiles = Pattern.compile("pandas files=(\\d+)").matcher(result.pandas.stdout);
            result.pandasFiles = pandasFiles.find() ? Long.parseLong(pandasFiles.group(1)) : 0;
        }
        printSize(result);
        return result;
    }

    private static long sizeOf(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static long countOf(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    // ------------------------------------------------------------------ child JVMs

    /** A child process's wall time, peak RSS (VmHWM) and, for a JVM, its peak heap as the GC log shows it. */
    static final class Child {
        int exitCode;
        double seconds;
        long peakRssKb;
        long peakHeapKb = -1;
        long heapCommittedKb = -1;
        /** The largest heap occupancy right after a GC: what the process really keeps. */
        long liveHeapKb = -1;
        String stdout;
        /** pandas read an evenly spaced sample of the files, not all of them. */
        boolean sampled;
    }

    /** Runs a JVM with {@link #JVM_OPTIONS} and a GC log: {@code launch} names what it runs (-jar, -cp). */
    private Child runJava(Path run, String name, List<String> launch, String... args) throws Exception {
        Path gcLog = run.resolve(name + ".gc.log");
        List<String> command = new ArrayList<>(List.of(java(), "-Xlog:gc,gc+heap+exit:file=" + gcLog,
                "-Duser.timezone=Asia/Tokyo", "-Dfile.encoding=UTF-8"));
        command.addAll(JVM_OPTIONS);
        command.addAll(launch);
        command.addAll(Arrays.asList(args));
        Child child = run(run, name, command);
        parseGcLog(gcLog, child);
        return child;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * How the floor is started: its class in a jar of its own beside the application's jar and
     * libraries, with a class-data sharing archive made by a training run over {@code input/} like the
     * job's, so that neither JVM starts faster than the other for a reason other than its work. (The
     * JVM archives classes from jars only, not from the build's class folders.) Made once per run.
     */
    private List<String> floorLaunch() throws Exception {
        if (floorLaunch == null) {
            assertThat(APP.resolve(APP_JAR)).as("the extracted jar; run the benchmark with mvn -Pbenchmark verify, "
                    + "which packages first").exists();
            assertThat(APP.resolve(APP_ARCHIVE)).as("the class-data sharing archive made by mvn package").exists();
            Path floorDir = dir.resolve("floor");
            SyntheticSubmissions.deleteRecursively(floorDir);
            Files.createDirectories(floorDir);
            Path floorJar = floorDir.resolve("floor.jar");
            String entry = ReaderFloor.class.getName().replace('.', '/') + ".class";
            try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(floorJar));
                    var in = ReaderFloor.class.getClassLoader().getResourceAsStream(entry)) {
                jar.putNextEntry(new java.util.jar.JarEntry(entry));
                in.transferTo(jar);
                jar.closeEntry();
            }
            List<String> classpath = new ArrayList<>(List.of(floorJar.toString(), APP.resolve(APP_JAR).toString()));
            try (Stream<Path> libraries = Files.list(APP.resolve("lib"))) {
                libraries.map(Path::toString).filter(path -> path.endsWith(".jar")).sorted().forEach(classpath::add);
            }
            String cp = String.join(java.io.File.pathSeparator, classpath);
            Path archive = floorDir.resolve("floor.jsa");
            Child training = runJava(floorDir, "training", List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", cp,
                    ReaderFloor.class.getName()), Path.of("input").toAbsolutePath().toString());
            assertThat(training.exitCode).as("floor training run; see %s", floorDir.resolve("training.out")).isZero();
            floorLaunch = List.of("-XX:SharedArchiveFile=" + archive, "-cp", cp, ReaderFloor.class.getName());
        }
        return floorLaunch;
    }

    private List<String> floorLaunch;

    private Child run(Path run, String name, List<String> command) throws Exception {
        Path out = run.resolve(name + ".out");
        Path err = run.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Child child = new Child();
        long started = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            child.peakRssKb = Math.max(child.peakRssKb, vmHwmKb(status));
            Thread.sleep(20);
        }
        child.exitCode = process.waitFor();
        child.seconds = seconds(started);
        child.stdout = Files.readString(out, StandardCharsets.UTF_8);
        return child;
    }

    /** VmHWM (the peak resident set) of a running process; 0 once it has gone. */
    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between isAlive and the read
        }
        return 0;
    }

    /** The heap in use just before each collection (its peaks) and at exit; the largest committed size. */
    private static void parseGcLog(Path gcLog, Child child) throws IOException {
        if (!Files.exists(gcLog)) {
            return;
        }
        // at exit G1 prints one heap line, the serial collector one per generation: their sum is the heap
        long committedAtExit = 0;
        long usedAtExit = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                child.peakHeapKb = Math.max(child.peakHeapKb, kb(pause.group(1), pause.group(2)));
                child.heapCommittedKb = Math.max(child.heapCommittedKb, kb(pause.group(5), pause.group(6)));
                child.liveHeapKb = Math.max(child.liveHeapKb, kb(pause.group(3), pause.group(4)));
            }
            Matcher exit = HEAP_AT_EXIT.matcher(line);
            if (line.contains("gc,heap,exit") && exit.find()) {
                committedAtExit += Long.parseLong(exit.group(1));
                usedAtExit += Long.parseLong(exit.group(2));
            }
        }
        child.peakHeapKb = Math.max(child.peakHeapKb, usedAtExit);
        child.heapCommittedKb = Math.max(child.heapCommittedKb, committedAtExit);
    }

    private static long kb(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "G" -> value * 1024 * 1024;
            case "M" -> value * 1024;
            default -> value;
        };
    }

    // ------------------------------------------------------------------ the warehouse

    private static Connection readOnly(Path warehouse) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouse, properties);
    }

    private static void readRun(Path warehouse, Result result) throws SQLException {
        try (Connection connection = readOnly(warehouse); Statement statement = connection.createStatement()) {
            try (ResultSet run = statement.executeQuery("select files_seen, files_loaded, files_rejected, sheets_loaded, "
                    + "sheets_rejected, facts_loaded from etl_load_runs order by load_run_id desc limit 1")) {
                run.next();
                result.filesLoaded = run.getLong(2);
                result.filesRejected = run.getLong(3);
                result.sheetsLoaded = run.getLong(4);
                result.sheetsRejected = run.getLong(5);
                result.facts = run.getLong(6);
            }
            try (ResultSet duplicates = statement.executeQuery(
                    "select count(*) from etl_messages where rule = 'duplicate_submission'")) {
                duplicates.next();
                result.duplicateSheets = duplicates.getLong(1);
            }
            try (ResultSet steps = statement.executeQuery("select step_name, epoch_ms(end_time) - epoch_ms(start_time) "
                    + "from batch.batch_step_execution order by step_execution_id")) {
                while (steps.next()) {
                    result.steps.merge(steps.getString(1), steps.getLong(2) / 1000.0, Double::sum);
                }
            }
        }
    }

    private static final int WARM_UPS = 5;

    /**
     * Each analyst view fully fetched: up to {@link #WARM_UPS} warm-up fetches (as many as fit in two
     * seconds, at least one), then the median of five runs, in ms; and its rows.
     */
    private static Map<String, double[]> viewLatencies(Path warehouse) throws SQLException {
        Map<String, double[]> latencies = new LinkedHashMap<>();
        try (Connection connection = readOnly(warehouse); Statement statement = connection.createStatement()) {
            List<String> views = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_type = 'VIEW' and table_name like 'v\\_%' escape '\\' order by table_name")) {
                while (names.next()) {
                    views.add(names.getString(1));
                }
            }
            for (String view : views) {
                // warmed up as a BI tool's long-running JVM is: the driver's conversion code compiled
                long rows = 0;
                long warmUpStarted = System.nanoTime();
                for (int i = 0; i < WARM_UPS && (i == 0 || System.nanoTime() - warmUpStarted < 2_000_000_000L); i++) {
                    rows = fetchAll(statement, view, Long.MAX_VALUE);
                }
                double[] all = new double[5];
                double[] first = new double[5];
                for (int i = 0; i < all.length; i++) {
                    long started = System.nanoTime();
                    fetchAll(statement, view, Long.MAX_VALUE);
                    all[i] = (System.nanoTime() - started) / 1e6;
                    started = System.nanoTime();
                    fetchAll(statement, view, 1);
                    first[i] = (System.nanoTime() - started) / 1e6;
                }
                Arrays.sort(all);
                Arrays.sort(first);
                latencies.put(view, new double[] {all[2], rows, first[2]});
            }
        }
        return latencies;
    }

    /** Fetches up to {@code limit} rows of the view, every column of each; the rows fetched. */
    private static long fetchAll(Statement statement, String view, long limit) throws SQLException {
        long rows = 0;
        try (ResultSet result = statement.executeQuery("select * from " + view)) {
            int columns = result.getMetaData().getColumnCount();
            while (rows < limit && result.next()) {
                for (int c = 1; c <= columns; c++) {
                    result.getObject(c);
                }
                rows++;
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ pandas

    private Child pandas(Path corpus, Path run) throws Exception {
        // python3 on the PATH first; Debian's python3-pandas installs into /usr/bin/python3, which a
        // pyenv or venv python3 earlier on the PATH does not see
        String python = null;
        String failure = "";
        for (String candidate : new java.util.LinkedHashSet<>(Stream.of(System.getProperty("bench.python"), "python3", "/usr/bin/python3")
                .filter(p -> p != null && !p.isBlank()).toList())) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import pandas, openpyxl").redirectErrorStream(true).start();
                String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (check.waitFor() == 0) {
                    python = candidate;
                    break;
                }
                failure = candidate + ": " + output.lines().reduce((a, b) -> b).orElse("");
            } catch (IOException e) {
                failure = candidate + ": " + e.getMessage();
            }
        }
        if (python == null) {
            print("pandas          skipped: no python3 can import pandas and openpyxl (apt-get install python3-pandas python3-openpyxl); %s%n",
                    failure);
            return null;
        }
        List<String> xlsx;
        try (Stream<Path> paths = Files.walk(corpus)) {
            xlsx = paths.filter(p -> p.toString().endsWith(".xlsx")).map(Path::toString).sorted().toList();
        }
        // above bench.pandas.maxFiles, every k-th file (in path order): pandas's time per file is then
        // compared with the job's, its wall time with nothing
        int maxFiles = Integer.getInteger("bench.pandas.maxFiles", 2000);
        if (maxFiles <= 0) {
            print("pandas          skipped: bench.pandas.maxFiles=%d%n", maxFiles);
            return null;
        }
        int step = (xlsx.size() + maxFiles - 1) / maxFiles;
        List<String> sample = step <= 1 ? xlsx
                : java.util.stream.IntStream.range(0, xlsx.size()).filter(i -> i % step == 0).mapToObj(xlsx::get).toList();
        Path list = Files.write(run.resolve("xlsx-files.txt"), sample, StandardCharsets.UTF_8);
        Path script = Files.writeString(run.resolve("pandas_load.py"), PANDAS, StandardCharsets.UTF_8);
        Child pandas = run(run, "pandas", List.of(python, script.toString(), list.toString()));
        pandas.sampled = sample.size() < xlsx.size();
        pandas.stdout = pandas.stdout.strip() + (pandas.sampled
                ? " (1 in " + step + " of the corpus's " + xlsx.size() + " .xlsx, as bench.pandas.maxFiles=" + maxFiles + ")"
                : " (" + xlsx.size() + " .xlsx of the corpus)");
        return pandas;
    }

    // ------------------------------------------------------------------ printing

    static final class Result {
        final String size;
        final int municipalities;
        long files;
        long sheets;
        long cells;
        long filesLoaded;
        long filesRejected;
        long sheetsLoaded;
        long sheetsRejected;
        long duplicateSheets;
        long facts;
        Child job;
        Child floor;
        Child pandas;
        long pandasFiles;
        Child export;
        long warehouseBytes;
        long parquetBytes;
        long parquetFiles;
        long csvBytes;
        final Map<String, Double> steps = new LinkedHashMap<>();
        Map<String, double[]> views = Map.of();

        Result(String size, int municipalities) {
            this.size = size;
            this.municipalities = municipalities;
        }
    }

    private void printSize(Result r) {
        print("input           %,d files, %,d sheets, %,d non-empty cells%n", r.files, r.sheets, r.cells);
        print("loaded          %,d files loaded, %,d rejected; %,d sheets loaded, %,d rejected (%,d as duplicate_submission); %,d facts%n",
                r.filesLoaded, r.filesRejected, r.sheetsLoaded, r.sheetsRejected, r.duplicateSheets, r.facts);
        print("%-15s %9s %9s %10s %12s %11s %11s %11s%n", "", "wall s", "files/s", "facts/s", "peak RSS MiB", "peak heap",
                "heap commit", "live heap");
        row("job", r.job, r.files, r.facts);
        row("floor (readers)", r.floor, r.files, -1);
        if (r.pandas != null) {
            row(r.pandas.sampled ? "pandas (sample)" : "pandas+openpyxl", r.pandas, r.pandasFiles, -1);
        }
        print("job ÷ floor     %.1f× wall, %.1f× peak RSS%n", r.job.seconds / r.floor.seconds,
                (double) r.job.peakRssKb / r.floor.peakRssKb);
        if (r.pandas != null) {
            double perFile = (r.pandas.seconds / r.pandasFiles) / (r.job.seconds / r.files);
            if (r.pandas.sampled) {
                print("pandas ÷ job    %.2f× per file  (%s)%n", perFile, r.pandas.stdout);
            } else {
                print("pandas ÷ job    %.2f× wall, %.2f× per file  (%s)%n", r.pandas.seconds / r.job.seconds, perFile,
                        r.pandas.stdout);
            }
        }
        double inSteps = r.steps.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder split = new StringBuilder();
        r.steps.forEach((step, s) -> split.append(String.format(Locale.ROOT, "%s %.1f s (%.0f%%), ", step, s, 100 * s / r.job.seconds)));
        print("job split       %sstart-up, migrations, working copy and swap %.1f s (%.0f%%)%n", split,
                r.job.seconds - inSteps, 100 * (r.job.seconds - inSteps) / r.job.seconds);
        print("export          %.1f s wall, peak RSS %.0f MiB: Parquet %.1f MB in %,d files, CSV %.1f MB (warehouse file %.1f MB)%n",
                r.export.seconds, r.export.peakRssKb / 1024.0, r.parquetBytes / 1e6, r.parquetFiles, r.csvBytes / 1e6,
                r.warehouseBytes / 1e6);
        print("views           (select *: all rows fetched over JDBC / the first row; median of 5 after up to 5 warm-ups)%n");
        r.views.forEach((view, v) -> print("  %-28s %9.1f ms %,10d rows   first row %7.1f ms%n", view, v[0], (long) v[1],
                v[2]));
    }

    private void row(String name, Child child, long files, long facts) {
        print("%-15s %9.1f %9.1f %10s %12.0f %11s %11s %11s%n", name, child.seconds, files / child.seconds,
                facts < 0 ? "" : String.format(Locale.ROOT, "%,.0f", facts / child.seconds), child.peakRssKb / 1024.0,
                child.peakHeapKb < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", child.peakHeapKb / 1024.0),
                child.heapCommittedKb < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", child.heapCommittedKb / 1024.0),
                child.liveHeapKb < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", child.liveHeapKb / 1024.0));
    }

    private void summary() {
        print("%n== growth with size ==%n");
        print("%-11s %6s %7s %8s %10s %9s %8s %9s %9s %9s %10s %10s %9s %10s %9s%n", "size", "munic.", "files", "sheets", "cells",
                "facts", "job s", "files/s", "facts/s", "floor s", "job/floor", "job RSS", "live heap", "slowest v", "export s");
        for (Result r : results) {
            Map.Entry<String, double[]> slowest = r.views.entrySet().stream()
                    .max((a, b) -> Double.compare(a.getValue()[0], b.getValue()[0])).orElse(null);
            print("%-11s %6d %7d %8d %10d %9d %8.1f %9.2f %9.0f %9.1f %9.1f× %7.0f MiB %5.0f MiB %7.0f ms %9.1f%n", r.size,
                    r.municipalities, r.files, r.sheets, r.cells, r.facts, r.job.seconds, r.files / r.job.seconds,
                    r.facts / r.job.seconds, r.floor.seconds, r.job.seconds / r.floor.seconds, r.job.peakRssKb / 1024.0,
                    r.job.liveHeapKb / 1024.0, slowest == null ? 0 : slowest.getValue()[0], r.export.seconds);
        }
        for (int i = 1; i < results.size(); i++) {
            Result a = results.get(i - 1);
            Result b = results.get(i);
            print("%s → %s: files ×%.2f, job time ×%.2f, job peak RSS ×%.2f, slowest view ×%.2f%n", a.size, b.size,
                    (double) b.files / a.files, b.job.seconds / a.job.seconds, (double) b.job.peakRssKb / a.job.peakRssKb,
                    slowestView(b) / slowestView(a));
        }
    }

    private static double slowestView(Result r) {
        return r.views.values().stream().mapToDouble(v -> v[0]).max().orElse(Double.NaN);
    }

    private void print(String format, Object... args) {
        report.printf(Locale.ROOT, format, args);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Double.NaN;
    }

    /** Prints to the console and to the report file. */
    private static final class Tee extends PrintStream {
        private final PrintStream second;

        Tee(PrintStream first, PrintStream second) {
            super(first, true, StandardCharsets.UTF_8);
            this.second = second;
        }

        @Override
        public PrintStream printf(Locale locale, String format, Object... args) {
            super.printf(locale, format, args);
            second.printf(locale, format, args);
            return this;
        }
    }
}
