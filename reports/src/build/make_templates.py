#!/usr/bin/env python3
"""Writes the report templates (src/main/jasperreports/*.jrxml, JasperReports 7 syntax).

Every report shares one frame (title, parameters, generated-at/by, data as-of, report id,
page x of y on every page) and one row model (see ReportRow.java): sections with a title and
column heads repeated on each page, table rows in layout A or B, label/value rows, text rows,
total rows. Only the column widths differ per report, so they are kept here in one place.
Run it after changing the frame or a layout; the .jrxml files are the sources the build compiles.
"""
import os
import sys
from xml.sax.saxutils import escape

WIDTH = 786  # A4 landscape (842) minus 28 + 28 margins
MAX_COLS = 12
# Reports with many rows use the condensed face so that a row fits on one line (fewer pages to fill and export).
CONDENSED = {"chain-of-custody", "recall"}

# report name -> (layout A widths, layout B widths); each layout adds up to WIDTH
LAYOUTS = {
    # one line per event where it fits: time with zone, step/disposition, place, parties, documents, capture/actor, note
    "chain-of-custody": ([154, 98, 100, 146, 120, 114, 54], [180, 64, 110, 216, 216]),
    "spot-audit": ([90, 92, 130, 150, 80, 90, 154], [220, 100, 180, 286]),
    "recall": ([56, 76, 88, 72, 104, 104, 120, 166], [346, 220, 220]),
    "temperature": ([140, 180, 90, 90, 286], [200, 140, 140, 90, 216]),
    "firearms-record": ([62, 120, 92, 70, 72, 52, 48, 62, 150, 58], [76, 140, 150, 120, 150, 150]),
    "integrity": ([96, 110, 80, 110, 110, 280], [300, 486]),
    "kpi-summary": ([170, 74, 64, 64, 110, 110, 74, 120], [300, 486]),
    "returns-analysis": ([260, 80, 80, 80, 140, 60, 86], [200, 150, 150, 100, 186]),
}


def text_field(x, w, h, expr, extra="", box=None):
    # The 2 pt inset is box padding, not paragraph indent: JasperReports' simple text measurer (and with it
    # the PDF exporter's fast text renderer, which reuses the measured lines) does not handle indents, and
    # falling back to full AWT text layout for every cell made the PDF export ~5x slower.
    box_xml = f'<box leftPadding="2" rightPadding="2">{box or ""}</box>'
    return (f'<element kind="textField" x="{x}" y="0" width="{w}" height="{h}" textAdjust="StretchHeight" '
            f'stretchType="ContainerHeight" blankWhenNull="true" {extra}>'
            f'<expression><![CDATA[{expr}]]></expression>{box_xml}</element>')


def cells(widths, prefix, h, extra="", box=None):
    out, x = [], 0
    for i, w in enumerate(widths, start=1):
        out.append(text_field(x, w, h, f"$F{{{prefix}{i}}}", extra, box))
        x += w
    assert x == WIDTH, (widths, x)
    return "\n".join(out)


ROW_BOX = '<bottomPen lineWidth="0.25" lineColor="#C8CDD2"/>'
HEAD_BOX = '<bottomPen lineWidth="0.75" lineColor="#37474F"/>'
TOTAL_BOX = '<topPen lineWidth="0.75" lineColor="#37474F"/>'


def band(kind, content, h, extra_when=""):
    when = f'"{kind}".equals($F{{kind}})' + extra_when
    return f'<band height="{h}"><printWhenExpression><![CDATA[{when}]]></printWhenExpression>\n{content}\n</band>'


