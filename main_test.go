package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"corecast/internal/specialfiles"
)

// mainEnv, set to 1, makes the test binary run as corecast itself, with the
// arguments after "--", so that tests can signal a real corecast process
// without building one.
const mainEnv = "CORECAST_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		os.Exit(run(args))
	}
	os.Exit(m.Run())
}

// corecast returns a command that runs corecast with args in a process of
// its own.
func corecast(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	return cmd
}

// TestSignalDuringWrite sends each stop signal to corecast run while it
// writes a workbook over an existing file with --force: the process ends
// with exit code 1 and one sentence, the temporary files are gone and the
// existing file is untouched.
func TestSignalDuringWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs and writes a large forecast")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "big.xlsx")
			if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
				t.Fatal(err)
			}
			// The workbook library spills large sheets to files of its own in
			// the temporary directory: they must go too.
			tmpDir := t.TempDir()
			cmd := corecast("run", "--iterations", "30000", "--seed", "1", "--force", "--out", out, "--quiet")
			cmd.Env = append(cmd.Env, "TMPDIR="+tmpDir)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Should the test fail half way, the process must not outlive it.
			t.Cleanup(func() { _ = cmd.Process.Kill() })
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			if !waitForTemp(t, dir, done) {
				t.Fatalf("corecast finished before its temporary file was seen; stderr: %s", stderr.String())
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := <-done
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Errorf("ended with %v, want exit code 1", err)
			}
			msg := stderr.String()
			if !strings.HasPrefix(msg, "corecast: cancelled") || strings.Count(msg, "\n") != 1 || strings.Contains(msg, "goroutine") {
				t.Errorf("stderr %q, want one line saying it was cancelled", msg)
			}
			if left := specialfiles.Names(t, dir); len(left) != 1 {
				t.Errorf("left behind: %v", left)
			}
			if b, _ := os.ReadFile(out); string(b) != "keep me" {
				t.Errorf("the existing file was changed")
			}
			if left := specialfiles.Names(t, tmpDir); len(left) != 0 {
				t.Errorf("left in the temporary directory: %v", left)
			}
		})
	}
}

// waitForTemp polls dir until a temporary file appears, and reports whether
// one did before the process ended. The bound is only a guard against a
// stuck process: a slow machine just takes longer.
func waitForTemp(t *testing.T, dir string, done <-chan error) bool {
	t.Helper()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	guard := time.After(10 * time.Minute)
	for {
		matches, err := filepath.Glob(filepath.Join(dir, ".*.tmp"))
		if err != nil {
			t.Fatal(err)
		}
		if len(matches) > 0 {
			return true
		}
		select {
		case err := <-done:
			t.Logf("corecast ended: %v", err)
			return false
		case <-guard:
			t.Fatal("no temporary file appeared")
		case <-tick.C:
		}
	}
}
