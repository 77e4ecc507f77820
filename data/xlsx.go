package data

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Magic bytes at the start of the file formats a user may hand us.
var (
	zipMagic      = []byte("PK\x03\x04")
	emptyZipMagic = []byte("PK\x05\x06")
	oleMagic      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the stream name "EncryptedPackage" in UTF-16LE, as an
	// OLE container of an encrypted xlsx holds it.
	encryptedPackage = utf16le("EncryptedPackage")
)

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// Sheet names of the input workbook.
const (
	SheetTrusts   = "Trusts"
	SheetFunding  = "Funding"
	SheetScenario = "Scenario"
	SheetObserved = "Observed"
)

// checkXLSXMagic refuses files that are not zip archives, naming what they
// seem to be instead.
func checkXLSXMagic(file string, b []byte) error {
	switch {
	case len(b) == 0:
		return refuse(file, "is empty (0 bytes); want an xlsx workbook")
	case bytes.HasPrefix(b, oleMagic):
		if bytes.Contains(b, encryptedPackage) {
			return refuse(file, "is encrypted or password-protected; save a copy without a password (File > Info > Protect Workbook) and load that")
		}
		return refuse(file, "is encrypted or password-protected, or an old Excel 97-2003 .xls file; save it as an .xlsx workbook without a password")
	case bytes.HasPrefix(b, zipMagic), bytes.HasPrefix(b, emptyZipMagic):
		return nil
	}
	return refuse(file, "is not an xlsx workbook (want an Excel .xlsx file, or a directory holding trusts.csv and funding.csv)")
}

// workbook is an xlsx package opened for streaming: its sheet list, shared
// strings and number formats, with each sheet's XML read only when asked.
type workbook struct {
	file     string
	data     []byte
	parts    map[string]*zip.File // by partKey
	lim      limits
	unzipped int64 // bytes decompressed so far, bounded by lim.maxUnzip
	sheets   []sheetRef
	strings  []string
	formats  []cellFormat // by cell style index (the s attribute)
	strike   []bool       // by cell style index: its font strikes text through
	// struckStrings marks the shared strings whose every run of text is
	// struck through (a strike made in the text, not the cell's format).
	struckStrings map[int]bool
	// fullCalc is set when the workbook asks to be recalculated on opening,
	// as files written by scripts do: their saved formula values are
	// placeholders, not results.
	fullCalc bool
	// The formulas of the sheets read, and of the sheets they refer to,
	// kept to find circular references and to bound calculation (see
	// formula_graph.go): by sheet, nil for a sheet not yet streamed.
	fsheets      []*sheetFormulas
	nFormulas    int
	formulaParts int           // the parts of the formulas kept (see maxFormulaParts)
	maxShared    int           // the longest shared string, in characters
	names        []definedName // the workbook's defined names
}

// definedName is a name the workbook defines, such as Opex_2019 for
// Calc!$B$2, which formulas may use in place of the reference.
type definedName struct {
	name  string // upper case
	sheet int    // the sheet it belongs to, or -1 for the whole workbook
	text  string // what it stands for, as a formula
}

// maxDefinedNames bounds the names a workbook may define.
const maxDefinedNames = 10_000

// sheetRef is one sheet as the workbook lists it.
type sheetRef struct {
	name   string
	part   string // zip member of its XML
	hidden bool   // hidden or very hidden
	index  int    // in workbook.sheets
}

// errLimit marks a refusal because the unpacked size passed its limit.
var errLimit = errors.New("limit passed")

// limitError is a refusal because some other limit was passed; its text
// says which, as the sentence after the file's name.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

func limitErrorf(format string, a ...any) error {
	return &limitError{msg: fmt.Sprintf(format, a...)}
}

// maxXMLToken bounds one token of a workbook part (see xmlScanner.maxToken):
// more than the 98,301 bytes of UTF-8 that a cell's 32,767 characters take
// at most, so that a longer run of text is known to be over the limit
// without being held.
const maxXMLToken = 128 << 10

// maxRelationships bounds the relationships the workbook part may list:
// one for each of up to MaxSheets sheets and a few dozen other parts
// (styles, shared strings, theme, external links, pivot caches).
const maxRelationships = 10_000

