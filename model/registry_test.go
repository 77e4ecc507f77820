package model

import (
	"strings"
	"testing"
)

// Every key's value survives Format then Parse then SetValue unchanged, for
// the plain keys, the distributions' kinds and their parameters.
func TestRegistryRoundTrip(t *testing.T) {
	sc := DefaultScenario()
	sc.Seed = 1<<64 - 1
	var names []string
	for _, k := range Keys() {
		if k.Kind == KindDistribution {
			names = append(names, k.Name+".dist")
			for _, p := range k.Dist(&sc).Kind.Takes() {
				names = append(names, k.Name+"."+p)
			}
			continue
		}
		names = append(names, k.Name)
	}
	for _, n := range names {
		v, k, err := sc.Value(n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		text := k.Format(v)
		back, err := k.Parse(text)
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", n, text, err)
			continue
		}
		next := sc.Clone()
		if err := next.SetValue(n, back); err != nil {
			t.Errorf("%s: SetValue: %v", n, err)
		}
		if got, _ := next.Get(n); got != text {
			t.Errorf("%s: %q after the round trip, want %q", n, got, text)
		}
	}
}

// The registry knows each key's kind and choices; nothing else needs to.
func TestRegistryKinds(t *testing.T) {
	want := map[string]Kind{
		"name": KindText, "base_year": KindYear, "iterations": KindInt, "seed": KindSeed, "sampling": KindChoice,
		"include_planned": KindBool, "local_share": KindFloat, "optimism_bias": KindDistribution,
		"unit_cost.acute.dist": KindChoice, "unit_cost.acute.mode": KindFloat,
	}
	sc := DefaultScenario()
	for n, kind := range want {
		k, err := LookupKey(n, &sc)
		if err != nil || k.Kind != kind {
			t.Errorf("%s: kind %v, %v; want %v", n, k.Kind, err, kind)
		}
	}
	k, _ := LookupKey("priority", nil)
	if len(k.Choices) != len(Priorities()) {
		t.Errorf("priority choices %v", k.Choices)
	}
	if _, err := LookupKey("unit_cost.acute.mean", &sc); err == nil || !strings.Contains(err.Error(), "a pert distribution has no parameter mean") {
		t.Errorf("mean on a pert: %v", err)
	}
	if err := sc.SetValue("iterations", Value{Int: 1 << 40}); err == nil {
		t.Error("iterations of 2^40 accepted")
	}
	if err := sc.SetValue("sampling", Value{Text: "sobol"}); err == nil {
		t.Error("sampling sobol accepted")
	}
	if err := sc.SetValue("capacity_starts", Value{Int: 150}); err != nil || sc.CapacityStarts != 150 {
		t.Errorf("capacity_starts: %v, %d", err, sc.CapacityStarts)
	}
}

// TestNamedKeysExist checks that the key names other packages use are
// keys of the registry, and that the short input names line up with the
// inputs.
func TestNamedKeysExist(t *testing.T) {
	for _, name := range []string{KeyCapacityStarts, KeyEnvelopeUplift} {
		if _, err := LookupKey(name, nil); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if len(InputShortNames()) != len(InputNames()) {
		t.Errorf("%d short names for %d inputs", len(InputShortNames()), len(InputNames()))
	}
}
