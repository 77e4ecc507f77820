package report

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
)

// Export is a corecast export read back: what its Manifest records of each
// run and the inputs the runs read (the Inputs sheet), from the file alone.
type Export struct {
	Path   string // the file or directory read
	Format Format // its format
	// Zip says a CSV export is a .zip rather than a directory.
	Zip  bool
	Runs []ExportRun
	// Inputs are the distinct inputs of the runs, as the Inputs sheet
	// holds them.
	Inputs []ExportInputs
	// NoDistribution says the Distribution was left out.
	NoDistribution bool
	// SourceDate is the one date of a file written with SOURCE_DATE_EPOCH
	// set; zero otherwise.
	SourceDate time.Time
}

// ExportRun is what the Manifest records of one run.
type ExportRun struct {
	// Label is the scenario's name as the export labels it.
	Label   string
	Version string // the corecast version that wrote it
	// Input is the input as the Manifest names it, with the notes of how
	// it was read from the Inputs sheet.
	Input Source
	// InputsSet is the run's entry of Export.Inputs.
	InputsSet int
	RunDate   time.Time
	RunTime   time.Duration
	Command   string
	// Precision is the Manifest's precision row (Manifest.Precision).
	Precision string
	// ScenarioTOML is the scenario as a scenario file; empty in a file
	// written before exports recorded it.
	ScenarioTOML string
	// ScenarioSources is where each value came from (model.FormatSources).
	ScenarioSources string
	// Analyses is the analyses row (ParseAnalyses reads it).
	Analyses string
	// InputsSHA256 is the hash of the inputs as the run read them
	// (HashInputs); empty in a file written before exports recorded it.
	InputsSHA256 string
}

// ExportInputs is one input of the runs as the Inputs sheet holds it.
type ExportInputs struct {
	Name                      string
	Trusts, Funding, Observed data.Records
}

// ReadExport reads an export (a workbook, a CSV .zip or directory, or a
// JSON document) for what it records of its runs and their inputs. A file
// that is not a corecast export gives a *NotExportError.
func ReadExport(path string) (_ *Export, err error) {
	defer recoverDamaged(path, &err)
	r, e, err := openExport(path)
	if err != nil {
		return nil, err
	}
	defer r.close()
	if err := e.readManifest(r); err != nil {
		return nil, err
	}
	if err := e.readInputs(r); err != nil {
		return nil, err
	}
	return e, nil
}

// readManifest reads each run's column of the Manifest.
func (e *Export) readManifest(r exportReader) error {
	t, err := r.table("manifest")
	if err != nil {
		return fmt.Errorf("%s: cannot read the Manifest: %w", e.Path, err)
	}
	if t == nil || len(t.header) < 2 || t.header[0] != "field" {
		return &NotExportError{Path: e.Path, Why: "it has no Manifest table"}
	}
	fields := map[string][]string{}
	for _, row := range t.rows {
		if len(row) > 0 {
			fields[row[0]] = row[1:]
		}
	}
	if fields["corecast_version"] == nil {
		return &NotExportError{Path: e.Path, Why: "its Manifest names no corecast version"}
	}
	get := func(field string, k int) string {
		v := fields[field]
		if k >= len(v) {
			return ""
		}
		return v[k]
	}
	anyTimed := false
	for k, label := range t.header[1:] {
		run := ExportRun{Label: label, Version: get("corecast_version", k), Command: get("command", k), Precision: get(FieldPrecision, k),
			ScenarioTOML: get(FieldScenarioTOML, k), ScenarioSources: get(FieldScenarioSources, k),
			Analyses: get(FieldAnalyses, k), InputsSHA256: get(FieldInputsSHA256, k),
			Input: Source{Name: get("input_file", k), SHA256: get("input_sha256", k), Note: get("input_note", k)}}
		if d := get("run_date", k); d != "" {
			if run.RunDate, err = time.Parse(time.RFC3339, d); err != nil {
				return fmt.Errorf("%s: the Manifest's run_date of %s, %q, is not a date", e.Path, label, d)
			}
		}
		if s := get("run_time_s", k); s != "" {
			secs, _ := strconv.ParseFloat(s, 64)
			run.RunTime = time.Duration(secs * float64(time.Second))
			anyTimed = true
		}
		e.Runs = append(e.Runs, run)
	}
	// A file written with SOURCE_DATE_EPOCH leaves out every run time
	// and dates every run with it.
	if !anyTimed && len(e.Runs) > 0 && !e.Runs[0].RunDate.IsZero() {
		e.SourceDate = e.Runs[0].RunDate
	}
	switch get(FieldDistribution, 0) {
	case DistributionLeftOut:
		e.NoDistribution = true
	case DistributionIncluded:
	default:
		// Written before the Manifest said: the Distribution is left out
		// when it is not there.
		e.NoDistribution = true
		for _, p := range r.parts() {
			if p.name == SheetDistribution || p.name == "distribution" {
				e.NoDistribution = false
			}
		}
	}
	return nil
}

