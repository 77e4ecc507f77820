package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"corecast/data"
	"corecast/model"
)

func newValidateCommand(opts Options) *cobra.Command {
	return &cobra.Command{
		Use:   "validate BOOK [BOOK|scenario.toml]...",
		Short: "Check workbooks, CSV directories and scenario files, listing every problem",
		Long: `Check each workbook (.xlsx), directory of CSV files or scenario file (.toml) and
list every problem found, one per line, naming the file, sheet, row and column.
Exits 2 if any problem was found, 0 if none.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(fmt.Errorf("%s wants at least one workbook, CSV directory or scenario file; see %s --help", cmd.CommandPath(), cmd.CommandPath()))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			total := 0
			for _, path := range args {
				n, err := validateOne(cmd.OutOrStdout(), path, len(args) > 1)
				if err != nil {
					return err
				}
				total += n
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
}

// validateOne checks one path, printing its problems (or an ok line) to w,
// and returns how many problems it found; named puts the path in the ok line. Errors that are not about the
// file's contents (it cannot be read) are returned.
func validateOne(w io.Writer, path string, named bool) (int, error) {
	if strings.EqualFold(filepath.Ext(path), ".toml") {
		sc, err := data.LoadScenarioTOML(path)
		if err != nil {
			return printProblems(w, err), nil
		}
		_, err = fmt.Fprintf(w, "ok: %s: scenario %q\n", path, sc.Name)
		return 0, err
	}
	in, kv, err := data.Load(path)
	var ps data.Problems
	if errors.As(err, &ps) {
		return printProblems(w, err), nil
	}
	if err != nil {
		return 0, err
	}
	sc := model.DefaultScenario()
	if err := data.ApplyScenarioSheet(&sc, kv); err != nil {
		return printProblems(w, err), nil
	}
	if err := sc.Validate(); err != nil {
		return printProblems(w, prefixLines(scenarioSheetName(kv), err)), nil
	}
	extra := ""
	if len(kv) > 0 {
		extra = fmt.Sprintf(", %d scenario settings", len(kv))
	}
	label := ""
	if named {
		label = path + ": "
	}
	_, err = fmt.Fprintf(w, "ok: %s%d trusts, %d funding rows%s\n", label, len(in.Trusts), len(in.Funding), extra)
	return 0, err
}

// printProblems writes each problem in err on its own line and returns how
// many there were.
func printProblems(w io.Writer, err error) int {
	n := 0
	for _, line := range strings.Split(err.Error(), "\n") {
		if line != "" {
			fmt.Fprintln(w, line)
			n++
		}
	}
	return n
}
