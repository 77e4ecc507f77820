package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
)

// TestRunCPUProfile writes a CPU profile (gzip-compressed, as go tool pprof
// reads it) beside the export, and leaves it out of the Manifest's command.
func TestRunCPUProfile(t *testing.T) {
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		t.Skipf("a CPU profile is already running (go test -cpuprofile): %v", err)
	}
	pprof.StopCPUProfile()
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.pprof")
	out := filepath.Join(dir, "out.json")
	code, _, stderr := runCLI(t, context.Background(), "run", "--iterations", "50", "--cpuprofile", prof, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		t.Errorf("profile starts %q, want a gzip stream", b[:min(len(b), 8)])
	}
	export, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(export, []byte("cpuprofile")) {
		t.Errorf("the export mentions --cpuprofile; it changes nothing in the output")
	}
}

// TestRunCPUProfileRefusesRunFiles refuses a profile path that is the
// run's output or input, before anything is written.
func TestRunCPUProfileRefusesRunFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.json")
	book := filepath.Join(dir, "book.xlsx")
	if code, _, stderr := runCLI(t, context.Background(), "sample", book); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	before, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	for _, prof := range []string{out, book, filepath.Join(dir, ".", "book.xlsx")} {
		code, _, stderr := runCLI(t, context.Background(), "run", "--input", book, "--iterations", "50", "--cpuprofile", prof, "--out", out)
		if code != ExitInvalid || !strings.Contains(stderr, "--cpuprofile") {
			t.Errorf("--cpuprofile %s: exit %d, stderr %q; want exit 2 naming the flag", prof, code, stderr)
		}
	}
	if after, _ := os.ReadFile(book); !bytes.Equal(before, after) {
		t.Errorf("the input was changed")
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("an export was written: %v", err)
	}
}
