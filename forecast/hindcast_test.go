package forecast

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"corecast/data"
	"corecast/model"
)

// twoTrusts is a deterministic case computable by hand: one start a year,
// two years to deploy, money no object. A (maturity 40) starts in 2019 and
// completes in 2020; B (maturity 50) starts in 2020 and completes in 2021.
func twoTrusts() (model.Inputs, model.Scenario) {
	sc := fixedScenario()
	sc.CapacityStarts = 1
	sc.EnvelopeAfterM = 1e6
	return model.Inputs{Trusts: []model.Trust{trust("A", 40), trust("B", 50)}}, sc
}

func TestHindcastKnownAnswer(t *testing.T) {
	in, sc := twoTrusts()
	in.Observed = []model.Observation{
		{Code: "A", Year: 2020, Maturity: 80}, // core, as forecast
		{Code: "B", Year: 2020, Maturity: 60}, // not core, as forecast
		{Code: "B", Year: 2021, Maturity: 70}, // not core, forecast core
	}
	h := mustRun(t, in, sc).Hindcast
	if h == nil {
		t.Fatal("no hindcast")
	}
	// A is known core by 2021 from its 2020 assessment: four pairs.
	want := []HindcastPair{
		{Code: "A", Year: 2020, P: 1, Observed: true}, {Code: "B", Year: 2020, P: 0, Observed: false},
		{Code: "A", Year: 2021, P: 1, Observed: true}, {Code: "B", Year: 2021, P: 1, Observed: false},
	}
	if len(h.Pairs) != len(want) {
		t.Fatalf("pairs %+v, want %+v", h.Pairs, want)
	}
	for k := range want {
		if h.Pairs[k] != want[k] {
			t.Errorf("pair %d = %+v, want %+v", k, h.Pairs[k], want[k])
		}
	}
	if h.Brier != 0.25 {
		t.Errorf("Brier = %g, want 1/4", h.Brier)
	}
	// In 2021-22 one of the two is core where the forecast has both, below
	// its P10: slower than assumed.
	wantYears := []HindcastYear{
		{Year: 2020, Trusts: 2, ObservedCore: 1, Mean: 1, P10: 1, P50: 1, P90: 1, Percentile: 0.5, BaseRate: 0.5, Pace: AsForecast},
		{Year: 2021, Trusts: 2, ObservedCore: 1, Mean: 2, P10: 2, P50: 2, P90: 2, Percentile: 0, BaseRate: 0.5, Pace: Slower},
	}
	for k, w := range wantYears {
		if h.Years[k] != w {
			t.Errorf("year %d = %+v, want %+v", k, h.Years[k], w)
		}
	}
	// Each year's base rate is 1/2, so it scores (1/2)² on every pair: 1/4,
	// as the forecast does; no worse.
	if want := (Verdict{Slower: true, BaseRateBrier: 0.25}); h.Verdict != want {
		t.Errorf("verdict %+v, want %+v", h.Verdict, want)
	}
	lo, hi := h.Reliability[0], h.Reliability[9]
	if lo.Count != 1 || lo.MeanP != 0 || lo.ObservedFreq != 0 || hi.Count != 3 || hi.MeanP != 1 || math.Abs(hi.ObservedFreq-2.0/3) > 1e-15 {
		t.Errorf("reliability %+v … %+v", lo, hi)
	}
	if h.Reliability[5].Count != 0 || !math.IsNaN(h.Reliability[5].MeanP) {
		t.Errorf("empty bin %+v", h.Reliability[5])
	}
}

// A perfect forecast: observations read off the model's own deterministic
// completions score Brier 0, with each observed count at the forecast's
// middle.
func TestHindcastPerfectInformation(t *testing.T) {
	in := synthetic(60, 7)
	sc := fixedScenario()
	sc.CapacityStarts = 12
	done := completions(mustRun(t, in, sc))
	for _, tr := range in.Trusts {
		for _, y := range []model.FinancialYear{2019, 2021, 2023, 2026} {
			m := 10.0
			if done[tr.Code] <= y {
				m = sc.CoreThreshold
			}
			in.Observed = append(in.Observed, model.Observation{Code: tr.Code, Year: y, Maturity: m})
		}
	}
	h := mustRun(t, in, sc).Hindcast
	if h.Brier != 0 {
		t.Errorf("Brier = %g, want 0", h.Brier)
	}
	for _, y := range h.Years {
		if y.Trusts != len(in.Trusts) || y.P10 != float64(y.ObservedCore) || y.P90 != float64(y.ObservedCore) || y.Percentile != 0.5 || y.Pace != AsForecast {
			t.Errorf("year %+v: the forecast should be the observed count", y)
		}
	}
	if h.Verdict.Warns() {
		t.Errorf("verdict %+v on a perfect forecast", h.Verdict)
	}
}

// TestHindcastFaster: B, forecast to complete in 2021, is observed core
// already in 2020, above the forecast's P10–P90 of one. A is forecast
// right and B wrong, so the Brier score is 1/2, while the year's base rate
// is 1 (both observed core) and scores 0.
func TestHindcastFaster(t *testing.T) {
	in, sc := twoTrusts()
	in.Observed = []model.Observation{
		{Code: "A", Year: 2020, Maturity: 80},
		{Code: "B", Year: 2020, Maturity: 80},
	}
	h := mustRun(t, in, sc).Hindcast
	if len(h.Years) != 1 || h.Years[0].Pace != Faster || h.Years[0].BaseRate != 1 {
		t.Fatalf("years %+v, want 2020-21 faster with base rate 1", h.Years)
	}
	if want := (Verdict{Faster: true, BaseRateBrier: 0, WorseThanBaseRate: true}); h.Brier != 0.5 || h.Verdict != want {
		t.Errorf("Brier %g, verdict %+v; want 1/2 and %+v", h.Brier, h.Verdict, want)
	}
}

