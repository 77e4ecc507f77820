package model

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ScalarKey describes one plain (non-distribution) scenario key.
type ScalarKey struct {
	Key         string // as in TOML and --set
	Description string // what the value means, with its unit
	Source      string // where the default comes from
	// Domain is the interval a numeric key's value must lie in; the other
	// keys leave it zero.
	Domain Domain
	get    func(*Scenario) string
	set    func(*Scenario, string) error
	num    func(*Scenario) float64 // a numeric key's value; nil for the others
}

// DistributionKey describes one scenario key that holds a distribution.
type DistributionKey struct {
	Key         string
	Description string
	Source      string
	// Domain is the interval the input's values must lie in: a bounded
	// distribution inside it, an unbounded one with its 0.01% and 99.99%
	// quantiles inside, its draws then clamped to it.
	Domain Domain
	Dist   func(*Scenario) *Distribution
}

// Get returns the key's value in s, formatted as --set takes it.
func (k ScalarKey) Get(s *Scenario) string { return k.get(s) }

// Number returns the value of a numeric key (a float or whole-number key)
// in s, and false for the others (name, years, seed, choices and flags), so
// that writers store numbers as numbers without guessing from the text.
func (k ScalarKey) Number(s *Scenario) (float64, bool) {
	if k.num == nil {
		return 0, false
	}
	return k.num(s), true
}

func parseFloat(key, v string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%s: %q is not a number", key, v)
	}
	return f, nil
}

func floatKey(key, desc, src string, dom Domain, field func(*Scenario) *float64) ScalarKey {
	return ScalarKey{Key: key, Description: desc, Source: src, Domain: dom,
		get: func(s *Scenario) string { return strconv.FormatFloat(*field(s), 'g', -1, 64) },
		set: func(s *Scenario, v string) error {
			f, err := parseFloat(key, v)
			if err == nil {
				*field(s) = f
			}
			return err
		},
		num: func(s *Scenario) float64 { return *field(s) }}
}

// intKey is a whole-number key. A value outside its domain is refused as it
// is set, since it may not fit an int at all.
func intKey(key, desc, src string, dom Domain, field func(*Scenario) *int) ScalarKey {
	return ScalarKey{Key: key, Description: desc, Source: src, Domain: dom,
		get: func(s *Scenario) string { return strconv.Itoa(*field(s)) },
		set: func(s *Scenario, v string) error {
			f, err := parseFloat(key, v)
			if err != nil || f != math.Trunc(f) {
				return fmt.Errorf("%s: %q is not a whole number", key, v)
			}
			if p := dom.check(strings.TrimSpace(v), f); p != "" {
				return fmt.Errorf("%s: %s", key, p)
			}
			*field(s) = int(f)
			return nil
		},
		num: func(s *Scenario) float64 { return float64(*field(s)) }}
}

func yearKey(key, desc, src string, field func(*Scenario) *FinancialYear) ScalarKey {
	return ScalarKey{Key: key, Description: desc, Source: src,
		get: func(s *Scenario) string { return field(s).String() },
		set: func(s *Scenario, v string) error {
			y, err := ParseFinancialYear(v)
			if err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
			*field(s) = y
			return nil
		}}
}

// nameKey is the scenario's name, which may not be empty: summary lines,
// sheets and comparisons are labelled with it.
func nameKey(desc, src string) ScalarKey {
	return ScalarKey{Key: "name", Description: desc, Source: src,
		get: func(s *Scenario) string { return s.Name },
		set: func(s *Scenario, v string) error {
			v = strings.TrimSpace(v)
			if v == "" {
				return errNoName
			}
			s.Name = v
			return nil
		}}
}

// errNoName is the problem with an empty scenario name.
var errNoName = errors.New("name: a scenario needs a name (summary lines and sheets are labelled with it)")

const (
	srcDesign = "corecast default (DESIGN §4)"
	srcNAO    = "NAO, Digital transformation in the NHS (May 2020)"
)

