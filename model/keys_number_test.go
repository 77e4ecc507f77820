package model

import (
	"strconv"
	"testing"
)

// TestScalarKeyNumber checks that Number gives the value Get writes for
// every numeric key, and nothing for the keys that hold text.
func TestScalarKeyNumber(t *testing.T) {
	sc := DefaultScenario()
	text := map[string]bool{"name": true, "base_year": true, "target_year": true, "horizon_year": true, "plan_from": true, "plan_to": true,
		"seed": true, "sampling": true, "priority": true, "include_planned": true}
	for _, k := range ScalarKeys() {
		v, ok := k.Number(&sc)
		if ok == text[k.Name] {
			t.Errorf("%s: Number says numeric %v", k.Name, ok)
			continue
		}
		if !ok {
			continue
		}
		got, err := strconv.ParseFloat(k.Get(&sc), 64)
		if err != nil || got != v {
			t.Errorf("%s: Number %v, Get %q", k.Name, v, k.Get(&sc))
		}
	}
}

// TestScenarioNumbers checks the numbers --set and the Scenario sheet take:
// as a person types them, never Go's own syntax.
func TestScenarioNumbers(t *testing.T) {
	k, err := LookupKey("envelope_after_m", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1200", 1200, true}, {"1,200", 1200, true}, {"1,234,567.5", 1234567.5, true}, {" 12.5 ", 12.5, true},
		{"3.5%", 0.035, true}, {"1e3", 1000, true}, {".5", 0.5, true},
		{"1_200", 0, false}, {"0x1p-1", 0, false}, {"Inf", 0, false}, {"NaN", 0, false}, {"1e400", 0, false},
		{"12,00", 0, false}, {"1,2345", 0, false}, {"", 0, false}, {"%", 0, false}, {"£5", 0, false},
	} {
		v, err := k.Parse(c.in)
		if (err == nil) != c.ok || c.ok && v.Num != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %v (ok %v)", c.in, v.Num, err, c.want, c.ok)
		}
	}
}
