package model

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Kind is what a scenario key holds. It decides how the key is read from
// TOML, --set and the Scenario sheet, written back, edited in the TUI and
// shown on the Assumptions sheet.
type Kind int

// The kinds of scenario key.
const (
	KindText         Kind = iota // free text: the scenario's name
	KindYear                     // a financial year, "2019-20"
	KindFloat                    // a number
	KindInt                      // a whole number
	KindSeed                     // a whole number 0 … 2⁶⁴−1
	KindBool                     // true or false
	KindChoice                   // one of the key's Choices
	KindDistribution             // a Distribution
	KindUplift                   // a number for every year, or a table of numbers by year
)

// Numeric reports whether values of the kind are numbers.
func (k Kind) Numeric() bool { return k == KindFloat || k == KindInt || k == KindSeed }

// Value is one scenario value, held in the field its key's Kind names.
type Value struct {
	Text string        // KindText, KindChoice
	Year FinancialYear // KindYear
	Num  float64       // KindFloat
	Int  int64         // KindInt
	Seed uint64        // KindSeed
	Bool bool          // KindBool
	Dist Distribution  // KindDistribution
	// ByYear is a KindUplift table by year; empty when the uplift is the
	// one number Num.
	ByYear map[FinancialYear]float64
}

// Float returns a numeric value as a float64 (a seed above 2⁵³ rounded).
func (v Value) Float(k Kind) float64 {
	switch k {
	case KindInt:
		return float64(v.Int)
	case KindSeed:
		return float64(v.Seed)
	}
	return v.Num
}

// Key describes one scenario key: its dotted name as TOML and --set write it,
// its kind, domain and default's source. It is the one place a key's type
// is known.
type Key struct {
	Name        string
	Kind        Kind
	Choices     []string // for KindChoice, in the order an editor offers them
	Description string   // what the value means, with its unit
	Source      string   // where the default comes from
	// Domain is the interval a number, or a distribution's values, must lie
	// in (zero for the other kinds): a bounded distribution inside it, an
	// unbounded one with its 0.01% and 99.99% quantiles inside, its draws
	// then clamped to it.
	Domain Domain
	// Dist points at a distribution key's distribution in a scenario; nil
	// for the other kinds.
	Dist func(*Scenario) *Distribution
	get  func(*Scenario) Value
	set  func(*Scenario, Value) error
}

// Value returns the key's value in s.
func (k Key) Value(s *Scenario) Value { return k.get(s) }

// SetValue sets the key's value in s. A whole number outside its domain and
// an empty name are refused here; every other domain is checked by
// Scenario.Validate, so that a scenario can pass through invalid states
// while several keys change.
func (k Key) SetValue(s *Scenario, v Value) error {
	if k.Kind == KindInt {
		if p := k.Domain.check(strconv.FormatInt(v.Int, 10), float64(v.Int)); p != "" {
			return fmt.Errorf("%s: %s", k.Name, p)
		}
	}
	if k.Kind == KindChoice && !slices.Contains(k.Choices, v.Text) {
		return fmt.Errorf("%s: %q is not %s", k.Name, v.Text, k.choiceList())
	}
	return k.set(s, v)
}

// Get returns the key's value in s as text, as --set takes it.
func (k Key) Get(s *Scenario) string { return k.Format(k.get(s)) }