// ScalarKeys lists every plain scenario key in TOML order.
func ScalarKeys() []ScalarKey {
	return []ScalarKey{
		nameKey("scenario name", srcDesign),
		yearKey("base_year", "price base and first modelled year", srcNAO+": plan period 2019-20 to 2023-24", func(s *Scenario) *FinancialYear { return &s.BaseYear }),
		yearKey("target_year", "the year 'core by' is judged against", srcNAO+": core digitisation expected by 2024", func(s *Scenario) *FinancialYear { return &s.TargetYear }),
		yearKey("horizon_year", "last modelled year", srcDesign, func(s *Scenario) *FinancialYear { return &s.HorizonYear }),
		floatKey("core_threshold", "maturity score (0–100) that counts as core digitisation", srcDesign, Domain{Lo: 0, LoOpen: true, Hi: 100}, func(s *Scenario) *float64 { return &s.CoreThreshold }),
		intKey("iterations", "Monte Carlo iterations", srcDesign, Between(1, MaxIterations), func(s *Scenario) *int { return &s.Iterations }),
		{Key: "seed", Description: "random seed; the same seed gives identical results", Source: srcDesign,
			get: func(s *Scenario) string { return strconv.FormatUint(s.Seed, 10) },
			set: func(s *Scenario, v string) error {
				u, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64)
				if err != nil {
					return fmt.Errorf("seed: %q is not a whole number ≥ 0", v)
				}
				s.Seed = u
				return nil
			}},
		{Key: "sampling", Description: "lhs (Latin hypercube) or random, for scenario-level draws", Source: srcDesign,
			get: func(s *Scenario) string { return string(s.Sampling) },
			set: func(s *Scenario, v string) error {
				m := Sampling(strings.ToLower(strings.TrimSpace(v)))
				if m != LHS && m != Random {
					return fmt.Errorf("sampling: %q is not lhs or random", v)
				}
				s.Sampling = m
				return nil
			}},
		{Key: "priority", Description: "order in which trusts get capacity and envelope", Source: srcDesign,
			get: func(s *Scenario) string { return string(s.Priority) },
			set: func(s *Scenario, v string) error {
				p := Priority(strings.ToLower(strings.TrimSpace(v)))
				for _, q := range Priorities() {
					if p == q {
						s.Priority = p
						return nil
					}
				}
				return fmt.Errorf("priority: %q is not one of lowest-maturity, largest-gap, lowest-cost, region-balanced", v)
			}},
		{Key: "include_planned", Description: "count 'planned' funding as committed (true/false)", Source: srcDesign,
			get: func(s *Scenario) string { return strconv.FormatBool(s.IncludePlanned) },
			set: func(s *Scenario, v string) error {
				b, err := strconv.ParseBool(strings.TrimSpace(v))
				if err != nil {
					return fmt.Errorf("include_planned: %q is not true or false", v)
				}
				s.IncludePlanned = b
				return nil
			}},
		floatKey("local_share", "share of remaining need paid by trusts (0–1)", "GDE funding was matched 1:1 locally", Between(0, 1), func(s *Scenario) *float64 { return &s.LocalShare }),
		intKey("capacity_starts", "most trusts that can start deployment in one year", srcDesign, Between(1, 100_000), func(s *Scenario) *int { return &s.CapacityStarts }),
		floatKey("envelope_after_m", "national envelope, £m a year (real), for years without NATIONAL rows", srcDesign, AtLeast(0), func(s *Scenario) *float64 { return &s.EnvelopeAfterM }),
		floatKey("envelope_uplift_m", "£m a year added to every year's national envelope", "goal seek's answer; 0 by default", AtLeast(0), func(s *Scenario) *float64 { return &s.EnvelopeUpliftM }),
		floatKey("plan_total_m", "the plan to compare against, £m", srcNAO+": up to £8.1bn in 2019-20 to 2023-24", Above(0), func(s *Scenario) *float64 { return &s.PlanTotalM }),
		floatKey("discount_rate", "real discount rate for present values", "HM Treasury Green Book STPR 3.5%", Between(0, 0.2), func(s *Scenario) *float64 { return &s.DiscountRate }),
		floatKey("trust_sigma", "lognormal spread of a trust's cost around the model", srcDesign, Between(0, 2), func(s *Scenario) *float64 { return &s.TrustSigma }),
		floatKey("ref_opex_m", "opex of the reference trust for unit costs, £m", srcDesign, Above(0), func(s *Scenario) *float64 { return &s.RefOpexM }),
	}
}

