package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"corecast/data"
)

func newSampleCommand(opts Options) *cobra.Command {
	var force bool
	var trusts int
	cmd := &cobra.Command{
		Use:   "sample [--trusts N] out.xlsx",
		Short: "Write the embedded sample workbook for you to edit",
		Long: `Write the embedded sample workbook: the 217 NHS trusts of England in 2020 (real
ODS codes, names, types and regions, Open Government Licence v3.0) with
illustrative operating expenditure, maturity and funding. Its About sheet says
which numbers are illustrative. An existing file is kept unless --force is
given; --force replaces only a regular file (through a symbolic link, the file
it points to, keeping the link), never a directory, device or pipe.

--trusts N writes instead an illustrative portfolio of N trusts made from the
sample, for benchmarks and comparisons at sizes the NHS does not have: the
sample's trusts repeated (copy k's codes end -k; below 217, the first N), each
with its funding rows, and the NATIONAL envelope scaled by N/217. It has no
Observed sheet; its About sheet says how it was made. --trusts 217 writes the
sample.`,
		Example: `  corecast sample book.xlsx
  corecast sample --trusts 20000 big.xlsx`,
		Args: exactArgs(1, "one argument, the workbook to write (out.xlsx)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
				return usageError(fmt.Errorf("%s: want a file name ending .xlsx", path))
			}
			if cmd.Flags().Changed("trusts") && (trusts < 1 || trusts > data.MaxPortfolioTrusts) {
				return usageError(fmt.Errorf("--trusts %d: want 1 to %d (a Trusts sheet corecast loads holds at most %d rows, heading included)", trusts, data.MaxPortfolioTrusts, data.MaxRows))
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			return writePortfolio(ctx, cmd, path, trusts, force)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists (a regular file only)")
	cmd.Flags().IntVar(&trusts, "trusts", 0, "write an illustrative portfolio of this many trusts: the sample's repeated with new codes, the envelope scaled (default: the sample)")
	return cmd
}

// writePortfolio writes the illustrative portfolio of n trusts to path,
// the embedded sample when n is 0 or the sample's size, and says so.
func writePortfolio(ctx context.Context, cmd *cobra.Command, path string, n int, force bool) error {
	sample, err := data.Sample()
	if err != nil {
		return err
	}
	if n == 0 {
		n = len(sample.Trusts)
	}
	in, err := data.IllustrativePortfolio(n)
	if err != nil {
		return err
	}
	if err := data.WritePortfolioWorkbookContext(ctx, path, n, force); err != nil {
		return runError(ctx, err)
	}
	what := "illustrative numbers; see its About sheet"
	if n != len(sample.Trusts) {
		what = "an illustrative portfolio: the sample's trusts repeated, the envelope scaled; see its About sheet"
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d trusts, %d funding rows (%s)\n", path, len(in.Trusts), len(in.Funding), what)
	return err
}