// Parse reads a value of the key's kind from text, as --set, the Scenario
// sheet and the TUI's fields give it.
func (k Key) Parse(text string) (Value, error) {
	t := strings.TrimSpace(text)
	switch k.Kind {
	case KindText:
		if t == "" && k.Name == "name" {
			return Value{}, errNoName
		}
		return Value{Text: t}, nil
	case KindYear:
		y, err := ParseFinancialYear(t)
		if err != nil {
			return Value{}, fmt.Errorf("%s: %w", k.Name, err)
		}
		return Value{Year: y}, nil
	case KindFloat:
		f, err := parseFloat(k.Name, t)
		return Value{Num: f}, err
	case KindInt:
		f, err := parseFloat(k.Name, t)
		if err != nil || f != math.Trunc(f) {
			return Value{}, fmt.Errorf("%s: %q is not a whole number", k.Name, text)
		}
		if p := k.Domain.check(t, f); p != "" {
			return Value{}, fmt.Errorf("%s: %s", k.Name, p)
		}
		return Value{Int: int64(f)}, nil
	case KindSeed:
		u, err := strconv.ParseUint(t, 10, 64)
		if err != nil {
			return Value{}, fmt.Errorf("%s: %q is not a whole number ≥ 0", k.Name, text)
		}
		return Value{Seed: u}, nil
	case KindBool:
		b, err := strconv.ParseBool(t)
		if err != nil {
			return Value{}, fmt.Errorf("%s: %q is not true or false", k.Name, text)
		}
		return Value{Bool: b}, nil
	case KindChoice:
		c := strings.ToLower(t)
		if !slices.Contains(k.Choices, c) {
			if k.Name == "dist" || strings.HasSuffix(k.Name, ".dist") {
				_, err := ParseDistKind(t)
				return Value{}, fmt.Errorf("%s: %w", k.Name, err)
			}
			return Value{}, fmt.Errorf("%s: %q is not %s", k.Name, text, k.choiceList())
		}
		return Value{Text: c}, nil
	case KindUplift:
		return parseUplift(k.Name, t)
	case KindDistribution:
		return Value{}, fmt.Errorf("%s is a distribution: set %s.dist or one of its parameters, e.g. %s.mode", k.Name, k.Name, k.Name)
	}
	return Value{}, fmt.Errorf("%s: unknown kind", k.Name)
}

// choiceList writes a choice key's choices: "lhs or random", "one of a, b, c".
func (k Key) choiceList() string {
	if len(k.Choices) == 2 {
		return k.Choices[0] + " or " + k.Choices[1]
	}
	return "one of " + strings.Join(k.Choices, ", ")
}

// Format writes a value of the key's kind as text that Parse reads back.
func (k Key) Format(v Value) string {
	switch k.Kind {
	case KindYear:
		return v.Year.String()
	case KindFloat:
		return strconv.FormatFloat(v.Num, 'g', -1, 64)
	case KindInt:
		return strconv.FormatInt(v.Int, 10)
	case KindSeed:
		return strconv.FormatUint(v.Seed, 10)
	case KindBool:
		return strconv.FormatBool(v.Bool)
	case KindDistribution:
		return v.Dist.String()
	case KindUplift:
		if len(v.ByYear) > 0 {
			return formatUplift(v.ByYear)
		}
		return strconv.FormatFloat(v.Num, 'g', -1, 64)
	}
	return v.Text
}

// Number returns the value of a numeric key (a float or whole-number key,
// or an uplift given as one number) in s, and false for the others (name,
// years, seed, choices, flags, distributions and uplift tables), so that
// writers store numbers as numbers without guessing from the text.
func (k Key) Number(s *Scenario) (float64, bool) {
	switch v := k.get(s); k.Kind {
	case KindFloat, KindInt:
		return v.Float(k.Kind), true
	case KindUplift:
		return v.Num, len(v.ByYear) == 0
	}
	return 0, false
}

// plainNumber is a number as a person types one into a spreadsheet or on
// the command line: digits with an optional decimal point, groups of three
// digits separated by commas, an exponent, and a percent sign. Go's own
// syntax (1_200, 0x1p-1, Inf, NaN) is not a number here, as it is not on
// the data sheets.
var plainNumber = regexp.MustCompile(`^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$`)

// parseFloat reads a scenario number (--set, the Scenario sheet, the TUI):
// "1,500" is 1500 and "3.5%" is 0.035; anything else that strconv would
// take but a person would not write is refused.
func parseFloat(key, v string) (float64, error) {
	t := strings.TrimSpace(v)
	bad := fmt.Errorf("%s: %q is not a number (write it like 1500, 1,500, 0.035 or 3.5%%)", key, v)
	if !plainNumber.MatchString(t) || !strings.ContainsAny(t, "0123456789") {
		return 0, bad
	}
	percent := strings.HasSuffix(t, "%")
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSuffix(t, "%"), ",", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, bad
	}
	if percent {
		f /= 100
	}
	return f, nil
}

func floatKey(name, desc, src string, dom Domain, field func(*Scenario) *float64) Key {
	return Key{Name: name, Kind: KindFloat, Description: desc, Source: src, Domain: dom,
		get: func(s *Scenario) Value { return Value{Num: *field(s)} },
		set: func(s *Scenario, v Value) error { *field(s) = v.Num; return nil }}
}

