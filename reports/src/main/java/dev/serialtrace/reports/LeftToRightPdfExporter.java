package dev.serialtrace.reports;

import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPhrase;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducerFactory;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;

import java.text.AttributedCharacterIterator.Attribute;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The PDF exporter, minus a bidirectional-text pass that cannot change anything for our texts. JasperReports
 * lays out every text cell with OpenPDF's {@code ColumnText} in explicit left-to-right mode, which runs the
 * Unicode bidi algorithm over each cell (about a tenth of a long report's CPU). A cell whose text holds no
 * right-to-left character comes out the same without it, so such cells are laid out in OpenPDF's default mode
 * (no bidi); a cell with Hebrew, Arabic or another right-to-left character keeps the full algorithm. The PDF font
 * of a text run (family, size, style, colour, locale) is resolved once per export and reused.
 */
final class LeftToRightPdfExporter extends JRPdfExporter {
    private static final int MAX_CACHED_FONTS = 256;

    @Override
    protected PdfProducerFactory getPdfProducerFactory() {
        return context -> new ClassicPdfProducer(context) {
            // a long report asks for the same few fonts for every cell; resolving one costs more than laying out the cell
            private final Map<FontKey, com.lowagie.text.Font> fonts = new HashMap<>();

            @Override
            public PdfPhrase createPhrase() {
                return new Phrase(this);
            }

            @Override
            public com.lowagie.text.Font getFont(Map<Attribute, Object> attributes, Locale locale) {
                com.lowagie.text.Font font = fonts.get(new FontKey(attributes, locale));
                if (font == null) {
                    font = super.getFont(attributes, locale);
                    if (fonts.size() < MAX_CACHED_FONTS) {
                        fonts.put(new FontKey(new HashMap<>(attributes), locale), font);   // a copy: callers reuse their maps
                    }
                }
                return font;
            }
        };
    }

    private record FontKey(Map<Attribute, Object> attributes, Locale locale) {
    }

    private static final class Phrase extends ClassicPhrase {
        private boolean rightToLeftText;

        Phrase(ClassicPdfProducer producer) {
            super(producer, new com.lowagie.text.Phrase());
        }

        @Override
        public void add(PdfChunk chunk) {
            super.add(chunk);
            rightToLeftText |= hasRightToLeft(((ClassicChunk) chunk).getChunk().getContent());
        }

        @Override
        public float go(float llx, float lly, float urx, float ury, float fixedLeading, float multipliedLeading,
                        PdfTextAlignment alignment, TextDirection direction) {
            TextDirection effective = direction == TextDirection.LTR && !rightToLeftText ? TextDirection.DEFAULT : direction;
            return super.go(llx, lly, urx, ury, fixedLeading, multipliedLeading, alignment, effective);
        }
    }

    static boolean hasRightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            switch (Character.getDirectionality(cp)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                     Character.DIRECTIONALITY_ARABIC_NUMBER, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                     Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING, Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                     Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                     Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> {
                    return true;
                }
                default -> i += Character.charCount(cp);
            }
        }
        return false;
    }
}
