package common

import (
	"context"

	"corecast/forecast"
	"corecast/model"
)

// Files is the file work the TUI asks for. The root fills it with the data
// packages' readers and writers; tests may point it elsewhere.
type Files struct {
	// LoadScenario reads a scenario TOML file.
	LoadScenario func(path string) (model.Scenario, error)
	// SaveScenario writes a scenario TOML file, replacing an existing file
	// only when overwrite is set (the error wraps fs.ErrExist otherwise).
	SaveScenario func(path string, sc model.Scenario, overwrite bool) error
	// SaveProject writes a project file: the session's input and every
	// scenario given, likewise replacing a file only when overwrite is set.
	SaveProject func(path string, scenarios []model.Scenario, overwrite bool) error
	// CheckExport reports, before any work, whether Export could write the
	// path without replacing anything (the error wraps fs.ErrExist if not).
	CheckExport func(path, format string) error
	// Export writes results in one of ExportFormats.
	Export func(ctx context.Context, req ExportRequest) error
	// ExportFormats lists the formats Export writes, the default first.
	ExportFormats []string
}

// ExportRequest is one export the user asked for.
type ExportRequest struct {
	Path      string
	Format    string
	Overwrite bool
	Inputs    model.Inputs
	// Results are the results to write, the current scenario's first.
	Results []*forecast.Result
	// Analyses holds, for each of Results, what the screens computed of it.
	Analyses []Analyses
	// Progress, if set, is called as the export advances.
	Progress func(done, total int)
}