// intKey is a whole-number key. A value outside its domain is refused as it
// is set, since it may not fit an int at all.
func intKey(name, desc, src string, dom Domain, field func(*Scenario) *int) Key {
	return Key{Name: name, Kind: KindInt, Description: desc, Source: src, Domain: dom,
		get: func(s *Scenario) Value { return Value{Int: int64(*field(s))} },
		set: func(s *Scenario, v Value) error { *field(s) = int(v.Int); return nil }}
}

func yearKey(name, desc, src string, field func(*Scenario) *FinancialYear) Key {
	return Key{Name: name, Kind: KindYear, Description: desc, Source: src,
		get: func(s *Scenario) Value { return Value{Year: *field(s)} },
		set: func(s *Scenario, v Value) error { *field(s) = v.Year; return nil }}
}

// choiceKey is a key that takes one of a fixed set of words.
func choiceKey(name, desc, src string, choices []string, field func(*Scenario) *string) Key {
	return Key{Name: name, Kind: KindChoice, Choices: choices, Description: desc, Source: src,
		get: func(s *Scenario) Value { return Value{Text: *field(s)} },
		set: func(s *Scenario, v Value) error { *field(s) = v.Text; return nil }}
}

// nameKey is the scenario's name, which may not be empty: summary lines,
// sheets and comparisons are labelled with it.
func nameKey(desc, src string) Key {
	return Key{Name: "name", Kind: KindText, Description: desc, Source: src,
		get: func(s *Scenario) Value { return Value{Text: s.Name} },
		set: func(s *Scenario, v Value) error {
			name := strings.TrimSpace(v.Text)
			if name == "" {
				return errNoName
			}
			s.Name = name
			return nil
		}}
}

// errNoName is the problem with an empty scenario name.
var errNoName = errors.New("name: a scenario needs a name (summary lines and sheets are labelled with it)")

// Names of the scenario keys other packages set by name (the answers of
// the analyses): one spelling, here.
const (
	KeyCapacityStarts = "capacity_starts"
	KeyEnvelopeUplift = "envelope_uplift_m"
)

const (
	srcDesign = "corecast default (README, Scenario keys)"
	srcNAO    = "NAO, Digital transformation in the NHS (May 2020)"
)

