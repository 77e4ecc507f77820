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
	cmd := &cobra.Command{
		Use:   "sample out.xlsx",
		Short: "Write the embedded sample workbook for you to edit",
		Long: `Write the embedded sample workbook: the 217 NHS trusts of England in 2020 (real
ODS codes, names, types and regions, Open Government Licence v3.0) with
illustrative operating expenditure, maturity and funding. Its About sheet says
which numbers are illustrative. An existing file is kept unless --force is
given; --force replaces only a regular file (through a symbolic link, the file
it points to, keeping the link), never a directory, device or pipe.`,
		Args: exactArgs(1, "one argument, the workbook to write (out.xlsx)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
				return usageError(fmt.Errorf("%s: want a file name ending .xlsx", path))
			}
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			if err := data.WriteSampleWorkbookContext(ctx, path, force); err != nil {
				return runError(ctx, err)
			}
			in, err := data.Sample()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d trusts, %d funding rows (illustrative numbers; see its About sheet)\n", path, len(in.Trusts), len(in.Funding))
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists (a regular file only)")
	return cmd
}
