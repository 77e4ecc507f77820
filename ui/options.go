package ui

import (
	"context"
	"corecast/forecast"
	"fmt"
	"time"

	"corecast/data"
	"corecast/model"
	"corecast/ui/common"
)

// config is what Options set.
type config struct {
	workers       int
	debounce      time.Duration
	formatElapsed func(time.Duration) string
	files         *common.Files
	start         Screen
	inputPath     string             // the input file, "" for the embedded sample
	inputDigest   data.Digest        // the SHA-256 of the input as it was loaded
	scenarioPaths []string           // scenario files the session was started with
	mapPath       string             // the --map file, "" for none
	precision     forecast.Precision // run each scenario to this precision, when set
	earlierInputs []string           // inputs read before the one open now (O)
	version       string             // corecast version, for export manifests
	parent        context.Context
	workDir       string   // "" for the working directory
	importNotes   []string // how the inputs were read
	runStarted    func(model.Scenario)
	// loadInput reads a workbook or CSV directory: a saved input read
	// again (watch) or another one opened (O). Nil: neither is offered.
	loadInput InputLoader
	// watch is set when saved input and scenario files are read again,
	// watchDelay after the last change to them.
	watch      bool
	watchDelay time.Duration
	// scenarioSources names the file each scenario was loaded from, in
	// order, for the watch; "" for one that came from no file of its own.
	scenarioSources []string
}

// Option changes how the program runs.
type Option func(*config)

// WithWorkers sets the forecast's worker goroutines (0: one per CPU).
func WithWorkers(n int) Option { return func(c *config) { c.workers = n } }

// WithDebounce sets how long the program waits after an edit before it
// recomputes; further edits within that time restart the wait.
func WithDebounce(d time.Duration) Option { return func(c *config) { c.debounce = d } }

// WithElapsedFormat sets how the status bar writes a run's duration. Tests
// use it to keep views independent of the machine's speed.
func WithElapsedFormat(f func(time.Duration) string) Option {
	return func(c *config) { c.formatElapsed = f }
}

// WithFiles replaces the file readers and writers (scenario TOML and export).
func WithFiles(f common.Files) Option { return func(c *config) { c.files = &f } }

// WithStartScreen opens the program on the given screen.
func WithStartScreen(s Screen) Option { return func(c *config) { c.start = s } }

// WithInput names the input workbook or CSV directory the inputs came from
// ("" for the embedded sample): exports record its hash and never replace it.
func WithInput(path string) Option { return func(c *config) { c.inputPath = path } }

// WithInputDigest gives the SHA-256 of the input's bytes as they were
// loaded, which exports record in their manifest.
func WithInputDigest(d data.Digest) Option { return func(c *config) { c.inputDigest = d } }

// WithScenarioFiles names the scenario files the session was started with,
// which exports and scenario writes never replace.
func WithScenarioFiles(paths []string) Option {
	return func(c *config) { c.scenarioPaths = append([]string(nil), paths...) }
}

// WithPrecision runs every forecast to a precision (run --precision's
// rule: from the scenario's iterations up, doubling, until the standard
// errors of mean total need and P(all core) are within p.Target, or p.Max).
func WithPrecision(p forecast.Precision) Option { return func(c *config) { c.precision = p } }

// WithMap names the map file the inputs were read with, which exports and
// scenario writes never replace.
func WithMap(path string) Option { return func(c *config) { c.mapPath = path } }

// WithImportNotes gives the notes on how the inputs were read, which the
// Data view (n on the Trusts screen) lists.
func WithImportNotes(notes []string) Option {
	return func(c *config) { c.importNotes = append([]string(nil), notes...) }
}

// WithRunStarted has f told, on the update loop, the scenario of every
// forecast the program starts. Tests use it to check what was run.
func WithRunStarted(f func(model.Scenario)) Option { return func(c *config) { c.runStarted = f } }

// WithContext ends the program when ctx is cancelled. The program then
// leaves SIGINT and SIGTERM to the caller, who should cancel ctx on them.
func WithContext(ctx context.Context) Option { return func(c *config) { c.parent = ctx } }

// WithWorkDir sets the directory relative file paths are taken from,
// instead of the working directory.
func WithWorkDir(dir string) Option { return func(c *config) { c.workDir = dir } }

// WithVersion sets the corecast version recorded in export manifests.
func WithVersion(v string) Option { return func(c *config) { c.version = v } }

// Loaded is the inputs read from a workbook or CSV directory, with the
// notes on how they were read and the SHA-256 of what was read.
type Loaded struct {
	Inputs model.Inputs
	Notes  []string
	Digest data.Digest
}

// InputLoader reads the inputs at path, a workbook or CSV directory. Its
// error lists every problem found, one a line.
type InputLoader func(path string) (Loaded, error)

// WithInputLoader gives the program the reader of inputs, which --watch
// and O (open another workbook) use. The program cannot reach the command
// line's loaders itself; the caller passes them in.
func WithInputLoader(f InputLoader) Option { return func(c *config) { c.loadInput = f } }

// WithWatch reads the input and the scenario files again when they are
// saved, delay after the last change to them (300 ms when delay is 0):
// a spreadsheet program's save is several changes, a new file written and
// renamed over the old one. It needs WithInputLoader for the input.
func WithWatch(delay time.Duration) Option {
	return func(c *config) {
		c.watch = true
		c.watchDelay = delay
		if delay <= 0 {
			c.watchDelay = 300 * time.Millisecond
		}
	}
}

// WithScenarioSources names the file each scenario was loaded from, in
// the scenarios' order ("" for one with no file of its own), so that the
// watch reads a saved one again.
func WithScenarioSources(paths []string) Option {
	return func(c *config) { c.scenarioSources = append([]string(nil), paths...) }
}

func defaultConfig() config {
	return config{debounce: 150 * time.Millisecond, formatElapsed: formatElapsed, version: "dev"}
}

// formatElapsed writes a duration the way a person reads it at a glance.
func formatElapsed(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return d.Round(time.Second).String()
}
