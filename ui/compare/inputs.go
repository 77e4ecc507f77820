package compare

import (
	"fmt"
	"slices"
	"strings"

	"corecast/model"
)

// inputRow is one scenario input whose value differs between the
// scenarios compared: its key and its value in each scenario, as the
// Scenario screen writes it.
type inputRow struct {
	key    string
	values []string
}

// differingInputs lists the inputs whose values are not the same in every
// scenario, in the Scenario screen's order, so that a difference in the
// figures can be traced to the inputs behind it. The name is left out:
// the columns already carry it.
func differingInputs(scs []model.Scenario) []inputRow {
	var rows []inputRow
	add := func(key string, value func(*model.Scenario) string) {
		vals := make([]string, len(scs))
		for i := range scs {
			vals[i] = value(&scs[i])
		}
		for _, v := range vals[1:] {
			if v != vals[0] {
				rows = append(rows, inputRow{key: key, values: vals})
				return
			}
		}
	}
	for _, k := range model.ScalarKeys() {
		if k.Name != "name" {
			add(k.Name, k.Get)
		}
	}
	for _, k := range model.DistributionKeys() {
		add(k.Name, func(sc *model.Scenario) string { return k.Dist(sc).String() })
	}
	add("correlation", correlations)
	return rows
}

// correlations writes a scenario's correlation set in a fixed order, so
// that two sets listing the same pairs differently read the same.
func correlations(sc *model.Scenario) string {
	if len(sc.Correlations) == 0 {
		return "none"
	}
	var parts []string
	for _, c := range sc.Correlations {
		a, b := c.A, c.B
		if b < a {
			a, b = b, a
		}
		parts = append(parts, fmt.Sprintf("%s~%s %g", a, b, c.Rho))
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}