// readInputs reads the Inputs sheet's tables and gives each run its input.
func (e *Export) readInputs(r exportReader) error {
	read := func(name string) (*textTable, error) {
		t, err := r.table(name)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read the Inputs sheet's %s table: %w", e.Path, name, err)
		}
		return t, nil
	}
	trusts, err := read("inputs_trusts")
	if err != nil {
		return err
	}
	if trusts == nil {
		return &NotExportError{Path: e.Path, Why: "it has no Inputs sheet of trusts"}
	}
	funding, err := read("inputs_funding")
	if err != nil {
		return err
	}
	observed, err := read("inputs_observed")
	if err != nil {
		return err
	}
	notes, err := read("import_notes")
	if err != nil {
		return err
	}
	where := func(what string) string { return SheetInputs + " (" + what + ")" }
	for _, name := range inputNames(trusts) {
		in := ExportInputs{Name: name,
			Trusts:  recordsOf(data.SheetTrusts, where("Trusts"), trusts, name, data.TrustColumns()),
			Funding: recordsOf(data.SheetFunding, where("Funding"), funding, name, data.FundingColumns()),
		}
		if observed != nil {
			in.Observed = recordsOf(data.SheetObserved, where("Observed"), observed, name, data.ObservedColumns())
		}
		e.Inputs = append(e.Inputs, in)
	}
	for k := range e.Runs {
		run := &e.Runs[k]
		name := run.Input.Name
		if name == "" && run.Input.SHA256 == "" {
			name = "inputs of " + run.Label
		}
		run.InputsSet = -1
		for i, in := range e.Inputs {
			if in.Name == name {
				run.InputsSet = i
				break
			}
		}
		if run.InputsSet < 0 {
			return fmt.Errorf("%s: the Inputs sheet holds no rows of %q, the input of %s", e.Path, name, run.Label)
		}
		if notes != nil {
			run.Input.ImportNotes = importNotesOf(notes, name)
		}
	}
	return nil
}

// inputNames lists the inputs of a table of the Inputs sheet by its
// input_file column, in order of first appearance.
func inputNames(t *textTable) []string {
	var out []string
	for _, row := range t.rows {
		if len(row) > 0 && !slices.Contains(out, row[0]) {
			out = append(out, row[0])
		}
	}
	return out
}

// recordsOf gives the rows of one input of a table of the Inputs sheet,
// without the input_file column, with the input sheet's header.
func recordsOf(sheet, where string, t *textTable, name string, cols []string) data.Records {
	rec := data.Records{Sheet: sheet, Where: where, Rows: [][]string{cols}}
	if t == nil {
		return rec
	}
	rec.FirstRow = t.firstRow
	if len(t.header) > 1 {
		rec.Rows[0] = t.header[1:]
	}
	for _, row := range t.rows {
		if len(row) > 0 && row[0] == name {
			rec.Rows = append(rec.Rows, row[1:])
		}
	}
	return rec
}

// importNotesOf are the notes on how one input was read; none when the
// table says it was read as written.
func importNotesOf(t *textTable, name string) []string {
	var out []string
	for _, row := range t.rows {
		if len(row) > 1 && row[0] == name {
			out = append(out, row[1])
		}
	}
	if len(out) == 1 && out[0] == readAsWritten {
		return nil
	}
	return out
}

// LoadInputs reads input i of the export by every rule an input workbook
// is read by, so that a changed row that breaks one is a problem.
func (e *Export) LoadInputs(i int) (model.Inputs, error) {
	in := e.Inputs[i]
	sheets := []data.Records{in.Trusts, in.Funding}
	if len(in.Observed.Rows) > 1 {
		sheets = append(sheets, in.Observed)
	}
	loaded, err := data.LoadRecords(e.Path, sheets...)
	if err != nil {
		return model.Inputs{}, err
	}
	return loaded.Inputs, nil
}

// ErrNoScenario says an export does not record its scenarios: it was
// written by a corecast from before exports did.
var ErrNoScenario = errors.New("the export does not record its scenarios")

// Scenario reads run k's scenario from the Manifest's scenario file.
func (e *Export) Scenario(k int) (model.Scenario, error) {
	run := e.Runs[k]
	if strings.TrimSpace(run.ScenarioTOML) == "" {
		return model.Scenario{}, fmt.Errorf("%s: %w (it was written by corecast %s, before exports carried them); run it again with this corecast for an export that runs again from itself",
			e.Path, ErrNoScenario, run.Version)
	}
	sc, err := data.ParseScenarioTOML(fmt.Sprintf("%s: Manifest, %s of %s", e.Path, FieldScenarioTOML, run.Label), []byte(run.ScenarioTOML))
	if err != nil {
		return sc, err
	}
	// Where each value came from is what the export recorded, not this
	// reading of it.
	sc.Sources = model.ParseSources(run.ScenarioSources)
	return sc, nil
}

// Run bundles run k's result, made again from the export, with what the
// export records of how it was made, so that the export of it is the
// export of the first run: the same version, input, notes, dates and
// command. The seed, iterations and sampling are the result's own.
func (e *Export) Run(k int, res *forecast.Result, in model.Inputs) Run {
	r := e.Runs[k]
	sc := res.Scenario
	return Run{Result: res, Inputs: in, Manifest: Manifest{Version: r.Version, Input: r.Input, RunDate: r.RunDate, RunTime: r.RunTime,
		Seed: sc.Seed, Iterations: res.Iterations, Sampling: sc.Sampling, Command: r.Command, Precision: r.Precision}}
}
