package cli

import (
	"context"
	"corecast/forecast"
	"corecast/internal/safetext"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// TUIFunc runs the interactive program on a loaded session and returns when
// the user quits.
type TUIFunc func(ctx context.Context, s Session) error

// Options configure the command tree.
type Options struct {
	Version string    // shown by corecast version; "dev" when empty
	Stdout  io.Writer // normal output
	Stderr  io.Writer // errors and notes
	// RunTUI opens the interactive program. When nil, the root command prints
	// a one-screen summary of the loaded inputs and scenarios instead.
	RunTUI TUIFunc
}

// Execute runs the command line args (without the program name) and returns
// the exit code. Errors are written to opts.Stderr; a panic is reported as an
// internal error, never as a trace.
func Execute(ctx context.Context, args []string, opts Options) (code int) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	// Every message may quote input text (a scenario name, a key, a cell):
	// none of it reaches the terminal raw. Data written to standard output
	// (JSON) goes underneath, through rawWriter.
	opts.Stderr = safetext.NewWriter(opts.Stderr)
	opts.Stdout = safetext.NewWriter(opts.Stdout)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(opts.Stderr, "corecast: internal error: %v\n", r)
			code = ExitFailure
		}
	}()
	root := NewRootCommand(opts)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil {
		printError(opts.Stderr, err)
	}
	return ExitCode(err)
}

// rawWriter is the writer underneath w's escaping, for data (a JSON export
// to standard output) that must be written exactly.
func rawWriter(w io.Writer) io.Writer {
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		return u.Unwrap()
	}
	return w
}

// printError writes err to w, one sentence a line, each prefixed "corecast: ".
func printError(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		if line != "" {
			fmt.Fprintf(w, "corecast: %s\n", line)
		}
	}
}

// NewRootCommand builds the corecast command with its subcommands.
func NewRootCommand(opts Options) *cobra.Command {
	var flags sessionFlags
	var watch bool
	var prec forecast.Precision
	root := &cobra.Command{
		Use:   "corecast [--input book.xlsx|csv-dir] [--scenario s.toml]...",
		Short: "Forecast the national investment NHS trusts need to reach core digitisation",
		Long: `corecast forecasts, with honest uncertainty, how much national investment NHS
trusts in England need to reach core digitisation and by when they can get there.

Without --input it opens on the embedded sample workbook: real trust names,
codes, types and regions, with illustrative numbers.`,
		Args:          noArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := flags.load(opts.Stderr)
			if err != nil {
				return err
			}
			s.Watch = watch
			if prec.Target != 0 {
				for _, sc := range s.Scenarios {
					if err := prec.Check(sc.Iterations); err != nil {
						return usageError(fmt.Errorf("--precision: %w", err))
					}
				}
				s.Precision = prec
			}
			if opts.RunTUI != nil {
				return opts.RunTUI(cmd.Context(), s)
			}
			return PrintSummary(opts.Stdout, s)
		},
	}
	root.SetOut(opts.Stdout)
	root.SetErr(opts.Stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	root.CompletionOptions.DisableDefaultCmd = true
	flags.register(root)
	root.Flags().Float64Var(&prec.Target, "precision", 0, "run each forecast until the standard errors of mean total need (relative) and P(all core) (absolute) are at most this, e.g. 0.005, as run --precision does")
	root.Flags().IntVar(&prec.Max, "max-iterations", forecast.DefaultMaxIterations, "the most iterations --precision runs")
	root.Flags().BoolVar(&watch, "watch", false, "reload the input workbook or CSV files and the scenario files when they are saved, and recompute")
	for _, c := range subcommands(opts) {
		root.AddCommand(c)
	}
	return root
}

// subcommands lists corecast's commands. A new command (corecast run) is
// added here.
func subcommands(opts Options) []*cobra.Command {
	return []*cobra.Command{
		newVersionCommand(opts),
		newSampleCommand(opts),
		newValidateCommand(opts),
		newRunCmd(opts),
		newCalibrateCommand(opts),
		newVerifyCommand(opts),
		newBenchCommand(opts),
	}
}

// sessionFlags are the flags that choose the inputs and scenarios.
type sessionFlags struct {
	input     string
	mapPath   string
	scenarios []string
	// scenarioFrom is an export whose scenarios to take (--scenario-from).
	scenarioFrom string
	// project is a project file giving the input and scenarios
	// (--project); loaded is the session it gave, whose input and map
	// are then files the session reads.
	project string
	loaded  Session
}

func (f *sessionFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.input, "input", "", "workbook (.xlsx), directory of CSV files, or a corecast export (its Inputs sheet) to read; the embedded sample when not given")
	cmd.Flags().StringArrayVar(&f.scenarios, "scenario", nil, "scenario file (TOML); repeat for several scenarios")
	cmd.Flags().StringVar(&f.scenarioFrom, "scenario-from", "", "take the scenarios of a corecast export (.xlsx, .json, .zip or CSV directory), every key as it ran")
	cmd.Flags().StringVar(&f.project, "project", "", "project file (TOML) giving the input and every scenario, as the TUI's W writes it")
	registerMap(cmd, &f.mapPath)
}

// load loads the session the flags choose.
func (f *sessionFlags) load(notes io.Writer) (s Session, err error) {
	if f.project != "" {
		if f.input != "" || f.mapPath != "" || len(f.scenarios) > 0 || f.scenarioFrom != "" {
			return Session{}, usageError(fmt.Errorf("--project %s gives the input and the scenarios: leave out --input, --map, --scenario and --scenario-from", f.project))
		}
		s, err = LoadProject(f.project, notes)
	} else {
		s, err = LoadSessionFrom(f.input, f.mapPath, f.scenarios, f.scenarioFrom, notes)
	}
	f.loaded = s
	return s, err
}

// reads lists the files the flags name to read, which no output may
// replace: with --project, the input and map it names too, once loaded.
func (f *sessionFlags) reads() []string {
	return append([]string{f.input, f.mapPath, f.scenarioFrom, f.project, f.loaded.InputPath, f.loaded.MapPath}, f.scenarios...)
}

// registerMap adds --map, accepted wherever an input is read.
func registerMap(cmd *cobra.Command, path *string) {
	cmd.Flags().StringVar(path, "map", "", "map file (TOML) naming the column and unit of any field the workbook's headings do not match")
}

// noArgs refuses positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError(fmt.Errorf("unknown command or argument %q; see %s --help", args[0], cmd.CommandPath()))
	}
	return nil
}

// exactArgs wants n positional arguments, naming them in the error.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError(fmt.Errorf("%s wants %s; see %s --help", cmd.CommandPath(), what, cmd.CommandPath()))
		}
		return nil
	}
}
