import net.sf.jasperreports.engine.JasperCompileManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step (exec-maven-plugin, process-resources): compiles every .jrxml of the reports module
 * into a .jasper next to the classes, so the packaged app never needs a Java compiler at run time.
 * Skips a template whose .jasper is newer.
 */
public class CompileTemplates {
    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        List<Path> templates;
        try (Stream<Path> files = Files.list(sources)) {
            templates = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
        }
        int compiled = 0;
        for (Path jrxml : templates) {
            String name = jrxml.getFileName().toString().replace(".jrxml", ".jasper");
            Path jasper = target.resolve(name);
            if (Files.exists(jasper) && Files.getLastModifiedTime(jasper).compareTo(Files.getLastModifiedTime(jrxml)) > 0) {
                continue;
            }
            JasperCompileManager.compileReportToFile(jrxml.toString(), jasper.toString());
            compiled++;
        }
        System.out.println("report templates: " + compiled + " compiled, " + (templates.size() - compiled) + " up to date");
    }
}
