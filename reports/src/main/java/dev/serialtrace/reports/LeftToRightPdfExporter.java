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

import com.lowagie.text.pdf.PdfContentByte;
import net.sf.jasperreports.engine.JRAnchor;
import net.sf.jasperreports.engine.JRLineBox;
import net.sf.jasperreports.engine.JRParagraph;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.HyperlinkTypeEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.RotationEnum;
import net.sf.jasperreports.engine.type.RunDirectionEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.pdf.classic.ClassicPdfContent;

import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The PDF exporter, with a direct path for the cells that make up almost all of a long report: a single line of plain
 * left-to-right text that fits its cell is written straight into the page's content stream (font, colour, position,
 * text), at exactly the place JasperReports' own renderer puts it, without building styled text, an OpenPDF
 * {@code Phrase} and a {@code ColumnText} layout per cell (about half of a long report's export CPU). Anything else
 * (wrapping, markup, rotation, links, tagged PDF, simulated bold or italic, complex scripts) takes the normal path.
 * <p>
 * On the normal path, a bidirectional-text pass that cannot change anything for our texts is skipped. JasperReports
 * lays out every text cell with OpenPDF's {@code ColumnText} in explicit left-to-right mode, which runs the
 * Unicode bidi algorithm over each cell (about a tenth of a long report's CPU). A cell whose text holds no
 * right-to-left character comes out the same without it, so such cells are laid out in OpenPDF's default mode
 * (no bidi); a cell with Hebrew, Arabic or another right-to-left character keeps the full algorithm. The PDF font
 * of a text run (family, size, style, colour, locale) is resolved once per export and reused.
 */
final class LeftToRightPdfExporter extends JRPdfExporter {
    private static final int MAX_CACHED_FONTS = 256;
    /** PDF fonts of the direct path by element font and colour. */
    private final Map<DirectFontKey, com.lowagie.text.Font> directFonts = new HashMap<>();
    private Boolean tagged;

    @Override
    public void exportText(JRPrintText text) {
        if (!exportedDirectly(text)) {
            super.exportText(text);
        }
    }

    /** Draws a plain single-line cell as JasperReports would, or answers false (nothing drawn) for the normal path. */
    private boolean exportedDirectly(JRPrintText text) {
        String s = text.getFullText();
        if (s == null || !plainSingleLine(text, s) || !(pdfProducer instanceof ClassicPdfProducer producer)
                || !(pdfContent instanceof ClassicPdfContent content) || isTagged()) {
            return false;
        }
        com.lowagie.text.Font font = directFont(producer, text);
        com.lowagie.text.pdf.BaseFont base = font.getCalculatedBaseFont(false);
        if (font.getStyle() != com.lowagie.text.Font.NORMAL || base == null) {
            return false;   // simulated bold/italic, underline or strike-through: OpenPDF's chunk path draws those
        }
        JRLineBox box = text.getLineBox();
        float size = font.getSize();
        float x = text.getX() + getOffsetX();
        float y = text.getY() + getOffsetY();
        float pageHeight = pageFormat.getPageHeight();
        float left = x + box.getLeftPadding();
        float right = x + text.getWidth() - box.getRightPadding();
        float width = s.isEmpty() ? 0 : base.getWidthPoint(s, size);
        if (width > right - left) {
            return false;   // it would wrap
        }
        // ColumnText's first line: the top (as the simple text renderer sets it) less one leading of the font size
        float top = pageHeight - y - box.getTopPadding() - text.getLeadingOffset();
        float baseline = top - text.getLineSpacingFactor() * size;
        float bottom = pageHeight - y - text.getHeight() + box.getBottomPadding();
        float start = switch (text.getHorizontalTextAlign()) {
            case RIGHT -> right - width;
            case CENTER -> left + (right - left - width) / 2;
            default -> left;
        };
        if (text.getMode() == ModeEnum.OPAQUE) {
            content.setFillColor(text.getBackcolor());
            content.fillRectangle(x, pageHeight - y, text.getWidth(), -text.getHeight());
            content.resetFillColor();
        }
        if (!s.isEmpty() && baseline >= bottom) {   // ColumnText drops a line that does not fit the height
            PdfContentByte cb = content.getPdfContentByte();
            cb.beginText();
            cb.setFontAndSize(base, size);
            cb.setColorFill(font.getColor());
            cb.setTextMatrix(start, baseline);
            cb.showText(s);
            cb.endText();
        }
        content.resetFillColor();
        exportBox(box, text);
        return true;
    }

    private boolean isTagged() {
        if (tagged == null) {
            tagged = Boolean.TRUE.equals(getCurrentConfiguration().isTagged());
        }
        return tagged;
    }

    private com.lowagie.text.Font directFont(ClassicPdfProducer producer, JRPrintText text) {
        Locale locale = getTextLocale(text);
        DirectFontKey key = new DirectFontKey(text.getFontName(), text.getFontSize(), text.isBold(), text.isItalic(),
                text.getForecolor(), locale);
        com.lowagie.text.Font font = directFonts.get(key);
        if (font == null) {
            Map<Attribute, Object> attributes = new HashMap<>();
            FontUtil.getInstance(getJasperReportsContext()).getAttributesWithoutAwtFont(attributes, text);
            attributes.put(TextAttribute.FOREGROUND, text.getForecolor());
            font = producer.getFont(attributes, locale);
            directFonts.put(key, font);
        }
        return font;
    }

    private record DirectFontKey(String name, float size, boolean bold, boolean italic, java.awt.Color color, Locale locale) {
    }

    /** One line of plain left-to-right text in simple scripts, top-aligned, no link, anchor, bookmark, markup or indent. */
    private static boolean plainSingleLine(JRPrintText text, String s) {
        short[] breaks = text.getLineBreakOffsets();
        JRParagraph p = text.getParagraph();
        return text.getTextTruncateIndex() == null && (breaks == null || breaks.length == 0)
                && (text.getMarkup() == null || "none".equals(text.getMarkup()))
                && text.getRotation() == RotationEnum.NONE && text.getRunDirection() == RunDirectionEnum.LTR
                && text.getVerticalTextAlign() == VerticalTextAlignEnum.TOP
                && text.getHorizontalTextAlign() != HorizontalTextAlignEnum.JUSTIFIED
                && (text.getHyperlinkType() == null || text.getHyperlinkType() == HyperlinkTypeEnum.NONE)
                && text.getAnchorName() == null && text.getBookmarkLevel() == JRAnchor.NO_BOOKMARK
                && !text.isUnderline() && !text.isStrikeThrough() && text.getForecolor().getAlpha() == 255
                && zero(p.getFirstLineIndent()) && zero(p.getLeftIndent()) && zero(p.getRightIndent())
                && zero(p.getSpacingBefore())
                && simpleScript(s);
    }

    private static boolean zero(Integer value) {
        return value == null || value == 0;
    }

    /** Latin, Greek, Cyrillic and common punctuation, symbols and arrows; no control, combining or bidi character, no edge space. */
    static boolean simpleScript(String s) {
        if (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean simple = (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x0300) || (c >= 0x0370 && c < 0x0483)
                    || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20C0)
                    || (c >= 0x2100 && c <= 0x22FF);
            if (!simple) {
                return false;
            }
        }
        return true;
    }

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
