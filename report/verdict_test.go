package report

import (
	"testing"

	"corecast/forecast"
)

// verdictCase is a hindcast of the sample's shape: two observed years of 73
// trusts, with the paces and Brier scores given.
func verdictCase(p2021, p2023 forecast.Pace, brier, base float64) *forecast.Hindcast {
	h := &forecast.Hindcast{Brier: brier, Years: []forecast.HindcastYear{
		{Year: 2021, Trusts: 73, ObservedCore: 16, P10: 17, P90: 28.1, Pace: p2021},
		{Year: 2023, Trusts: 73, ObservedCore: 32, P10: 43, P90: 73, Pace: p2023},
	}}
	h.Verdict = forecast.Verdict{BaseRateBrier: base, WorseThanBaseRate: brier > base}
	for _, y := range h.Years {
		h.Verdict.Slower = h.Verdict.Slower || y.Pace == forecast.Slower
		h.Verdict.Faster = h.Verdict.Faster || y.Pace == forecast.Faster
	}
	return h
}

func TestHindcastVerdict(t *testing.T) {
	within, slower, faster := forecast.AsForecast, forecast.Slower, forecast.Faster
	for _, c := range []struct {
		name        string
		h           *forecast.Hindcast
		want, short string
	}{
		{"no hindcast", nil, "", ""},
		{"agrees", verdictCase(within, within, 0.15, 0.21), "", ""},
		{"equal Brier is not worse", verdictCase(within, within, 0.21, 0.21), "", ""},
		{"slower", verdictCase(within, slower, 0.15, 0.21),
			"history says delivery is slower than this scenario assumes: 32 of 73 observed core by 2023-24, forecast 43–73 (P10–P90); try corecast calibrate --delivery",
			"history says delivery is slower than assumed: 32 of 73 core by 2023-24, forecast 43–73; try corecast calibrate --delivery"},
		{"faster", verdictCase(faster, within, 0.15, 0.21),
			"history says delivery is faster than this scenario assumes: 16 of 73 observed core by 2021-22, forecast 17–28.1 (P10–P90); try corecast calibrate --delivery",
			"history says delivery is faster than assumed: 16 of 73 core by 2021-22, forecast 17–28.1; try corecast calibrate --delivery"},
		{"slower twice", verdictCase(slower, slower, 0.15, 0.21),
			"history says delivery is slower than this scenario assumes: 16 of 73 observed core by 2021-22, forecast 17–28.1 (P10–P90), and 32 of 73 by 2023-24, forecast 43–73; try corecast calibrate --delivery",
			"history says delivery is slower than assumed: 32 of 73 core by 2023-24, forecast 43–73; try corecast calibrate --delivery"},
		{"both ways", verdictCase(slower, faster, 0.15, 0.21),
			"history says delivery is slower than this scenario assumes: 16 of 73 observed core by 2021-22, forecast 17–28.1 (P10–P90); and faster than it assumes: 32 of 73 observed core by 2023-24, forecast 43–73 (P10–P90); try corecast calibrate --delivery",
			"history says delivery is faster than assumed: 32 of 73 core by 2023-24, forecast 43–73; try corecast calibrate --delivery"},
		{"Brier", verdictCase(within, within, 0.388, 0.2087),
			"the forecast scores worse than the observed base rate: Brier 0.39 against 0.21; try corecast calibrate --delivery",
			"the forecast scores worse than the observed base rate (Brier 0.39 against 0.21); try corecast calibrate --delivery"},
		{"Brier close", verdictCase(within, within, 0.2104, 0.2101),
			"the forecast scores worse than the observed base rate: Brier 0.2104 against 0.2101; try corecast calibrate --delivery",
			"the forecast scores worse than the observed base rate (Brier 0.2104 against 0.2101); try corecast calibrate --delivery"},
		{"slower and Brier", verdictCase(within, slower, 0.388, 0.2087),
			"history says delivery is slower than this scenario assumes: 32 of 73 observed core by 2023-24, forecast 43–73 (P10–P90); the forecast scores worse than the observed base rate: Brier 0.39 against 0.21; try corecast calibrate --delivery",
			"history says delivery is slower than assumed: 32 of 73 core by 2023-24, forecast 43–73; try corecast calibrate --delivery"},
	} {
		if got := HindcastVerdict(c.h); got != c.want {
			t.Errorf("%s: HindcastVerdict =\n%s\nwant\n%s", c.name, got, c.want)
		}
		if got := HindcastVerdictShort(c.h); got != c.short {
			t.Errorf("%s: HindcastVerdictShort =\n%s\nwant\n%s", c.name, got, c.short)
		}
	}
}
