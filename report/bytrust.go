package report

import (
	"corecast/forecast"
	"corecast/format"
)

// byTrustSheet holds one row per trust and run; it is streamed.
func byTrustSheet(b *book) *sheet {
	cols := []column{{name: "code", input: true}, {name: "name", input: true}, {name: "type"}, {name: "region"},
		{name: "opex_m", kind: kMoney}, {name: "maturity", kind: kTrusts}, {name: "gap", kind: kTrusts},
		{name: "committed_m", kind: kMoney},
		{name: "cost_mean", kind: kMoney}, {name: "cost_p10", kind: kMoney}, {name: "cost_p50", kind: kMoney}, {name: "cost_p90", kind: kMoney},
		{name: "need_mean", kind: kMoney}, {name: "p_core_by_target", kind: kPercent}, {name: "p_core_mc_se", kind: kPctSE},
		{name: "completion_p10"}, {name: "completion_p50"}, {name: "completion_p90"}}
	t, _ := b.stacked("by_trust", cols,
		b.each(func(r *forecast.Result) int { return len(r.ByTrust) }),
		func(k, j int, dst []any) {
			r := b.runs[k].Result
			tr := r.ByTrust[j]
			h := r.Scenario.HorizonYear
			copy(dst, []any{tr.Trust.Code, tr.Trust.Name, tr.Trust.Type.String(), tr.Trust.Region.String(),
				tr.Trust.OpexM, tr.Trust.Maturity, tr.Gap, tr.CommittedM,
				tr.Cost.Mean, tr.Cost.P10, tr.Cost.P50, tr.Cost.P90, tr.NeedMean,
				tr.PCoreByTarget.P, tr.PCoreByTarget.SE,
				format.Year(tr.Completion.P10, h), format.Year(tr.Completion.P50, h),
				format.Year(tr.Completion.P90, h)})
		})
	// A row only reads the run's results, so rows may be made on every
	// core: at tens of thousands of trusts, formatting them is a good part
	// of writing a CSV or JSON export.
	t.concurrent = true
	return &sheet{name: SheetByTrust, tables: []*table{t}, stream: true, notes: []string{
		"One row per trust: cost £m (mean; percentiles from a streamed histogram, within 1%), need after committed funding, P(core by the target year) and completion-year percentiles.",
	}}
}
