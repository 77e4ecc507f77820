package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
	"corecast/report"
)

func newValidateCommand(opts Options) *cobra.Command {
	var mapPath string
	cmd := &cobra.Command{
		Use:   "validate BOOK [BOOK|scenario.toml]...",
		Short: "Check workbooks, CSV directories and scenario files, listing every problem",
		Long: `Check each workbook (.xlsx), directory of CSV files or scenario file (.toml) and
list every problem found, one per line, naming the file, sheet, row and column,
then the notes on how each input was read (every conversion made). Every
argument is checked, even after one fails. Exits 2 if any problem was found,
0 if none.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(fmt.Errorf("%s wants at least one workbook, CSV directory or scenario file; see %s --help", cmd.CommandPath(), cmd.CommandPath()))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			// A report that cannot be written is a failure of its own
			// (exit 1), not the count of problems it was to list.
			out := &stickyWriter{w: cmd.OutOrStdout()}
			var m *data.Mapping
			total := 0
			if mapPath != "" {
				var err error
				if m, err = data.LoadMapping(mapPath); err != nil {
					total += printProblems(out, err)
				}
			}
			for _, path := range args {
				n, err := validateOne(out, path, m, len(args) > 1)
				if err != nil {
					// A file that cannot be read at all is one problem; the
					// other arguments are still checked.
					n = printProblems(out, err)
				}
				total += n
			}
			if out.err != nil {
				return fmt.Errorf("cannot write the report: %w", out.err)
			}
			if total > 0 {
				plural := "s"
				if total == 1 {
					plural = ""
				}
				return &ExitError{Code: ExitInvalid, Err: fmt.Errorf("%d problem%s found", total, plural)}
			}
			return nil
		},
	}
	registerMap(cmd, &mapPath)
	return cmd
}

// validateOne checks one path, printing its problems (or an ok line), then
// its notes, to w, and returns how many problems it found; named puts the
// path in the ok line. Errors that are not about the file's contents (it
// cannot be read) are returned.
func validateOne(w io.Writer, path string, m *data.Mapping, named bool) (int, error) {
	if strings.EqualFold(filepath.Ext(path), ".toml") {
		sc, err := data.LoadScenarioTOML(path)
		if err != nil {
			return printProblems(w, err), nil
		}
		_, err = fmt.Fprintf(w, "ok: %s: scenario %q\n", path, sc.Name)
		return 0, err
	}
	// An export is checked as --input reads it: by its Inputs sheet.
	var loaded data.Loaded
	var err error
	if report.LooksLikeExport(path) {
		loaded.Inputs, loaded.Notes, err = loadExportInputs(path)
	} else {
		loaded, err = data.Load(path, m)
	}
	var ps data.Problems
	if errors.As(err, &ps) {
		return printProblems(w, err), nil
	}
	if err != nil {
		return 0, err
	}
	kv := loaded.Scenario
	sc := model.DefaultScenario()
	n := 0
	if err := data.ApplyScenarioSheet(&sc, kv); err != nil {
		n = printProblems(w, err)
	} else if err := sc.Validate(); err != nil {
		n = printProblems(w, prefixLines(scenarioSheetName(kv), err))
	} else if err := forecast.Check(loaded.Inputs, sc); err != nil {
		n = printProblems(w, fmt.Errorf("%s: %w", path, err))
	}
	if n == 0 {
		extra := ""
		if len(kv) > 0 {
			extra = fmt.Sprintf(", %d scenario settings", len(kv))
		}
		label := ""
		if named {
			label = path + ": "
		}
		if _, err := fmt.Fprintf(w, "ok: %s%d trusts, %d funding rows%s\n", label, len(loaded.Inputs.Trusts), len(loaded.Inputs.Funding), extra); err != nil {
			return 0, err
		}
	}
	for _, l := range loaded.Notes.Lines() {
		if _, err := fmt.Fprintf(w, "note: %s\n", l); err != nil {
			return n, err
		}
	}
	return n, nil
}

// printProblems writes each problem in err on its own line and returns how
// many lines there were.
func printProblems(w io.Writer, err error) int {
	var lines []string
	var ps data.Problems
	if errors.As(err, &ps) && ps.Error() == err.Error() {
		lines = ps.Lines()
	} else {
		lines = strings.Split(err.Error(), "\n")
	}
	n := 0
	for _, line := range lines {
		if line != "" {
			fmt.Fprintln(w, line)
			n++
		}
	}
	return n
}

// stickyWriter writes to w and keeps the first error, so that a long
// report need not check every line and its writer can tell at the end.
type stickyWriter struct {
	w   io.Writer
	err error
}

// Write writes p unless an earlier write failed.
func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}
