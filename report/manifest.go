package report

import (
	"corecast/model"
	"strings"
	"time"

	"corecast/data"
)

// manifestFields are the rows of the Manifest table. After the command come
// the rows that let the export be run again from itself alone (corecast
// verify, run --scenario-from): the hash of the inputs as read, the
// analyses, whether the Distribution is there, and the scenario in full.
var manifestFields = []string{"scenario", "corecast_version", "input_file", "input_sha256", "input_note",
	"run_date", "run_time_s", "seed", "iterations", "sampling", "base_year", "target_year", "horizon_year", "command", FieldPrecision,
	FieldInputsSHA256, FieldAnalyses, FieldDistribution, FieldScenarioTOML, FieldScenarioSources, "verify"}

// Manifest rows that a verifier reads.
const (
	// FieldInputsSHA256 is the SHA-256 of the inputs as the run read them
	// (HashInputs), which the Inputs sheet holds: a changed input row
	// changes it.
	FieldInputsSHA256 = "inputs_sha256"
	// FieldAnalyses records the analyses run (Analyses.String).
	FieldAnalyses = "analyses"
	// FieldDistribution says whether the Distribution is in the export.
	FieldDistribution = "distribution"
	// FieldScenarioTOML is the scenario as a scenario file, every key at
	// full precision.
	FieldScenarioTOML = "scenario_toml"
	// FieldScenarioSources records where each value not at its default
	// came from (model.Source), one "key<TAB>kind<TAB>detail" line each,
	// so that a run made again from the export words its Assumptions'
	// sources as the first did.
	FieldScenarioSources = "scenario_sources"
	// FieldPrecision says how a run to a precision chose its iterations
	// (PrecisionNote). It is a record, not a figure: the run it describes
	// is a plain run of the recorded iterations, which is what verify runs.
	FieldPrecision = "precision"
)

// Values of the distribution row.
const (
	DistributionIncluded = "included"
	DistributionLeftOut  = "left out (--no-distribution)"
)

// verifyHint is the verify row: what a reviewer runs to check the file.
const verifyHint = "corecast verify FILE, FILE being this export: it runs the scenarios again from this file alone and compares every figure"

// manifestValue returns one field of a run's manifest.
func manifestValue(b *book, k int, field string) any {
	m := b.runs[k].Manifest
	sc := b.runs[k].Result.Scenario
	switch field {
	case "scenario":
		return b.labels[k]
	case "corecast_version":
		return m.Version
	case "input_file":
		return m.Input.Name
	case "input_sha256":
		return m.Input.SHA256
	case "input_note":
		return m.Input.Note
	case "run_date":
		date := m.RunDate
		if !b.sourceDate.IsZero() {
			date = b.sourceDate
		}
		if date.IsZero() {
			return nil
		}
		return date.UTC().Format(time.RFC3339)
	case "run_time_s":
		if !b.sourceDate.IsZero() {
			return nil // differs from run to run: see the note
		}
		return cell{m.RunTime.Seconds(), kSeconds}
	case "seed":
		return seedValue(m.Seed)
	case "iterations":
		return cell{float64(m.Iterations), kCount}
	case "sampling":
		return string(m.Sampling)
	case "base_year":
		return sc.BaseYear.String()
	case "target_year":
		return sc.TargetYear.String()
	case "horizon_year":
		return sc.HorizonYear.String()
	case "command":
		return m.Command
	case FieldPrecision:
		if m.Precision == "" {
			return nil
		}
		return m.Precision
	case FieldInputsSHA256:
		return HashInputs("", b.runs[k].Inputs).SHA256
	case FieldAnalyses:
		return AnalysesOf(b.runs[k]).String()
	case FieldDistribution:
		if b.noDistribution {
			return DistributionLeftOut
		}
		return DistributionIncluded
	case FieldScenarioTOML:
		var w strings.Builder
		// A scenario that validated writes without error; should one not,
		// the row says so and verify refuses the file for want of it.
		if err := data.WriteScenarioTOML(&w, sc); err != nil {
			return "not recorded: " + err.Error()
		}
		return w.String()
	case FieldScenarioSources:
		return model.FormatSources(sc.Sources)
	case "verify":
		return verifyHint
	}
	return nil
}

// manifestSheet records how each run was made, one column per run.
func manifestSheet(b *book) *sheet {
	// Wrapped, so that a long command or note stays in its column instead
	// of being cut off by the next run's.
	cols := []column{{name: "field", wrap: true}}
	for _, l := range b.labels {
		cols = append(cols, column{name: l, kind: kMixed, input: true, wide: true, left: true, wrap: true})
	}
	// The values once: the table's rows are asked for more than once (to
	// size columns and rows), and the inputs' hash and the scenario's text
	// take work to make.
	values := make([][]any, len(manifestFields))
	for i, field := range manifestFields {
		values[i] = make([]any, len(b.runs))
		for k := range b.runs {
			values[i][k] = manifestValue(b, k, field)
		}
	}
	t := &table{name: "manifest", cols: cols, n: len(manifestFields)}
	t.row = func(i int, dst []any) {
		dst[0] = manifestFields[i]
		copy(dst[1:], values[i])
	}
	notes := []string{
		"To reproduce a run, give the same input file (check its SHA-256), the scenario as listed on the Assumptions sheet, and this seed and number of iterations: the numbers are identical whatever the number of workers.",
		"Every number is stored with all the digits it needs to read back exactly, in the workbook as in the CSV and JSON exports (Excel shows 15 significant digits of it).",
		"To check every figure, run corecast verify FILE on this file: from the file alone it rebuilds the inputs (the Inputs sheet), each scenario (scenario_toml, every key in full) and the analyses (analyses), runs them again with the same seed and iterations and compares every number. inputs_sha256 is the SHA-256 of the inputs as read (the trusts, funding and observed rows in a canonical CSV form), which the Inputs sheet holds; input_sha256 is that of the file given.",
	}
	if !b.sourceDate.IsZero() {
		notes = append(notes, SourceDateEpochVar+" was set: run_date is its date and run_time_s is left blank, since the time a run takes differs from one run to the next, so that the same runs give a file identical to the byte.")
	}
	for k, r := range b.runs {
		if n := seedNote(r.Manifest.Seed); n != "" {
			notes = append(notes, "The seed of "+b.labels[k]+" is "+n+".")
		}
		// A scenario changed in the TUI is reproduced from the Assumptions
		// sheet, not from the file it was loaded from.
		if n := editedNote(b, k); n != "" {
			notes = append(notes, n)
		}
	}
	return &sheet{name: SheetManifest, tables: []*table{t}, notes: notes}
}
