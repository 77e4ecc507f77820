package report

import (
	"corecast/forecast"
	"corecast/format"
)

// sensitivityNotes explain how the Sensitivity sheet was computed.
var sensitivityNotes = []string{
	"Tornado: each scenario-level input at its P10 and at its P90 with every other input at its P50; the trust-level draws (cost spread ε and deployment years) are common random numbers, the same in every run, so a bar's swing comes from that input alone.",
	"need_at_p10_m and need_at_p90_m are mean total need (£m real); change_at_p10_m and change_at_p90_m are their differences from the base run with every input at its P50 (base_need_m). Bars are sorted by need_swing_m, largest first.",
	"p_all_core_at_p10 and p_all_core_at_p90 are P(all trusts core by the target year) with the input at its P10 and P90 (base: base_p_all_core).",
	"Rank correlation: Spearman's rho, across the iterations of the scenario's own run, of each input's drawn value with total need and with the number of trusts core by the target year. Sorted by |rho_total_need|.",
}

// sensitivityOf returns run k's sensitivity analysis, or nil.
func (b *book) sensitivityOf(k int) *forecast.SensitivityResult {
	return b.runs[k].Sensitivity
}

// sensitivitySheet holds, for each run that has a sensitivity analysis, the
// tornado table with its bar chart and the rank-correlation table. It
// applies only when some run has one.
func sensitivitySheet(b *book) *sheet {
	found := false
	for k := range b.runs {
		found = found || b.sensitivityOf(k) != nil
	}
	if !found {
		return nil
	}
	count := func(n func(s *forecast.SensitivityResult) int) func(k int) int {
		return func(k int) int {
			if s := b.sensitivityOf(k); s != nil {
				return n(s)
			}
			return 0
		}
	}
	cols := []column{{name: "input"}, {name: "rank", kind: kCount}, {name: "p10_value", kind: kRatio}, {name: "p90_value", kind: kRatio},
		{name: "need_at_p10_m", kind: kMoney}, {name: "need_at_p90_m", kind: kMoney}, {name: "need_swing_m", kind: kMoney},
		{name: "change_at_p10_m", kind: kMoney}, {name: "change_at_p90_m", kind: kMoney}, {name: "base_need_m", kind: kMoney},
		{name: "p_all_core_at_p10", kind: kPercent}, {name: "p_all_core_at_p90", kind: kPercent}, {name: "p_core_swing", kind: kPercent},
		{name: "base_p_all_core", kind: kPercent}, {name: "core_at_p10", kind: kNumber}, {name: "core_at_p90", kind: kNumber},
		{name: "core_swing", kind: kNumber}, {name: "iterations", kind: kCount}}
	tornado, starts := b.stacked("tornado", cols,
		count(func(s *forecast.SensitivityResult) int { return len(s.Bars) }),
		func(k, j int, dst []any) {
			s := b.sensitivityOf(k)
			r := s.Bars[j]
			copy(dst, []any{r.Input, j + 1, r.Low, r.High, r.NeedLow, r.NeedHigh, r.NeedSwing(),
				r.NeedLow - s.BaseNeed, r.NeedHigh - s.BaseNeed, s.BaseNeed,
				r.PCoreLow, r.PCoreHigh, r.PCoreSwing(), s.BasePCore, r.CoreLow, r.CoreHigh, r.CoreSwing(), s.Iterations})
		})
	tornado.title = "Tornado: mean total need, P(all core) and mean trusts core by the target year with one input at its P10 or P90"
	ranks, _ := b.stacked("rank_correlation",
		[]column{{name: "input"}, {name: "rank", kind: kCount}, {name: "rho_total_need", kind: kScore}, {name: "rho_core_by_target", kind: kScore}},
		count(func(s *forecast.SensitivityResult) int { return len(s.Ranks) }),
		func(k, j int, dst []any) {
			r := b.sensitivityOf(k).Ranks[j]
			copy(dst, []any{r.Input, j + 1, r.RhoNeed, r.RhoCore})
		})
	ranks.title = "Spearman rank correlation of each input with the outputs, across the scenario's iterations"
	s := &sheet{name: SheetSensitivity, notes: sensitivityNotes, tables: []*table{tornado, ranks}}
	for k := range b.runs {
		lo, hi := starts[k], starts[k+1]
		if hi <= lo {
			continue
		}
		title := "Tornado: change in mean total need from base, £m real"
		if len(b.runs) > 1 {
			title += " — " + b.labels[k]
		}
		s.charts = append(s.charts, chart{title: title, kind: chartBars,
			yTitle: "£m change from £" + format.Thousands(b.sensitivityOf(k).BaseNeed) + "m, the mean with every input at its P50",
			series: []series{
				{t: tornado, cat: "input", val: "change_at_p10_m", lo: lo, hi: hi, color: "9DC3E6"},
				{t: tornado, cat: "input", val: "change_at_p90_m", lo: lo, hi: hi, color: "1F4E79"},
			}})
	}
	return s
}