// DistributionKeys lists every distribution-valued scenario key in TOML order.
func DistributionKeys() []DistributionKey {
	keys := []DistributionKey{
		{Key: "size_elasticity", Description: "β: cost scales with (opex / ref_opex)^β", Source: srcDesign, Domain: Between(0, 2), Dist: func(s *Scenario) *Distribution { return &s.SizeElasticity }},
		{Key: "optimism_bias", Description: "capex uplift for optimism bias", Source: "HM Treasury Green Book supplementary guidance: IT projects 10%–200%", Domain: Between(0, 3), Dist: func(s *Scenario) *Distribution { return &s.OptimismBias }},
		{Key: "duration_bias", Description: "uplift to deployment time", Source: "HM Treasury Green Book supplementary guidance on optimism bias (works duration)", Domain: Between(-0.5, 3), Dist: func(s *Scenario) *Distribution { return &s.DurationBias }},
		{Key: "deploy_years", Description: "years a trust takes to deploy (drawn per trust)", Source: srcDesign, Domain: Between(0.25, 20), Dist: func(s *Scenario) *Distribution { return &s.DeployYears }},
		{Key: "inflation", Description: "annual inflation, for nominal figures", Source: srcDesign, Domain: Between(-0.1, 0.3), Dist: func(s *Scenario) *Distribution { return &s.Inflation }},
	}
	for _, t := range TrustTypes() {
		t := t
		keys = append(keys, DistributionKey{
			Key:         "unit_cost." + t.Key(),
			Description: fmt.Sprintf("£m per maturity point, reference-size %s trust", t),
			Source:      "illustrative; corecast default (DESIGN §4)",
			Domain:      Above(0).named("unit costs"),
			Dist:        func(s *Scenario) *Distribution { return &s.UnitCost[t] },
		})
	}
	return keys
}

// LookupDistribution finds a distribution key by name.
func LookupDistribution(key string) (DistributionKey, bool) {
	for _, k := range DistributionKeys() {
		if k.Key == key {
			return k, true
		}
	}
	return DistributionKey{}, false
}

// Get returns the value of a dotted key as Set takes it: a scalar key, a
// distribution key (its compact form), or a distribution parameter such as
// "unit_cost.acute.mode".
func (s *Scenario) Get(key string) (string, error) {
	key = strings.ToLower(strings.TrimSpace(key))
	for _, k := range ScalarKeys() {
		if k.Key == key {
			return k.get(s), nil
		}
	}
	if k, ok := LookupDistribution(key); ok {
		return k.Dist(s).String(), nil
	}
	if i := strings.LastIndexByte(key, '.'); i > 0 {
		if k, ok := LookupDistribution(key[:i]); ok {
			d := k.Dist(s)
			param := key[i+1:]
			if param == "dist" {
				return string(d.Kind), nil
			}
			if err := checkParam(key[:i], param, d.Kind); err != nil {
				return "", err
			}
			v, _ := d.Param(param)
			return strconv.FormatFloat(v, 'g', -1, 64), nil
		}
	}
	return "", unknownKey(key)
}

// ParamError is the error for a parameter that a distribution's kind does
// not take, such as unit_cost.acute.mean for a pert.
type ParamError struct {
	Key   string   // the distribution's key, e.g. "unit_cost.acute"
	Param string   // the parameter asked for, e.g. "mean"
	Kind  DistKind // the distribution's kind
}