// ScalarKeys lists every plain (non-distribution) scenario key in TOML order.
func ScalarKeys() []Key {
	var priorities []string
	for _, p := range Priorities() {
		priorities = append(priorities, string(p))
	}
	return []Key{
		nameKey("scenario name", srcDesign),
		yearKey("base_year", "price base and first modelled year", srcNAO+": plan period 2019-20 to 2023-24", func(s *Scenario) *FinancialYear { return &s.BaseYear }),
		yearKey("target_year", "the year 'core by' is judged against", srcNAO+": core digitisation expected by 2024", func(s *Scenario) *FinancialYear { return &s.TargetYear }),
		yearKey("horizon_year", "last modelled year", srcDesign, func(s *Scenario) *FinancialYear { return &s.HorizonYear }),
		floatKey("core_threshold", "maturity score (0–100) that counts as core digitisation", srcDesign, Domain{Lo: 0, LoOpen: true, Hi: 100}, func(s *Scenario) *float64 { return &s.CoreThreshold }),
		intKey("iterations", "Monte Carlo iterations", srcDesign, Between(1, MaxIterations), func(s *Scenario) *int { return &s.Iterations }),
		{Name: "seed", Kind: KindSeed, Description: "random seed; the same seed gives identical results", Source: srcDesign,
			get: func(s *Scenario) Value { return Value{Seed: s.Seed} },
			set: func(s *Scenario, v Value) error { s.Seed = v.Seed; return nil }},
		choiceKey("sampling", "lhs (Latin hypercube) or random, for scenario-level draws", srcDesign,
			[]string{string(LHS), string(Random)}, func(s *Scenario) *string { return (*string)(&s.Sampling) }),
		choiceKey("priority", "order in which trusts get capacity and envelope", srcDesign,
			priorities, func(s *Scenario) *string { return (*string)(&s.Priority) }),
		{Name: "include_planned", Kind: KindBool, Description: "count 'planned' funding as committed (true/false)", Source: srcDesign,
			get: func(s *Scenario) Value { return Value{Bool: s.IncludePlanned} },
			set: func(s *Scenario, v Value) error { s.IncludePlanned = v.Bool; return nil }},
		floatKey("local_share", "share of remaining need paid by trusts (0–1)", "GDE funding was matched 1:1 locally", Between(0, 1), func(s *Scenario) *float64 { return &s.LocalShare }),
		intKey("capacity_starts", "most trusts that can start deployment in one year", srcDesign, Between(1, 100_000), func(s *Scenario) *int { return &s.CapacityStarts }),
		floatKey("envelope_after_m", "national envelope, £m a year (real), for years without NATIONAL rows", srcDesign, AtLeast(0), func(s *Scenario) *float64 { return &s.EnvelopeAfterM }),
		upliftKey(),
		floatKey("plan_total_m", "the plan to compare against, £m", srcNAO+": up to £8.1bn in 2019-20 to 2023-24", Above(0), func(s *Scenario) *float64 { return &s.PlanTotalM }),
		yearKey("plan_from", "first year of the plan's window: spend dated plan_from to plan_to is set against plan_total_m", srcNAO+": the plan covers 2019-20 to 2023-24", func(s *Scenario) *FinancialYear { return &s.PlanFrom }),
		yearKey("plan_to", "last year of the plan's window", srcNAO+": the plan covers 2019-20 to 2023-24", func(s *Scenario) *FinancialYear { return &s.PlanTo }),
		floatKey("budget_p", "confidence of the budget figures (0.8: P80)", "HM Treasury practice: budgets at P80", Domain{Lo: 0, LoOpen: true, Hi: 1}, func(s *Scenario) *float64 { return &s.BudgetP }),
		floatKey("discount_rate", "real discount rate for present values", "HM Treasury Green Book STPR 3.5%", Between(0, 0.2), func(s *Scenario) *float64 { return &s.DiscountRate }),
		floatKey("trust_sigma", "lognormal spread of a trust's cost around the model", srcDesign, Between(0, 2), func(s *Scenario) *float64 { return &s.TrustSigma }),
		floatKey("ref_opex_m", "opex of the reference trust for unit costs, £m", srcDesign, Above(0), func(s *Scenario) *float64 { return &s.RefOpexM }),
	}
}

// distKey is a key that holds a distribution.
func distKey(name, desc, src string, dom Domain, dist func(*Scenario) *Distribution) Key {
	return Key{Name: name, Kind: KindDistribution, Description: desc, Source: src, Domain: dom, Dist: dist,
		get: func(s *Scenario) Value { return Value{Dist: *dist(s)} },
		set: func(s *Scenario, v Value) error { *dist(s) = v.Dist; return nil }}
}

// DistributionKeys lists every distribution-valued scenario key in TOML order.
func DistributionKeys() []Key {
	keys := []Key{
		distKey("size_elasticity", "β: cost scales with (opex / ref_opex)^β", srcDesign, Between(0, 2), func(s *Scenario) *Distribution { return &s.SizeElasticity }),
		distKey("optimism_bias", "capex uplift for optimism bias", "HM Treasury Green Book supplementary guidance: IT projects 10%–200%", Between(0, 3), func(s *Scenario) *Distribution { return &s.OptimismBias }),
		distKey("duration_bias", "uplift to deployment time", "HM Treasury Green Book supplementary guidance on optimism bias (works duration)", Between(-0.5, 3), func(s *Scenario) *Distribution { return &s.DurationBias }),
		distKey("deploy_years", "years a trust takes to deploy (drawn per trust)", srcDesign, Between(0.25, 20), func(s *Scenario) *Distribution { return &s.DeployYears }),
		distKey("inflation", "annual inflation, for nominal figures", srcDesign, Between(-0.1, 0.3), func(s *Scenario) *Distribution { return &s.Inflation }),
	}
	for _, t := range TrustTypes() {
		keys = append(keys, distKey("unit_cost."+t.Key(), fmt.Sprintf("£m per maturity point, reference-size %s trust", t),
			"illustrative; corecast default (README, Scenario keys)", Above(0).named("unit costs"),
			func(s *Scenario) *Distribution { return &s.UnitCost[t] }))
	}
	return keys
}

// Keys lists every top-level scenario key: the plain ones, then the
// distributions, in TOML order.
func Keys() []Key { return append(ScalarKeys(), DistributionKeys()...) }

