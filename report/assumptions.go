package report

import (
	"fmt"
	"math"
	"slices"

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
}

// assumptions lists every scenario value with its description and source:
// the plain keys, the distributions and the correlations.
func assumptions(sc model.Scenario) []assumption {
	var out []assumption
	nan := make([]float64, len(paramNames))
	for i := range nan {
		nan[i] = math.NaN()
	}
	for _, k := range model.ScalarKeys() {
		a := assumption{key: k.Name, value: k.Get(&sc), params: nan, description: k.Description, source: k.Source}
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
		out = append(out, assumption{key: k.Name, value: d.String(), dist: string(d.Kind), params: ps, description: desc, source: k.Source})
	}
	src := "scenario (replaces the default set)"
	if slices.Equal(sc.Correlations, model.DefaultCorrelations()) {
		src = "corecast default (DESIGN §4): the five unit costs pairwise 0.6"
	}
	for i, c := range sc.Correlations {
		out = append(out, assumption{key: fmt.Sprintf("correlation[%d]", i+1), value: cell{c.Rho, kNumber},
			params: nan, description: fmt.Sprintf("rank correlation of %s with %s (Iman–Conover)", c.A, c.B), source: src})
	}
	if len(sc.Correlations) == 0 {
		out = append(out, assumption{key: "correlation", value: "none", params: nan,
			description: "scenario-level inputs drawn independently", source: "scenario"})
	}
	return out
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
	cols = append(cols, column{name: "description", wide: true}, column{name: "source", wide: true})
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
		})
	return &sheet{name: SheetAssumptions, tables: []*table{t}, notes: []string{
		"Every scenario value as run, with what it means and where its default comes from. A key can be changed with --set key=value (a distribution's parameter as key.param, e.g. unit_cost.acute.mode).",
		"Each input has a domain (DESIGN §4): a bounded distribution lies inside it; the draws of a normal or lognormal are clamped to it, as the description says where that applies.",
	}}
}
