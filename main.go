// Command corecast forecasts, with honest uncertainty, how much national
// investment NHS trusts in England need to reach core digitisation and by
// when. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"

	"corecast/cli"
	"corecast/ui"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Execute(ctx, os.Args[1:], cli.Options{Version: version, Stdout: os.Stdout, Stderr: os.Stderr, RunTUI: tui})
	stop()
	os.Exit(code)
}

// tui opens the interactive program on a loaded session.
func tui(ctx context.Context, s cli.Session) error {
	return ui.Run(s.Inputs, s.Scenarios, ui.WithContext(ctx), ui.WithInput(s.InputPath),
		ui.WithScenarioFiles(s.ScenarioPaths), ui.WithVersion(version), ui.WithImportNotes(s.Notes.Lines()))
}
