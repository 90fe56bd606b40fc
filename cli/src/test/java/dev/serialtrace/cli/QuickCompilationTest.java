package dev.serialtrace.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiler directive an EPCIS import of a short document adds (as `jcmd Compiler.directives_print` shows it). */
class QuickCompilationTest {

    @Test
    void aDocumentUpToTheLimitIsImportedWithTheQuickCompilerOnly() {
        assertThat(QuickCompilation.suits(47L << 20)).isTrue();
        assertThat(QuickCompilation.suits(QuickCompilation.LARGEST)).isTrue();
        assertThat(QuickCompilation.suits(QuickCompilation.LARGEST + 1)).as("a long import keeps C2").isFalse();
    }

    @Test
    void theDirectiveExcludesEveryMethodFromC2() throws Exception {
        String before = String.valueOf(QuickCompilation.command("compilerDirectivesPrint"));
        try {
            assertThat(QuickCompilation.add()).isTrue();
            String after = String.valueOf(QuickCompilation.command("compilerDirectivesPrint"));
            String added = after.substring(0, after.indexOf("Directive: (default)")); // the newest is printed first
            assertThat(added).contains("matching: *.*");
            assertThat(added.substring(added.indexOf("c2 directives:"))).contains("Enable:true Exclude:true");
        } finally {
            QuickCompilation.command("compilerDirectivesRemove");
        }
        assertThat(String.valueOf(QuickCompilation.command("compilerDirectivesPrint"))).isEqualTo(before);
    }
}
