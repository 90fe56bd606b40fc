package dev.serialtrace.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart drawn with Java2D at print resolution: one bar per item, value as a
 * percentage of the axis maximum, an optional target tick per bar, bars coloured by state.
 * Small on purpose: reports need a few clear bars, not a charting library.
 */
public final class BarChart {
    public static final Color GREEN = new Color(0x2E7D32);
    public static final Color AMBER = new Color(0xF9A825);
    public static final Color RED = new Color(0xC62828);
    public static final Color NEUTRAL = new Color(0x546E7A);

    /** One bar: label, value and target on the same scale (target NaN: none). */
    public record Bar(String label, double value, double target, Color color) {
    }

    private BarChart() {
    }

    /** Draws the bars; {@code max} is the axis end, {@code percent} whether values are ratios shown as %. */
    public static BufferedImage draw(String title, List<Bar> bars, double max, boolean percent) {
        int scale = 3;                  // 3 px per point: sharp in print
        int width = 786 * scale;
        int rowHeight = 16 * scale;
        int top = 22 * scale;
        int height = top + Math.max(1, bars.size()) * rowHeight + 18 * scale;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x263238));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 9 * scale));
            g.drawString(title, 0, 12 * scale);
            int labelWidth = 230 * scale;
            int valueWidth = 70 * scale;
            int plot = width - labelWidth - valueWidth;
            double axis = max <= 0 ? 1 : max;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7 * scale));
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                int y = top + i * rowHeight;
                g.setColor(new Color(0x37474F));
                g.drawString(fit(b.label(), 52), 0, y + 11 * scale);
                int len = (int) Math.round(plot * Math.max(0, Math.min(1, b.value() / axis)));
                g.setColor(b.color());
                g.fillRect(labelWidth, y + 3 * scale, len, 10 * scale);
                if (!Double.isNaN(b.target())) {
                    int tx = labelWidth + (int) Math.round(plot * Math.min(1, b.target() / axis));
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(scale));
                    g.drawLine(tx, y + scale, tx, y + 15 * scale);
                }
                g.setColor(new Color(0x263238));
                g.drawString(format(b.value(), percent), labelWidth + plot + 6 * scale, y + 11 * scale);
            }
            g.setColor(new Color(0x90A4AE));
            int axisY = top + bars.size() * rowHeight + 2 * scale;
            g.drawLine(labelWidth, axisY, labelWidth + plot, axisY);
            g.drawString("0", labelWidth, axisY + 10 * scale);
            String end = format(axis, percent);
            g.drawString(end, labelWidth + plot - g.getFontMetrics().stringWidth(end), axisY + 10 * scale);
            if (bars.stream().anyMatch(b -> !Double.isNaN(b.target()))) {
                g.drawString("| = target", labelWidth + plot / 2, axisY + 10 * scale);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static String format(double v, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.1f %%", v * 100) : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
