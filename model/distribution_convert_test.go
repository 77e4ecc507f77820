package model

import (
	"math"
	"strings"
	"testing"
)

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

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

// Converting keeps the mean and sd into and out of the unbounded kinds, and
// the range and mode among the bounded ones; it says when it cannot.
func TestConvertTo(t *testing.T) {
	pert := PERTDist(0.1, 0.3, 1)
	pm, ps := pert.Moments()
	for _, k := range []DistKind{Normal, Lognormal} {
		got, err := pert.ConvertTo(k)
		if err != nil {
			t.Fatalf("pert to %s: %v", k, err)
		}
		m, s := got.Moments()
		if !close(m, pm) || !close(s, ps) {
			t.Errorf("pert to %s = %s: mean %g sd %g, want %g %g", k, got, m, s, pm, ps)
		}
		for _, back := range []DistKind{Uniform, Triangular, PERT} {
			b, err := got.ConvertTo(back)
			if err != nil {
				t.Fatal(err)
			}
			if m, s := b.Moments(); !close(m, pm) || !close(s, ps) {
				t.Errorf("%s to %s = %s: mean %g sd %g, want %g %g", got, back, b, m, s, pm, ps)
			}
		}
	}
	tri, _ := pert.ConvertTo(Triangular)
	if tri.Min != 0.1 || tri.Mode != 0.3 || tri.Max != 1 {
		t.Errorf("pert to triangular = %s", tri)
	}
	uni, _ := pert.ConvertTo(Uniform)
	if uni.Min != 0.1 || uni.Max != 1 || uni.Validate() != nil {
		t.Errorf("pert to uniform = %s (%v)", uni, uni.Validate())
	}
	if _, err := FixedDist(2).ConvertTo(PERT); err == nil || !strings.Contains(err.Error(), "no spread") {
		t.Errorf("fixed to pert: %v", err)
	}
	if _, err := NormalDist(-0.5, 1).ConvertTo(Lognormal); err == nil || !strings.Contains(err.Error(), "positive mean") {
		t.Errorf("normal(-0.5, 1) to lognormal: %v", err)
	}
	if f, err := pert.ConvertTo(Fixed); err != nil || !close(f.Value, pm) {
		t.Errorf("pert to fixed = %v, %v", f, err)
	}
}
