package data

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"corecast/model"
)

// maxScenarioBytes bounds the size of a scenario file.
const maxScenarioBytes = 1 << 20

// LoadScenarioTOML reads a scenario file. Every key has a default, so an
// empty file gives model.DefaultScenario(). Unknown keys are errors.
func LoadScenarioTOML(path string) (model.Scenario, error) {
	b, err := readFileLimited(path, limits{maxBytes: maxScenarioBytes})
	if err != nil {
		return model.Scenario{}, err
	}
	return ParseScenarioTOML(path, b)
}

// ParseScenarioTOML reads a scenario from TOML text, starting from
// model.DefaultScenario(); name is the file name used in errors. Text over
// 1 MB or nested more than four levels deep is refused unparsed. A
// distribution given as an inline table replaces the default one entirely,
// and any correlation block replaces the default correlation set. The result
// is validated; every problem found is reported, each naming the file and key.
func ParseScenarioTOML(name string, b []byte) (sc model.Scenario, err error) {
	defer func() {
		if r := recover(); r != nil {
			sc, err = model.Scenario{}, fmt.Errorf("%s: cannot read the scenario (%v)", name, r)
		}
	}()
	if err := checkScenarioShape(name, b); err != nil {
		return model.Scenario{}, err
	}
	sc = model.DefaultScenario()
	var m map[string]any
	if _, err := toml.Decode(string(b), &m); err != nil {
		return model.Scenario{}, fmt.Errorf("%s: not valid TOML: %w", name, err)
	}
	var errs []error
	bad := func(key, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %s", name, key, fmt.Sprintf(format, a...)))
	}
	// Each key the file sets is sourced to it, by its name without the
	// directories, which say nothing of the scenario.
	from := model.Source{Kind: model.FromFile, Detail: filepath.Base(name)}
	for _, k := range sortedKeys(m) {
		v := m[k]
		switch {
		case k == "unit_cost":
			t, ok := v.(map[string]any)
			if !ok {
				bad(k, "want a table of distributions by trust type ([unit_cost] acute = { dist = ... })")
				continue
			}
			for _, tk := range sortedKeys(t) {
				key := "unit_cost." + tk
				dk, ok := model.LookupDistribution(key)
				if !ok {
					bad(key, "unknown key (want one of acute, mental_health, community, ambulance, specialist)")
					continue
				}
				if d, err := parseDistTable(key, t[tk]); err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", name, err))
				} else {
					*dk.Dist(&sc) = d
					sc.SetSource(key, from)
				}
			}
		case k == "correlation":
			cs, err := parseCorrelations(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
				continue
			}
			sc.Correlations = cs
			sc.SetSource(model.CorrelationKey, from)
		default:
			if dk, ok := model.LookupDistribution(k); ok {
				if d, err := parseDistTable(k, v); err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", name, err))
				} else {
					*dk.Dist(&sc) = d
					sc.SetSource(k, from)
				}
				continue
			}
			sk, ok := scalarKey(k)
			if !ok {
				bad(k, "unknown key (see the scenario keys in the README)")
				continue
			}
			if err := setScalar(&sc, sk, v); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
			sc.SetSource(sk.Name, from)
		}
	}
	if len(errs) == 0 {
		if err := sc.Validate(); err != nil {
			for _, e := range splitJoined(err) {
				errs = append(errs, fmt.Errorf("%s: %w", name, e))
			}
		}
	}
	if len(errs) > 0 {
		return model.Scenario{}, errors.Join(errs...)
	}
	return sc, nil
}

// checkScenarioShape refuses, before parsing, scenario text that is too
// large or nests tables and arrays too deeply: the parser's time and memory
// grow with the square of the nesting.
func checkScenarioShape(name string, b []byte) error {
	if len(b) > maxScenarioBytes {
		return refuse(name, "is larger than %d MB; a scenario file is a few kilobytes, so it was not read", maxScenarioBytes>>20)
	}
	if line, _, ok := tomlNesting(b, maxScenarioDepth); !ok {
		return refuse(name, "line %d nests tables and arrays more than %d levels deep (a scenario needs 2), so the file was not read", line, maxScenarioDepth)
	}
	return nil
}

// splitJoined returns the errors joined in err, or err alone.
func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// scalarKey finds a plain scenario key.
func scalarKey(name string) (model.Key, bool) {
	for _, k := range model.ScalarKeys() {
		if k.Name == name {
			return k, true
		}
	}
	return model.Key{}, false
}

// setScalar converts a plain key's TOML value by the key's kind, with no
// text in between, and sets it.
func setScalar(sc *model.Scenario, k model.Key, v any) error {
	val, err := tomlValue(k, v, k.Format(k.Value(sc)))
	if err != nil {
		return err
	}
	return k.SetValue(sc, val)
}

