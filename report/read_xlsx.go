package report

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// xlsxReader reads an export workbook back: its sheets in order, the
// tables on each and every cell with its type, streamed a row at a time so
// that a Distribution of a million rows is never held whole.
type xlsxReader struct {
	zc     *zip.ReadCloser
	files  map[string]*zip.File // by lower-case name
	sheets []xlsxSheet
	// shared are the shared strings, read when a sheet first needs them.
	shared     []string
	sharedPart string
	sharedRead bool
	// tablesRead says the sheets' tables have been read.
	tablesRead bool
}

// xlsxSheet is one worksheet: its name, its part and its tables.
type xlsxSheet struct {
	name, part string
	tables     []xlsxTableRef
}

// xlsxTableRef is an Excel table: its name and range (1-based, inclusive).
type xlsxTableRef struct {
	name           string
	c1, r1, c2, r2 int
}

// maxStructureBytes bounds what is read of a workbook's structure (its
// list of sheets, relationships and tables): a file that is not a
// corecast export is looked at without reading much of it.
const maxStructureBytes = 16 << 20

// openXLSX opens a workbook and reads its list of sheets and their tables.
func openXLSX(filePath string) (*xlsxReader, error) {
	zc, err := zip.OpenReader(filePath)
	if err != nil {
		return nil, err
	}
	x := &xlsxReader{zc: zc, files: map[string]*zip.File{}}
	for _, f := range zc.File {
		x.files[strings.ToLower(f.Name)] = f
	}
	if err := x.readStructure(); err != nil {
		_ = zc.Close()
		return nil, err
	}
	return x, nil
}

func (x *xlsxReader) close() error { return x.zc.Close() }

// member opens a part by name, ignoring case and a leading slash.
func (x *xlsxReader) member(name string) (io.ReadCloser, bool, error) {
	f := x.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, false, nil
	}
	rc, err := f.Open()
	return rc, err == nil, err
}

// decodeSmall streams the tokens of a structure part to visit; a missing
// part visits nothing.
func (x *xlsxReader) decodeSmall(name string, visit func(xml.StartElement)) error {
	rc, ok, err := x.member(name)
	if err != nil || !ok {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, maxStructureBytes))
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			visit(se)
		}
	}
}

// xmlAttr is the value of the attribute named local, whatever its prefix.
func xmlAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relTarget resolves a relationship's target against the part it is from.
func relTarget(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(path.Dir(from), target)
}

// rels reads the relationships of part: by id, their type and target.
func (x *xlsxReader) rels(part string) (map[string][2]string, error) {
	out := map[string][2]string{}
	relsPart := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	err := x.decodeSmall(relsPart, func(se xml.StartElement) {
		if se.Name.Local == "Relationship" {
			out[xmlAttr(se, "Id")] = [2]string{xmlAttr(se, "Type"), relTarget(part, xmlAttr(se, "Target"))}
		}
	})
	return out, err
}

// readStructure reads the workbook part, its sheets and their tables.
func (x *xlsxReader) readStructure() error {
	wbPart := "xl/workbook.xml"
	if err := x.decodeSmall("_rels/.rels", func(se xml.StartElement) {
		if se.Name.Local == "Relationship" && strings.HasSuffix(xmlAttr(se, "Type"), "/officeDocument") {
			wbPart = relTarget("", xmlAttr(se, "Target"))
		}
	}); err != nil {
		return err
	}
	rels, err := x.rels(wbPart)
	if err != nil {
		return err
	}
	for _, r := range rels {
		if strings.HasSuffix(r[0], "/sharedStrings") {
			x.sharedPart = r[1]
		}
	}
	if err := x.decodeSmall(wbPart, func(se xml.StartElement) {
		if se.Name.Local == "sheet" {
			x.sheets = append(x.sheets, xlsxSheet{name: xmlAttr(se, "name"), part: rels[xmlAttr(se, "id")][1]})
		}
	}); err != nil {
		return err
	}
	if len(x.sheets) == 0 {
		return fmt.Errorf("no worksheets")
	}
	return nil
}

// readTables reads the tables of sheet s from its relationships.
func (x *xlsxReader) readTables(s *xlsxSheet) error {
	rels, err := x.rels(s.part)
	if err != nil {
		return err
	}
	for _, r := range rels {
		if !strings.HasSuffix(r[0], "/table") {
			continue
		}
		var t xlsxTableRef
		if err := x.decodeSmall(r[1], func(se xml.StartElement) {
			if se.Name.Local == "table" {
				t.name = xmlAttr(se, "name")
				a, b, _ := strings.Cut(xmlAttr(se, "ref"), ":")
				t.c1, t.r1 = splitRef(a)
				t.c2, t.r2 = splitRef(b)
			}
		}); err != nil {
			return err
		}
		// A range no worksheet can hold is not one of ours.
		if t.name != "" && 1 <= t.c1 && t.c1 <= t.c2 && t.c2 <= maxColumns && 1 <= t.r1 && t.r1 <= t.r2 && t.r2 <= maxRows {
			s.tables = append(s.tables, t)
		}
	}
	return nil
}

// The most columns and rows a worksheet holds.
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// splitRef splits a cell reference such as "AB12" into column and row
// (both 1-based); zero for what is not there or is past a worksheet's end.
func splitRef(ref string) (col, row int) {
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		if col = col*26 + int(c-'a'+1); col > maxColumns {
			return 0, 0
		}
	}
	row, _ = strconv.Atoi(ref[i:])
	if row < 0 || row > maxRows {
		return col, 0
	}
	return col, row
}

