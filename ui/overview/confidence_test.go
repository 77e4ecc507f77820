package overview

import (
	"math"
	"strings"
	"testing"
)

// A confidence means what it says typed as a percentage or a fraction; 1
// is ambiguous and refused, as is anything from 100% up or not above 0.
func TestParseConfidence(t *testing.T) {
	good := map[string]float64{
		"90": 0.9, "87.5": 0.875, "90%": 0.9, " 90 % ": 0.9, "0.9": 0.9, "0.5": 0.5,
		"1%": 0.01, "99": 0.99, "99.9": 0.999, "0.99": 0.99, "2": 0.02, "50%": 0.5,
	}
	for text, want := range good {
		got, err := parseConfidence(text)
		if err != nil || math.Abs(got-want) > 1e-12 {
			t.Errorf("parseConfidence(%q) = %v, %v; want %v", text, got, err, want)
		}
	}
	refused := map[string]string{
		"1": "ambiguous", "1.0": "ambiguous", "100": "below 100%", "100%": "below 100%",
		"8090": "below 100%", "0": "above 0%", "-5": "above 0%", "": "not a confidence",
		"ninety": "not a confidence", "NaN": "not a confidence", "Inf": "not a confidence",
	}
	for text, want := range refused {
		if _, err := parseConfidence(text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseConfidence(%q): %v, want an error saying %q", text, err, want)
		}
	}
	if _, err := parseConfidence("1"); err == nil || !strings.Contains(err.Error(), "99 or 0.99") {
		t.Errorf("parseConfidence(1) does not say what to type: %v", err)
	}
}
