package model

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// anywhere is a domain that holds every value, so that a conversion is
// limited only by what its kind can hold.
var anywhere = Domain{Lo: math.Inf(-1), Hi: math.Inf(1)}

// Moments by hand: pert(0.1, 0.3, 1) has α = 1+4·0.2/0.9, β = 1+4·0.7/0.9,
// mean (0.1+1.2+1)/6.
func TestMoments(t *testing.T) {
	al, be := 1+0.8/0.9, 1+2.8/0.9
	cases := []struct {
		d        Distribution
		mean, sd float64
	}{
		{FixedDist(3), 3, 0},
		{UniformDist(0, 0.3), 0.15, 0.3 / math.Sqrt(12)},
		{TriangularDist(1, 2, 3.5), 6.5 / 3, math.Sqrt((1 + 12.25 + 4 - 3.5 - 2 - 7) / 18)},
		{PERTDist(0.1, 0.3, 1), 2.3 / 6, 0.9 * math.Sqrt(al*be/((al+be)*(al+be)*(al+be+1)))},
		{NormalDist(0.02, 0.01), 0.02, 0.01},
		{LognormalDist(1, 0.5), math.Exp(0.125), math.Exp(0.125) * math.Sqrt(math.Expm1(0.25))},
	}
	for _, c := range cases {
		m, s := c.d.Moments()
		if !close(m, c.mean) || !close(s, c.sd) {
			t.Errorf("%s: mean %g sd %g, want %g %g", c.d, m, s, c.mean, c.sd)
		}
	}
}

// Skewness by hand: a triangular with its mode at an end leans most
// (2√2/5); a pert's α = 1, β = 5 gives 2·4·√7/(8·√5); a lognormal's
// (e^σ²+2)√(e^σ²−1).
func TestSkewness(t *testing.T) {
	cases := []struct {
		d    Distribution
		skew float64
	}{
		{UniformDist(0, 1), 0},
		{NormalDist(1, 2), 0},
		{TriangularDist(0, 0, 1), 2 * math.Sqrt2 / 5},
		{TriangularDist(0, 1, 1), -2 * math.Sqrt2 / 5},
		{TriangularDist(0, 0.5, 1), 0},
		{PERTDist(0, 0, 1), math.Sqrt(7) / math.Sqrt(5)},
		{LognormalDist(1, 0.5), (math.Exp(0.25) + 2) * math.Sqrt(math.Expm1(0.25))},
	}
	for _, c := range cases {
		if got := c.d.Skewness(); !close(got, c.skew) {
			t.Errorf("%s: skewness %g, want %g", c.d, got, c.skew)
		}
	}
}

// convertSources are one distribution of each kind with a spread, skewed
// either way where the kind can be.
var convertSources = []Distribution{
	UniformDist(0.5, 0.9),
	TriangularDist(1, 2, 3.5),
	TriangularDist(0, 2.5, 3),
	PERTDist(1, 1.8, 3.5),
	PERTDist(0.1, 0.3, 1),
	PERTDist(0, 0.9, 1),
	NormalDist(0.02, 0.01),
	NormalDist(-3, 2),
	LognormalDist(1.8, 0.3),
	lognormalP(1, 4),
}

// lognormalP is the lognormal given by its p10 and p90.
func lognormalP(p10, p90 float64) Distribution {
	d := NewDistribution(Lognormal)
	d.P10, d.P90 = p10, p90
	return d
}