// Error names the parameters the kind takes, e.g. `unit_cost.acute.mean: a
// pert distribution has no parameter mean; want min, mode or max (or set
// unit_cost.acute.dist first to change the kind)`.
func (e *ParamError) Error() string {
	return fmt.Sprintf("%s.%s: a %s distribution has no parameter %s; want %s", e.Key, e.Param, e.Kind, e.Param, e.Want())
}

// Want lists the parameters the kind takes, with a hint to change the kind
// when the parameter asked for belongs to another.
func (e *ParamError) Want() string {
	w := joinWith(e.Kind.Takes(), " or ")
	if slices.Contains(allParams[:], e.Param) {
		w += fmt.Sprintf(" (or set %s.dist first to change the kind)", e.Key)
	}
	return w
}

// checkParam returns a *ParamError unless a distribution of the kind, at
// key, takes the parameter.
func checkParam(key, param string, kind DistKind) error {
	if kind.HasParam(param) {
		return nil
	}
	return &ParamError{Key: key, Param: param, Kind: kind}
}

// Set changes one scenario value by its dotted key, as `--set key=value` and the
// Scenario sheet write it: "capacity_starts", "unit_cost.acute.mode",
// "deploy_years.dist". Changing a distribution's dist carries over what it can
// of the old parameters (see Distribution.WithKind); from then on the new
// kind's parameters are the ones that can be set, and a parameter the kind
// does not take is refused with a *ParamError. Setting a lognormal's p10 or
// p90 switches it to the p10/p90 form, and median or sigma back.
func (s *Scenario) Set(key, value string) error {
	key = strings.ToLower(strings.TrimSpace(key))
	for _, k := range ScalarKeys() {
		if k.Key == key {
			return k.set(s, value)
		}
	}
	i := strings.LastIndexByte(key, '.')
	if i > 0 {
		if k, ok := LookupDistribution(key[:i]); ok {
			d := k.Dist(s)
			param := key[i+1:]
			if param == "dist" {
				kind, err := ParseDistKind(value)
				if err != nil {
					return fmt.Errorf("%s: %w", key, err)
				}
				*d = d.WithKind(kind)
				return nil
			}
			if err := checkParam(key[:i], param, d.Kind); err != nil {
				return err
			}
			f, err := parseFloat(key, value)
			if err != nil {
				return err
			}
			if d.Kind == Lognormal {
				d.switchLognormalForm(param)
			}
			return d.SetParam(param, f)
		}
	}
	if _, ok := LookupDistribution(key); ok {
		return fmt.Errorf("%s is a distribution: set %s.dist or one of its parameters, e.g. %s.mode", key, key, key)
	}
	return unknownKey(key)
}

// switchLognormalForm converts a lognormal between its median/sigma and p10/p90
// forms when a parameter of the other form is about to be set.
func (d *Distribution) switchLognormalForm(param string) {
	m, s := d.LogParams()
	switch param {
	case "p10", "p90":
		if !math.IsNaN(d.Median) || !math.IsNaN(d.Sigma) {
			d.P10, d.P90 = m*math.Exp(-z90*s), m*math.Exp(z90*s)
			d.Median, d.Sigma = math.NaN(), math.NaN()
		}
	case "median", "sigma":
		if math.IsNaN(d.Median) && math.IsNaN(d.Sigma) {
			d.Median, d.Sigma = m, s
			d.P10, d.P90 = math.NaN(), math.NaN()
		}
	}
}

func unknownKey(key string) error {
	return fmt.Errorf("unknown scenario key %q (see the scenario keys in the README)", key)
}

// SetAll applies "key=value" assignments in order, stopping at the first bad one.
func (s *Scenario) SetAll(assignments []string) error {
	for _, a := range assignments {
		k, v, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("--set %q: want key=value", a)
		}
		if err := s.Set(k, v); err != nil {
			return err
		}
	}
	return nil
}

// Clone returns a deep copy of the scenario.
func (s Scenario) Clone() Scenario {
	c := s
	c.Correlations = append([]Correlation(nil), s.Correlations...)
	return c
}
