package report

import (
	"fmt"
	"math"
	"strings"

	"corecast/model"
)

// paramNames are the distribution parameters, in the Assumptions columns' order.
var paramNames = []string{"value", "min", "mode", "max", "mean", "sd", "median", "sigma", "p10", "p90"}

// assumption is one row of the Assumptions table.
type assumption struct {
	key         string
	value       any // a number for a numeric key or a correlation, otherwise text
	dist        string
	params      []float64 // paramNames order; NaN when not used
	description string
	source      string
	changed     bool // the value differs from the default
}

// assumptions lists every scenario value with its description, where it
// came from and whether it differs from the default: the plain keys, the
// distributions and the correlations.
func assumptions(sc model.Scenario) []assumption {
	def := model.DefaultScenario()
	var out []assumption
	nan := make([]float64, len(paramNames))
	for i := range nan {
		nan[i] = math.NaN()
	}
	for _, k := range model.ScalarKeys() {
		a := assumption{key: k.Name, value: k.Get(&sc), params: nan, description: k.Description,
			source: sc.SourceOf(k.Name).Text(k.Source), changed: !model.SameValue(k.Name, sc, def)}
		if v, ok := k.Number(&sc); ok {
			a.value = cell{v, kNumber}
		}
		if k.Kind == model.KindSeed {
			a.value = seedValue(sc.Seed)
			a.description = joinNotes(a.description, seedNote(sc.Seed))
		}
		out = append(out, a)
	}
	for _, k := range model.DistributionKeys() {
		d := *k.Dist(&sc)
		ps := make([]float64, len(paramNames))
		for i, n := range paramNames {
			ps[i] = math.NaN()
			if d.Kind.HasParam(n) { // only the parameters of the kind run
				ps[i], _ = d.Param(n)
			}
		}
		desc := k.Description
		if note := k.Domain.ClampNote(d); note != "" {
			desc += "; " + note
		}
		out = append(out, assumption{key: k.Name, value: d.String(), dist: string(d.Kind), params: ps, description: desc,
			source: sc.SourceOf(k.Name).Text(k.Source), changed: !model.SameValue(k.Name, sc, def)})
	}
	src := sc.SourceOf(model.CorrelationKey).Text("corecast default (README, Scenarios): the five unit costs pairwise 0.6")
	if sc.SourceOf(model.CorrelationKey).Kind != model.FromDefault {
		src += "; replaces the default set"
	}
	changed := !model.SameValue(model.CorrelationKey, sc, def)
	for i, c := range sc.Correlations {
		out = append(out, assumption{key: fmt.Sprintf("correlation[%d]", i+1), value: cell{c.Rho, kNumber},
			params: nan, description: fmt.Sprintf("rank correlation of %s with %s (Iman–Conover)", c.A, c.B), source: src, changed: changed})
	}
	if len(sc.Correlations) == 0 {
		out = append(out, assumption{key: "correlation", value: "none", params: nan,
			description: "scenario-level inputs drawn independently", source: src, changed: changed})
	}
	return out
}

// editedNote says which values of run k's scenario were set in the TUI
// after it was loaded, and how; empty when none were. The scenario keeps
// the name it was loaded with, so this is what tells it apart from the
// file or sheet it came from.
func editedNote(b *book, k int) string {
	sc := b.runs[k].Result.Scenario
	keys := sc.Edited()
	if len(keys) == 0 {
		return ""
	}
	parts := make([]string, len(keys))
	for i, key := range keys {
		src := sc.SourceOf(key)
		how := "set by hand"
		if src.Kind == model.FromAnalysis {
			how = "applied from " + src.Detail
		}
		parts[i] = key + " (" + how + ")"
	}
	return b.labels[k] + " was changed in the TUI after it was loaded, so it differs from where it was loaded from: " +
		strings.Join(parts, ", ") + ". Its other values are as loaded; the source column says where each came from."
}

// assumptionsSheet lists every scenario value of every run.
func assumptionsSheet(b *book) *sheet {
	cols := []column{{name: "key"}, {name: "value", kind: kMixed, input: true, left: true}, {name: "dist"}}
	for _, n := range paramNames {
		if n == "value" {
			n = "fixed" // the fixed distribution's value, apart from the value column
		}
		cols = append(cols, column{name: n, kind: kRatio})
	}
	cols = append(cols, column{name: "description", wide: true}, column{name: "source", wide: true}, column{name: "changed"})
	rows := make([][]assumption, len(b.runs))
	for k, r := range b.runs {
		rows[k] = assumptions(r.Result.Scenario)
	}
	t, _ := b.stacked("assumptions", cols,
		func(k int) int { return len(rows[k]) },
		func(k, j int, dst []any) {
			a := rows[k][j]
			dst[0], dst[1], dst[2] = a.key, a.value, a.dist
			for i, v := range a.params {
				dst[3+i] = v
			}
			dst[3+len(paramNames)] = a.description
			dst[4+len(paramNames)] = a.source
			dst[5+len(paramNames)] = map[bool]string{true: "yes", false: "no"}[a.changed]
		})
	notes := []string{
		"Every scenario value as run, with what it means, where it came from (source: the default and what it rests on, a scenario file, the workbook's Scenario sheet, the command line, set in the TUI by hand, or applied there from an analysis) and whether it differs from the default (changed). A key can be changed with --set key=value (a distribution's parameter as key.param, e.g. unit_cost.acute.mode).",
		"Each input has a domain (unit costs above 0, local_share 0–1, optimism_bias 0–3, …; a value outside is refused with its reason): a bounded distribution lies inside it; the draws of a normal or lognormal are clamped to it, as the description says where that applies.",
	}
	for k := range b.runs {
		if n := editedNote(b, k); n != "" {
			notes = append(notes, n)
		}
	}
	return &sheet{name: SheetAssumptions, tables: []*table{t}, notes: notes}
}
