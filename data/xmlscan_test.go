package data

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// rawTokens reads src with encoding/xml's RawToken, Strict off, keeping
// what the scanner gives (start and end elements by local name, attributes,
// character data), one a line; failed is whether it ended in an error.
func rawTokens(r io.Reader) (toks []string, failed bool) {
	d := xml.NewDecoder(r)
	d.Strict = false
	for {
		t, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return toks, false
		}
		if err != nil {
			return toks, true
		}
		switch t := t.(type) {
		case xml.StartElement:
			s := "S " + t.Name.Local
			for _, a := range t.Attr {
				s += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			toks = append(toks, s)
		case xml.EndElement:
			toks = append(toks, "E "+t.Name.Local)
		case xml.CharData:
			toks = append(toks, fmt.Sprintf("T %q", []byte(t)))
		}
	}
}

// scanTokens reads src with the scanner, written as rawTokens writes.
func scanTokens(r io.Reader) (toks []string, failed bool) {
	s := newXMLScanner(r)
	for {
		t, err := s.next()
		if errors.Is(err, io.EOF) {
			return toks, false
		}
		if err != nil {
			return toks, true
		}
		switch t.kind {
		case xmlStart:
			s := "S " + string(t.name)
			for _, a := range t.attrs {
				s += fmt.Sprintf(" %s=%q", a.name, a.value)
			}
			toks = append(toks, s)
		case xmlEnd:
			toks = append(toks, "E "+string(t.name))
		case xmlText:
			toks = append(toks, fmt.Sprintf("T %q", t.text))
		}
	}
}

// xmlCases are texts that reach every branch of the scanner: the forms
// workbooks use, and the damage and oddities a hostile or broken file holds.
var xmlCases = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheetData>` +
		`<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>12.5</v></c><c r="C1" t="inlineStr"><is><t>a &amp; b</t></is></c></row>` +
		`<row r="2" hidden="1"><c r="A2"><f>SUM(B1:B1)</f><v></v></c><c r="B2"/></row></sheetData></worksheet>`,
	`<sst><si><t xml:space="preserve"> x </t></si><si><r><t>ri</t></r><r><t>ch</t></r><rPh><t>ふ</t></rPh></si></sst>`,
	`<x:c x:r="A1" r:id="rId3"/>`, `<a:b:c/>`, `<a b:c:d="1"/>`, `<:a :b="1" c:="2"/>`, `<a: b="1"/>`,
	"<a>\r\n\r x\ry\r\n</a>", `<a b="x&#13;&#x0A;y&#9;"/>`, `<a b='it''s'/>`, `<a b="1" c/>`, `<a b=c-d:e_f/>`, `<a b=/>`,
	`<a>&lt;&gt;&amp;&apos;&quot;&nbsp;&#65;&#x42;&#x10FFFF;&#x110000;&#xD800;&#;&#x;&#12a;&;& x&lt</a>`,
	`<a>&#0;</a>`, `<a>&#x1F;</a>`, "<a>\x01</a>", "<a>\xff</a>", "<a>\xef\xbf\xbe</a>", "<a b=\"\x00\"/>",
	`<a><![CDATA[x<y&z]]]></a>`, `<a><![CDATA[]]></a>`, `<a><![CDATA[ open`, `<a><![CDAT[x]]></a>`, `<a>x]]>y</a>`, `<a b="]]>"/>`,
	`<!-- c --><a/><!---->`, `<!-- a -- b -->`, `<!- x -->`, `<!DOCTYPE a [<!ENTITY e "v"> <!-- c > --> ]><a>&e;</a>`,
	`<!DOCTYPE a "q>" 'r>'>`, `<!>x>`, `<!DOCTYPE <a <b>>`, `<?pi data?><a/>`, `<?xml version="1.1"?>`, `<?xml encoding="latin1"?>`,
	`<?xml version='1.0' encoding='utf-8'?><a/>`, `<?xml encoding=utf-16 version="1.0"?>`, `<? x?>`, `<?x`, `<?xml version="1.0"`,
	`<a`, `<a b`, `<a b=`, `<a b="`, `<a b="x`, `</a`, `</a x>`, `</>`, `< a>`, `<a/ >`, `<a b="<"/>`, `<1a/>`, `<a 1b="x"/>`,
	`<é/>`, `<aé b="1"/>`, `<a·/>`, `<·a/>`, "<a\xff/>", `<a>text`, `text only`, ``, `<`, `&`, `x&`, `x&am`, `x&#`, `x&#x`, `<a>&#12</a>`,
	"\xef\xbb\xbf<a/>", `<a></b></c>`, "<a\n\tb\r\n=\n'1'\n/>", `<a b="1"c="2"/>`,
}

func compareScan(t *testing.T, src []byte) {
	t.Helper()
	readers := map[string]func() io.Reader{
		"whole":    func() io.Reader { return bytes.NewReader(src) },
		"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(src)) },
		"halves":   func() io.Reader { return iotest.HalfReader(bytes.NewReader(src)) },
		"data+err": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(src)) },
	}
	want, wantFail := rawTokens(bytes.NewReader(src))
	for name, r := range readers {
		got, gotFail := scanTokens(r())
		if gotFail != wantFail || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q read %s:\nscanner (failed %v):\n%s\nencoding/xml (failed %v):\n%s", src, name,
				gotFail, strings.Join(got, "\n"), wantFail, strings.Join(want, "\n"))
		}
	}
}

// TestXMLScannerMatchesRawToken holds the scanner to encoding/xml on the
// cases, on a sample workbook's parts, and on a text longer than the
// scanner's window.
func TestXMLScannerMatchesRawToken(t *testing.T) {
	for _, c := range xmlCases {
		compareScan(t, []byte(c))
	}
	for _, c := range sampleParts(t) {
		compareScan(t, c)
	}
	long := "<a>" + strings.Repeat("x]&amp;\r\n", 3*xmlScanBuffer/8) + "</a>"
	compareScan(t, []byte(long))
}

// sampleParts returns the XML parts of the sample workbook.
func sampleParts(t testing.TB) [][]byte {
	names, content := zipMembers(t, sampleBook(t))
	var out [][]byte
	for _, n := range names {
		if strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") {
			out = append(out, content[n])
		}
	}
	return out
}

// FuzzXMLScanner holds the scanner to encoding/xml's RawToken on any input:
// the same tokens, and an error exactly where it gives one.
func FuzzXMLScanner(f *testing.F) {
	for _, c := range xmlCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		compareScan(t, src)
	})
}

// TestDecodeSyntaxErrorMessage reports a damaged part with the message
// encoding/xml gives, line number included.
func TestDecodeSyntaxErrorMessage(t *testing.T) {
	b := smallBook(t)
	b = rewriteZipFile(t, b, "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, "<sheetData>", "<sheetData>\n\n<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>\n<row <", 1)
	})
	_, err := LoadWorkbookBytes("book.xlsx", b, nil)
	if err == nil {
		t.Fatal("a damaged sheet loaded")
	}
	want := "XML syntax error on line"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}
