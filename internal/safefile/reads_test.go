package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOverwrites(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	csvDir := filepath.Join(dir, "csv")
	mapFile := filepath.Join(dir, "m.toml")
	for _, p := range []string{book, mapFile} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(csvDir, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(book, link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	reads := Reads{"book.xlsx", csvDir, mapFile, "", "-"}
	for _, c := range []struct {
		out  string
		want bool
	}{
		{book, true},          // the same file, absolute
		{"./book.xlsx", true}, // another spelling
		{link, true},          // through a link
		{filepath.Join(csvDir, "trusts.csv"), true},   // a file of the CSV directory
		{filepath.Join(csvDir, "FUNDING.CSV"), true},  // in any case
		{filepath.Join(csvDir, "observed.csv"), true}, // the optional sheet too
		{filepath.Join(csvDir, "results.csv"), false}, // not an input
		{"m.toml", true}, // the map file
		{"calibrated.toml", false},
		{"-", false},
		{"", false},
	} {
		if _, got := reads.Overwrites(c.out); got != c.want {
			t.Errorf("Overwrites(%q) = %v, want %v", c.out, got, c.want)
		}
	}
	if err := reads.Check("--cpuprofile", filepath.Join(csvDir, "trusts.csv")); err == nil {
		t.Error("Check let a profile replace an input CSV file")
	}
}
