package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
)

// Run is one forecast to export: the result, the inputs it was run on and
// the manifest a reviewer needs to reproduce it.
type Run struct {
	Result   *forecast.Result
	Inputs   model.Inputs
	Manifest Manifest
	// Sensitivity, if set, is the tornado and rank-correlation analysis of
	// Result's scenario; it fills the Sensitivity sheet.
	Sensitivity *forecast.SensitivityResult
	// GoalSeek holds the goal-seek answers for Result's scenario, one per
	// lever sought; they fill the GoalSeek sheet.
	GoalSeek []*forecast.GoalSeekResult
	// Frontier, if set, is the investment frontier and price of confidence of
	// Result's scenario; Phased the phased goal seek. They fill the Frontier
	// sheet.
	Frontier *forecast.FrontierResult
	Phased   *forecast.PhasedResult
	// Investment holds the goal seek's answers as money by year, one
	// table per answer (the phased one first when there is one); they
	// fill the InvestmentNeeded sheet.
	Investment []*forecast.Investment
}

// Source identifies the input a run read.
type Source struct {
	// Name is the input file name as given, or "embedded sample".
	Name string
	// SHA256 is the hex SHA-256 of the input's bytes.
	SHA256 string
	// Note says what was hashed when it is not simply the file, e.g. the
	// canonical form of the embedded sample.
	Note string
	// ImportNotes are the notes of how the input was read (a percentage read
	// as points, £000 divided to £m, a formula calculated, a row skipped),
	// so that a reviewer sees every conversion made.
	ImportNotes []string
}

// SampleName is the Source name of the embedded sample workbook.
const SampleName = "embedded sample"

// Manifest records how a run was made.
type Manifest struct {
	Version    string    // corecast version
	Input      Source    // what was read
	RunDate    time.Time // when the run finished
	RunTime    time.Duration
	Seed       uint64
	Iterations int
	Sampling   model.Sampling
	// Command is the command line that reproduces the run, if known.
	Command string
	// Precision says how a run to a precision chose Iterations
	// (PrecisionNote); empty for a run of the scenario's own iterations.
	Precision string
}

// NewRun bundles a result with its inputs and a manifest filled from the
// result's scenario: seed, iterations, sampling and run time. version is the
// corecast version; at is the run date.
func NewRun(res *forecast.Result, in model.Inputs, src Source, version string, at time.Time) Run {
	sc := res.Scenario
	// The run's own notes on its inputs join the import notes, so the
	// export carries every reading a reviewer needs to know of.
	if notes := UncountedNotes(res); len(notes) > 0 {
		src.ImportNotes = append(slices.Clip(src.ImportNotes), notes...)
	}
	return Run{Result: res, Inputs: in, Manifest: Manifest{
		Version: version, Input: src, RunDate: at, RunTime: res.Elapsed,
		Seed: sc.Seed, Iterations: res.Iterations, Sampling: sc.Sampling,
		Precision: PrecisionNote(res.Precision),
	}}
}

// UncountedNotes note each NATIONAL row of the run that does not count
// (planned, without include_planned): it sets no year's envelope (DESIGN
// §5 step 5), so a bid for more money never lowers the envelope.
func UncountedNotes(res *forecast.Result) []string {
	var out []string
	for _, f := range res.UncountedNational {
		out = append(out, fmt.Sprintf("the %s NATIONAL row for %s (£%sm) is not counted (include_planned = false), so it sets no year's envelope",
			f.Status, f.Year, format.Thousands(f.NationalM)))
	}
	return out
}

// HashBytes returns the Source of an input held in memory, such as the
// embedded sample: name, the SHA-256 of b and a note saying what b is.
func HashBytes(name string, b []byte, note string) Source {
	sum := sha256.Sum256(b)
	return Source{Name: name, SHA256: hex.EncodeToString(sum[:]), Note: note}
}
