package ui

import (
	"slices"

	"corecast/internal/safetext"
	"corecast/model"
)

// visibleInputs returns a copy of the inputs whose free text — trust
// names, EPR systems, programme names — is safe to draw: control, bidi
// and zero-width characters written out visibly (safetext). None of it
// enters a number. Codes are left as read, since the schedule breaks ties
// by code and the TUI must give the numbers a batch run gives; the screens
// escape a code where they draw it.
func visibleInputs(in model.Inputs) model.Inputs {
	out := in
	out.Trusts = slices.Clone(in.Trusts)
	for i := range out.Trusts {
		out.Trusts[i].Name = safetext.Line(out.Trusts[i].Name)
		out.Trusts[i].EPR = safetext.Line(out.Trusts[i].EPR)
	}
	out.Funding = slices.Clone(in.Funding)
	for i := range out.Funding {
		out.Funding[i].Programme = safetext.Line(out.Funding[i].Programme)
	}
	return out
}

// visibleScenarios returns copies of the scenarios with their names safe
// to draw.
func visibleScenarios(scs []model.Scenario) []model.Scenario {
	out := make([]model.Scenario, len(scs))
	for i, sc := range scs {
		out[i] = sc.Clone()
		out[i].Name = safetext.Line(sc.Name)
	}
	return out
}

// visibleLines returns lines (import notes, which quote cells) safe to
// draw.
func visibleLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = safetext.Line(l)
	}
	return out
}
