// Command corecast forecasts, with honest uncertainty, how much national
// investment NHS trusts in England need to reach core digitisation and by
// when. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"slices"

	"corecast/cli"
	"corecast/ui"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:]))
}

// run carries out the command line args and returns the exit code. Any of
// the stop signals cancels the context the command runs under instead of
// killing the process, so that a file being written is abandoned cleanly
// (its temporary file removed, the destination left as it was) and the
// command ends with a one-sentence message and a failure code. Signals that
// arrive while it cleans up are ignored.
func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals()...)
	defer stop()
	return cli.Execute(ctx, args, cli.Options{Version: version, Stdout: os.Stdout, Stderr: os.Stderr, RunTUI: tui})
}

// tui opens the interactive program on a loaded session. An export whose
// scenarios were taken (--scenario-from) is one of the files the session
// read, which nothing the program writes may replace.
func tui(ctx context.Context, s cli.Session) error {
	read := s.ScenarioPaths
	if s.ScenarioFrom != "" {
		read = append(slices.Clip(read), s.ScenarioFrom)
	}
	opts := []ui.Option{ui.WithContext(ctx), ui.WithInput(s.InputPath), ui.WithInputDigest(s.InputDigest),
		ui.WithScenarioFiles(read), ui.WithMap(s.MapPath), ui.WithVersion(version), ui.WithImportNotes(s.Notes.Lines()),
		ui.WithInputLoader(inputLoader(s)), ui.WithScenarioSources(s.ScenarioPaths)}
	if s.Watch {
		opts = append(opts, ui.WithWatch(0))
	}
	if s.Precision.Target > 0 {
		opts = append(opts, ui.WithPrecision(s.Precision))
	}
	return ui.Run(s.Inputs, s.Scenarios, opts...)
}

// inputLoader reads inputs for the program as the command line does. The
// --map file describes the headings of the --input workbook, so it is read
// with that workbook (saved again) and not with another one opened.
func inputLoader(s cli.Session) ui.InputLoader {
	return func(path string) (ui.Loaded, error) {
		mapPath := ""
		if path == s.InputPath {
			mapPath = s.MapPath
		}
		l, err := cli.LoadInputs(path, mapPath)
		if err != nil {
			return ui.Loaded{}, err
		}
		return ui.Loaded{Inputs: l.Inputs, Notes: l.Notes.Lines(), Digest: l.InputDigest}, nil
	}
}
