package model

import "testing"

func TestScenarioNeedsAName(t *testing.T) {
	const want = "name: a scenario needs a name (summary lines and sheets are labelled with it)"
	for _, v := range []string{"", "   ", "\t"} {
		sc := DefaultScenario()
		if err := sc.Set("name", v); err == nil || err.Error() != want {
			t.Errorf("Set(name=%q) = %v, want %q", v, err, want)
		}
		if sc.Name != "Baseline" {
			t.Errorf("a refused name was stored: %q", sc.Name)
		}
	}
	sc := DefaultScenario()
	sc.Name = " "
	if err := sc.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate = %v, want %q", err, want)
	}
}