// LookupDistribution finds a distribution key by name.
func LookupDistribution(name string) (Key, bool) {
	for _, k := range DistributionKeys() {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// LookupKey finds the key called name (any case, spaces trimmed): a plain
// key, a distribution, or a distribution's part — "unit_cost.acute.dist" (a
// choice of kind) or "unit_cost.acute.mode" (a number). A parameter the
// distribution's kind in s does not take gives a *ParamError; s may be nil
// when the kind is not known yet.
func LookupKey(name string, s *Scenario) (Key, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, k := range Keys() {
		if k.Name == name {
			return k, nil
		}
	}
	i := strings.LastIndexByte(name, '.')
	if i <= 0 {
		return Key{}, unknownKey(name)
	}
	if name[:i] == "envelope_uplift_m" {
		y, err := ParseFinancialYear(name[i+1:])
		if err != nil {
			return Key{}, fmt.Errorf("%s: %w", name, err)
		}
		return upliftYearKey("envelope_uplift_m."+y.String(), y), nil
	}
	dk, ok := LookupDistribution(name[:i])
	if !ok {
		return Key{}, unknownKey(name)
	}
	param := name[i+1:]
	if param == "dist" {
		var kinds []string
		for _, k := range DistKinds() {
			kinds = append(kinds, string(k))
		}
		return Key{Name: name, Kind: KindChoice, Choices: kinds, Description: "the distribution's kind", Source: dk.Source,
			get: func(s *Scenario) Value { return Value{Text: string(dk.Dist(s).Kind)} },
			// Changing the kind carries over what it can of the old
			// parameters (Distribution.WithKind).
			set: func(s *Scenario, v Value) error { d := dk.Dist(s); *d = d.WithKind(DistKind(v.Text)); return nil }}, nil
	}
	if s == nil && !slices.Contains(allParams[:], param) {
		return Key{}, unknownKey(name)
	}
	if s != nil {
		if err := checkParam(dk.Name, param, dk.Dist(s).Kind); err != nil {
			return Key{}, err
		}
	}
	return Key{Name: name, Kind: KindFloat, Description: "a parameter of " + dk.Name, Source: dk.Source,
		get: func(s *Scenario) Value { v, _ := dk.Dist(s).Param(param); return Value{Num: v} },
		set: func(s *Scenario, v Value) error {
			d := dk.Dist(s)
			if err := checkParam(dk.Name, param, d.Kind); err != nil {
				return err
			}
			if d.Kind == Lognormal {
				d.switchLognormalForm(param)
			}
			return d.SetParam(param, v.Num)
		}}, nil
}

// Value returns the value of the key called name in s.
func (s *Scenario) Value(name string) (Value, Key, error) {
	k, err := LookupKey(name, s)
	if err != nil {
		return Value{}, Key{}, err
	}
	return k.Value(s), k, nil
}

// SetValue sets the key called name in s to v, with no text in between.
func (s *Scenario) SetValue(name string, v Value) error {
	k, err := LookupKey(name, s)
	if err != nil {
		return err
	}
	return k.SetValue(s, v)
}

// Get returns the value of a dotted key as Set takes it: a plain key, a
// distribution (its compact form), or a distribution's part such as
// "unit_cost.acute.mode" or "unit_cost.acute.dist".
func (s *Scenario) Get(name string) (string, error) {
	v, k, err := s.Value(name)
	if err != nil {
		return "", err
	}
	return k.Format(v), nil
}

// Set changes one scenario value by its dotted key, as `--set key=value` and
// the Scenario sheet write it: "capacity_starts", "unit_cost.acute.mode",
// "deploy_years.dist". Changing a distribution's dist carries over what it
// can of the old parameters (see Distribution.WithKind); from then on the new
// kind's parameters are the ones that can be set, and a parameter the kind
// does not take is refused with a *ParamError. Setting a lognormal's p10 or
// p90 switches it to the p10/p90 form, and median or sigma back.
func (s *Scenario) Set(name, text string) error {
	k, err := LookupKey(name, s)
	if err != nil {
		return err
	}
	v, err := k.Parse(text)
	if err != nil {
		return err
	}
	return k.SetValue(s, v)
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
	c.EnvelopeUpliftByYear = maps.Clone(s.EnvelopeUpliftByYear)
	c.Sources = maps.Clone(s.Sources)
	return c
}
