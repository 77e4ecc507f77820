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
