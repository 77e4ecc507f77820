package model

import (
	"strings"
	"testing"
)

// envelope_uplift_m is a number or a table by year, in --set and the
// registry alike; setting one year turns a number into a table.
func TestUpliftNumberOrTable(t *testing.T) {
	sc := DefaultScenario()
	if err := sc.Set("envelope_uplift_m", "100"); err != nil || sc.UpliftAt(2025) != 100 {
		t.Fatalf("uniform: %v, %v", err, sc.UpliftAt(2025))
	}
	if err := sc.Set("envelope_uplift_m.2020-21", "400"); err != nil {
		t.Fatal(err)
	}
	if sc.UpliftAt(2020) != 400 || sc.UpliftAt(2019) != 100 || sc.UpliftAt(2029) != 100 || sc.EnvelopeUpliftM != 0 {
		t.Errorf("after one year: %v, %v, %v (uniform %v)", sc.UpliftAt(2020), sc.UpliftAt(2019), sc.UpliftAt(2029), sc.EnvelopeUpliftM)
	}
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := sc.Set("envelope_uplift_m", `{ "2020-21" = 400, 2021-22 = 250 }`); err != nil {
		t.Fatal(err)
	}
	if got, _ := sc.Get("envelope_uplift_m"); got != `{ "2020-21" = 400, "2021-22" = 250 }` {
		t.Errorf("Get = %s", got)
	}
	if sc.UpliftAt(2019) != 0 || sc.UpliftAt(2021) != 250 {
		t.Errorf("years not listed get 0: %v %v", sc.UpliftAt(2019), sc.UpliftAt(2021))
	}
	c := sc.Clone()
	c.EnvelopeUpliftByYear[2020] = 1
	if sc.UpliftAt(2020) != 400 {
		t.Error("Clone shares the uplift table")
	}
	bad := []struct{ key, value, want string }{
		{"envelope_uplift_m.2040-41", "5", "envelope_uplift_m.2040-41: 2040-41 is outside the modelled years 2019-20 to 2029-30"},
		{"envelope_uplift_m.2021-22", "-5", "envelope_uplift_m.2021-22: -5 is below 0"},
		{"envelope_uplift_m", "-1", "envelope_uplift_m: -1"},
	}
	for _, b := range bad {
		s := DefaultScenario()
		err := s.Set(b.key, b.value)
		if err == nil {
			err = s.Validate()
		}
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s=%s: %v, want %q", b.key, b.value, err, b.want)
		}
	}
	for _, v := range []string{"{ 2020-21 = }", "{ 2020 = 5 }", "{ 2020-21 = 5, 2020-21 = 6 }", "{ 2020-21 = 5"} {
		s := DefaultScenario()
		if err := s.Set("envelope_uplift_m", v); err == nil {
			t.Errorf("%q accepted", v)
		}
	}
}
