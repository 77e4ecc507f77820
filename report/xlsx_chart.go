package report

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rangeRef writes an absolute reference to column col, rows r1..r2 of a sheet.
func rangeRef(sheet string, col, r1, r2 int) string {
	c := colName(col)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, c, r1, c, r2)
}

// cellRef writes an absolute reference to one cell of a sheet.
func cellRef(sheet string, col, row int) string {
	return fmt.Sprintf("'%s'!$%s$%d", sheet, colName(col), row)
}

// chartTypes maps chart kinds to excelize chart types.
var chartTypes = map[chartKind]excelize.ChartType{
	chartLines:   excelize.Line,
	chartStacked: excelize.ColStacked,
	chartColumns: excelize.Col,
	chartBars:    excelize.Bar,
	chartCurves:  excelize.Scatter,
}

// addChart places a native chart with its top left at cell.
func (w *xlsxWriter) addChart(sheetName, cell string, c chart) error {
	ch := &excelize.Chart{
		Type:      chartTypes[c.kind],
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Format:    excelize.GraphicOptions{ScaleX: 1, ScaleY: 1},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title, Font: &excelize.Font{Size: 12, Bold: true, Color: "404040"}}}},
		XAxis:     excelize.ChartAxis{Title: axisTitle(c.xTitle), Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}, Title: axisTitle(c.yTitle), Font: axisFont},
	}
	if c.kind == chartColumns {
		gap := uint(15)
		ch.GapWidth = &gap
		ch.YAxis.NumFmt.CustomNumFmt = "0%"
		ch.XAxis.NumFmt.CustomNumFmt = "#,##0"
		ch.XAxis.TickLabelSkip = 3
		ch.XAxis.Alignment = excelize.Alignment{TextRotation: -45}
	}
	if c.kind == chartBars {
		// A tornado: each input's two bars share one row, the largest swing
		// on top, with the input names left of the plot whatever the sign.
		gap, overlap := uint(40), 100
		ch.GapWidth, ch.Overlap = &gap, &overlap
		ch.XAxis.ReverseOrder = true
		ch.XAxis.TickLabelPosition = excelize.ChartTickLabelLow
	}
	if c.kind == chartCurves {
		// Amounts along the bottom, shares of iterations up the side, from
		// none to all, so that P80 is read where a curve crosses 80%.
		zero, one := 0.0, 1.0
		ch.XAxis.NumFmt.CustomNumFmt = "#,##0"
		ch.XAxis.MajorGridLines = true
		ch.YAxis.NumFmt.CustomNumFmt = "0%"
		ch.YAxis.Minimum, ch.YAxis.Maximum = &zero, &one
	}
	for _, s := range c.series {
		p, ok := w.placed[s.t]
		if !ok {
			return fmt.Errorf("chart %q refers to a table not on a sheet", c.title)
		}
		cat, val := s.t.colIndex(s.cat), s.t.colIndex(s.val)
		if cat < 0 || val < 0 || s.hi <= s.lo {
			return fmt.Errorf("chart %q has a bad series", c.title)
		}
		name := cellRef(p.sheet, p.col+val, p.row)
		if s.byScenario {
			name = cellRef(p.sheet, p.col, p.row+1+s.lo)
		}
		r1, r2 := p.row+1+s.lo, p.row+s.hi
		cs := excelize.ChartSeries{
			Name:       name,
			Categories: rangeRef(p.sheet, p.col+cat, r1, r2),
			Values:     rangeRef(p.sheet, p.col+val, r1, r2),
		}
		if s.color != "" {
			cs.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.color}}
		}
		if c.kind == chartCurves {
			cs.Categories, cs.Values = cs.Values, cs.Categories
			cs.Line = excelize.LineOptions{Type: excelize.LineSolid, Width: 2}
			cs.Marker = excelize.ChartMarker{Symbol: "none"}
		}
		if c.kind == chartLines {
			cs.Line = excelize.LineOptions{Width: 2}
			cs.Marker = excelize.ChartMarker{Symbol: "none"}
			if s.dashed {
				cs.Line.Dash = excelize.LineDashDash
			}
		}
		ch.Series = append(ch.Series, cs)
	}
	return w.f.AddChart(sheetName, cell, ch)
}

// axisFont is the font of axis labels.
var axisFont = excelize.Font{Size: 9, Color: "404040"}

// axisTitle makes an axis title, or none for empty text.
func axisTitle(text string) excelize.ChartTitle {
	if text == "" {
		return excelize.ChartTitle{}
	}
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Size: 9, Color: "595959"}}}}
}

// numericXValues makes the x values of every scatter chart of f numeric
// references. excelize writes them as text references (<strRef>), which a
// spreadsheet may plot as text, at 1, 2, 3 … rather than at their amounts;
// the S-curves' x values are amounts (chartCurves). It rewrites the chart
// parts excelize holds, before the workbook is saved.
func numericXValues(f *excelize.File) {
	f.Pkg.Range(func(k, v any) bool {
		name, ok := k.(string)
		part, isBytes := v.([]byte)
		if !ok || !isBytes || !strings.HasPrefix(name, "xl/charts/chart") || !bytes.Contains(part, []byte("<xVal><strRef>")) {
			return true
		}
		part = bytes.ReplaceAll(part, []byte("<xVal><strRef>"), []byte("<xVal><numRef>"))
		part = bytes.ReplaceAll(part, []byte("</strRef></xVal>"), []byte("</numRef></xVal>"))
		f.Pkg.Store(name, part)
		return true
	})
}
