package cli

import (
	"errors"
	"fmt"
	"io"

	"corecast/data"
	"corecast/model"
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
}

// LoadSession loads the inputs (the embedded sample when input is empty) and
// the scenarios: one per file in scenarioPaths, or, without files, the
// baseline with the workbook's Scenario sheet applied. When both are given
// the Scenario sheet is not used, and a note saying so goes to notes.
func LoadSession(input string, scenarioPaths []string, notes io.Writer) (Session, error) {
	s := Session{InputPath: input, InputName: input, ScenarioPaths: scenarioPaths}
	var kv []data.KeyValue
	var err error
	if input == "" {
		s.InputName = SampleName
		s.Inputs, err = data.Sample()
	} else {
		s.Inputs, kv, err = data.Load(input)
	}
	if err != nil {
		return Session{}, err
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
