package data

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// bookStreaming is smallBook with the member name replaced (or added) by
// what write writes, deflated as it is written: a part of tens of megabytes
// that packs into a few kilobytes, as a hostile file holds, without the
// test holding it whole.
func bookStreaming(t testing.TB, name string, write func(w io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(n string, f func(w io.Writer) error) {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := f(w); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range bookParts(t) {
		if p.name == name {
			continue
		}
		put(p.name, func(w io.Writer) error { _, err := w.Write(p.content); return err })
	}
	put(name, write)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// repeatTo writes s n times to w, a chunk at a time.
func repeatTo(w io.Writer, s string, n int) error {
	chunk := strings.Repeat(s, max(1, min(n, (64<<10)/max(1, len(s)))))
	per := len(chunk) / max(1, len(s))
	for n > 0 {
		k := min(n, per)
		if _, err := io.WriteString(w, chunk[:k*len(s)]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// writes returns a write func for bookStreaming: head, body repeated n
// times, then tail.
func writes(head, body string, n int, tail string) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, head); err != nil {
			return err
		}
		if err := repeatTo(w, body, n); err != nil {
			return err
		}
		_, err := io.WriteString(w, tail)
		return err
	}
}

// allocatedBy returns the bytes f allocates on the heap.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

const (
	wbHead    = `<workbook xmlns:r="r"><sheets><sheet name="Trusts" sheetId="1" r:id="rId1"/><sheet name="Funding" sheetId="2" r:id="rId5"/>`
	wbTail    = `</sheets></workbook>`
	sstHead   = `<sst><si><t>code</t></si><si><t>`
	sstTail   = `</t></si></sst>`
	sheetHead = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`
	sheetTail = `</t></is></c></row></sheetData></worksheet>`
)

// TestHostileLimits: every part of a workbook is bounded while it streams,
// and each limit is named as itself. The parts are tens of megabytes
// unpacked and a few kilobytes packed; what a load allocates shows it
// stopped at the limit rather than reading them whole.
func TestHostileLimits(t *testing.T) {
	const big = 16 << 20 // bytes of text in the large parts
	cases := []struct {
		name string
		book []byte
		lim  limits
		want string
	}{
		{"sheet entries past the limit", bookStreaming(t, "xl/workbook.xml",
			writes(wbHead, `<sheet name="x" sheetId="9" r:id="rId9"/>`, 200_000, wbTail)), defaultLimits(),
			"book.xlsx: has more than 1,000 sheets; corecast reads workbooks of up to 1,000"},
		{"one sheet too many", bookStreaming(t, "xl/workbook.xml",
			writes(wbHead, `<sheet name="x" sheetId="9" r:id="rId9"/>`, 999, wbTail)), defaultLimits(),
			"has more than 1,000 sheets"},
		{"relationships past the limit", bookStreaming(t, "xl/_rels/workbook.xml.rels",
			writes(`<Relationships>`, `<Relationship Id="r" Target="x.xml" Type="t"/>`, 200_000, `</Relationships>`)), defaultLimits(),
			"lists more than 10,000 relationships between its parts"},
		{"a shared string of 16 MB", bookStreaming(t, "xl/sharedStrings.xml", writes(sstHead, "x", big, sstTail)), defaultLimits(),
			"book.xlsx: shared string 1 holds more than 32,767 characters, Excel's limit for a cell"},
		{"a shared string of many runs", bookStreaming(t, "xl/sharedStrings.xml",
			writes(`<sst><si>`, `<r><t>`+strings.Repeat("x", 1000)+`</t></r>`, 40, `</si></sst>`)), defaultLimits(),
			"book.xlsx: shared string 0 holds more than 32,767 characters"},
		{"a shared string one character over", bookStreaming(t, "xl/sharedStrings.xml", writes(sstHead, "x", 32_768, sstTail)), defaultLimits(),
			"shared string 1 holds more than 32,767 characters"},
		{"emoji count two each, as in Excel", bookStreaming(t, "xl/sharedStrings.xml", writes(sstHead, "😀", 16_384, sstTail)), defaultLimits(),
			"shared string 1 holds more than 32,767 characters"},
		{"shared strings past the cap", bookStreaming(t, "xl/sharedStrings.xml", writes(`<sst>`, `<si><t>a</t></si>`, 2_000, `</sst>`)), limits{maxCells: 1000},
			"book.xlsx: has more than 1,000 shared strings; corecast reads workbooks of up to that many"},
		{"an inline string of 16 MB", bookStreaming(t, "xl/worksheets/sheet1.xml", writes(sheetHead, "y", big, sheetTail)), defaultLimits(),
			"book.xlsx: sheet Trusts: cell A1 holds more than 32,767 characters, Excel's limit for a cell"},
		{"an inline string of many runs", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><sheetData><row r="3"><c r="B3" t="inlineStr"><is>`, `<r><t>`+strings.Repeat("y", 4000)+`</t></r>`, 20_000, `</is></c></row></sheetData></worksheet>`)), defaultLimits(),
			"book.xlsx: sheet Trusts: cell B3 holds more than 32,767 characters"},
		{"a saved formula result of 16 MB", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><sheetData><row r="2"><c r="C2" t="str"><f>REPT("z",99)</f><v>`, "z", big, `</v></c></row></sheetData></worksheet>`)), defaultLimits(),
			"book.xlsx: sheet Trusts: cell C2 holds more than 32,767 characters"},
		{"a formula of 40,000 characters", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><sheetData><row r="2"><c r="E2"><f>`, "1+", 20_000, `1</f></c></row></sheetData></worksheet>`)), defaultLimits(),
			"book.xlsx: sheet Trusts: cell E2 holds a formula of more than 32,767 characters; the file looks damaged"},
		{"a formula nested 300 deep", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><sheetData><row r="2"><c r="E2"><f>`, "(", 300, `1</f></c></row></sheetData></worksheet>`)), defaultLimits(),
			"book.xlsx: sheet Trusts: cell E2 holds a formula nested more than 256 levels deep; the file looks damaged"},
		{"an attribute of 16 MB", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><sheetData><row r="1" spans="`, "1", big, `"/></sheetData></worksheet>`)), defaultLimits(),
			"sheet Trusts could not be read; it looks damaged (xl/worksheets/sheet1.xml: a tag longer than corecast reads)"},
		{"attributes past the limit", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><sheetData><row `, `a="1" `, 200_000, `/></sheetData></worksheet>`)), defaultLimits(),
			"a tag longer than corecast reads"},
		{"white space of 16 MB between tags", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><sheetData>`, " ", big, `</sheetData></worksheet>`)), defaultLimits(),
			"a run of text longer than corecast reads"},
		{"a processing instruction of 16 MB", bookStreaming(t, "xl/styles.xml", writes(`<?pi `, "p", big, `?><styleSheet/>`)), defaultLimits(),
			"it looks damaged (xl/styles.xml: a tag longer than corecast reads)"},
		{"column entries past Excel's columns", bookStreaming(t, "xl/worksheets/sheet1.xml",
			writes(`<worksheet><cols>`, `<col min="1" max="16384" hidden="1"/>`, 200_000, `</cols></worksheet>`)), defaultLimits(),
			"book.xlsx: sheet Trusts: describes more than 16384 columns, Excel's limit"},
		{"number formats past the limit", bookStreaming(t, "xl/styles.xml",
			writes(`<styleSheet><numFmts>`, `<numFmt numFmtId="200" formatCode="0"/>`, 200_000, `</numFmts></styleSheet>`)), defaultLimits(),
			"has more than 65,536 number formats"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			n := allocatedBy(func() { _, err = loadWorkbookBytes("book.xlsx", c.book, nil, c.lim) })
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v\nwant %q", err, c.want)
			}
			if strings.Count(err.Error(), "\n") != 0 {
				t.Errorf("want one sentence, got:\n%v", err)
			}
			// Reading any of these parts whole would allocate at least 16 MB.
			if n > 6<<20 {
				t.Errorf("the load allocated %d MB: the part was read past its limit", n>>20)
			}
		})
	}
}

