package data

import (
	"strings"
	"testing"
	"unicode/utf16"

	"corecast/model"
)

// CSV files as Excel saves them on a UK machine: "CSV (Comma delimited)" is
// Windows-1252, "Unicode Text" UTF-16. Each is read, with a note; the values
// are exactly those of the UTF-8 file.
func TestCSVEncodings(t *testing.T) {
	trusts := "code,name,type,region,opex_m,maturity\n" +
		"RAA,Alpha Hospitals NHS Trust,acute,London,£420.5,61\n" +
		"RBB,\"Beta – Mental Health\",mental health,North West,\"£1,180\",48\n"
	funding := "code,programme,year,national_m,local_m,status\n" +
		"RAA,Global Digital Exemplar,2018–19,£5,£5,received\n" +
		"NATIONAL,National envelope,2019-20,£350,0,committed\n"
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	cases := []struct {
		name, trusts, funding, note string
	}{
		{"UTF-8", trusts, funding, ""},
		{"Windows-1252", to1252(t, trusts), to1252(t, funding), `trusts.csv: is not UTF-8; it was read as Windows-1252, as Excel's "CSV (Comma delimited)" writes it (so the characters £ –)`},
		{"UTF-16", utf16le(trusts), utf16le(funding), `trusts.csv: is UTF-16 text (Excel's "Unicode Text"); it was read as such`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := LoadCSV("dir", strings.NewReader(c.trusts), strings.NewReader(c.funding), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "RBB name", l.Inputs.Trusts[1].Name, "Beta – Mental Health")
			eq(t, "RBB opex", l.Inputs.Trusts[1].OpexM, 1180.0)
			eq(t, "RAA national", l.Inputs.Funding[0].NationalM, 5.0)
			eq(t, "RAA year", l.Inputs.Funding[0].Year, model.FinancialYear(2018))
			notes := strings.Join(l.Notes.Lines(), "\n")
			if c.note != "" && !strings.Contains(notes, c.note) {
				t.Errorf("notes %q lack %q", notes, c.note)
			}
			if c.note == "" && notes != "" {
				t.Errorf("notes %q for a UTF-8 file", notes)
			}
		})
	}
}

// to1252 writes text in Windows-1252.
func to1252(t *testing.T, s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r < 0x80 || r >= 0xA0 && r <= 0xFF:
			b = append(b, byte(r))
		default:
			found := false
			for i, w := range windows1252 {
				if w == r && w != 0 {
					b = append(b, byte(0x80+i))
					found = true
				}
			}
			if !found {
				t.Fatalf("%q has no Windows-1252 byte", r)
			}
		}
	}
	return string(b)
}
