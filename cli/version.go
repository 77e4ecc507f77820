package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func newVersionCommand(opts Options) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print corecast's version",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "corecast %s\n", Version(opts.Version))
			return err
		},
	}
}

// Version returns the version to report: v when set (by -ldflags) and not
// "dev", otherwise the module version recorded at build time, otherwise
// "dev", with the commit when the build recorded one.
func Version(v string) string {
	if v != "" && v != "dev" {
		return v
	}
	v = "dev"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if mv := info.Main.Version; mv != "" && mv != "(devel)" {
		v = mv
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		if dirty {
			rev += ", modified"
		}
		v += " (commit " + rev + ")"
	}
	return v
}
