package data

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"corecast/model"
)

// WriteScenarioTOML writes every key of sc as a scenario file that
// ParseScenarioTOML reads back to the same scenario. Distribution parameters
// that are unset (NaN) are left out.
func WriteScenarioTOML(w io.Writer, sc model.Scenario) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# corecast scenario: every key is listed; see the scenario keys in the README.")
	for _, k := range model.ScalarKeys() {
		fmt.Fprintf(bw, "%s = %s\n", k.Name, tomlLiteral(k, k.Value(&sc)))
	}
	fmt.Fprintln(bw)
	var unit []model.Key
	for _, k := range model.DistributionKeys() {
		if rest, ok := strings.CutPrefix(k.Name, "unit_cost."); ok {
			k.Name = rest
			unit = append(unit, k)
			continue
		}
		fmt.Fprintf(bw, "%s = %s\n", k.Name, tomlDist(*k.Dist(&sc)))
	}
	if len(sc.Correlations) == 0 {
		fmt.Fprintln(bw, "correlation = []  # no correlations between scenario-level inputs")
	}
	fmt.Fprintln(bw, "\n[unit_cost]  # £m per maturity point for a reference-size trust, by type")
	for _, k := range unit {
		fmt.Fprintf(bw, "%s = %s\n", k.Name, tomlDist(*k.Dist(&sc)))
	}
	for _, c := range sc.Correlations {
		fmt.Fprintf(bw, "\n[[correlation]]\na = %s\nb = %s\nrho = %s\n", tomlString(c.A), tomlString(c.B), tomlFloat(c.Rho))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing scenario: %w", err)
	}
	return nil
}

// tomlDist writes a distribution as an inline table, leaving out unset parameters.
func tomlDist(d model.Distribution) string {
	parts := []string{"dist = " + tomlString(string(d.Kind))}
	for _, p := range d.Params() {
		parts = append(parts, fmt.Sprintf("%s = %s", p[0], tomlFloat(p[1].(float64))))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// tomlFloat writes a float so that TOML reads back the same value.
func tomlFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlLiteral writes a plain key's value as a TOML literal of its kind: text,
// years and choices quoted, numbers and booleans bare, a seed above the
// largest TOML integer quoted.
func tomlLiteral(k model.Key, v model.Value) string {
	switch k.Kind {
	case model.KindFloat:
		return tomlFloat(v.Num)
	case model.KindUplift:
		if len(v.ByYear) == 0 {
			return tomlFloat(v.Num)
		}
		parts := make([]string, 0, len(v.ByYear))
		for _, y := range slices.Sorted(maps.Keys(v.ByYear)) {
			parts = append(parts, tomlString(y.String())+" = "+tomlFloat(v.ByYear[y]))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	case model.KindInt, model.KindBool:
		return k.Format(v)
	case model.KindSeed:
		if v.Seed > math.MaxInt64 {
			return tomlString(k.Format(v))
		}
		return k.Format(v)
	}
	return tomlString(k.Format(v))
}