// TestTextAtTheLimitLoads: text of exactly 32,767 characters, in a shared
// string or a cell, is read.
func TestTextAtTheLimitLoads(t *testing.T) {
	long := strings.Repeat("é", MaxCellText)
	b := bookBytes(t, sheet{SheetTrusts, append(goodTrusts(), []any{"RDD", long, "acute", "London", 100, 50, nil, nil})}, sheet{SheetFunding, goodFunding()})
	in, _, err := split3(loadWorkbookBytes("book.xlsx", b, nil, defaultLimits()))
	if err != nil {
		t.Fatal(err)
	}
	if got := in.Trusts[len(in.Trusts)-1].Name; got != long {
		t.Errorf("the name was read as %d characters", len([]rune(got)))
	}
	inline := sheetWith(t, `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>`+strings.Repeat("😀", MaxCellText/2)+`</t></is></c></row></sheetData></worksheet>`)
	if _, err := loadWorkbookBytes("book.xlsx", inline, nil, defaultLimits()); err != nil && strings.Contains(err.Error(), "characters") {
		t.Errorf("32,766 characters of emoji refused: %v", err)
	}
}

// TestLongValuesShortInMessages: a problem or note shows a long value, a
// long heading or a long sheet name by its first 60 characters and its
// length, never whole.
func TestLongValuesShortInMessages(t *testing.T) {
	long := strings.Repeat("w", 30_000)
	b := bookBytes(t, sheet{SheetTrusts, replace(goodTrusts(), 1, 2, long)}, sheet{SheetFunding, goodFunding()})
	_, err := loadWorkbookBytes("book.xlsx", b, nil, defaultLimits())
	ps := problemsOf(t, err)
	want := fmt.Sprintf(`book.xlsx: sheet Trusts, row 2, column type: found "%s…" (30,000 characters), want `, strings.Repeat("w", 60))
	if len(ps) != 1 || !strings.HasPrefix(ps.Error(), want) {
		t.Fatalf("got %v\nwant it to start %s", err, want)
	}
	if len(ps.Error()) > 400 {
		t.Errorf("the line is %d bytes long", len(ps.Error()))
	}
	p := Problem{File: "book.xlsx", Sheet: strings.Repeat("s", 200), Row: 3, Column: strings.Repeat("h", 200), Value: "x", Expected: "y"}
	if got := p.Error(); len(got) > 250 || !strings.Contains(got, "(200 characters)") {
		t.Errorf("a long sheet name and heading shown as %q", got)
	}
	n := Note{File: "book.xlsx", Row: 2, Column: "name", Value: long, Text: "read"}
	if got := n.String(); len(got) > 200 || !strings.HasSuffix(got, "… (30,000 characters))") {
		t.Errorf("a long note value shown as %q", got)
	}
}

// TestCSVTextOverTheLimit: a CSV value longer than a cell holds is a
// problem naming the line, rather than text a spreadsheet would cut.
func TestCSVTextOverTheLimit(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		FileTrusts:  csvTrusts + "RDD,\"" + strings.Repeat("n", 100_000) + "\",acute,London,100,50\n",
		FileFunding: csvFunding,
	})
	_, err := LoadDir(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "trusts.csv: row 4: value 2 holds more than 32,767 characters, Excel's limit for a cell") {
		t.Fatalf("got %v", err)
	}
}
