package data

import (
	"bufio"
	"fmt"
	"io"
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
		v := k.Get(&sc)
		switch {
		case slices.Contains(tomlStringKeys, k.Key):
			v = tomlString(v)
		case k.Key == "seed" && sc.Seed > math.MaxInt64:
			v = tomlString(v)
		case slices.Contains(tomlBoolKeys, k.Key), k.Key == "seed":
		default:
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				v = tomlFloat(f)
			}
		}
		fmt.Fprintf(bw, "%s = %s\n", k.Key, v)
	}
	fmt.Fprintln(bw)
	var unit []model.DistributionKey
	for _, k := range model.DistributionKeys() {
		if rest, ok := strings.CutPrefix(k.Key, "unit_cost."); ok {
			k.Key = rest
			unit = append(unit, k)
			continue
		}
		fmt.Fprintf(bw, "%s = %s\n", k.Key, tomlDist(*k.Dist(&sc)))
	}
	if len(sc.Correlations) == 0 {
		fmt.Fprintln(bw, "correlation = []  # no correlations between scenario-level inputs")
	}
	fmt.Fprintln(bw, "\n[unit_cost]  # £m per maturity point for a reference-size trust, by type")
	for _, k := range unit {
		fmt.Fprintf(bw, "%s = %s\n", k.Key, tomlDist(*k.Dist(&sc)))
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
