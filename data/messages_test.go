package data

import "testing"

// Values a TOML file can hold but a scenario cannot are refused in the
// file's own terms: the digits written, the key's domain.
func TestTOMLScalarMessages(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"capacity_starts = 9223372036854775807\n", "s.toml: capacity_starts: 9223372036854775807 is outside 1–100,000"},
		{"capacity_starts = -9223372036854775808\n", "s.toml: capacity_starts: -9223372036854775808 is outside 1–100,000"},
		{"capacity_starts = 1e300\n", "s.toml: capacity_starts: 1e+300 is outside 1–100,000"},
		{"capacity_starts = 0\n", "s.toml: capacity_starts: 0 is outside 1–100,000"},
		{"capacity_starts = 2.5\n", `s.toml: capacity_starts: "2.5" is not a whole number`},
		{"iterations = 0\n", "s.toml: iterations: 0 is outside 1–10,000,000"},
		{"name = \"\"\n", "s.toml: name: a scenario needs a name (summary lines and sheets are labelled with it)"},
		{"name = \"  \"\n", "s.toml: name: a scenario needs a name (summary lines and sheets are labelled with it)"},
		{"envelope_uplift_m = -1\n", "s.toml: envelope_uplift_m: -1 is below 0"},
	}
	for _, c := range cases {
		_, err := ParseScenarioTOML("s.toml", []byte(c.doc))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v\nwant %s", c.doc, err, c.want)
		}
	}
	if sc, err := ParseScenarioTOML("s.toml", []byte("capacity_starts = 100000\nname = \" Wide \"\n")); err != nil || sc.CapacityStarts != 100_000 || sc.Name != "Wide" {
		t.Errorf("the top of the domain: %v, %d %q", err, sc.CapacityStarts, sc.Name)
	}
}