// Every kind with a spread can hold any mean and sd where the domain
// does not limit it: each pair of kinds keeps both, to 1e-9, and says
// nothing moved; a fixed value keeps the mean and says the sd went to 0.
// A lognormal needs a positive mean.
func TestConvertKeepsMeanAndSD(t *testing.T) {
	for _, src := range convertSources {
		mean, sd := src.Moments()
		for _, k := range DistKinds() {
			t.Run(fmt.Sprintf("%s to %s", src, k), func(t *testing.T) {
				c, err := src.ConvertTo(k, anywhere)
				if k == Lognormal && mean <= 0 {
					if err == nil || !strings.Contains(err.Error(), "positive mean") {
						t.Fatalf("want a refusal naming the positive mean, got %v (%s)", err, c.Dist)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := c.Dist.Validate(); err != nil || c.Dist.Kind != k {
					t.Fatalf("%s: %v", c.Dist, err)
				}
				m, s := c.Dist.Moments()
				if !close(m, mean) || !close(c.Mean, m) || !close(c.SD, s) {
					t.Errorf("%s: mean %g (reported %g), want %g", c.Dist, m, c.Mean, mean)
				}
				if k == Fixed {
					if s != 0 || c.Change() != "sd "+moved(sd, 0) || c.Why == "" {
						t.Errorf("%s: sd %g, change %q (%s)", c.Dist, s, c.Change(), c.Why)
					}
					return
				}
				if !close(s, sd) || !c.Kept() || c.Change() != "" || c.Why != "" {
					t.Errorf("%s: sd %g, want %g; change %q %s", c.Dist, s, sd, c.Change(), c.Why)
				}
			})
		}
	}
}

// A bounded kind keeps the skewness where it can lean that far, so that
// pert → triangular → pert comes back to the same pert; beyond, it leans
// as far as it can.
func TestConvertKeepsSkewness(t *testing.T) {
	pert := PERTDist(1, 1.8, 3.5)
	tri, err := pert.ConvertTo(Triangular, anywhere)
	if err != nil {
		t.Fatal(err)
	}
	if !close(tri.Dist.Skewness(), pert.Skewness()) {
		t.Errorf("%s: skewness %g, want %g", tri.Dist, tri.Dist.Skewness(), pert.Skewness())
	}
	back, err := tri.Dist.ConvertTo(PERT, anywhere)
	if err != nil {
		t.Fatal(err)
	}
	if b := back.Dist; !close(b.Min, 1) || !close(b.Mode, 1.8) || !close(b.Max, 3.5) {
		t.Errorf("pert → triangular → pert gives %s, want %s", b, pert)
	}
	steep, err := LognormalDist(1.8, 0.6).ConvertTo(Triangular, anywhere)
	if err != nil {
		t.Fatal(err)
	}
	if d := steep.Dist; d.Mode != d.Min {
		t.Errorf("a lognormal leaning further than a triangular can gives %s, want the mode at the minimum", d)
	}
}

// Where the input's domain cannot hold the sd, the new kind keeps the mean,
// narrows the sd until it fits, and says by how much: the change reported
// is the change made.
func TestConvertNarrowsToTheDomain(t *testing.T) {
	cases := []struct {
		src Distribution
		k   DistKind
		dom Domain
	}{
		{PERTDist(0.1, 0.3, 1), Normal, Between(0, 3)},      // optimism_bias
		{PERTDist(0.1, 0.3, 1), Uniform, Between(0.25, 20)}, // deploy_years' lower bound
		{PERTDist(0.1, 0.3, 1), Lognormal, Between(0.25, 20)},
		{TriangularDist(1, 2, 3.5), PERT, Between(0, 3)},
		{UniformDist(0, 0.3), Normal, Above(0)}, // unit costs
	}
	for _, c := range cases {
		mean, sd := c.src.Moments()
		got, err := c.src.ConvertTo(c.k, c.dom)
		if err != nil {
			t.Fatalf("%s to %s within %s: %v", c.src, c.k, c.dom, err)
		}
		if p := c.dom.checkDistribution("x", got.Dist); p != "" {
			t.Errorf("%s to %s: %s", c.src, c.k, p)
		}
		m, s := got.Dist.Moments()
		if !close(m, mean) || !(s < sd) || !(s > 0) || !close(got.SD, s) {
			t.Errorf("%s to %s = %s: mean %g sd %g, want mean %g and sd below %g", c.src, c.k, got.Dist, m, s, mean, sd)
		}
		want := "sd " + moved(sd, s)
		if got.Change() != want || got.Kept() || !strings.Contains(got.Why, c.dom.String()) {
			t.Errorf("%s to %s: change %q (%s), want %q", c.src, c.k, got.Change(), got.Why, want)
		}
	}
	// A bounded kind first tries another lean: pert(1, 1.8, 3.5) as a
	// triangular within 0–3 keeps its sd by leaning the other way.
	tri, err := PERTDist(1, 1.8, 3.5).ConvertTo(Triangular, Between(0, 3))
	if err != nil || !tri.Kept() || tri.Dist.Max > 3 {
		t.Errorf("pert(1, 1.8, 3.5) as a triangular within 0–3: %s, %q, %v", tri.Dist, tri.Change(), err)
	}
}

// A change is written with the figures that tell the moments apart and the
// change in per cent.
func TestConversionChange(t *testing.T) {
	c := Conversion{MeanWas: 1.95, Mean: 2.1, SDWas: 0.458647, SD: 0.458647}
	if got, want := c.Change(), "mean 1.95 → 2.1 (+7.7%)"; got != want {
		t.Errorf("Change() = %q, want %q", got, want)
	}
	c = Conversion{MeanWas: 1.95, Mean: 1.95, SDWas: 0.458647, SD: 0.2823}
	if got, want := c.Change(), "sd 0.459 → 0.282 (-38%)"; got != want {
		t.Errorf("Change() = %q, want %q", got, want)
	}
	c = Conversion{MeanWas: 1.95001, Mean: 1.95002, SDWas: 1, SD: 1}
	if got, want := c.Change(), "mean 1.95001 → 1.95002 (under 0.1%)"; got != want {
		t.Errorf("Change() = %q, want %q", got, want)
	}
}

// What cannot be converted is refused with what to do instead.
func TestConvertRefuses(t *testing.T) {
	if _, err := FixedDist(2).ConvertTo(PERT, anywhere); err == nil || !strings.Contains(err.Error(), "no spread") {
		t.Errorf("fixed to pert: %v", err)
	}
	if _, err := NormalDist(-0.5, 1).ConvertTo(Lognormal, anywhere); err == nil || !strings.Contains(err.Error(), "positive mean") {
		t.Errorf("normal(-0.5, 1) to lognormal: %v", err)
	}
	if c, err := FixedDist(2).ConvertTo(Fixed, anywhere); err != nil || c.Dist.Value != 2 || !c.Kept() {
		t.Errorf("fixed to fixed: %v %v", c, err)
	}
}