def template(name, layout_a, layout_b):
    fields = ["section", "sectionTitle", "layout", "kind"] + [f"h{i}" for i in range(1, MAX_COLS + 1)] \
        + [f"c{i}" for i in range(1, MAX_COLS + 1)]
    field_xml = "\n".join(f'<field name="{f}" class="java.lang.String"/>' for f in fields)
    field_xml += '\n<field name="flagged" class="java.lang.Boolean"/>'
    field_xml += '\n<field name="chart" class="java.awt.Image"/>'
    params = ["TITLE", "PARAMETERS_TEXT", "GENERATED_AT", "GENERATED_BY", "AS_OF"]
    param_xml = "\n".join(f'<parameter name="{p}" class="java.lang.String"/>' for p in params)
    param_xml += '\n<parameter name="REPORT_ID_SOURCE" class="java.util.function.Supplier"/>'
    rid = '(String) $P{REPORT_ID_SOURCE}.get()'
    head_extra = 'mode="Opaque" backcolor="#ECEFF1" bold="true"'
    flag = ' forecolor="#B00020"'
    detail = [
        band("A", cells(layout_a, "c", 11, box=ROW_BOX), 11, ' && !Boolean.TRUE.equals($F{flagged})'),
        band("A", cells(layout_a, "c", 11, flag, ROW_BOX), 11, ' && Boolean.TRUE.equals($F{flagged})'),
        band("B", cells(layout_b, "c", 11, box=ROW_BOX), 11, ' && !Boolean.TRUE.equals($F{flagged})'),
        band("B", cells(layout_b, "c", 11, flag, ROW_BOX), 11, ' && Boolean.TRUE.equals($F{flagged})'),
        band("TOTAL", cells(layout_a, "c", 12, 'bold="true"', TOTAL_BOX), 12),
        band("KV", text_field(0, 190, 11, "$F{c1}", 'bold="true"') + text_field(190, WIDTH - 190, 11, "$F{c2}"), 11),
        band("TEXT", text_field(0, WIDTH, 11, "$F{c1}"), 12),
        band("BAR", f'<element kind="textField" x="0" y="3" width="{WIDTH}" height="11" textAdjust="StretchHeight" '
                    'blankWhenNull="true" mode="Opaque" backcolor="#F5F7F8" bold="true">'
                    '<expression><![CDATA[$F{c1}]]></expression><box leftPadding="2" rightPadding="2">'
                    '<topPen lineWidth="0.5" lineColor="#90A4AE"/></box></element>', 14),
        band("GAP", "", 6),
        band("CHART", f'<element kind="image" x="0" y="4" width="{WIDTH}" height="200" scaleImage="RetainShape" hImageAlign="Left">'
                      '<expression><![CDATA[$F{chart}]]></expression></element>', 208),
    ]
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by src/build/make_templates.py: edit the script, not this file. -->
<jasperReport name="{name}" language="java" pageWidth="842" pageHeight="595" orientation="Landscape" whenNoDataType="AllSectionsNoDetail" columnWidth="{WIDTH}" leftMargin="28" rightMargin="28" topMargin="24" bottomMargin="20">
<property name="net.sf.jasperreports.measure.simple.text" value="true"/>
<style name="Base" default="true" fontName="{'DejaVu Sans Condensed' if name in CONDENSED else 'DejaVu Sans'}" fontSize="7.0"/>
{param_xml}
{field_xml}
<group name="section" reprintHeaderOnEachPage="true" minHeightToStartNewPage="60">
<expression><![CDATA[$F{{section}}]]></expression>
<groupHeader>
<band height="20"><printWhenExpression><![CDATA[$F{{sectionTitle}} != null]]></printWhenExpression>
<element kind="textField" x="0" y="6" width="{WIDTH}" height="14" fontSize="9.5" bold="true" forecolor="#263238"><expression><![CDATA[$F{{sectionTitle}}]]></expression></element>
</band>
<band height="13"><printWhenExpression><![CDATA["A".equals($F{{layout}})]]></printWhenExpression>
{cells(layout_a, "h", 13, head_extra, HEAD_BOX)}
</band>
<band height="13"><printWhenExpression><![CDATA["B".equals($F{{layout}})]]></printWhenExpression>
{cells(layout_b, "h", 13, head_extra, HEAD_BOX)}
</band>
</groupHeader>
</group>
<pageHeader height="52">
<element kind="textField" x="0" y="0" width="520" height="20" fontSize="14.0" bold="true" forecolor="#102A43"><expression><![CDATA[$P{{TITLE}}]]></expression></element>
<element kind="textField" x="520" y="0" width="{WIDTH - 520}" height="12" evaluationTime="Report" hTextAlign="Right"><expression><![CDATA["Report id " + {rid}]]></expression></element>
<element kind="textField" x="0" y="21" width="{WIDTH}" height="11" textAdjust="ScaleFont"><expression><![CDATA[$P{{PARAMETERS_TEXT}}]]></expression></element>
<element kind="textField" x="0" y="33" width="{WIDTH}" height="11" forecolor="#52606D"><expression><![CDATA["Generated " + $P{{GENERATED_AT}} + " by " + $P{{GENERATED_BY}} + "    Data as of " + $P{{AS_OF}}]]></expression></element>
<element kind="line" x="0" y="47" width="{WIDTH}" height="1" forecolor="#102A43"/>
</pageHeader>
<detail>
{chr(10).join(detail)}
</detail>
<pageFooter height="16">
<element kind="line" x="0" y="2" width="{WIDTH}" height="1" forecolor="#9AA5B1"/>
<element kind="textField" x="0" y="4" width="600" height="11" evaluationTime="Report" forecolor="#52606D"><expression><![CDATA["Serialtrace    " + $P{{TITLE}} + "    report id " + {rid}]]></expression></element>
<element kind="textField" x="600" y="4" width="156" height="11" hTextAlign="Right"><expression><![CDATA["Page " + $V{{PAGE_NUMBER}} + " of"]]></expression></element>
<element kind="textField" x="756" y="4" width="30" height="11" evaluationTime="Report"><expression><![CDATA[" " + $V{{PAGE_NUMBER}}]]></expression></element>
</pageFooter>
</jasperReport>
'''


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "main", "jasperreports")
    os.makedirs(out, exist_ok=True)
    for name, (a, b) in LAYOUTS.items():
        with open(os.path.join(out, name + ".jrxml"), "w") as f:
            f.write(template(name, a, b))