// readShared reads the shared strings once.
func (x *xlsxReader) readShared() error {
	if x.sharedRead || x.sharedPart == "" {
		x.sharedRead = true
		return nil
	}
	x.sharedRead = true
	rc, ok, err := x.member(x.sharedPart)
	if err != nil || !ok {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var b strings.Builder
	text, phonetic := false, false
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", x.sharedPart, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
			case "t":
				text = true
			case "rPh":
				phonetic = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				x.shared = append(x.shared, unescapeCellText(b.String()))
			case "t":
				text = false
			case "rPh":
				phonetic = false
			}
		case xml.CharData:
			if text && !phonetic {
				b.Write(t)
			}
		}
	}
}

// sheetNamed returns the sheet of that name, or nil.
func (x *xlsxReader) sheetNamed(name string) *xlsxSheet {
	for i := range x.sheets {
		if x.sheets[i].name == name {
			return &x.sheets[i]
		}
	}
	return nil
}

// parts lists the worksheets in order.
func (x *xlsxReader) parts() []partRef {
	out := make([]partRef, len(x.sheets))
	for i, s := range x.sheets {
		out[i] = partRef{name: s.name, sheet: s.name}
	}
	return out
}

// open streams the cells of the named worksheet.
func (x *xlsxReader) open(name string) (cellRows, error) {
	s := x.sheetNamed(name)
	if s == nil {
		return nil, nil
	}
	if err := x.readShared(); err != nil {
		return nil, err
	}
	rc, ok, err := x.member(s.part)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("sheet %s: its part %s is missing", name, s.part)
	}
	return &xlsxRows{rc: rc, d: xml.NewDecoder(rc), shared: x.shared}, nil
}

// table reads the Excel table of that name, on whichever sheet holds it:
// its header and rows as text. Nil when no sheet holds it.
func (x *xlsxReader) table(name string) (*textTable, error) {
	if !x.tablesRead {
		x.tablesRead = true
		for i := range x.sheets {
			if err := x.readTables(&x.sheets[i]); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range x.sheets {
		for _, t := range s.tables {
			if t.name == name {
				return x.readRange(s.name, t)
			}
		}
	}
	return nil, nil
}

// readRange reads the cells of a table's range as text, its first row the
// header.
func (x *xlsxReader) readRange(sheet string, t xlsxTableRef) (*textTable, error) {
	rows, err := x.open(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.close()
	out := &textTable{firstRow: t.r1}
	for {
		r, cells, err := rows.next()
		if errors.Is(err, io.EOF) || r > t.r2 {
			break
		}
		if err != nil {
			return nil, err
		}
		if r < t.r1 {
			continue
		}
		rec := make([]string, t.c2-t.c1+1)
		for _, c := range cells {
			if c.col >= t.c1 && c.col <= t.c2 {
				rec[c.col-t.c1] = c.text
			}
		}
		if r == t.r1 {
			out.header = rec
		} else {
			for len(out.rows) < r-t.r1-1 {
				out.rows = append(out.rows, make([]string, len(rec)))
			}
			out.rows = append(out.rows, rec)
		}
	}
	return out, nil
}

// xlsxRows streams a worksheet's rows.
type xlsxRows struct {
	rc     io.ReadCloser
	d      *xml.Decoder
	shared []string
	row    int // the last row read
}

func (x *xlsxRows) close() error { return x.rc.Close() }

// next returns the next row that holds cells, with its number, or io.EOF.
func (x *xlsxRows) next() (int, []xcell, error) {
	for {
		tok, err := x.d.RawToken()
		if err != nil {
			return 0, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "row" {
				return x.readRow(t)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				return 0, nil, io.EOF
			}
		}
	}
}

// readRow reads the cells of the row that start opens.
func (x *xlsxRows) readRow(start xml.StartElement) (int, []xcell, error) {
	x.row++
	if r, err := strconv.Atoi(xmlAttr(start, "r")); err == nil {
		x.row = r
	}
	var cells []xcell
	col := 0
	var c xcell
	var typ string
	var v, is strings.Builder
	in := ""          // the element whose text is being read: v or t
	phonetic := false // inside <rPh>, whose text is not the cell's
	for {
		tok, err := x.d.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return 0, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				col++
				if cc, _ := splitRef(xmlAttr(t, "r")); cc > 0 {
					col = cc
				}
				c, typ = xcell{col: col}, xmlAttr(t, "t")
				v.Reset()
				is.Reset()
			case "v", "t":
				in = t.Name.Local
			case "rPh":
				phonetic = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				if x.finish(&c, typ, v.String(), is.String()) {
					cells = append(cells, c)
				}
			case "v", "t":
				in = ""
			case "rPh":
				phonetic = false
			case "row":
				return x.row, cells, nil
			}
		case xml.CharData:
			switch {
			case in == "v":
				v.Write(t)
			case in == "t" && !phonetic:
				is.Write(t)
			}
		}
	}
}

// finish sets a cell's kind and text from its type and value, and reports
// whether it holds anything.
func (x *xlsxRows) finish(c *xcell, typ, v, is string) bool {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(x.shared) {
			c.kind, c.text = xError, "#shared string "+v+" missing"
			return true
		}
		c.kind, c.text = xText, x.shared[i]
	case "inlineStr":
		c.kind, c.text = xText, unescapeCellText(is)
	case "str", "d":
		c.kind, c.text = xText, unescapeCellText(v)
	case "b":
		c.kind, c.text = xBool, v
	case "e":
		c.kind, c.text = xError, v
	default:
		c.kind, c.text = xNumber, strings.TrimSpace(v)
	}
	return c.text != ""
}

// unescapeCellText turns _xHHHH_, as a workbook writes a character XML
// cannot hold, back into the character.
func unescapeCellText(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if isEscapeLike(s[i:]) {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 16)
			b.WriteRune(rune(n))
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
