package data

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestDigestOfBytesLoaded: a load returns the SHA-256 of the bytes it read:
// of a workbook, the file; of a CSV directory, trusts.csv, funding.csv,
// scenario.csv and observed.csv (those present, in that order, whatever the
// case of their names), each preceded by its name and a newline.
func TestDigestOfBytesLoaded(t *testing.T) {
	book := bookBytes(t, sheet{SheetTrusts, goodTrusts()}, sheet{SheetFunding, goodFunding()})
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, book, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := sha(string(book)); l.Digest != (Digest{SHA256: want}) {
		t.Errorf("workbook digest %+v, want %s", l.Digest, want)
	}
	if l, _ := LoadWorkbookBytes("book.xlsx", book, nil); l.Digest.SHA256 != sha(string(book)) {
		t.Errorf("digest of a workbook in memory %+v", l.Digest)
	}
	scenario := "key,value\nseed,3\n"
	observed := "code,year,maturity\nRAA,2021-22,70\n"
	cases := []struct {
		name  string
		files map[string]string
		want  string
		note  string
	}{
		{"trusts and funding", map[string]string{FileTrusts: csvTrusts, FileFunding: csvFunding},
			sha("trusts.csv\n" + csvTrusts + "funding.csv\n" + csvFunding),
			"SHA-256 over [trusts.csv funding.csv], each preceded by its name and a newline"},
		{"every file, names in capitals", map[string]string{"TRUSTS.CSV": csvTrusts, "Funding.csv": csvFunding, "Scenario.CSV": scenario, "observed.csv": observed},
			sha("trusts.csv\n" + csvTrusts + "funding.csv\n" + csvFunding + "scenario.csv\n" + scenario + "observed.csv\n" + observed),
			"SHA-256 over [trusts.csv funding.csv scenario.csv observed.csv], each preceded by its name and a newline"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := Load(writeFiles(t, c.files), nil)
			if err != nil {
				t.Fatal(err)
			}
			if l.Digest.SHA256 != c.want || l.Digest.Note != c.note {
				t.Errorf("digest %+v\nwant %s, %q", l.Digest, c.want, c.note)
			}
		})
	}
}
