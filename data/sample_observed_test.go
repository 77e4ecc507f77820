package data

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"corecast/forecast"
	"corecast/model"
)

// updateSample rewrites the sample's Observed sheet from the forecast.
var updateSample = flag.Bool("update", false, "rewrite sample/observed.csv from the default scenario's forecast")

// sampleObservedYears are the sample's observed years: two later
// assessments after the 2019-20 base year.
var sampleObservedYears = []model.FinancialYear{2021, 2023}

// TestSampleObserved checks that the embedded Observed sheet is what
// generateSampleObserved draws from the default scenario's forecast, byte
// for byte; with -update it writes it. A change to the engine's draws
// changes the forecast's probabilities a little, and so, now and then, a
// trust's drawn state: check that the sample's hindcast still agrees with
// its scenario (TestSampleHindcastAgrees), then regenerate.
func TestSampleObserved(t *testing.T) {
	got, err := generateSampleObserved()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("sample", FileObserved)
	if *updateSample {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, sampleObservedCSV) {
		t.Errorf("%s is not what the default scenario's forecast draws; check that the sample's hindcast still agrees, then run go test ./data -run TestSampleObserved -update", path)
	}
}

// TestSampleHindcastAgrees: the first screen must not show the model
// contradicting its own sample, so the default scenario's hindcast on the
// sample gives no verdict against it.
func TestSampleHindcastAgrees(t *testing.T) {
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	res, err := forecast.Run(context.Background(), in, model.DefaultScenario(), forecast.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Hindcast
	if h == nil || len(h.Pairs) != 2*((len(in.Trusts)+2)/3) {
		t.Fatalf("hindcast %+v, want every third trust in both years", h)
	}
	for _, y := range h.Years {
		t.Logf("%s: observed %d of %d core, forecast P10–P90 %g–%g, percentile %.2f", y.Year, y.ObservedCore, y.Trusts, y.P10, y.P90, y.Percentile)
	}
	t.Logf("Brier %.4f, observed base rate %.4f", h.Brier, h.Verdict.BaseRateBrier)
	if h.Verdict.Warns() {
		t.Errorf("the sample's hindcast contradicts the default scenario: %+v", h.Verdict)
	}
}

// generateSampleObserved draws the sample's Observed sheet from the default
// scenario's forecast: every third trust is assessed in each observed year,
// and is core by it with the forecast's probability P(core by the year).
// One uniform draw per trust, against each year's probability, keeps a
// trust core once it is (the probability only grows with the year). The
// scores are illustrative: each trust gains maturity at its own pace (about
// three points a year, lognormal across trusts) with some noise, never
// falling back, then lies on the side of core_threshold its drawn state
// says. Every trust takes the same draws whatever its state, so one trust's
// state never moves another's scores.
func generateSampleObserved() ([]byte, error) {
	trusts, err := sampleTrusts()
	if err != nil {
		return nil, err
	}
	in := generateSample(trusts)
	sc := model.DefaultScenario()
	// Any assessment makes a trust-year known, and the forecast's
	// probabilities do not depend on what was observed: assess the chosen
	// trusts at their base-year maturity to have the hindcast give them.
	var chosen []model.Trust
	for i := 0; i < len(in.Trusts); i += 3 {
		chosen = append(chosen, in.Trusts[i])
		for _, y := range sampleObservedYears {
			in.Observed = append(in.Observed, model.Observation{Code: in.Trusts[i].Code, Year: y, Maturity: in.Trusts[i].Maturity})
		}
	}
	res, err := forecast.Run(context.Background(), in, sc, forecast.Options{})
	if err != nil {
		return nil, err
	}
	type key struct {
		code string
		year model.FinancialYear
	}
	p := map[key]float64{}
	for _, pr := range res.Hindcast.Pairs {
		p[key{pr.Code, pr.Year}] = pr.P
	}
	core, notCore := math.Ceil(sc.CoreThreshold), math.Ceil(sc.CoreThreshold)-1
	rng := rand.New(rand.NewPCG(sampleSeed, sampleStream+1))
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(ObservedColumns()); err != nil {
		return nil, err
	}
	for _, tr := range chosen {
		u := rng.Float64()
		pace := 3 * math.Exp(0.5*rng.NormFloat64())
		last := tr.Maturity
		for _, y := range sampleObservedYears {
			pk, ok := p[key{tr.Code, y}]
			if !ok {
				return nil, fmt.Errorf("no forecast P(core by %s) for %s", y, tr.Code)
			}
			m := math.Round(tr.Maturity + pace*float64(y.Sub(sc.BaseYear)) + 2*rng.NormFloat64())
			above := core + math.Round(8*rng.Float64()) // a score a little past the threshold
			below := notCore - math.Round(4*rng.Float64())
			if u < pk {
				m = math.Max(m, above)
			} else {
				m = math.Min(m, below)
			}
			m = math.Min(100, math.Max(last, m))
			last = m
			if err := w.Write([]string{tr.Code, y.String(), strconv.FormatFloat(m, 'f', -1, 64)}); err != nil {
				return nil, err
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
