package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
)

// TestSaveScenarioNeverReplacesInput saves over a scenario file the session
// was started with, spelled another way and through a link: both refused,
// and the file is unchanged.
func TestSaveScenarioNeverReplacesInput(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "base.toml")
	if err := os.WriteFile(input, []byte("name = \"Base\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(input, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	files := defaultFiles(config{scenarioPaths: []string{input}}, sample(t))
	sep := string(filepath.Separator)
	for _, path := range []string{dir + sep + "." + sep + "base.toml", link} {
		err := files.SaveScenario(path, testScenario(), true)
		if err == nil || !strings.Contains(err.Error(), "an input of this session") {
			t.Errorf("save to %s: %v", path, err)
		}
	}
	if b, _ := os.ReadFile(input); string(b) != "name = \"Base\"\n" {
		t.Errorf("the input scenario was replaced: %q", b)
	}
}

// TestExportSourceIsTheDigestLoaded: an export names the input by the
// SHA-256 of the bytes loaded, as WithInputDigest gives it, never by
// reading the path again; without it, it refuses rather than guess.
func TestExportSourceIsTheDigestLoaded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, []byte("saved over since loading"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := data.Digest{SHA256: strings.Repeat("ab", 32)}
	src, err := inputSource(config{inputPath: path, inputDigest: d}, sample(t))
	if err != nil || src.SHA256 != d.SHA256 || src.Name != path {
		t.Errorf("source %+v, %v; want the digest given", src, err)
	}
	if _, err := inputSource(config{inputPath: path}, sample(t)); err == nil {
		t.Error("an input without its digest was hashed anew")
	}
}
