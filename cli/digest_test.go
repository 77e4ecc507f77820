package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
)

// TestManifestHashesBytesLoaded: the input's SHA-256 in the manifest is of
// the bytes the session loaded. A workbook saved over after loading does not
// change it, so the export never names as its source a file whose numbers
// it did not use.
func TestManifestHashesBytesLoaded(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := data.WriteSampleWorkbook(book, false); err != nil {
		t.Fatal(err)
	}
	loaded, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(loaded)
	want := hex.EncodeToString(sum[:])

	s, err := LoadSession(book, "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(book, []byte("saved over since"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := inputSource(s)
	if err != nil || src.SHA256 != want || src.Name != book {
		t.Errorf("source %+v, %v; want the SHA-256 %s of the bytes loaded", src, err, want)
	}

	// The same through a whole run.
	if err := os.WriteFile(book, loaded, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, context.Background(), "run", "--input", book, "--iterations", "20", "--out", "-", "--quiet")
	if code != 0 || !strings.Contains(stdout, `"input_sha256"`) || !strings.Contains(stdout, `"`+want+`"`) {
		t.Errorf("exit %d, %s; want the manifest to give %s", code, stderr, want)
	}
}