// openWorkbook opens the package and reads its sheet list, shared strings and
// styles. Problems are returned as a Problems error naming the file.
func openWorkbook(file string, b []byte, lim limits) (*workbook, error) {
	lim = lim.filled()
	if int64(len(b)) > lim.maxBytes {
		return nil, refuse(file, "is larger than %d MB; corecast reads workbooks up to that size", lim.maxBytes>>20)
	}
	if err := checkXLSXMagic(file, b); err != nil {
		return nil, err
	}
	if err := checkPartCount(file, b); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, refuse(file, "could not be read as an xlsx workbook; it looks damaged or is not a workbook (%v)", err)
	}
	parts, err := indexParts(file, zr)
	if err != nil {
		return nil, err
	}
	wb := &workbook{file: file, data: b, parts: parts, lim: lim}
	if err := wb.readStructure(); err != nil {
		if errors.Is(err, errLimit) {
			return nil, refuse(file, "unpacks to more than %d MB; corecast reads workbooks up to that size", lim.maxUnzip>>20)
		}
		var le *limitError
		if errors.As(err, &le) {
			return nil, refuse(file, "%s", le.msg)
		}
		return nil, refuse(file, "could not be read as an xlsx workbook; it looks damaged (%v)", err)
	}
	return wb, nil
}

// member finds a zip member by name, ignoring case and a leading slash
// (no two members share a name so read: see indexParts).
func (wb *workbook) member(name string) *zip.File {
	return wb.parts[partKey(name)]
}

// open returns a reader of a member that counts what it unpacks against the
// workbook's limit.
func (wb *workbook) open(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &countingReader{rc: rc, wb: wb}, nil
}

type countingReader struct {
	rc io.ReadCloser
	wb *workbook
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.wb.unzipped += int64(n)
	if c.wb.unzipped > c.wb.lim.maxUnzip {
		return n, errLimit
	}
	return n, err
}

func (c *countingReader) Close() error { return c.rc.Close() }

// decode streams a member's XML tokens to visit, which returns an error to
// stop. A part that is not well-formed is reported with the message
// encoding/xml gives for it, which names the line.
func (wb *workbook) decode(name string, visit func(t *xmlToken) error) error {
	f := wb.member(name)
	if f == nil {
		return nil
	}
	rc, err := wb.open(f)
	if err != nil {
		return err
	}
	defer func() { _ = rc.Close() }()
	s := newXMLScanner(rc)
	s.maxToken = maxXMLToken
	for {
		t, err := s.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if errors.Is(err, errLimit) {
				return errLimit
			}
			var se *xmlSyntaxError
			if errors.As(err, &se) {
				err = wb.syntaxError(f, se)
			}
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := visit(t); err != nil {
			return err
		}
	}
}

// syntaxError reads a part that the scanner found damaged again with
// encoding/xml, whose error names the line, and returns that error (se
// should encoding/xml, against expectation, read it whole).
func (wb *workbook) syntaxError(f *zip.File, se *xmlSyntaxError) error {
	rc, err := f.Open()
	if err != nil {
		return se
	}
	defer func() { _ = rc.Close() }()
	d := xml.NewDecoder(io.LimitReader(rc, wb.lim.maxUnzip))
	d.Strict = false
	for {
		_, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return se
		}
		if err != nil {
			return err
		}
	}
}

