package model

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Bounded reports whether the kind's values lie between a least and a
// greatest value (fixed, uniform, triangular, pert), unlike normal and
// lognormal.
func (k DistKind) Bounded() bool { return k != Normal && k != Lognormal }

// prob returns d as a gonum distribution, or nil for a fixed one. d must be valid.
func (d Distribution) prob() interface {
	CDF(float64) float64
	Survival(float64) float64
	Quantile(float64) float64
} {
	switch d.Kind {
	case Uniform:
		return distuv.Uniform{Min: d.Min, Max: d.Max}
	case Triangular:
		return distuv.NewTriangle(d.Min, d.Max, d.Mode, nil)
	case PERT:
		return scaled{d.PERTBeta(), d.Min, d.Max - d.Min}
	case Normal:
		return distuv.Normal{Mu: d.Mean, Sigma: d.SD}
	case Lognormal:
		return d.LogNormal()
	}
	return nil
}

// PERTBeta is a PERT distribution's Beta on [0, 1], with λ = 4 (DESIGN §4):
// α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min).
// The model's probabilities and the forecast's sampler both build it here.
func (d Distribution) PERTBeta() distuv.Beta {
	w := d.Max - d.Min
	return distuv.Beta{Alpha: 1 + 4*(d.Mode-d.Min)/w, Beta: 1 + 4*(d.Max-d.Mode)/w}
}

// LogNormal is a lognormal distribution as gonum has it, from its median
// and sigma (or P10 and P90).
func (d Distribution) LogNormal() distuv.LogNormal {
	m, s := d.LogParams()
	return distuv.LogNormal{Mu: math.Log(m), Sigma: s}
}

// cdf is P(X ≤ x) for a valid distribution.
func (d Distribution) cdf(x float64) float64 {
	if d.Kind == Fixed {
		if d.Value <= x {
			return 1
		}
		return 0
	}
	if d.Kind == Lognormal && x <= 0 {
		return 0
	}
	return d.prob().CDF(x)
}

// survival is P(X > x) for a valid distribution.
func (d Distribution) survival(x float64) float64 {
	if d.Kind == Fixed || (d.Kind == Lognormal && x <= 0) {
		return 1 - d.cdf(x)
	}
	return d.prob().Survival(x)
}

// quantile is the inverse of cdf at p ∈ (0, 1) for a valid distribution.
func (d Distribution) quantile(p float64) float64 {
	if d.Kind == Fixed {
		return d.Value
	}
	return d.prob().Quantile(p)
}

// scaled is a Beta distribution stretched from [0, 1] onto [lo, lo + w]:
// the Beta-PERT.
type scaled struct {
	b     distuv.Beta
	lo, w float64
}

func (s scaled) CDF(x float64) float64      { return s.b.CDF((x - s.lo) / s.w) }
func (s scaled) Survival(x float64) float64 { return s.b.Survival((x - s.lo) / s.w) }
func (s scaled) Quantile(p float64) float64 { return s.lo + s.w*s.b.Quantile(p) }
