package cli

import (
	"corecast/forecast"
	"corecast/format"
	"errors"
	"fmt"
	"io"

	"corecast/data"
	"corecast/model"
	"corecast/report"
)

// SampleName names the embedded sample where a file name would go.
const SampleName = "embedded sample"

// Session is what the interactive program and batch runs work on: the inputs
// and the scenarios to forecast, with where they came from.
type Session struct {
	InputPath     string // the --input path; empty for the embedded sample
	InputName     string // InputPath, or SampleName
	Inputs        model.Inputs
	Scenarios     []model.Scenario // at least one
	ScenarioPaths []string         // the --scenario files, in order; empty for the baseline
	MapPath       string           // the --map file, if any
	// ScenarioFrom is the export whose scenarios were taken
	// (--scenario-from), if any.
	ScenarioFrom string
	// ProjectPath is the project file the input and scenarios came from
	// (--project), if any.
	ProjectPath string
	// InputDigest is the SHA-256 of the input's bytes as they were loaded,
	// for the export's manifest (empty for the embedded sample).
	InputDigest data.Digest
	// Notes say how the input was read: every conversion made, every row
	// skipped, every hidden row or sheet read.
	Notes data.Notes
	// Precision, when its Target is above 0, runs the interactive
	// program's forecasts to that precision (--precision).
	Precision forecast.Precision
	// Watch asks the interactive program to read the input and scenario
	// files again whenever they are saved (--watch).
	Watch bool
}

// LoadSession loads the inputs (the embedded sample when input is empty) and
// the scenarios: one per file in scenarioPaths, or, without files, the
// baseline with the workbook's Scenario sheet applied. When both are given
// the Scenario sheet is not used, and a note saying so goes to notes. mapPath
// names a map file (--map) for the input's columns; it needs an input.
func LoadSession(input, mapPath string, scenarioPaths []string, notes io.Writer) (Session, error) {
	return LoadSessionFrom(input, mapPath, scenarioPaths, "", notes)
}

