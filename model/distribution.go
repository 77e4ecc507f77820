package model

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// DistKind names a family of probability distributions a scenario input may take.
type DistKind string

// The distribution families of DESIGN §4.
const (
	Fixed      DistKind = "fixed"      // value
	Uniform    DistKind = "uniform"    // min, max
	Triangular DistKind = "triangular" // min, mode, max
	PERT       DistKind = "pert"       // min, mode, max (Beta-PERT, λ = 4)
	Normal     DistKind = "normal"     // mean, sd
	Lognormal  DistKind = "lognormal"  // median, sigma — or p10, p90
)

// DistKinds lists every distribution family, in the order an editor offers them.
func DistKinds() []DistKind {
	return []DistKind{Fixed, Uniform, Triangular, PERT, Normal, Lognormal}
}

// z90 is Φ⁻¹(0.9), used to turn a lognormal's p10/p90 into median and sigma.
const z90 = 1.2815515655446004

// Distribution is a probability distribution with its parameters. Parameters
// that a family does not use are NaN, so "not given" differs from zero.
type Distribution struct {
	Kind   DistKind
	Value  float64 // fixed
	Min    float64 // uniform, triangular, pert
	Mode   float64 // triangular, pert
	Max    float64 // uniform, triangular, pert
	Mean   float64 // normal
	SD     float64 // normal
	Median float64 // lognormal
	Sigma  float64 // lognormal: sd of the log
	P10    float64 // lognormal, alternative to median/sigma
	P90    float64 // lognormal, alternative to median/sigma
}

// NewDistribution returns a distribution of the given kind with every parameter unset.
func NewDistribution(kind DistKind) Distribution {
	n := math.NaN()
	return Distribution{Kind: kind, Value: n, Min: n, Mode: n, Max: n, Mean: n, SD: n, Median: n, Sigma: n, P10: n, P90: n}
}

// FixedDist is a distribution that always gives v.
func FixedDist(v float64) Distribution { d := NewDistribution(Fixed); d.Value = v; return d }

// UniformDist is the uniform distribution on [min, max].
func UniformDist(min, max float64) Distribution {
	d := NewDistribution(Uniform)
	d.Min, d.Max = min, max
	return d
}

// TriangularDist is the triangular distribution on [min, max] peaking at mode.
func TriangularDist(min, mode, max float64) Distribution {
	d := NewDistribution(Triangular)
	d.Min, d.Mode, d.Max = min, mode, max
	return d
}

// PERTDist is the Beta-PERT distribution on [min, max] with the given mode.
func PERTDist(min, mode, max float64) Distribution {
	d := NewDistribution(PERT)
	d.Min, d.Mode, d.Max = min, mode, max
	return d
}

// NormalDist is the normal distribution.
func NormalDist(mean, sd float64) Distribution {
	d := NewDistribution(Normal)
	d.Mean, d.SD = mean, sd
	return d
}

// LognormalDist is the lognormal distribution with the given median and log-sd.
func LognormalDist(median, sigma float64) Distribution {
	d := NewDistribution(Lognormal)
	d.Median, d.Sigma = median, sigma
	return d
}

// ParamNames lists the parameters the kind is given by, as written in TOML:
// for a lognormal its median/sigma form (see Takes for every form).
func (k DistKind) ParamNames() []string {
	switch k {
	case Fixed:
		return []string{"value"}
	case Uniform:
		return []string{"min", "max"}
	case Triangular, PERT:
		return []string{"min", "mode", "max"}
	case Normal:
		return []string{"mean", "sd"}
	case Lognormal:
		return []string{"median", "sigma"}
	}
	return nil
}

// Takes lists every parameter the kind takes, in any of its forms: a
// lognormal's median and sigma, and its p10 and p90.
func (k DistKind) Takes() []string {
	if k == Lognormal {
		return []string{"median", "sigma", "p10", "p90"}
	}
	return k.ParamNames()
}

// HasParam reports whether the kind takes the parameter called name
// (exactly, in lower case, as TOML keys are case-sensitive).
func (k DistKind) HasParam(name string) bool {
	return slices.Contains(k.Takes(), name)
}

