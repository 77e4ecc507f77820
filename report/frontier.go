package report

import (
	"math"
	"strconv"

	"corecast/forecast"
)

// frontierNotes explain the Frontier sheet.
var frontierNotes = []string{
	"Investment frontier: P(all trusts core by target_year) on a grid of uniform uplift to the national envelope (£m a year, absolute: the scenario's own uplift is not added) × capacity_starts. Every point uses the same draws (common random numbers): each iteration is drawn and costed once and only its schedule re-run, so P moves only because money or capacity does.",
	"Frontier line: at each capacity, the least uniform uplift giving P ≥ goal, or none when even unlimited money does not reach it there (deployment time and the target year bind; p is then the most any uplift gives).",
	"Price of confidence: at the scenario's capacity, the least uniform uplift for each level of confidence, and the ceiling no uplift passes.",
	"Phased goal seek: the uplift by year, base_year to target_year (later years cannot help a trust be core by then), with the least total (or present value) reaching P ≥ goal, found from the uniform answer by lowering one year at a time while P holds and by transfers (raising one year while lowering another by more) until no move helps. The reproduce column's --set lines give it exactly. uniform_total_m and uniform_pv_m are the uniform answer's total and present value over the same years, base_year to target_year, so that the two compare like for like.",
}

// frontierSheet holds, for each run with a frontier or a phased goal seek,
// the grid, the frontier line, the price of confidence and the phased table,
// with charts of the price and of the line. It applies only when some run
// has one.
func frontierSheet(b *book) *sheet {
	found := false
	for _, r := range b.runs {
		found = found || r.Frontier != nil || r.Phased != nil
	}
	if !found {
		return nil
	}
	fr := func(k int) *forecast.FrontierResult { return b.runs[k].Frontier }
	grid, _ := b.stacked("frontier", []column{{name: "capacity_starts", kind: kCount}, {name: "uplift_m", kind: kMoney}, {name: "p_all_core", kind: kPercent}},
		func(k int) int {
			if f := fr(k); f != nil {
				return len(f.Capacities) * len(f.Uplifts)
			}
			return 0
		},
		func(k, j int, dst []any) {
			f := fr(k)
			c, u := j/len(f.Uplifts), j%len(f.Uplifts)
			copy(dst, []any{f.Capacities[c], f.Uplifts[u], f.P[c][u]})
		})
	grid.title = "P(all core by target) over uniform uplift × capacity"
	line, lineStarts := b.stacked("frontier_line", []column{{name: "goal", kind: kPercent}, {name: "capacity_starts", kind: kCount},
		{name: "reached"}, {name: "least_uplift_m", kind: kMoney}, {name: "p_all_core", kind: kPercent}},
		func(k int) int {
			if f := fr(k); f != nil {
				return len(f.Line)
			}
			return 0
		},
		func(k, j int, dst []any) {
			f := fr(k)
			pt := f.Line[j]
			up, reached := math.NaN(), "no"
			if pt.Reached {
				up, reached = pt.Uplift, "yes"
			}
			copy(dst, []any{f.Goal, pt.Capacity, reached, up, pt.P})
		})
	line.title = "Frontier line: the least uniform uplift reaching the goal at each capacity"
	price, priceStarts := b.stacked("price_of_confidence", []column{{name: "capacity_starts", kind: kCount}, {name: "confidence", kind: kPercent},
		{name: "reached"}, {name: "least_uplift_m", kind: kMoney}, {name: "p_all_core", kind: kPercent}, {name: "ceiling", kind: kPercent}},
		func(k int) int {
			if f := fr(k); f != nil {
				return len(f.Price)
			}
			return 0
		},
		func(k, j int, dst []any) {
			f := fr(k)
			pp := f.Price[j]
			up, p, reached := math.NaN(), math.NaN(), "no"
			if pp.Reached {
				up, p, reached = pp.Uplift, pp.P, "yes"
			}
			copy(dst, []any{f.Capacity, pp.Goal, reached, up, p, f.Ceiling})
		})
	price.title = "Price of confidence at the scenario's capacity"
	phased, _ := b.stacked("phased", []column{{name: "objective"}, {name: "goal", kind: kPercent}, {name: "year"}, {name: "uplift_m", kind: kMoney},
		{name: "reproduce"}, {name: "total_m", kind: kMoney}, {name: "pv_m", kind: kMoney}, {name: "p_all_core", kind: kPercent},
		{name: "uniform_m", kind: kMoney}, {name: "uniform_total_m", kind: kMoney}, {name: "uniform_pv_m", kind: kMoney}},
		func(k int) int {
			if ph := b.runs[k].Phased; ph != nil && ph.Reached {
				return len(ph.Years)
			}
			return 0
		},
		func(k, j int, dst []any) {
			ph := b.runs[k].Phased
			copy(dst, []any{ph.Objective, ph.Goal, ph.Years[j].String(), ph.Uplift[j],
				"--set envelope_uplift_m." + ph.Years[j].String() + "=" + strconv.FormatFloat(ph.Uplift[j], 'f', -1, 64),
				ph.Total, ph.PV, ph.P, ph.UniformM, ph.UniformTotal, ph.UniformPV})
		})
	phased.title = "Phased goal seek: uplift by year beside the uniform answer"
	s := &sheet{name: SheetFrontier, notes: frontierNotes, tables: []*table{grid, line, price, phased}}
	for k := range b.runs {
		if lo, hi := priceStarts[k], priceStarts[k+1]; hi > lo {
			s.charts = append(s.charts, chart{title: "Price of confidence: least uplift for each P — " + b.labels[k], kind: chartLines,
				yTitle: "£m a year", series: []series{{t: price, cat: "confidence", val: "least_uplift_m", lo: lo, hi: hi, color: "1F4E79"}}})
		}
		if lo, hi := lineStarts[k], lineStarts[k+1]; hi > lo {
			s.charts = append(s.charts, chart{title: "Frontier line: least uplift for the goal at each capacity — " + b.labels[k], kind: chartLines,
				yTitle: "£m a year", series: []series{{t: line, cat: "capacity_starts", val: "least_uplift_m", lo: lo, hi: hi, color: "C55A11"}}})
		}
	}
	return s
}