// readStructure reads the workbook part, its relationships, the shared
// strings and the cell formats.
func (wb *workbook) readStructure() error {
	wbPart := "xl/workbook.xml"
	if err := wb.decode("_rels/.rels", func(t *xmlToken) error {
		if t.kind == xmlStart && string(t.name) == "Relationship" {
			if typ, _ := t.attr("Type"); strings.HasSuffix(typ, "/officeDocument") {
				if target, ok := t.attr("Target"); ok {
					wbPart = strings.TrimPrefix(target, "/")
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if wb.member(wbPart) == nil {
		return fmt.Errorf("no workbook part %s", wbPart)
	}
	dir := path.Dir(wbPart)
	rels := map[string]string{}
	var sharedPart, stylesPart string
	relsPart := path.Join(dir, "_rels", path.Base(wbPart)+".rels")
	nRels := 0
	if err := wb.decode(relsPart, func(t *xmlToken) error {
		if t.kind != xmlStart || string(t.name) != "Relationship" {
			return nil
		}
		if nRels++; nRels > maxRelationships {
			return limitErrorf("lists more than %s relationships between its parts; it looks damaged", formatThousands(maxRelationships))
		}
		id, _ := t.attr("Id")
		target, _ := t.attr("Target")
		typ, _ := t.attr("Type")
		full := path.Join(dir, target)
		if strings.HasPrefix(target, "/") {
			full = strings.TrimPrefix(target, "/")
		}
		rels[id] = full
		switch {
		case strings.HasSuffix(typ, "/sharedStrings"):
			sharedPart = full
		case strings.HasSuffix(typ, "/styles"):
			stylesPart = full
		}
		return nil
	}); err != nil {
		return err
	}
	var name *definedName // the defined name being read
	var nameText []byte
	if err := wb.decode(wbPart, func(t *xmlToken) error {
		switch {
		case t.kind == xmlText && name != nil:
			if len(nameText) <= maxXMLToken {
				nameText = append(nameText, t.text...)
			}
			return nil
		case t.kind == xmlEnd && name != nil && string(t.name) == "definedName":
			name.text = string(nameText)
			if len(nameText) > maxXMLToken {
				name.text = "#REF!" // longer than any name Excel writes: not followed
			}
			wb.names = append(wb.names, *name)
			name = nil
			return nil
		case t.kind != xmlStart:
			return nil
		}
		switch string(t.name) {
		case "definedName":
			if len(wb.names) >= maxDefinedNames {
				return limitErrorf("defines more than %s names; corecast reads workbooks of up to that many", formatThousands(maxDefinedNames))
			}
			n, _ := t.attr("name")
			name, nameText = &definedName{name: strings.ToUpper(n), sheet: -1}, nameText[:0]
			if v, ok := t.attr("localSheetId"); ok {
				if i, err := strconv.Atoi(v); err == nil {
					name.sheet = i
				}
			}
		case "sheet":
			if len(wb.sheets) >= wb.lim.maxSheets {
				return limitErrorf("has more than %s sheets; corecast reads workbooks of up to %s", formatThousands(wb.lim.maxSheets), formatThousands(wb.lim.maxSheets))
			}
			name, _ := t.attr("name")
			id, _ := t.attr("id") // r:id
			state, _ := t.attr("state")
			part, ok := rels[id]
			if !ok {
				part = path.Join(dir, "worksheets", "sheet"+strconv.Itoa(len(wb.sheets)+1)+".xml")
			}
			wb.sheets = append(wb.sheets, sheetRef{name: name, part: part, hidden: state == "hidden" || state == "veryHidden", index: len(wb.sheets)})
		case "calcPr":
			if v, _ := t.attr("fullCalcOnLoad"); v == "1" || v == "true" {
				wb.fullCalc = true
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if sharedPart == "" {
		sharedPart = path.Join(dir, "sharedStrings.xml")
	}
	if stylesPart == "" {
		stylesPart = path.Join(dir, "styles.xml")
	}
	if err := wb.readSharedStrings(sharedPart); err != nil {
		return err
	}
	return wb.readStyles(stylesPart)
}

// readSharedStrings reads the shared string table: each <si>'s text runs,
// leaving out phonetic guides, and which strings are struck through in
// every run.
func (wb *workbook) readSharedStrings(part string) error {
	var cur strings.Builder
	inSI, inT, phonetic, units := false, false, 0, 0
	runs, struck := 0, 0
	inRun := false
	tooLong := func() error {
		return limitErrorf("shared string %d holds more than %s characters, Excel's limit for a cell; the file looks damaged", len(wb.strings), formatThousands(wb.lim.maxText))
	}
	err := wb.decode(part, func(t *xmlToken) error {
		switch t.kind {
		case xmlStart:
			switch string(t.name) {
			case "si":
				if len(wb.strings) >= wb.lim.maxCells {
					return limitErrorf("has more than %s shared strings; corecast reads workbooks of up to that many", formatThousands(wb.lim.maxCells))
				}
				inSI = true
				cur.Reset()
				units = 0
				runs, struck = 0, 0
			case "r":
				if inSI && phonetic == 0 {
					inRun = true
					runs++
				}
			case "strike":
				if inRun {
					if v, _ := t.attr("val"); v != "0" && v != "false" {
						struck++
					}
				}
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xmlEnd:
			switch string(t.name) {
			case "si":
				if runs > 0 && struck >= runs && strings.TrimSpace(cur.String()) != "" {
					if wb.struckStrings == nil {
						wb.struckStrings = map[int]bool{}
					}
					wb.struckStrings[len(wb.strings)] = true
				}
				wb.strings = append(wb.strings, cur.String())
				wb.maxShared = max(wb.maxShared, units)
				inSI = false
			case "r":
				inRun = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xmlText:
			if inT {
				if units += textUnits(t.text); units > wb.lim.maxText {
					return tooLong()
				}
				cur.Write(t.text)
			}
		}
		return nil
	})
	var tl *xmlTooLong
	if errors.As(err, &tl) && tl.text && inT {
		return tooLong()
	}
	return err
}

// readStyles reads each cell format's number format, classified as general,
// percentage, date or scaled, and whether its font strikes text through.
func (wb *workbook) readStyles(part string) error {
	custom := map[int]string{}
	nFormats := 0
	inCellXfs, inFonts, inFont := false, false, false
	var xfFormats, xfFonts []int
	var fontStrike []bool
	err := wb.decode(part, func(t *xmlToken) error {
		switch t.kind {
		case xmlStart:
			switch string(t.name) {
			case "numFmt":
				if nFormats++; nFormats > 1<<16 {
					return limitErrorf("has more than %s number formats; it looks damaged", formatThousands(1<<16))
				}
				id, _ := t.attr("numFmtId")
				code, _ := t.attr("formatCode")
				if n, err := strconv.Atoi(id); err == nil {
					custom[n] = code
				}
			case "fonts":
				inFonts = true
			case "font":
				if inFonts {
					if len(fontStrike) > 1<<16 {
						return limitErrorf("has more than %s fonts; it looks damaged", formatThousands(1<<16))
					}
					inFont = true
					fontStrike = append(fontStrike, false)
				}
			case "strike":
				if inFont {
					v, _ := t.attr("val")
					fontStrike[len(fontStrike)-1] = v != "0" && v != "false"
				}
			case "cellXfs":
				inCellXfs = true
			case "xf":
				if inCellXfs {
					if len(xfFormats) > 1<<16 {
						return limitErrorf("has more than %s cell formats; it looks damaged", formatThousands(1<<16))
					}
					id, _ := t.attr("numFmtId")
					n, _ := strconv.Atoi(id)
					xfFormats = append(xfFormats, n)
					f, err := strconv.Atoi(t.attrOr("fontId", "-1"))
					if err != nil {
						f = -1
					}
					xfFonts = append(xfFonts, f)
				}
			}
		case xmlEnd:
			switch string(t.name) {
			case "cellXfs":
				inCellXfs = false
			case "fonts":
				inFonts = false
			case "font":
				inFont = false
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	wb.formats = make([]cellFormat, len(xfFormats))
	wb.strike = make([]bool, len(xfFormats))
	for i, id := range xfFormats {
		wb.formats[i] = classifyFormat(id, custom)
		if f := xfFonts[i]; f >= 0 && f < len(fontStrike) {
			wb.strike[i] = fontStrike[f]
		}
	}
	return nil
}

// classifyFormat says whether number format id (built in, or custom with the
// given codes) shows numbers as percentages or dates.
func classifyFormat(id int, custom map[int]string) cellFormat {
	if code, ok := custom[id]; ok {
		return classifyFormatCode(code)
	}
	switch {
	case id == 9 || id == 10:
		return fmtPercent
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return fmtDate
	}
	return fmtGeneral
}

// classifyFormatCode reads a custom format code: literal text ("..."),
// escaped characters (\x), fills (*x), padding (_x) and colour or condition
// brackets are not format characters; a % shows a percentage; d, m, y, h or s
// show a date or time, as do elapsed-time brackets such as [h].
func classifyFormatCode(code string) cellFormat {
	if strings.EqualFold(code, "general") {
		return fmtGeneral
	}
	// Only the first section (positive numbers) decides.
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case inQuote:
			if ch == '"' {
				inQuote = false
			}
		case ch == '"':
			inQuote = true
		case ch == '\\' || ch == '*' || ch == '_':
			i++
		case ch == '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				i = len(code)
				continue
			}
			inner := strings.ToLower(code[i+1 : i+end])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				b.WriteByte('h')
			}
			i += end
		case ch == ';':
			i = len(code)
		default:
			b.WriteByte(ch)
		}
	}
	s := strings.ToLower(b.String())
	if strings.Contains(s, "%") {
		return fmtPercent
	}
	if strings.ContainsAny(s, "dmyhs") && !strings.Contains(s, "general") {
		return fmtDate
	}
	// Commas straight after the last digit placeholder scale the number
	// down by a thousand each for display.
	if last := strings.LastIndexAny(s, "0#?"); last >= 0 {
		n := len(s[last+1:]) - len(strings.TrimLeft(s[last+1:], ","))
		switch {
		case n == 1:
			return fmtThousands
		case n == 2:
			return fmtMillions
		case n >= 3:
			return fmtBillions
		}
	}
	return fmtGeneral
}

// sheetsNamed returns the sheets whose names match want after normalising.
func (wb *workbook) sheetsNamed(want string) []sheetRef {
	var out []sheetRef
	for _, s := range wb.sheets {
		if normalName(s.name) == normalName(want) {
			out = append(out, s)
		}
	}
	return out
}

// sheetsStarting returns the sheets whose normalised names begin with the
// word want, as in "Trusts 2019-20" or "Funding (final)".
func (wb *workbook) sheetsStarting(want string) []sheetRef {
	var out []sheetRef
	w := normalName(want)
	for _, s := range wb.sheets {
		if strings.HasPrefix(normalName(s.name), w+" ") {
			out = append(out, s)
		}
	}
	return out
}
