package report

import (
	"fmt"

	"corecast/forecast"
)

// SheetHindcast is the sheet of the forecast held against the observations.
const SheetHindcast = "Hindcast"

// hindcastNotes explain the Hindcast sheet.
var hindcastNotes = []string{
	"Hindcast: the forecast held against the input's Observed sheet. A trust's state by an observed year is known when it was assessed that year, or was already seen core (maturity ≥ core_threshold) in an earlier assessment; other trusts are left out of that year.",
	"hindcast_verdict: what history says of each scenario, in words: whether an observed count lies outside its forecast P10–P90 (delivery slower or faster than the scenario assumes) and whether the forecast scores worse than the observed base rate; corecast calibrate --delivery fits delivery to the observations.",
	"hindcast: for each observed year, the observed trusts, how many of them were observed core by then, and the forecast distribution of that same count over the iterations (mean, P10/P50/P90). percentile is the observed count's mid-rank in it: the share of iterations below it plus half the share equal to it; near 0 or 1 the forecast misses. pace is slower when the observed count lies below the forecast P10, faster when above its P90. base_rate is the share of the year's observed trusts observed core. brier is the Brier score of the run, the mean of (P(core by the year) − observed)² over every observed trust-year: 0 is perfect, 0.25 what 50% everywhere would score. base_rate_brier is the Brier score of forecasting every trust-year its year's base rate: a forecast that scores worse tells less, trust by trust, than the observed rates alone.",
	"reliability: the observed trust-years grouped by forecast P(core by the year) in bins of 0.1: in a well-calibrated forecast the observed frequency is close to the mean forecast in every bin.",
}

// hindcastSheet holds the hindcast of every run whose inputs have
// observations, with a chart of the forecast count against the observed
// one. It applies only when some run has one.
func hindcastSheet(b *book) *sheet {
	found := false
	for _, r := range b.runs {
		found = found || r.Result.Hindcast != nil
	}
	if !found {
		return nil
	}
	hc := func(k int) *forecast.Hindcast { return b.runs[k].Result.Hindcast }
	// The verdict first, so that the sheet opens on it.
	verdict, _ := b.stacked("hindcast_verdict", []column{{name: "brier", kind: kRatio}, {name: "base_rate_brier", kind: kRatio}, {name: "verdict", overflow: true}},
		func(k int) int {
			if hc(k) != nil {
				return 1
			}
			return 0
		},
		func(k, _ int, dst []any) {
			h := hc(k)
			copy(dst, []any{h.Brier, h.Verdict.BaseRateBrier, hindcastVerdictCell(h)})
		})
	verdict.title = "What history says of the scenario"
	years, starts := b.stacked("hindcast", []column{{name: "year"}, {name: "trusts_observed", kind: kCount}, {name: "observed_core", kind: kCount},
		{name: "forecast_mean", kind: kTrusts}, {name: "forecast_p10", kind: kTrusts}, {name: "forecast_p50", kind: kTrusts}, {name: "forecast_p90", kind: kTrusts},
		{name: "percentile", kind: kPercent}, {name: "pace"}, {name: "base_rate", kind: kPercent}, {name: "brier", kind: kRatio}, {name: "base_rate_brier", kind: kRatio}},
		func(k int) int {
			if h := hc(k); h != nil {
				return len(h.Years)
			}
			return 0
		},
		func(k, j int, dst []any) {
			h := hc(k)
			y := h.Years[j]
			copy(dst, []any{y.Year.String(), y.Trusts, y.ObservedCore, y.Mean, y.P10, y.P50, y.P90, y.Percentile,
				paceWord(y.Pace), y.BaseRate, h.Brier, h.Verdict.BaseRateBrier})
		})
	years.title = "Observed trusts core by each observed year against the forecast"
	rel, _ := b.stacked("reliability", []column{{name: "bin"}, {name: "forecast_from", kind: kPercent}, {name: "forecast_to", kind: kPercent},
		{name: "trust_years", kind: kCount}, {name: "mean_forecast", kind: kPercent}, {name: "observed_frequency", kind: kPercent}},
		func(k int) int {
			if h := hc(k); h != nil {
				return len(h.Reliability)
			}
			return 0
		},
		func(k, j int, dst []any) {
			r := hc(k).Reliability[j]
			copy(dst, []any{fmt.Sprintf("%.1f–%.1f", r.Lo, r.Hi), r.Lo, r.Hi, r.Count, r.MeanP, r.ObservedFreq})
		})
	rel.title = "Reliability: forecast probability against observed frequency"
	s := &sheet{name: SheetHindcast, notes: hindcastNotes, tables: []*table{verdict, years, rel}}
	for k := range b.runs {
		lo, hi := starts[k], starts[k+1]
		if hi == lo {
			continue
		}
		line := func(col, color string) series {
			return series{t: years, cat: "year", val: col, lo: lo, hi: hi, color: color}
		}
		obs := line("observed_core", "C00000")
		obs.dashed = true
		s.charts = append(s.charts, chart{title: "Observed trusts core: forecast P10/P50/P90 and observed — " + b.labels[k], kind: chartLines,
			yTitle: "observed trusts core", series: []series{line("forecast_p10", "9DC3E6"), line("forecast_p50", "1F4E79"), line("forecast_p90", "9DC3E6"), obs}})
	}
	return s
}

// hindcastVerdictCell is a run's verdict for the hindcast_verdict table: the
// sentence of HindcastVerdict, or, when history agrees, a sentence saying so
// rather than an empty cell a reader might take for a missing one.
func hindcastVerdictCell(h *forecast.Hindcast) string {
	if v := HindcastVerdict(h); v != "" {
		return v
	}
	return "history agrees with this scenario: every observed count lies within its forecast P10–P90, and the forecast scores no worse than the observed base rate"
}