// allParams are every distribution parameter of every kind, in TOML order.
var allParams = [...]string{"value", "min", "mode", "max", "mean", "sd", "median", "sigma", "p10", "p90"}

// ParseDistKind reads a distribution family name, case-insensitively.
func ParseDistKind(s string) (DistKind, error) {
	n := DistKind(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range DistKinds() {
		if n == k {
			return k, nil
		}
	}
	names := make([]string, 0, 6)
	for _, k := range DistKinds() {
		names = append(names, string(k))
	}
	return "", fmt.Errorf("unknown distribution %q: want one of %s", s, strings.Join(names, ", "))
}

// Param returns a parameter by its TOML name.
func (d Distribution) Param(name string) (float64, bool) {
	p := d.param(name)
	if p == nil {
		return 0, false
	}
	return *p, true
}

// SetParam sets a parameter by its TOML name.
func (d *Distribution) SetParam(name string, v float64) error {
	p := d.param(name)
	if p == nil {
		return fmt.Errorf("unknown distribution parameter %q: want one of dist, value, min, mode, max, mean, sd, median, sigma, p10, p90", name)
	}
	*p = v
	return nil
}

func (d *Distribution) param(name string) *float64 {
	switch strings.ToLower(name) {
	case "value":
		return &d.Value
	case "min":
		return &d.Min
	case "mode":
		return &d.Mode
	case "max":
		return &d.Max
	case "mean":
		return &d.Mean
	case "sd":
		return &d.SD
	case "median":
		return &d.Median
	case "sigma":
		return &d.Sigma
	case "p10":
		return &d.P10
	case "p90":
		return &d.P90
	}
	return nil
}

// WithKind returns the distribution turned into another family, carrying over
// what can be carried (a central value and a spread) so that an editor switching
// kind starts from sensible parameters.
func (d Distribution) WithKind(k DistKind) Distribution {
	if k == d.Kind {
		return d
	}
	lo, centre, hi := d.Range()
	out := NewDistribution(k)
	switch k {
	case Fixed:
		out.Value = centre
	case Uniform:
		out.Min, out.Max = lo, hi
	case Triangular, PERT:
		out.Min, out.Mode, out.Max = lo, centre, hi
	case Normal:
		out.Mean = centre
		out.SD = (hi - lo) / (2 * z90)
	case Lognormal:
		out.Median = centre
		if lo > 0 && hi > lo {
			out.Sigma = math.Log(hi/lo) / (2 * z90)
		} else {
			out.Sigma = 0.25
		}
	}
	return out
}

// Range gives a low value, a central value and a high value of the distribution:
// the bounds and mode where it has them, otherwise its P10, median and P90.
func (d Distribution) Range() (lo, centre, hi float64) {
	switch d.Kind {
	case Fixed:
		return d.Value, d.Value, d.Value
	case Uniform:
		return d.Min, (d.Min + d.Max) / 2, d.Max
	case Triangular, PERT:
		return d.Min, d.Mode, d.Max
	case Normal:
		return d.Mean - z90*d.SD, d.Mean, d.Mean + z90*d.SD
	case Lognormal:
		m, s := d.LogParams()
		return m * math.Exp(-z90*s), m, m * math.Exp(z90*s)
	}
	return math.NaN(), math.NaN(), math.NaN()
}

// LogParams returns a lognormal's median and log-sd, from median/sigma when
// given and otherwise from p10/p90.
func (d Distribution) LogParams() (median, sigma float64) {
	if !math.IsNaN(d.Median) || !math.IsNaN(d.Sigma) {
		return d.Median, d.Sigma
	}
	return math.Sqrt(d.P10 * d.P90), math.Log(d.P90/d.P10) / (2 * z90)
}

// Validate checks that the parameters the kind needs are given and
// consistent, and that no parameter of another kind is set.
func (d Distribution) Validate() error {
	if d.Kind != "" && len(d.Kind.Takes()) > 0 {
		for _, n := range allParams {
			if v, _ := d.Param(n); !math.IsNaN(v) && !d.Kind.HasParam(n) {
				return fmt.Errorf("%s distribution has no parameter %s (it takes %s)", d.Kind, n, joinAnd(d.Kind.Takes()))
			}
		}
	}
	need := func(names ...string) error {
		var missing []string
		for _, n := range names {
			v, _ := d.Param(n)
			if math.IsNaN(v) {
				missing = append(missing, n)
			} else if math.IsInf(v, 0) {
				return fmt.Errorf("%s distribution: %s must be finite", d.Kind, n)
			}
		}
		if len(missing) > 0 {
			return fmt.Errorf("%s distribution needs %s", d.Kind, strings.Join(missing, ", "))
		}
		return nil
	}
	switch d.Kind {
	case Fixed:
		return need("value")
	case Uniform:
		if err := need("min", "max"); err != nil {
			return err
		}
		if !(d.Min < d.Max) {
			return fmt.Errorf("uniform distribution needs min < max (min %g, max %g)", d.Min, d.Max)
		}
	case Triangular, PERT:
		if err := need("min", "mode", "max"); err != nil {
			return err
		}
		if !(d.Min <= d.Mode && d.Mode <= d.Max && d.Min < d.Max) {
			return fmt.Errorf("%s distribution needs min ≤ mode ≤ max with min < max (min %g, mode %g, max %g)", d.Kind, d.Min, d.Mode, d.Max)
		}
	case Normal:
		if err := need("mean", "sd"); err != nil {
			return err
		}
		if !(d.SD > 0) {
			return fmt.Errorf("normal distribution needs sd > 0 (sd %g)", d.SD)
		}
	case Lognormal:
		byMedian := !math.IsNaN(d.Median) || !math.IsNaN(d.Sigma)
		byPct := !math.IsNaN(d.P10) || !math.IsNaN(d.P90)
		switch {
		case byMedian && byPct:
			return fmt.Errorf("lognormal distribution takes median and sigma, or p10 and p90, not both")
		case byPct:
			if err := need("p10", "p90"); err != nil {
				return err
			}
			if !(d.P10 > 0 && d.P10 < d.P90) {
				return fmt.Errorf("lognormal distribution needs 0 < p10 < p90 (p10 %g, p90 %g)", d.P10, d.P90)
			}
		default:
			if err := need("median", "sigma"); err != nil {
				return err
			}
			if !(d.Median > 0) || !(d.Sigma > 0) {
				return fmt.Errorf("lognormal distribution needs median > 0 and sigma > 0 (median %g, sigma %g)", d.Median, d.Sigma)
			}
		}
	case "":
		return fmt.Errorf("distribution has no dist: want one of fixed, uniform, triangular, pert, normal, lognormal")
	default:
		_, err := ParseDistKind(string(d.Kind))
		return err
	}
	return nil
}

// String writes the distribution compactly, e.g. "pert(1, 1.8, 3.5)".
func (d Distribution) String() string {
	switch d.Kind {
	case Fixed:
		return fmt.Sprintf("fixed(%g)", d.Value)
	case Uniform:
		return fmt.Sprintf("uniform(%g, %g)", d.Min, d.Max)
	case Triangular, PERT:
		return fmt.Sprintf("%s(%g, %g, %g)", d.Kind, d.Min, d.Mode, d.Max)
	case Normal:
		return fmt.Sprintf("normal(mean %g, sd %g)", d.Mean, d.SD)
	case Lognormal:
		if math.IsNaN(d.Median) && math.IsNaN(d.Sigma) {
			return fmt.Sprintf("lognormal(p10 %g, p90 %g)", d.P10, d.P90)
		}
		return fmt.Sprintf("lognormal(median %g, sigma %g)", d.Median, d.Sigma)
	}
	return string(d.Kind)
}

// Params lists the given (non-NaN) parameters of the distribution's kind as
// name/value pairs in TOML order.
func (d Distribution) Params() [][2]any {
	var out [][2]any
	for _, n := range d.Kind.Takes() {
		if v, _ := d.Param(n); !math.IsNaN(v) {
			out = append(out, [2]any{n, v})
		}
	}
	return out
}

// joinAnd writes names as a list, e.g. "min, mode and max".
func joinAnd(names []string) string { return joinWith(names, " and ") }

// joinWith writes names as a list with last before the last name, e.g.
// "min, mode or max".
func joinWith(names []string, last string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + last + names[len(names)-1]
}