// TestVerdictBaseRate works out the base-rate Brier score by hand: in
// 2021-22 one of four trusts is core (rate 1/4: three pairs score (1/4)²,
// one (3/4)², mean 3/16), in 2023-24 both of two (rate 1, score 0); over the
// six pairs, (4·3/16 + 0)/6 = 1/8.
func TestVerdictBaseRate(t *testing.T) {
	years := []HindcastYear{
		{Year: 2021, Trusts: 4, ObservedCore: 1, BaseRate: 0.25},
		{Year: 2023, Trusts: 2, ObservedCore: 2, BaseRate: 1},
	}
	pairs := func(p ...float64) []HindcastPair {
		obs := []bool{false, false, false, true, true, true}
		yrs := []model.FinancialYear{2021, 2021, 2021, 2021, 2023, 2023}
		out := make([]HindcastPair, len(p))
		for k := range p {
			out[k] = HindcastPair{Code: fmt.Sprint(k), Year: yrs[k], P: p[k], Observed: obs[k]}
		}
		return out
	}
	for _, c := range []struct {
		name  string
		pairs []HindcastPair
		worse bool
	}{
		// Sharp and right: Brier (4·0.01 + 2·0.01)/6 = 0.01.
		{"skilful", pairs(0.1, 0.1, 0.1, 0.9, 0.9, 0.9), false},
		// Right on average but blind to which trust: 1/4 everywhere in
		// 2021-22 matches the base rate there, and 0.9 in 2023-24 scores
		// 0.01 against its 0, (3/16·4 + 0.02)/6 > 1/8.
		{"unsharp", pairs(0.25, 0.25, 0.25, 0.25, 0.9, 0.9), true},
		// Backwards: worse than the base rate.
		{"backwards", pairs(0.9, 0.9, 0.9, 0.1, 0.1, 0.1), true},
	} {
		h := &Hindcast{Years: years, Pairs: c.pairs}
		h.Brier, h.Reliability = brier(h.Pairs)
		v := verdict(h)
		if math.Abs(v.BaseRateBrier-0.125) > 1e-15 || v.WorseThanBaseRate != c.worse || v.Slower || v.Faster {
			t.Errorf("%s: Brier %g, verdict %+v; want base-rate Brier 1/8, worse %v", c.name, h.Brier, v, c.worse)
		}
	}
}

func TestHindcastRejectsContradictions(t *testing.T) {
	in, sc := twoTrusts()
	for _, c := range []struct {
		obs  model.Observation
		want string
	}{
		{model.Observation{Code: "Z", Year: 2021, Maturity: 80}, "trust Z in 2021-22 is not among the trusts"},
		{model.Observation{Code: "B", Year: 2019, Maturity: 80}, "trust B is observed core (maturity 80) in 2019-20"},
	} {
		in.Observed = []model.Observation{c.obs}
		_, err := Run(context.Background(), in, sc, Options{})
		if !errors.Is(err, ErrObservations) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one saying %q", c.obs, err, c.want)
		}
	}
	// Every misfit is reported at once.
	in.Observed = []model.Observation{{Code: "Z", Year: 2021, Maturity: 80}, {Code: "B", Year: 2019, Maturity: 80}, {Code: "A", Year: 2018, Maturity: 90}}
	_, err := Run(context.Background(), in, sc, Options{})
	if err == nil || !strings.Contains(err.Error(), "3 observations: observed trust Z") || !strings.Contains(err.Error(), "trust A is observed core (maturity 90) in 2018-19") {
		t.Errorf("error %v, want all three misfits", err)
	}
}

func TestHindcastSample(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	sc := model.DefaultScenario()
	sc.Iterations = 500
	h := mustRun(t, in, sc).Hindcast
	if h == nil || len(h.Years) != 2 || len(h.Pairs) < 2*len(in.Trusts)/3 {
		t.Fatalf("hindcast %+v", h)
	}
	if !(h.Brier >= 0 && h.Brier <= 1) {
		t.Errorf("Brier = %g", h.Brier)
	}
	n := 0
	for _, b := range h.Reliability {
		n += b.Count
	}
	if n != len(h.Pairs) {
		t.Errorf("reliability counts %d pairs of %d", n, len(h.Pairs))
	}
}

// The hindcast, like the rest of a result, is the same for a seed whatever
// the number of workers.
func TestHindcastDeterministic(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	sc := model.DefaultScenario()
	sc.Iterations = 3*blockSize + 17
	var first *Hindcast
	for _, w := range []int{1, 3, 8} {
		res, err := Run(context.Background(), in, sc, Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = res.Hindcast
			continue
		}
		if !reflect.DeepEqual(hindcastText(res.Hindcast), hindcastText(first)) {
			t.Errorf("%d workers give a different hindcast", w)
		}
	}
}

// hindcastText prints a hindcast so that NaNs compare equal.
func hindcastText(h *Hindcast) string { return fmt.Sprintf("%+v", *h) }
