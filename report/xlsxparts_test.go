package report

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rawCell is one <c> element of a worksheet as stored in the file.
type rawCell struct {
	Ref    string  `xml:"r,attr"`
	Type   string  `xml:"t,attr"`
	Style  int     `xml:"s,attr"`
	Value  *string `xml:"v"`
	Inline *struct {
		Text string `xml:"t"`
	} `xml:"is"`
}

// rawSheet is what a test needs of one worksheet part: its declared
// dimension, its cells and its page setup.
type rawSheet struct {
	Dimension struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	SheetPr struct {
		PageSetUpPr struct {
			FitToPage bool `xml:"fitToPage,attr"`
		} `xml:"pageSetUpPr"`
	} `xml:"sheetPr"`
	PageSetup struct {
		FitToWidth  *int `xml:"fitToWidth,attr"`
		FitToHeight *int `xml:"fitToHeight,attr"`
	} `xml:"pageSetup"`
	Rows []struct {
		Cells []rawCell `xml:"c"`
	} `xml:"sheetData>row"`
	RowBreaks []struct {
		ID int `xml:"id,attr"`
	} `xml:"rowBreaks>brk"`
	// chartRows are the rows (0-based) the sheet's charts are anchored at.
	chartRows []int
}

// rawBook is a workbook read straight from its zip parts, without excelize,
// as a reader that trusts the file's declarations sees it.
type rawBook struct {
	sheets  map[string]*rawSheet // by sheet name
	order   []string             // sheet names in workbook order
	strings []string             // shared strings
	defined []rawDefinedName
}

// rawDefinedName is a <definedName> of workbook.xml.
type rawDefinedName struct {
	Name    string `xml:"name,attr"`
	LocalID *int   `xml:"localSheetId,attr"`
	Value   string `xml:",chardata"`
}

// readRawBook parses the worksheets, shared strings and defined names of the
// workbook at p.
func readRawBook(t *testing.T, p string) *rawBook {
	t.Helper()
	z, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		parts[f.Name] = f
	}
	decode := func(name string, v any) {
		t.Helper()
		f, ok := parts[name]
		if !ok {
			t.Fatalf("%s: no part %s", p, name)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if err := xml.NewDecoder(r).Decode(v); err != nil && err != io.EOF {
			t.Fatalf("%s: %s: %v", p, name, err)
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
		Defined []rawDefinedName `xml:"definedNames>definedName"`
	}
	decode("xl/workbook.xml", &wb)
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	decode("xl/_rels/workbook.xml.rels", &rels)
	target := map[string]string{}
	for _, r := range rels.Rels {
		target[r.ID] = path.Join("xl", strings.TrimPrefix(r.Target, "/xl/"))
	}
	b := &rawBook{sheets: map[string]*rawSheet{}, defined: wb.Defined}
	for _, s := range wb.Sheets {
		rs := &rawSheet{}
		part := target[s.RID]
		decode(part, rs)
		relsPart := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
		if _, ok := parts[relsPart]; ok {
			var sheetRels struct {
				Rels []struct {
					Type   string `xml:"Type,attr"`
					Target string `xml:"Target,attr"`
				} `xml:"Relationship"`
			}
			decode(relsPart, &sheetRels)
			for _, r := range sheetRels.Rels {
				if !strings.HasSuffix(r.Type, "/drawing") {
					continue
				}
				var drawing struct {
					Anchors []struct {
						Row int `xml:"from>row"`
					} `xml:"twoCellAnchor"`
				}
				decode(path.Join(path.Dir(part), r.Target), &drawing)
				for _, a := range drawing.Anchors {
					rs.chartRows = append(rs.chartRows, a.Row)
				}
			}
		}
		b.sheets[s.Name] = rs
		b.order = append(b.order, s.Name)
	}
	if _, ok := parts["xl/sharedStrings.xml"]; ok {
		var sst struct {
			SI []struct {
				T string `xml:"t"`
				R []struct {
					T string `xml:"t"`
				} `xml:"r"`
			} `xml:"si"`
		}
		decode("xl/sharedStrings.xml", &sst)
		for _, si := range sst.SI {
			text := si.T
			for _, r := range si.R {
				text += r.T
			}
			b.strings = append(b.strings, text)
		}
	}
	return b
}

// text returns a cell's text and whether it is a text cell at all.
func (b *rawBook) text(t *testing.T, c rawCell) (string, bool) {
	t.Helper()
	switch c.Type {
	case "s":
		i := -1
		if c.Value != nil {
			i = atoi(t, *c.Value)
		}
		if i < 0 || i >= len(b.strings) {
			t.Fatalf("cell %s: shared string %d of %d", c.Ref, i, len(b.strings))
		}
		return b.strings[i], true
	case "inlineStr":
		if c.Inline == nil {
			return "", true
		}
		return c.Inline.Text, true
	case "str":
		if c.Value == nil {
			return "", true
		}
		return *c.Value, true
	}
	return "", false
}

// usedRange is the smallest range holding every cell of a sheet, as Excel
// computes it, or "" for a sheet without cells.
func (s *rawSheet) usedRange(t *testing.T) string {
	t.Helper()
	minC, minR, maxC, maxR := 0, 0, 0, 0
	for _, row := range s.Rows {
		for _, c := range row.Cells {
			col, r, err := excelize.CellNameToCoordinates(c.Ref)
			if err != nil {
				t.Fatalf("cell %q: %v", c.Ref, err)
			}
			if minC == 0 || col < minC {
				minC = col
			}
			if minR == 0 || r < minR {
				minR = r
			}
			maxC, maxR = max(maxC, col), max(maxR, r)
		}
	}
	if minC == 0 {
		return ""
	}
	if minC == maxC && minR == maxR {
		return cellName(minC, minR)
	}
	return cellName(minC, minR) + ":" + cellName(maxC, maxR)
}

// cells returns every cell of the sheet.
func (s *rawSheet) cells() []rawCell {
	var out []rawCell
	for _, row := range s.Rows {
		out = append(out, row.Cells...)
	}
	return out
}

// atoi parses a whole number or fails the test.
func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			t.Fatalf("%q is not a whole number", s)
		}
		n = n*10 + int(r-'0')
	}
	return n
}