// tomlValue converts a TOML value to a value of the key's kind; example is
// the key's current value, for messages.
func tomlValue(k model.Key, v any, example string) (model.Value, error) {
	switch k.Kind {
	case model.KindText, model.KindYear, model.KindChoice:
		s, ok := v.(string)
		if !ok {
			return model.Value{}, fmt.Errorf("%s: want a quoted string, e.g. %s = %q", k.Name, k.Name, example)
		}
		return k.Parse(s) // the value is text in the file
	case model.KindBool:
		b, ok := v.(bool)
		if !ok {
			return model.Value{}, fmt.Errorf("%s: want true or false", k.Name)
		}
		return model.Value{Bool: b}, nil
	case model.KindSeed:
		switch x := v.(type) {
		case int64:
			if x < 0 {
				return model.Value{}, fmt.Errorf("seed: %d is negative; want a whole number ≥ 0", x)
			}
			return model.Value{Seed: uint64(x)}, nil
		case string: // seeds above 2⁶³ are written as strings
			return k.Parse(x)
		}
		return model.Value{}, fmt.Errorf("seed: want a whole number ≥ 0")
	case model.KindInt:
		switch x := v.(type) {
		case int64:
			return model.Value{Int: x}, nil
		case float64:
			g := strconv.FormatFloat(x, 'g', -1, 64)
			switch {
			case x != math.Trunc(x):
				return model.Value{}, fmt.Errorf("%s: %q is not a whole number", k.Name, g)
			case math.Abs(x) >= 1<<63:
				return model.Value{}, fmt.Errorf("%s: %s is outside %s", k.Name, g, k.Domain)
			}
			return model.Value{Int: int64(x)}, nil
		}
		return model.Value{}, fmt.Errorf("%s: want a number", k.Name)
	case model.KindUplift:
		t, isTable := v.(map[string]any)
		if !isTable {
			f, ok := tomlNumber(v)
			if !ok {
				return model.Value{}, fmt.Errorf("%s: want a number, or a table by year such as { \"2020-21\" = 400 }", k.Name)
			}
			return model.Value{Num: f}, nil
		}
		out := model.Value{ByYear: map[model.FinancialYear]float64{}}
		for _, ys := range sortedKeys(t) {
			y, err := model.ParseFinancialYear(ys)
			if err != nil {
				return model.Value{}, fmt.Errorf("%s.%s: %w", k.Name, ys, err)
			}
			f, ok := tomlNumber(t[ys])
			if !ok {
				return model.Value{}, fmt.Errorf("%s.%s: want a number", k.Name, ys)
			}
			if _, dup := out.ByYear[y]; dup {
				return model.Value{}, fmt.Errorf("%s: %s is given twice", k.Name, y)
			}
			out.ByYear[y] = f
		}
		return out, nil
	case model.KindFloat:
		f, ok := tomlNumber(v)
		if !ok {
			return model.Value{}, fmt.Errorf("%s: want a number", k.Name)
		}
		return model.Value{Num: f}, nil
	}
	return model.Value{}, fmt.Errorf("%s: cannot be set here", k.Name)
}

// tomlNumber accepts a TOML integer or float.
func tomlNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	return 0, false
}

// parseDistTable reads a distribution inline table such as
// { dist = "pert", min = 1, mode = 1.8, max = 3.5 }.
func parseDistTable(key string, v any) (model.Distribution, error) {
	t, ok := v.(map[string]any)
	if !ok {
		return model.Distribution{}, fmt.Errorf("%s: want a distribution table, e.g. %s = { dist = \"pert\", min = 1, mode = 2, max = 3 }", key, key)
	}
	dv, has := t["dist"]
	if !has {
		return model.Distribution{}, fmt.Errorf("%s: needs dist = one of fixed, uniform, triangular, pert, normal, lognormal", key)
	}
	ds, ok := dv.(string)
	if !ok {
		return model.Distribution{}, fmt.Errorf("%s.dist: want a quoted distribution name such as \"pert\"", key)
	}
	kind, err := model.ParseDistKind(ds)
	if err != nil {
		return model.Distribution{}, fmt.Errorf("%s.dist: %w", key, err)
	}
	d := model.NewDistribution(kind)
	var errs []error
	for _, p := range sortedKeys(t) {
		if p == "dist" {
			continue
		}
		if !kind.HasParam(p) {
			errs = append(errs, fmt.Errorf("%s.%s: unknown parameter for a %s distribution (want dist, %s)", key, p, kind, strings.Join(kind.Takes(), ", ")))
			continue
		}
		f, ok := tomlNumber(t[p])
		if !ok {
			errs = append(errs, fmt.Errorf("%s.%s: want a number", key, p))
			continue
		}
		if err := d.SetParam(p, f); err != nil {
			errs = append(errs, fmt.Errorf("%s.%s: %w", key, p, err))
		}
	}
	return d, errors.Join(errs...)
}

// parseCorrelations reads the [[correlation]] blocks (or correlation = []).
func parseCorrelations(v any) ([]model.Correlation, error) {
	var blocks []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		blocks = x
	case []any:
		for i, e := range x {
			t, ok := e.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("correlation[%d]: want a table with a, b and rho", i+1)
			}
			blocks = append(blocks, t)
		}
	default:
		return nil, fmt.Errorf("correlation: want [[correlation]] blocks with a, b and rho")
	}
	out := make([]model.Correlation, 0, len(blocks))
	var errs []error
	for i, t := range blocks {
		key := fmt.Sprintf("correlation[%d]", i+1)
		var c model.Correlation
		for _, k := range sortedKeys(t) {
			switch k {
			case "a", "b":
				s, ok := t[k].(string)
				if !ok {
					errs = append(errs, fmt.Errorf("%s.%s: want a quoted input name such as \"unit_cost.acute\"", key, k))
				} else if k == "a" {
					c.A = strings.TrimSpace(s)
				} else {
					c.B = strings.TrimSpace(s)
				}
			case "rho":
				f, ok := tomlNumber(t[k])
				if !ok {
					errs = append(errs, fmt.Errorf("%s.rho: want a number between -1 and 1", key))
				}
				c.Rho = f
			default:
				errs = append(errs, fmt.Errorf("%s.%s: unknown key (want a, b, rho)", key, k))
			}
		}
		for _, k := range []string{"a", "b", "rho"} {
			if _, has := t[k]; !has {
				errs = append(errs, fmt.Errorf("%s: needs %s", key, k))
			}
		}
		out = append(out, c)
	}
	return out, errors.Join(errs...)
}
