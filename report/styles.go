package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// styles holds the style IDs of one workbook.
type styles struct {
	header       int          // bold on a light fill with a bottom border
	headerIndent int          // the same, indented
	title        int          // bold caption above a table
	note         int          // italic grey note, wrapped at the top of the cell
	text         int          // text format (@), for escaped input text
	textIndent   int          // the same, indented
	textWrap     int          // the same, wrapped at the top of the cell
	indent       int          // plain text, indented
	wrap         int          // plain text, wrapped at the top of the cell
	kinds        map[kind]int // number format per kind; 0 for plain text
	left         map[kind]int // the same, aligned left
}

// fontFamily is the workbook's default font, named in styles that set a font.
const fontFamily = "Calibri"

// numFormat is a kind's custom number format.
type numFormat struct {
	kind kind
	code string
}

// numFormats are the custom number formats of each kind, in the order their
// styles are registered: a slice, not a map, so that every export numbers
// its styles alike and two runs give the same bytes.
var numFormats = []numFormat{
	{kMoney, "#,##0.0"},
	{kCount, "#,##0"},
	{kTrusts, "#,##0.0"},
	{kPercent, "0.0%"},
	{kPctSE, "0.00%"},
	{kRatio, "0.0000"},
	{kSeconds, "0.000"},
	{kScore, "0.00"},
	{kWhole, "0"},
}

// newStyles registers the workbook's styles.
func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{kinds: map[kind]int{}, left: map[kind]int{}}
	var err error
	add := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	header := func(indent int) *excelize.Style {
		align := &excelize.Alignment{Vertical: "center"}
		if indent > 0 {
			align.Horizontal, align.Indent = "left", indent
		}
		return &excelize.Style{
			Font:      &excelize.Font{Bold: true, Family: fontFamily},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
			Border:    []excelize.Border{{Type: "bottom", Color: "4F81BD", Style: 1}},
			Alignment: align,
		}
	}
	indented := &excelize.Alignment{Horizontal: "left", Indent: 1}
	wrapped := &excelize.Alignment{Vertical: "top", WrapText: true}
	s.header = add(header(0))
	s.headerIndent = add(header(1))
	s.title = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Family: fontFamily}})
	s.note = add(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959", Family: fontFamily}, Alignment: wrapped})
	s.text = add(&excelize.Style{NumFmt: 49})
	s.textIndent = add(&excelize.Style{NumFmt: 49, Alignment: indented})
	s.textWrap = add(&excelize.Style{NumFmt: 49, Alignment: wrapped})
	s.indent = add(&excelize.Style{Alignment: indented})
	s.wrap = add(&excelize.Style{Alignment: wrapped})
	for _, nf := range numFormats {
		code := nf.code
		s.kinds[nf.kind] = add(&excelize.Style{CustomNumFmt: &code})
		s.left[nf.kind] = add(&excelize.Style{CustomNumFmt: &code, Alignment: &excelize.Alignment{Horizontal: "left"}})
	}
	// A number in the General format, aligned left with the text around it.
	s.left[kNumber] = add(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left"}})
	if err != nil {
		return nil, fmt.Errorf("creating styles: %w", err)
	}
	return s, nil
}

// value converts a table value to what excelize writes, with its style:
// NaN, infinities and empty text become no cell at all (an empty string
// would be a cell that COUNTA counts and that readers see as a value), and
// input text that a spreadsheet would read as a formula gets the text
// format.
func (s *styles) value(v any, c column) (any, int) {
	switch x := v.(type) {
	case float64:
		if !finite(x) {
			return nil, 0
		}
		return x, s.kinds[c.kind]
	case cell:
		if !finite(x.v) {
			return nil, 0
		}
		if c.left {
			return x.v, s.left[x.k]
		}
		return x.v, s.kinds[x.k]
	case int:
		return x, s.kinds[c.kind]
	case string:
		if x == "" {
			return nil, 0
		}
		return x, s.textStyle(c)
	case nil:
		return nil, 0
	}
	return fmt.Sprint(v), 0
}

// textStyle is the style of text in column c: wrapped or indented as the
// column says, and in the text format when it is input text, which
// Excel would otherwise read as a formula if it looks like one.
func (s *styles) textStyle(c column) int {
	switch {
	case c.wrap && c.input:
		return s.textWrap
	case c.wrap:
		return s.wrap
	case c.indent && c.input:
		return s.textIndent
	case c.indent:
		return s.indent
	case c.input:
		return s.text
	}
	return 0
}

// headerOf is the style of a column's header cell: indented with the
// column's text.
func (s *styles) headerOf(c column) int {
	if c.indent {
		return s.headerIndent
	}
	return s.header
}