// LoadSessionFrom is LoadSession that may take the scenarios of a corecast
// export instead (scenarioFrom, --scenario-from), every key as it ran. An
// input that is a corecast export is read by its Inputs sheet, with a note
// saying so.
func LoadSessionFrom(input, mapPath string, scenarioPaths []string, scenarioFrom string, notes io.Writer) (Session, error) {
	s := Session{InputPath: input, InputName: input, ScenarioPaths: scenarioPaths, ScenarioFrom: scenarioFrom, MapPath: mapPath}
	if scenarioFrom != "" && len(scenarioPaths) > 0 {
		return Session{}, usageError(fmt.Errorf("--scenario and --scenario-from both give the scenarios: give one"))
	}
	kv, err := loadInput(&s)
	if err != nil {
		return Session{}, err
	}
	if scenarioFrom != "" {
		if len(kv) > 0 && notes != nil {
			fmt.Fprintf(notes, "corecast: note: %s is not used because --scenario-from was given\n", scenarioSheetName(kv))
		}
		if s.Scenarios, err = exportScenarios(scenarioFrom); err != nil {
			return Session{}, err
		}
		return s, nil
	}
	if len(scenarioPaths) == 0 {
		sc := model.DefaultScenario()
		if len(kv) > 0 {
			if err := data.ApplyScenarioSheet(&sc, kv); err != nil {
				return Session{}, err
			}
			if err := sc.Validate(); err != nil {
				return Session{}, usageError(prefixLines(scenarioSheetName(kv), err))
			}
		}
		s.Scenarios = []model.Scenario{sc}
		return s, nil
	}
	if len(kv) > 0 && notes != nil {
		fmt.Fprintf(notes, "corecast: note: %s is not used because --scenario was given\n", scenarioSheetName(kv))
	}
	var errs []error
	for _, p := range scenarioPaths {
		sc, err := data.LoadScenarioTOML(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s.Scenarios = append(s.Scenarios, sc)
	}
	if len(errs) > 0 {
		return Session{}, usageError(errors.Join(errs...))
	}
	return s, nil
}

// LoadInputs loads only the inputs of a session (the embedded sample when
// input is empty), as LoadSession does: the interactive program reads a
// saved workbook again, or another one, with it. mapPath names a map file
// for the input's columns.
func LoadInputs(input, mapPath string) (Session, error) {
	s := Session{InputPath: input, InputName: input, MapPath: mapPath}
	if _, err := loadInput(&s); err != nil {
		return Session{}, err
	}
	return s, nil
}

// loadInput reads s.InputPath (through s.MapPath) into s and returns the
// rows of its Scenario sheet, if any.
func loadInput(s *Session) ([]data.KeyValue, error) {
	var kv []data.KeyValue
	var err error
	switch {
	case s.InputPath == "":
		if s.MapPath != "" {
			return nil, usageError(fmt.Errorf("--map %s applies to an --input workbook; give one", s.MapPath))
		}
		s.InputName = SampleName
		s.Inputs, err = data.Sample()
	case report.LooksLikeExport(s.InputPath):
		if s.MapPath != "" {
			return nil, usageError(fmt.Errorf("--map %s applies to a workbook's own headings; %s is a corecast export, whose Inputs sheet corecast wrote", s.MapPath, s.InputPath))
		}
		s.Inputs, s.Notes, err = loadExportInputs(s.InputPath)
		if err == nil {
			// What was loaded is the Inputs sheet's rows, not the file's
			// bytes: the hash is of those rows as read, in the canonical
			// form an export's inputs_sha256 uses.
			s.InputDigest = data.Digest{SHA256: report.HashInputs(s.InputPath, s.Inputs).SHA256,
				Note: "the SHA-256 of the trusts, funding and observed rows read from this export's Inputs sheet, in a canonical CSV form (as its Manifest's inputs_sha256)"}
		}
	default:
		var m *data.Mapping
		if s.MapPath != "" {
			if m, err = data.LoadMapping(s.MapPath); err != nil {
				return nil, err
			}
		}
		var loaded data.Loaded
		loaded, err = data.Load(s.InputPath, m)
		s.Inputs, kv, s.Notes, s.InputDigest = loaded.Inputs, loaded.Scenario, loaded.Notes, loaded.Digest
	}
	return kv, err
}

// loadExportInputs reads the inputs of a corecast export: its Inputs
// sheet, by every rule a workbook is read by, with a note saying so.
func loadExportInputs(path string) (model.Inputs, data.Notes, error) {
	e, err := readExport(path)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	in, err := e.LoadInputs(0)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	text := "is a corecast export: its Inputs sheet (the trusts, funding and observed rows its run read, as loaded) was read as the input workbook"
	if n := len(e.Inputs); n > 1 {
		text += fmt.Sprintf("; it holds %d inputs, and the first, %s, was read", n, e.Inputs[0].Name)
	}
	return in, data.Notes{{File: path, Text: text}}, nil
}

// exportScenarios reads every scenario of a corecast export, in its order.
func exportScenarios(path string) ([]model.Scenario, error) {
	e, err := readExport(path)
	if err != nil {
		return nil, err
	}
	var out []model.Scenario
	var errs []error
	for k := range e.Runs {
		sc, err := e.Scenario(k)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, sc)
	}
	if len(errs) > 0 {
		return nil, usageError(errors.Join(errs...))
	}
	return out, nil
}

// scenarioSheetName says where the scenario rows came from, e.g.
// "book.xlsx: sheet Scenario".
func scenarioSheetName(kv []data.KeyValue) string {
	if kv[0].Sheet == "" {
		return kv[0].File
	}
	return kv[0].File + ": sheet " + kv[0].Sheet
}

// prefixLines puts where before each error joined in err.
func prefixLines(where string, err error) error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return fmt.Errorf("%s: %w", where, err)
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, fmt.Errorf("%s: %w", where, e))
	}
	return errors.Join(out...)
}

// printNotes writes the count of import notes and each note to w.
func printNotes(w io.Writer, name string, notes data.Notes) {
	lines := notes.Lines()
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "corecast: %s on how %s was read:\n", format.Nouns(len(lines), "import note"), name)
	for _, l := range lines {
		fmt.Fprintf(w, "corecast: note: %s\n", l)
	}
}
