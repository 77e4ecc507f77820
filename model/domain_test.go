package model

import (
	"math"
	"strings"
	"testing"
)

// Each distribution outside its input's domain is refused in one sentence
// naming the key, the distribution, the domain and the share outside.
func TestDistributionDomains(t *testing.T) {
	cases := []struct {
		name string
		set  func(*Scenario)
		want string // "" when accepted
	}{
		{"normal unit cost through 0", func(s *Scenario) { s.UnitCost[Acute] = NormalDist(0.1, 5) },
			"unit_cost.acute: normal(mean 0.1, sd 5) puts 49% of its probability at or below 0; want unit costs > 0"},
		{"fixed unit cost 0", func(s *Scenario) { s.UnitCost[Community] = FixedDist(0) },
			"unit_cost.community: fixed(0) puts 100% of its probability at or below 0; want unit costs > 0"},
		{"uniform unit cost below 0", func(s *Scenario) { s.UnitCost[Ambulance] = UniformDist(-1, 2) },
			"unit_cost.ambulance: uniform(-1, 2) puts 33% of its probability at or below 0; want unit costs > 0"},
		{"pert unit cost from 0", func(s *Scenario) { s.UnitCost[Acute] = PERTDist(0, 1, 2) }, ""},
		{"lognormal unit cost", func(s *Scenario) { s.UnitCost[Acute] = LognormalDist(1.5, 1) }, ""},
		{"pert optimism bias above 3", func(s *Scenario) { s.OptimismBias = PERTDist(0.1, 0.3, 4) },
			"optimism_bias: pert(0.1, 0.3, 4) puts 0.22% of its probability above 3; want optimism_bias within 0–3"},
		{"normal optimism bias both tails", func(s *Scenario) { s.OptimismBias = NormalDist(1.5, 1) },
			"optimism_bias: normal(mean 1.5, sd 1) puts 13% of its probability outside 0–3; want optimism_bias within 0–3"},
		{"normal optimism bias inside", func(s *Scenario) { s.OptimismBias = NormalDist(1.5, 0.4) }, ""},
		{"normal duration bias at -0.5", func(s *Scenario) { s.DurationBias = NormalDist(-0.5, 1) },
			"duration_bias: normal(mean -0.5, sd 1) puts 50% of its probability outside -0.5–3; want duration_bias within -0.5–3"},
		{"uniform duration bias over the whole domain", func(s *Scenario) { s.DurationBias = UniformDist(-0.5, 3) }, ""},
		{"triangular deploy years below 0.25", func(s *Scenario) { s.DeployYears = TriangularDist(0.1, 1, 2) },
			"deploy_years: triangular(0.1, 1, 2) puts 1.3% of its probability below 0.25; want deploy_years within 0.25–20"},
		{"lognormal deploy years just below", func(s *Scenario) { s.DeployYears = LognormalDist(1, 0.4) },
			"deploy_years: lognormal(median 1, sigma 0.4) puts 0.026% of its probability below 0.25; want deploy_years within 0.25–20"},
		{"lognormal deploy years just inside", func(s *Scenario) { s.DeployYears = LognormalDist(1.2, 0.4) }, ""},
		{"fixed deploy years above 20", func(s *Scenario) { s.DeployYears = FixedDist(25) },
			"deploy_years: fixed(25) puts 100% of its probability above 20; want deploy_years within 0.25–20"},
		{"normal inflation below -0.1", func(s *Scenario) { s.Inflation = NormalDist(0.02, 0.05) },
			"inflation: normal(mean 0.02, sd 0.05) puts 0.82% of its probability below -0.1; want inflation within -0.1–0.3"},
		{"lognormal inflation above 0.3", func(s *Scenario) { s.Inflation = LognormalDist(0.02, 2) },
			"inflation: lognormal(median 0.02, sigma 2) puts 8.8% of its probability above 0.3; want inflation within -0.1–0.3"},
		{"uniform size elasticity above 2", func(s *Scenario) { s.SizeElasticity = UniformDist(0, 2.5) },
			"size_elasticity: uniform(0, 2.5) puts 20% of its probability above 2; want size_elasticity within 0–2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := DefaultScenario()
			c.set(&sc)
			err := sc.Validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.want != "" && (err == nil || err.Error() != c.want):
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
}

// Plain keys outside their domains are refused naming the key and domain.
func TestScalarDomains(t *testing.T) {
	cases := []struct {
		name string
		set  func(*Scenario)
		want string
	}{
		{"local_share", func(s *Scenario) { s.LocalShare = 1.5 }, "local_share: 1.5 is outside 0–1"},
		{"discount_rate high", func(s *Scenario) { s.DiscountRate = 0.25 }, "discount_rate: 0.25 is outside 0–0.2"},
		{"discount_rate negative", func(s *Scenario) { s.DiscountRate = -0.01 }, "discount_rate: -0.01 is outside 0–0.2"},
		{"trust_sigma", func(s *Scenario) { s.TrustSigma = 2.5 }, "trust_sigma: 2.5 is outside 0–2"},
		{"capacity_starts 0", func(s *Scenario) { s.CapacityStarts = 0 }, "capacity_starts: 0 is outside 1–100,000"},
		{"capacity_starts large", func(s *Scenario) { s.CapacityStarts = 100_001 }, "capacity_starts: 100001 is outside 1–100,000"},
		{"envelope_after_m", func(s *Scenario) { s.EnvelopeAfterM = -1 }, "envelope_after_m: -1 is below 0"},
		{"envelope_uplift_m", func(s *Scenario) { s.EnvelopeUpliftM = -5 }, "envelope_uplift_m: -5 is below 0"},
		{"envelope_uplift_m not finite", func(s *Scenario) { s.EnvelopeUpliftM = math.Inf(1) }, "envelope_uplift_m: +Inf is not a finite number"},
		{"core_threshold 0", func(s *Scenario) { s.CoreThreshold = 0 }, "core_threshold: 0 is not above 0"},
		{"core_threshold 101", func(s *Scenario) { s.CoreThreshold = 101 }, "core_threshold: 101 is above 100"},
		{"plan_total_m", func(s *Scenario) { s.PlanTotalM = 0 }, "plan_total_m: 0 is not above 0"},
		{"iterations", func(s *Scenario) { s.Iterations = MaxIterations + 1 }, "iterations: 10000001 is outside 1–10,000,000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := DefaultScenario()
			c.set(&sc)
			if err := sc.Validate(); err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
	sc := DefaultScenario()
	sc.LocalShare, sc.TrustSigma, sc.DiscountRate, sc.CapacityStarts = 1, 2, 0.2, 100_000
	sc.EnvelopeAfterM, sc.EnvelopeUpliftM = 0, 0
	if err := sc.Validate(); err != nil {
		t.Errorf("the edges of the domains are inside: %v", err)
	}
}

// A whole-number key is refused as it is set when outside its domain, in
// the digits it was given.
func TestSetWholeNumberOutsideDomain(t *testing.T) {
	cases := []struct{ key, value, want string }{
		{"capacity_starts", "9223372036854775807", "capacity_starts: 9223372036854775807 is outside 1–100,000"},
		{"capacity_starts", "-3", "capacity_starts: -3 is outside 1–100,000"},
		{"capacity_starts", "6.5", `capacity_starts: "6.5" is not a whole number`},
		{"iterations", "0", "iterations: 0 is outside 1–10,000,000"},
		{"iterations", "1e300", "iterations: 1e300 is outside 1–10,000,000"},
	}
	for _, c := range cases {
		sc := DefaultScenario()
		if err := sc.Set(c.key, c.value); err == nil || err.Error() != c.want {
			t.Errorf("Set(%s=%s) = %v, want %q", c.key, c.value, err, c.want)
		}
	}
}

func TestDomainText(t *testing.T) {
	cases := []struct {
		d    Domain
		want string
	}{
		{Between(0, 3), "0–3"}, {Above(0), "> 0"}, {AtLeast(0), "≥ 0"}, {Between(1, 100_000), "1–100,000"},
		{Between(-0.5, 3), "-0.5–3"}, {Domain{Lo: 0, LoOpen: true, Hi: 100}, "> 0 and ≤ 100"}, {Domain{Lo: math.Inf(-1), Hi: math.Inf(1)}, "any number"}, {Domain{Lo: math.Inf(-1), Hi: 5}, "≤ 5"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
	for p, want := range map[float64]string{1: "100%", 0.99995: "over 99.99%", 0.995: "99.5%", 0.49: "49%", 0.013: "1.3%", 0.0996: "10%", 0.0082: "0.82%", 0.00026: "0.026%", 1e-9: "under 0.01%"} {
		if got := percent(p); got != want {
			t.Errorf("percent(%g) = %q, want %q", p, got, want)
		}
	}
}

// Every key in the registry has a domain that its default lies in, and the
// DESIGN's domains are the registry's.
func TestRegistryDomains(t *testing.T) {
	want := map[string]string{
		"unit_cost.acute": "> 0", "size_elasticity": "0–2", "optimism_bias": "0–3", "duration_bias": "-0.5–3",
		"deploy_years": "0.25–20", "inflation": "-0.1–0.3", "trust_sigma": "0–2", "local_share": "0–1",
		"discount_rate": "0–0.2", "capacity_starts": "1–100,000", "envelope_after_m": "≥ 0", "envelope_uplift_m": "≥ 0",
	}
	got := map[string]string{}
	for _, k := range ScalarKeys() {
		if k.Kind == KindFloat || k.Kind == KindInt || k.Kind == KindUplift {
			got[k.Name] = k.Domain.String()
		}
	}
	for _, k := range DistributionKeys() {
		got[k.Name] = k.Domain.String()
		if strings.HasPrefix(k.Name, "unit_cost.") && k.Domain.Noun != "unit costs" {
			t.Errorf("%s is not named unit costs", k.Name)
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: domain %q, want %q", k, got[k], w)
		}
	}
}

func TestDomainContains(t *testing.T) {
	for _, c := range []struct {
		d    Domain
		v    float64
		want bool
	}{
		{Above(0), 0, false}, {Above(0), 1e-300, true}, {AtLeast(0), 0, true}, {Between(0, 3), 3, true},
		{Between(0, 3), 3.0000001, false}, {Between(0, 3), math.NaN(), false}, {Above(0), math.Inf(1), true},
	} {
		if got := c.d.Contains(c.v); got != c.want {
			t.Errorf("%s contains %g: %v, want %v", c.d, c.v, got, c.want)
		}
	}
	if lo, hi := Above(0).ClampBounds(); !(lo > 0) || !math.IsInf(hi, 1) {
		t.Errorf("clamp bounds of > 0: %g, %g", lo, hi)
	}
}
