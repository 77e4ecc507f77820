package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"corecast/data"
)

// processRun is one whole corecast process: its wall time and peak memory.
type processRun struct {
	wall time.Duration
	// peak is the process's peak resident memory in bytes; -1 when the
	// system does not say.
	peak int64
}

// benchProcess runs corecast itself as child processes on a sample
// workbook in a directory of its own, which close removes.
type benchProcess struct {
	exe  string // this program
	dir  string // the temporary directory
	book string // the sample workbook in it
}

// newBenchProcess writes the sample workbook to a new temporary directory
// for child processes of this program to read.
func newBenchProcess(ctx context.Context) (*benchProcess, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding this program to run it as a whole process: %w", err)
	}
	dir, err := os.MkdirTemp("", "corecast-bench-")
	if err != nil {
		return nil, fmt.Errorf("making a directory for the whole-process runs: %w", err)
	}
	p := &benchProcess{exe: exe, dir: dir, book: filepath.Join(dir, "sample.xlsx")}
	if err := data.WriteSampleWorkbookContext(ctx, p.book, false); err != nil {
		p.close()
		return nil, fmt.Errorf("writing the sample workbook for the whole-process runs: %w", err)
	}
	return p, nil
}

// close removes the temporary directory and everything in it.
func (p *benchProcess) close() { _ = os.RemoveAll(p.dir) }

// runArgs are the arguments of corecast run on the sample workbook with n
// iterations, writing out (a file name in the temporary directory).
func (p *benchProcess) runArgs(n int, out string, noDist bool) []string {
	args := []string{"run", "--input", p.book, "--iterations", strconv.Itoa(n),
		"--out", filepath.Join(p.dir, out), "--force", "--quiet"}
	if noDist {
		args = append(args, "--no-distribution")
	}
	return args
}

// run runs this program once with args and times it.
func (p *benchProcess) run(ctx context.Context, args []string) (processRun, error) {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, p.exe, args...)
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		if ctx.Err() != nil {
			return processRun{}, ctx.Err()
		}
		return processRun{}, fmt.Errorf("corecast %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	r := processRun{wall: wall, peak: -1}
	if peak, ok := peakMemory(cmd.ProcessState); ok {
		r.peak = peak
	}
	return r, nil
}

// fastest runs each command line repeat times, taking turns so that a
// change in the machine's load falls on all of them, and returns for each
// the shortest wall time with the largest peak memory of its runs.
func (p *benchProcess) fastest(ctx context.Context, repeat int, argss ...[]string) ([]processRun, error) {
	best := make([]processRun, len(argss))
	for i := range best {
		best[i] = processRun{wall: time.Duration(math.MaxInt64), peak: -1}
	}
	for range repeat {
		for i, args := range argss {
			r, err := p.run(ctx, args)
			if err != nil {
				return nil, err
			}
			best[i].wall = min(best[i].wall, r.wall)
			best[i].peak = max(best[i].peak, r.peak)
		}
	}
	return best, nil
}
