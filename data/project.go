package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/BurntSushi/toml"

	"corecast/model"
)

// maxProjectScenarios bounds the scenarios of one project file, each at
// most a scenario file's size, so that the file as a whole stays bounded.
const maxProjectScenarios = 64

// Project is what a project file holds: the input the scenarios are run
// on and every scenario in full.
type Project struct {
	// Input is the workbook or CSV directory; empty for the embedded
	// sample. In the file it is relative to the project file's directory
	// when it can be, so that a project moves with its workbook; read, it
	// is resolved against that directory.
	Input string
	// Map is the map file (--map) of the input, if any, likewise.
	Map       string
	Scenarios []model.Scenario
}

// WriteProjectTOML writes p as a project file to be saved at path (whose
// directory the input's path is made relative to): input and map, then one
// [[scenario]] table per scenario holding what its scenario file holds
// (WriteScenarioTOML: every key, distributions, correlations and per-year
// tables). Each scenario goes through its own file's text, so that a
// project and a scenario file can never say different things of one
// scenario.
func WriteProjectTOML(w io.Writer, path string, p Project) error {
	if len(p.Scenarios) == 0 {
		return errors.New("a project needs at least one scenario")
	}
	doc := map[string]any{}
	if p.Input != "" {
		doc["input"] = relativeTo(path, p.Input)
	}
	if p.Map != "" {
		doc["map"] = relativeTo(path, p.Map)
	}
	var tables []map[string]any
	for _, sc := range p.Scenarios {
		var text bytes.Buffer
		if err := WriteScenarioTOML(&text, sc); err != nil {
			return fmt.Errorf("scenario %s: %w", sc.Name, err)
		}
		var m map[string]any
		if _, err := toml.Decode(text.String(), &m); err != nil {
			return fmt.Errorf("scenario %s: %w", sc.Name, err)
		}
		tables = append(tables, m)
	}
	doc["scenario"] = tables
	if _, err := io.WriteString(w, "# corecast project: the input and every scenario in full; open it with corecast --project FILE.\n"); err != nil {
		return err
	}
	return toml.NewEncoder(w).Encode(doc)
}

// relativeTo returns target relative to the directory of the file at
// path, or target made absolute when it cannot be.
func relativeTo(path, target string) string {
	absTarget, err := filepath.Abs(target)
	if err != nil {
		return target
	}
	absDir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return absTarget
	}
	if rel, err := filepath.Rel(absDir, absTarget); err == nil {
		return filepath.ToSlash(rel)
	}
	return absTarget
}

// LoadProjectTOML reads a project file. The input and map paths come back
// resolved against the file's directory; each scenario is read by every
// rule a scenario file is (ParseScenarioTOML), its errors naming the
// project file and the scenario's place in it.
func LoadProjectTOML(path string) (Project, error) {
	b, err := readFileLimited(path, limits{maxBytes: maxProjectScenarios * maxScenarioBytes})
	if err != nil {
		return Project{}, err
	}
	if line, _, ok := tomlNesting(b, maxScenarioDepth+1); !ok {
		return Project{}, refuse(path, "line %d nests tables and arrays more than %d levels deep (a project needs 3), so the file was not read", line, maxScenarioDepth+1)
	}
	var doc map[string]any
	if _, err := toml.Decode(string(b), &doc); err != nil {
		return Project{}, fmt.Errorf("%s: not valid TOML: %w", path, err)
	}
	var input, mapPath string
	var scenarios []map[string]any
	for _, k := range sortedKeys(doc) {
		var ok bool
		switch k {
		case "input":
			input, ok = doc[k].(string)
		case "map":
			mapPath, ok = doc[k].(string)
		case "scenario":
			scenarios, ok = doc[k].([]map[string]any)
		default:
			return Project{}, fmt.Errorf("%s: %s: unknown key (a project holds input, map and [[scenario]] tables)", path, k)
		}
		if !ok {
			return Project{}, fmt.Errorf("%s: %s: want %s", path, k, map[string]string{"input": "a path", "map": "a path", "scenario": "[[scenario]] tables"}[k])
		}
	}
	if len(scenarios) == 0 {
		return Project{}, fmt.Errorf("%s: holds no [[scenario]] table", path)
	}
	if len(scenarios) > maxProjectScenarios {
		return Project{}, fmt.Errorf("%s: holds %d scenarios; at most %d are read", path, len(scenarios), maxProjectScenarios)
	}
	p := Project{Input: resolveFrom(path, input), Map: resolveFrom(path, mapPath)}
	var errs []error
	for i, m := range scenarios {
		var text bytes.Buffer
		if err := toml.NewEncoder(&text).Encode(m); err != nil {
			errs = append(errs, fmt.Errorf("%s: scenario %d: %w", path, i+1, err))
			continue
		}
		sc, err := ParseScenarioTOML(fmt.Sprintf("%s [scenario %d]", path, i+1), text.Bytes())
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p.Scenarios = append(p.Scenarios, sc)
	}
	if len(errs) > 0 {
		return Project{}, errors.Join(errs...)
	}
	return p, nil
}

// resolveFrom resolves a path written in the project file at path: a
// relative one is relative to the file's directory.
func resolveFrom(path, target string) string {
	if target == "" || filepath.IsAbs(target) {
		return target
	}
	return filepath.Join(filepath.Dir(path), filepath.FromSlash(target))
}
